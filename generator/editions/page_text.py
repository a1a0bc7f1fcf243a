"""The text of a rendered page apart from its markup, so that a conversion changes the text and never a tag.

A page is Markdown with blocks of HTML. Python's HTML tokenizer splits it into tags, entity references,
comments and text; only the text and the values of the attributes a reader is shown (`TEXT_ATTRIBUTES`)
go through the conversion, every other character of the page is copied as it is. Markdown's own marks are
ASCII and a phrase holds none (generator/editions/convert.py), so the text between the tags may hold them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser

from generator.editions.convert import KEEP_END, KEEP_START, identity

# Attributes whose value is text for the reader: a tooltip, an accessible name, a placeholder, the citation
# a cite button copies, a meta description.
TEXT_ATTRIBUTES = frozenset({"alt", "aria-description", "aria-label", "content", "data-cite", "label", "placeholder",
                             "title"})
_CODE = frozenset({"script", "style"})  # their content is code, never text
_ATTRIBUTE = re.compile(r"""(?<=[\s"'])([^\s"'/>=]+)(\s*=\s*)("[^"]*"|'[^']*')""")
# A character reference, or a character that means markup in text or in an attribute's value.
_MARKUP = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?|[<>&\"']")
_MARKS = re.compile(f"[{KEEP_START}{KEEP_END}]")
_MARK = re.compile(f"([{KEEP_START}{KEEP_END}])")
_SEPARATOR = "\ue002"


class _Tokens(HTMLParser):
    """Where each token of a page starts, and its kind: text, tag, reference (entity) or other markup."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=False)
        self.lines = [0, *(match.end() for match in re.finditer("\n", page))]
        self.starts: list[tuple[int, str, str]] = []
        self.feed(page)
        self.close()

    def _token(self, kind: str, tag: str = "") -> None:
        line, column = self.getpos()
        self.starts.append((self.lines[line - 1] + column, kind, tag))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._token("start", tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._token("tag")

    def handle_endtag(self, tag: str) -> None:
        self._token("end", tag)

    def handle_data(self, data: str) -> None:
        self._token("text")

    def handle_entityref(self, name: str) -> None:
        self._token("reference")

    def handle_charref(self, name: str) -> None:
        self._token("reference")

    def handle_comment(self, data: str) -> None:
        self._token("markup")

    def handle_decl(self, decl: str) -> None:
        self._token("markup")

    def handle_pi(self, data: str) -> None:
        self._token("markup")

    def unknown_decl(self, data: str) -> None:
        self._token("markup")


def tokens(page: str) -> Iterator[tuple[str, str, str]]:
    """(kind, tag, source) of each token of `page`, in order; their sources joined give the page back. The
    content of <script> and <style> is `code`; text next to text is one token."""
    starts = _Tokens(page).starts
    ends = [start for start, _, _ in starts[1:]] + [len(page)]
    inside = ""
    pending: list[str] = []
    for (start, kind, tag), end in zip(starts, ends):
        if kind == "text":
            if inside:
                yield "code", "", page[start:end]
            else:
                pending.append(page[start:end])
            continue
        if pending:
            yield "text", "", "".join(pending)
            pending = []
        if kind == "start" and tag in _CODE:
            inside = tag
        elif kind == "end" and tag == inside:
            inside = ""
        yield kind, tag, page[start:end]
    if pending:
        yield "text", "", "".join(pending)


def convert_page(page: str, convert: Callable[[str], str]) -> str:
    """`page` with `convert` applied to its text only: the text between tags and references, and the values
    of `TEXT_ATTRIBUTES`. A span between the keep marks (convert.keep) is kept as it is, tags and all; the
    marks are removed."""
    if convert is identity:  # no text changes: only the marks go
        return _MARKS.sub("", page)
    texts = _Texts()
    out: list[str | int] = []
    kept = False
    for kind, _, source in tokens(page):
        if kind == "text":
            kept = texts.add(source, kept, out)
        elif kind in ("start", "tag") and not kept:
            at = 0
            for attribute in _ATTRIBUTE.finditer(source):
                name, quoted = attribute.group(1), attribute.group(3)
                if name.lower() in TEXT_ATTRIBUTES:
                    out.append(source[at:attribute.start(3) + 1])
                    texts.add(quoted[1:-1], False, out)
                    at = attribute.end(3) - 1
            out.append(_MARKS.sub("", source[at:]))
        else:
            out.append(_MARKS.sub("", source))
    converted = texts.converted(convert)
    return "".join(converted[part] if isinstance(part, int) else part for part in out)


class _Texts:
    """The pieces of text of a page, converted in one call (OpenCC is quick on one long text, slow on many
    short ones), and escaped: a phrase that looks like markup is printed as text."""

    def __init__(self) -> None:
        self.pieces: list[str] = []

    def add(self, source: str, kept: bool, out: list[str | int]) -> bool:
        """Put `source` into `out`: its pieces to convert by number, around its keep marks, references and
        markup characters. Returns whether it ends inside a kept span (`kept`: whether it begins in one)."""
        for index, piece in enumerate(_MARK.split(source)):
            if index % 2:
                kept = piece == KEEP_START
            elif kept:
                out.append(piece)
            else:
                at = 0
                for markup in _MARKUP.finditer(piece):
                    if markup.start() > at:
                        out.append(self._number(piece[at:markup.start()]))
                    out.append(markup.group())
                    at = markup.end()
                if at < len(piece):
                    out.append(self._number(piece[at:]))
        return kept

    def _number(self, text: str) -> int:
        self.pieces.append(text)
        return len(self.pieces) - 1

    def converted(self, convert: Callable[[str], str]) -> list[str]:
        # Content never holds the separator (a private-use character) and no phrase can match across it.
        converted = convert(_SEPARATOR.join(self.pieces)).split(_SEPARATOR)
        if len(converted) != len(self.pieces):
            converted = [convert(piece) for piece in self.pieces]
        return [html.escape(text) for text in converted]
