"""The search index of an edition: one entry per citable item, segmented with jieba.

Material's search plugin indexes a page by its headings, so a hit inside task 118 would lead to
the top of its section. This module replaces the entries of the generated pages with one entry
per item (its anchor as location) and one per agency and theme.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import jieba

from generator.convert import simplified
from generator.corpus import Corpus
from generator.render import Renderer, item_label

jieba.setLogLevel(60)  # no progress messages in the build log (Material's search may load jieba first)
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
ZWSP = "\u200b"
MAX_TITLE_WORD = 10  # longer titles of cited documents are cut like any text


def user_words(corpus: Corpus, terms: Sequence[str] = ()) -> list[str]:
    """Terms that must stay whole: agency names, theme names and keywords, `terms` (the glossary, cited
    titles) and the few words only search needs."""
    words = {name for agency in corpus.agencies.values() for name in [agency.name, *agency.names]}
    for theme in corpus.themes.values():
        words.update([theme.name, *theme.keywords])
    words.update(SEARCH_WORDS)
    words.update(terms)
    return sorted(word for word in words if len(word) > 1)


# Words jieba's general dictionary cuts apart that no name, keyword or glossary term of the data holds:
# campaign names and common queries.
SEARCH_WORDS = ("剑网", "昆仑", "质押融资", "专利审查", "商标审查")


_PREPARED: set[tuple[str, ...]] = set()


def _prepare(words: tuple[str, ...]) -> None:
    """Load the user words into jieba once per process."""
    if words in _PREPARED:
        return
    for word in words:
        jieba.add_word(word, freq=2_000_000)
    _PREPARED.add(words)


def tokens(text: str) -> tuple[str, ...]:
    """The Simplified text cut into words: jieba for Han runs, the rest kept as it is."""
    return _tokens(text, len(_PREPARED))


@cache
def _tokens(text: str, dictionary: int) -> tuple[str, ...]:
    """`dictionary` counts the user word lists loaded: a new one makes the cached cuts stale."""
    pieces: list[str] = []
    last = 0
    for match in _HAN.finditer(text):
        pieces.append(text[last:match.start()])
        pieces.extend(jieba.cut(match[0], HMM=True))
        last = match.end()
    pieces.append(text[last:])
    return tuple(piece for piece in pieces if piece)


@cache
def _parts(text: str, dictionary: int) -> tuple[str, ...]:
    """The shorter words inside the long words of `text`."""
    return tuple(part for word in tokens(text) if len(word) > 2 and _HAN.fullmatch(word)
                 for part in jieba.cut_for_search(word) if part != word and len(part) > 1)


class Segmenter:
    """Segments Simplified text for an edition's index. The words are cut once, in Simplified (jieba's
    dictionary is Simplified), then converted: s2tw keeps lengths, so the cuts hold in Traditional."""

    def __init__(self, convert: Callable[[str], str], alternate: Callable[[str], str]) -> None:
        self.convert = convert
        self.alternate = alternate

    def __call__(self, text: str) -> str:
        return self.convert(ZWSP.join(tokens(text)))

    def shown(self, text: str) -> str:
        """Text already in the edition's script (a page title), cut where its Simplified form is cut."""
        base = simplified(text)
        if len(base) != len(text):
            return text
        cuts, position = [], 0
        for word in tokens(base):
            cuts.append(text[position:position + len(word)])
            position += len(word)
        return ZWSP.join(cuts)

    def hidden(self, *texts: str) -> str:
        """What the index holds besides the shown texts: the parts of long words (马德里 of 马德里体系), and
        every word in the other script where it differs (repeats kept, so that both scripts rank alike)."""
        words = [word for text in texts for word in tokens(text)]
        parts = [part for text in texts for part in _parts(text, len(_PREPARED))]
        cut = ZWSP.join([*words, *parts])
        shown = self.convert(cut).split(ZWSP)
        other = self.alternate(cut).split(ZWSP)
        differing = [o for s, o in zip(shown, other, strict=True) if o != s and _HAN.search(o)]
        return " ".join([*shown[len(words):], *differing])


