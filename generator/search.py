"""The search of an edition: one record per item, plan, agency, theme and cited document, indexed by Pagefind.

Pagefind keeps the index in chunks that the browser loads as a query needs them, with filters and
metadata (`overrides/assets/search.js` asks it). Its own reading of Chinese (dictionary words) misses a
word inside a longer word and knows one script only, so every record reaches it as `tokens()`: each run
of Han or kana cut into overlapping character pairs, the way Lucene's CJK analyzer makes every part of
a word findable, every run of letters and digits as one word. search.js cuts the query the same way and
asks for the pairs of each run as an exact phrase: 开放许可 is found inside 专利开放许可, in either script.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup
from pydantic import Field

from generator.corpus import Corpus, Entry
from generator.editions import label
from generator.errors import ContentError
from generator.laws import Law
from generator.load import Document, load_list
from generator.models import Id, Model, Plan, Text
from generator.render import Renderer, item_label

_RUN = re.compile(r"[\u3005\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+|[0-9a-z]+")
# Pagefind's bundle files the site's own search page does not use (its stock interfaces).
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
           "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")
BUNDLE = "pagefind"
SYNONYMS = Path("translations") / "ja-search.yaml"  # Japanese readers' words for the search
LANGUAGE = "zz"  # no language of Pagefind's: its tokens stay as they are, neither stemmed nor segmented
PAGE_KINDS = ("plan", "agency", "theme", "law")
PAGE_TOKEN = "pgpage"  # marks the records of pages (plans, agencies, themes, cited documents)


def normalize(text: str) -> str:
    """The form both the index and the query are read in: NFKC (full-width digits and letters), lower case."""
    return unicodedata.normalize("NFKC", text).lower()


def tokens(text: str) -> list[str]:
    """Han and kana runs as overlapping pairs (a one-character run as itself), other runs as words.
    search.js's `runs` and `pairs` are the same function: change both or neither."""
    words: list[str] = []
    for run in _RUN.findall(normalize(text)):
        if run[0].isascii() or len(run) == 1:
            words.append(run)
        else:
            words.extend(run[i:i + 2] for i in range(len(run) - 1))
    return words


def encode(token: str) -> str:
    """A token as Pagefind indexes it: ASCII, so that no segmenter of Pagefind's cuts it again (it splits
    Han into single characters). A pair is `b` and each character's code point in four base-36 digits,
    so that the code of a character alone is a prefix of every pair it begins; a single character is
    `u` and its code, a word `w` and the word. search.js's `encode` is the same function."""
    if token.isascii():
        return "w" + token
    codes = "".join(_base36(ord(char)).rjust(4, "0") for char in token)
    return ("b" if len(token) == 2 else "u") + codes


