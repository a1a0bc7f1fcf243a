"""The search of an edition: one record per item, plan, agency, theme and cited document, in an index of shards.

A reader's query loads only what it needs: a small manifest, the shards that hold its keys (a key's
shard is its hash), and the records of the results shown (`overrides/assets/search.js` reads them).
Chinese is indexed as `tokens()`: each run of Han or kana cut into overlapping character pairs, the way
Lucene's CJK analyzer makes every part of a word findable without a dictionary, every run of letters and
digits as one word, each with its positions. search.js cuts the query the same way and looks for the
pairs of each run in a row: 开放许可 is found inside 专利开放许可, in either script.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup
from pydantic import Field

from generator.content.corpus import Corpus, Entry
from generator.content.laws import Law
from generator.content.load import Document, load_list
from generator.content.models import Plan, RegistryEntry, Text
from generator.editions.edition import label
from generator.render.renderer import Renderer, item_label

_RUN = re.compile(r"[\u3005\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+|[0-9a-z]+")
BUNDLE = "search-index"  # the edition's index: manifest.json, shards/, records/, facets.json
SYNONYMS = Path("translations") / "ja-search.yaml"  # Japanese readers' words for the search
PAGE_KINDS = ("plan", "agency", "theme", "law")
SHARD_BYTES = 8_000  # about this much JSON per shard of the postings (2–3 KB compressed)


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


def fnv(text: str) -> int:
    """FNV-1a over the code points of `text`: which shard holds a key (search.js computes the same)."""
    value = 0x811C9DC5
    for char in text:
        value = ((value ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return value


def name_key(name: str) -> str:
    """The key of a page named `name`: a query that is exactly a name of an agency, theme, plan or cited
    document finds that page first (the name without spaces, in the form the query is read in)."""
    return "nm:" + re.sub(r"\s+", "", normalize(name))


def filter_key(name: str, value: str) -> str:
    """The key of a filter's value (plan, year, agency, theme, kind)."""
    return f"fl:{name}:{value}"


def char_key(char: str) -> str:
    """The key of the records that hold a character anywhere (a one-character query)."""
    return "ch:" + char


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

    def words(self) -> tuple[list[str], int]:
        """The tokens that find the record, in order, and how many of them are the title's (which weigh more):
        the title, the rest of the text, the other script, the translation, further words."""
        title = tokens(self.title)
        text = self.text.removeprefix(self.title) if self.title else self.text
        found = [*title, *tokens(text), *tokens(self.other), *tokens(self.translation)]
        for extra in self.extra:
            found.extend(tokens(extra))
        return found, len(title)

    def tags(self) -> list[str]:
        """The keys that find the record without positions: its names and its filters' values."""
        names = [name_key(name) for name in self.names if name]
        filters = [filter_key(name, value) for name, values in self.filters.items() for value in values]
        return list(dict.fromkeys([*names, *filters]))

    def shown(self) -> dict[str, str]:
        """The fields a result shows (search.js reads them as text, never as markup)."""
        fields = {"href": self.url, "kind": self.kind, "title": self.title, "text": self.text, "other": self.other,
                  "ja": self.translation, "lang": self.lang, "plan": self.plan, "year": self.year,
                  "number": self.number, "lead": self.lead, "plan_id": self.filters.get("plan", [""])[0]}
        return {key: value for key, value in fields.items() if value}


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
        forms = list(dict.fromkeys([document.title, *document.all_forms]))
        shown, alternate = both("、".join(f"《{form}》" for form in forms))
        found.append(Record(
            url=f"laws/{document.id}/", kind="law", number=kind_label("law"),
            title=document.name_ja if edition.translation and document.name_ja else show(document.title),
            text=shown, other=alternate, translation=document.name_ja or "", lang=lang,
            names=(*forms, *(show(form) for form in forms), *([document.name_ja] if document.name_ja else [])),
            filters={"kind": ["law"]},
        ))
    return found


class Synonym(RegistryEntry):
    """Words Japanese readers type for a Chinese term that the reference translation renders otherwise."""

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