def entries(renderer: Renderer, segment: Segmenter, glossary: Sequence[tuple[str, str]] = (),
            titles: Sequence[str] = ()) -> list[dict[str, Any]]:
    """The index entries of an edition: every item at its anchor, every plan, agency and theme.
    `glossary` pairs (Simplified term, Japanese term): the Japanese edition finds an item by either.
    `titles` of cited documents stay whole words (the short ones: 专利法实施细则, not a whole policy title)."""
    corpus, edition = renderer.corpus, renderer.edition
    short_titles = {title.removeprefix("中华人民共和国") for title in titles}
    words = [chinese for chinese, _ in glossary] + [t for t in short_titles if len(t) <= MAX_TITLE_WORD]
    _prepare(tuple(user_words(corpus, words)))
    japanese = glossary if edition.code == "ja" else ()

    def doc(location: str, title: str, text: str) -> dict[str, Any]:
        both = f"{title} {text}"
        alt = [segment.hidden(title, text), *(term for chinese, term in japanese for _ in range(both.count(chinese)))]
        fields = {"title": segment(title), "text": segment(text), "alt": " ".join(filter(None, alt))}
        # Material shows an entry's title and text as HTML: the data's own text must stay text.
        return {"location": location, **{key: html.escape(value, quote=False) for key, value in fields.items()}}

    docs = [doc(f"plans/{plan.id}/", plan.title, plan.title) for plan in corpus.plans]
    for entry in corpus.entries:
        item = entry.item
        title = item_label(entry, edition)
        if item.title and not item.marker:  # a task row of the task list: its own heading
            title = f"{title} {item.title}"
        elif item.kind in ("section", "subsection"):
            title = item.heading
        docs.append(doc(entry.url, title, " ".join(piece for piece in item.printed() if piece != title)))
    for agency in corpus.agencies.values():
        names = "、".join(dict.fromkeys([agency.name, *agency.names, agency.name_ja]))
        docs.append(doc(f"agencies/{agency.id}/", renderer.agency_name(agency.id), names))
    for theme in corpus.themes.values():
        about = "、".join([theme.name, theme.name_ja, *(theme.description or "",)])
        docs.append(doc(f"themes/{theme.id}/", renderer.theme_name(theme.id), about))
    return docs


def rewrite_index(path: Path, docs: list[dict[str, Any]], segment: Segmenter) -> int:
    """Put `docs` in place of Material's entries for the same pages. Every other page (home, indexes,
    reference pages) keeps one entry, its title: their text repeats the items', which must rank first.
    Returns the index size in bytes."""
    index = json.loads(path.read_text(encoding="utf-8"))
    ours = {doc["location"].partition("#")[0] for doc in docs}
    kept = []
    for doc in index["docs"]:
        if "#" not in doc["location"] and doc["location"] not in ours:
            title = doc["title"].replace(ZWSP, "")
            kept.append({"location": doc["location"], "title": segment.shown(title), "text": "",
                         "alt": segment.hidden(simplified(title))})
    index["docs"] = kept + docs
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


# Material 9.8's query segmenter never tries a token that ends at the query's last character
# (`o<t.length`), so a whole-word query such as 数据知识产权 falls apart into 数据/知识/产权.
_SEGMENTER_BUG = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e"
_SEGMENTER_FIX = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"


def patch_worker(site_dir: Path) -> None:
    """Fix the query segmenter in the built search worker; fail loudly if Material changed it."""
    workers = sorted((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if not workers:
        raise FileNotFoundError(f"{site_dir}: no search worker to patch")
    for worker in workers:
        code = worker.read_text(encoding="utf-8")
        if _SEGMENTER_FIX in code:
            continue
        if _SEGMENTER_BUG not in code:
            raise ValueError(f"{worker.name}: the search segmenter changed; review generator/search.py")
        worker.write_text(code.replace(_SEGMENTER_BUG, _SEGMENTER_FIX), encoding="utf-8")