def _fnv(text: str) -> str:
    """FNV-1a over the code points of `text`, in base 36 (search.js computes the same)."""
    value = 0x811C9DC5
    for char in text:
        value = ((value ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return _base36(value)


def name_token(name: str) -> str:
    """The token that marks a page named `name`: a query that is exactly a name of an agency, theme, plan or
    cited document finds that page first (the name without spaces, in the form the query is read in)."""
    return "nm" + _fnv(re.sub(r"\s+", "", normalize(name)))


def filter_token(name: str, value: str) -> str:
    """The token of a filter's value (plan, year, agency, theme, kind). Filters are words of the index,
    not Pagefind's own filters, whose index Pagefind does not write the same way twice."""
    return "fl" + _fnv(f"{name}:{value}")


def _base36(value: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        value, rest = divmod(value, 36)
        out = digits[rest] + out
        if not value:
            return out


@dataclass
class Record:
    """What the search knows of one result: shown fields in the edition's script, and what finds it."""

    url: str  # site path of the edition, with the item's anchor
    kind: str  # an item kind (task, measure, …) or a page kind (plan, agency, theme, law)
    title: str
    text: str = ""
    other: str = ""  # the text in the other Chinese script, character for character (highlights what it found)
    translation: str = ""  # the Japanese reference translation (the Japanese edition)
    lang: str = "zh-Hans"  # of title and text
    plan: str = ""  # the plan's short title, shown with an item
    year: str = ""
    number: str = ""  # how a reader names the item
    lead: str = ""  # the lead agency's name
    names: tuple[str, ...] = ()  # the names that make a page the first result
    extra: tuple[str, ...] = ()  # further words that find it (Japanese terms, the other script of a title)
    filters: dict[str, list[str]] = field(default_factory=dict)

    def content(self) -> str:
        """The words beside the title (which the weighted heading holds): the text, the other script, the
        translation, further words, then the tokens of the page's names and of its filters' values."""
        text = self.text.removeprefix(self.title) if self.title else self.text
        words = [*tokens(text), *tokens(self.other), *tokens(self.translation)]
        for extra in self.extra:
            words.extend(tokens(extra))
        names = [name_token(name) for name in self.names if name]
        filters = [filter_token(name, value) for name, values in self.filters.items() for value in values]
        marks = [PAGE_TOKEN] if self.kind in PAGE_KINDS else []
        return " ".join([*map(encode, words), *names, *filters, *marks])

    def html(self) -> str:
        """The record as a page for Pagefind's indexer: the tokens in its body, the shown fields as metadata."""
        meta = {"href": self.url, "kind": self.kind, "title": self.title, "text": self.text, "other": self.other,
                "ja": self.translation, "lang": self.lang, "plan": self.plan, "year": self.year,
                "number": self.number, "lead": self.lead, "plan_id": self.filters.get("plan", [""])[0]}
        fields = "".join(f'<span data-pagefind-meta="{key}">{html.escape(value)}</span>'
                         for key, value in meta.items() if value)
        title = " ".join(map(encode, tokens(self.title)))
        return (f'<!DOCTYPE html><html lang="{LANGUAGE}"><head><meta charset="utf-8">'
                f"<title>{html.escape(title)}</title>"
                f'</head><body><main data-pagefind-body><h1 data-pagefind-weight="3">{html.escape(title)}</h1>'
                f"<p>{html.escape(self.content())}</p><div data-pagefind-ignore>{fields}</div></main></body></html>")


def year(plan: Plan) -> str:
    """The plan's year as the search shows and filters it ("" when the plan names none)."""
    return str(plan.year) if plan.year else ""


def records(renderer: Renderer, other: Callable[[str], str], documents: Iterable[Law] = (),
            translation: Callable[[Entry], str] = lambda _: "",
            extra: Callable[[str], Iterable[str]] = lambda _: ()) -> list[Record]:
    """Every record of the edition: items at their anchors, then plans, agencies, themes and cited documents.
    `other` turns the shown text into the other Chinese script, `documents` are the cited documents,
    `translation` gives an item's Japanese reference translation, `extra` further words for a text (the
    Japanese term base)."""
    corpus, edition = renderer.corpus, renderer.edition
    show = renderer.convert
    lang = edition.body_lang
    found: list[Record] = []

    def kind_label(kind: str) -> str:
        return show(label(f"kind.{kind}", edition))

    def both(text: str) -> tuple[str, str]:
        shown = show(text)
        alternate = other(shown)
        return shown, alternate if len(alternate) == len(shown) else ""

    for entry in corpus.entries:
        item = entry.item
        title = item.heading if item.kind in ("section", "subsection") else (item.title or "")
        body = " ".join(piece for piece in item.printed() if piece and piece != item.heading and piece != item.title)
        shown_title, _ = both(title)
        text, alternate = both(f"{title} {body}".strip())
        agencies = [*entry.lead, *entry.participants]
        found.append(Record(
            url=entry.url, kind=item.kind, title=shown_title, text=text, other=alternate,
            translation=translation(entry), lang=lang, plan=show(renderer.plan_short(entry.plan)),
            year=year(entry.plan), number=show(item_label(entry, edition)),
            lead=show(renderer.agency_name(entry.lead[0])) if entry.lead else "",
            extra=(item.anchor, *extra(f"{title} {body}")),
            filters={"plan": [entry.plan.id], "year": [year(entry.plan)], "kind": [item.kind],
                     "agency": list(dict.fromkeys(agencies)), "theme": list(entry.themes)},
        ))
    for plan in corpus.plans:
        shown, alternate = both(plan.title)
        found.append(Record(
            url=f"plans/{plan.id}/", kind="plan", number=kind_label("plan"), title=show(renderer.plan_title(plan)),
            text=shown, other=alternate,
            translation=plan.title_ja or "", lang=lang, year=year(plan),
            names=(plan.title, show(plan.title), plan.title_ja or "", show(renderer.plan_short(plan))),
            filters={"plan": [plan.id], "year": [year(plan)], "kind": ["plan"]},
        ))
    for agency in corpus.agencies.values():
        forms = list(dict.fromkeys([agency.name, *agency.names]))
        shown, alternate = both("、".join(forms))
        found.append(Record(
            url=f"agencies/{agency.id}/", kind="agency", number=kind_label("agency"),
            title=show(renderer.agency_name(agency)), text=shown,
            other=alternate, translation=agency.name_ja, lang=lang,
            names=(*forms, *(show(form) for form in forms), agency.name_ja),
            filters={"agency": [agency.id], "kind": ["agency"]},
        ))
    for theme in corpus.themes.values():
        shown, alternate = both("、".join([theme.name, *(theme.description or "",)]).strip("、"))
        found.append(Record(
            url=f"themes/{theme.id}/", kind="theme", number=kind_label("theme"),
            title=show(renderer.theme_name(theme)), text=shown,
            other=alternate, translation=theme.name_ja, lang=lang,
            names=(theme.name, show(theme.name), theme.name_ja),
            filters={"theme": [theme.id], "kind": ["theme"]},
        ))
    for document in documents:
        forms = list(dict.fromkeys([document.title, *document.forms]))
        shown, alternate = both("、".join(f"《{form}》" for form in forms))
        found.append(Record(
            url=f"laws/{document.id}/", kind="law", number=kind_label("law"),
            title=document.name_ja if edition.translation and document.name_ja else show(document.title),
            text=shown, other=alternate, translation=document.name_ja or "", lang=lang,
            names=(*forms, *(show(form) for form in forms), *([document.name_ja] if document.name_ja else [])),
            filters={"kind": ["law"]},
        ))
    return found


class Synonym(Model):
    """Words Japanese readers type for a Chinese term that the reference translation renders otherwise."""

    id: Id
    words: list[Text] = Field(min_length=1)
    terms: list[Text] = Field(min_length=1)


def reader_words(content: Path, corpus: Corpus) -> Callable[[str], list[str]]:
    """The words of `content/translations/ja-search.yaml` a text is found by: those of every entry one of
    whose terms the text holds. A term that no item holds stops the build at its line."""
    path = content / SYNONYMS
    if not path.exists():
        return lambda _: []
    synonyms = load_list(path, "synonyms", Synonym)
    texts = [entry.text for entry in corpus.entries]
    for index, synonym in enumerate(synonyms):
        for position, term in enumerate(synonym.terms):
            if not any(term in text for text in texts):
                raise Document.read(path).error(("synonyms", index, "terms", position),
                                                f"key 'terms': expected a term the plans print, found {term!r}",
                                                hint="a term as it occurs in the text of an item")
    return lambda text: [word for synonym in synonyms if any(term in text for term in synonym.terms)
                         for word in synonym.words]


def write_bundle(site_dir: Path, found: list[Record]) -> int:
    """Index `found` with Pagefind into `site_dir/pagefind/`; returns the bundle's size in bytes."""
    with tempfile.TemporaryDirectory(prefix="pagefind-") as staging:
        root = Path(staging)
        for number, record in enumerate(found):
            (root / f"{number}.html").write_text(record.html(), encoding="utf-8")
        output = site_dir / BUNDLE
        shutil.rmtree(output, ignore_errors=True)
        done = subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", str(root), "--output-path", str(output), "--silent"],
            capture_output=True, text=True, check=False,
        )
        if done.returncode != 0:
            said = (done.stderr or done.stdout).strip().splitlines()
            found = said[-1] if said else f"exit status {done.returncode}"
            raise ContentError(output, None, f"expected Pagefind to index the search, found it failing: {found}",
                               hint="run `python -m pagefind --help` to check the pagefind package")
    for name in _UNUSED:
        (output / name).unlink(missing_ok=True)
    return sum(path.stat().st_size for path in output.rglob("*") if path.is_file())


def facets(renderer: Renderer) -> dict[str, dict[str, str]]:
    """The names of the filters' values in the edition's language, for the search page."""
    corpus, show = renderer.corpus, renderer.convert
    years = sorted({year(plan) for plan in corpus.plans} - {""}, reverse=True)
    return {
        "plan": {plan.id: show(renderer.plan_short(plan)) for plan in corpus.plans},
        "year": {value: value for value in years},
        "agency": {agency.id: show(renderer.agency_name(agency)) for agency in corpus.agencies.values()},
        "theme": {theme.id: show(renderer.theme_name(theme)) for theme in corpus.themes.values()},
        "kind": {kind: show(label(f"kind.{kind}", renderer.edition)) for kind in
                 ("notice", "preamble", "section", "subsection", "task", "measure", "closing", *PAGE_KINDS)},
    }


def pages(renderer: Renderer) -> dict[str, str]:
    """The search page, with the names of the filters' values (also as JSON, safe inside <script>)."""
    values = facets(renderer)
    data = json.dumps(values, ensure_ascii=False, separators=(",", ":"))
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return {"search/index.md": renderer.page("search.md.j2", "search/", facets=values, facets_json=Markup(data))}