@dataclass
class Index:
    """The postings of an edition's records: each key with the records (numbered in order) that hold it.
    A token's postings are `[[record, position, …], …]`, a key's without positions `[record, …]`; record
    numbers are written as the difference from the previous one, which compresses well. A token's postings
    are kept as the JSON the shards hold, written as the records are read: as lists of numbers they would
    weigh ten times as much."""

    positional: dict[str, bytearray] = field(default_factory=dict)  # token -> its postings' JSON, without the "]"
    plain: dict[str, list[int]] = field(default_factory=dict)
    lengths: list[int] = field(default_factory=list)  # tokens per record (longer records weigh a match less)
    titles: list[int] = field(default_factory=list)  # tokens of each record's title

    @classmethod
    def of(cls, found: list[Record]) -> Index:
        plain: defaultdict[str, list[int]] = defaultdict(list)
        last: dict[str, int] = {}  # each token's previous record
        index = cls()
        for number, record in enumerate(found):
            words, title = record.words()
            index.lengths.append(len(words))
            index.titles.append(title)
            positions: defaultdict[str, list[int]] = defaultdict(list)
            for position, token in enumerate(words):
                positions[token].append(position)
            for token, where in positions.items():
                posting = f"[{number - last.get(token, 0)},{','.join(map(str, where))}]".encode()
                last[token] = number
                written = index.positional.get(token)
                if written is None:
                    index.positional[token] = bytearray(b"[" + posting)
                else:
                    written += b"," + posting
            chars = sorted({char for token in positions if not token.isascii() for char in token})
            for key in [*record.tags(), *map(char_key, chars)]:
                plain[key].append(number)
        index.plain = {key: [b - a for a, b in zip([0, *numbers], numbers)] for key, numbers in plain.items()}
        return index

    def postings(self, key: str) -> Any:
        """A key's postings, as the shards hold them (read back from JSON)."""
        return json.loads(self.positional[key] + b"]") if key in self.positional else self.plain[key]

    def shards(self) -> list[dict[str, str]]:
        """The postings split by the key's hash into shards of about SHARD_BYTES (a power of two of them):
        each key with its postings as JSON, written once."""
        postings = {key: (written + b"]").decode() for key, written in self.positional.items()}
        postings.update((key, _json(steps)) for key, steps in self.plain.items())
        size = sum(len(key) + len(value) for key, value in postings.items())
        count = 1
        while size / count > SHARD_BYTES:
            count *= 2
        shards: list[dict[str, str]] = [{} for _ in range(count)]
        for key in sorted(postings):
            shards[fnv(key) % count][key] = postings[key]
        return shards


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _shard_json(shard: dict[str, str]) -> str:
    """A shard as _json writes the postings it holds (its keys in order, each with its JSON)."""
    return "{" + ",".join(f"{_json(key)}:{value}" for key, value in sorted(shard.items())) + "}"


def write_bundle(site_dir: Path, found: list[Record]) -> int:
    """Write the index of `found` into `site_dir/search-index/`; returns its size in bytes.

    The browser loads `manifest.json` (the number of shards, the length of each record), then only the
    shards that hold the keys of the query, and the `records/<n>.json` of the results it shows;
    `facets.json` (the records of each filter value) only for the search page's counts. Each file is written
    as it is made; the manifest's version is the hash of all the others."""
    index = Index.of(found)
    output = site_dir / BUNDLE
    shutil.rmtree(output, ignore_errors=True)
    (output / "shards").mkdir(parents=True)
    (output / "records").mkdir()
    version = hashlib.sha256()
    size = 0

    def write(name: str, text: str) -> None:
        nonlocal size
        data = text.encode()
        (output / name).write_bytes(data)
        version.update(data)
        size += len(data)

    facets: dict[str, dict[str, list[int]]] = {}
    for key, steps in index.plain.items():
        if key.startswith("fl:"):
            _, name, value = key.split(":", 2)
            facets.setdefault(name, {})[value] = steps
    write("facets.json", _json(facets))
    for number, record in enumerate(found):
        write(f"records/{number}.json", _json(record.shown()))
    shards, lengths, titles = index.shards(), index.lengths, index.titles
    del index  # the postings are in the shards now, as text
    for number, shard in enumerate(shards):
        write(f"shards/{number}.json", _shard_json(shard))
    pages = [number for number, record in enumerate(found) if record.kind in PAGE_KINDS]
    write("manifest.json", _json({"version": version.hexdigest()[:12], "shards": len(shards), "records": len(found),
                                  "pages": pages[0] if pages else len(found), "lengths": lengths,
                                  "titles": titles}))
    return size


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
