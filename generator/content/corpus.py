"""The whole content: plans, agencies and themes, cross-checked, with derived links."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, wraps
from pathlib import Path
from typing import Any, TypeVar

from generator.content import lock
from generator.content.errors import ContentError
from generator.content.load import Document, load_agencies, load_plan, load_themes
from generator.content.models import Agency, Item, Plan, Theme, ThemeOverride, TranslatedItem
from generator.content.translations import Translations, load_translations
from generator.editions.edition import Edition, load_editions

# Items that state who acts; the notice, the preamble and the closing rule are about the plan.
RESPONSIBLE_KINDS = {"section", "subsection", "task", "measure"}
T = TypeVar("T")


@dataclass(frozen=True)
class Entry:
    """An item in its plan, with what the corpus derives for it."""

    plan: Plan
    item: Item
    parent: Item | None
    lead: tuple[str, ...]
    participants: tuple[str, ...]
    themes: tuple[str, ...]
    matched: dict[str, tuple[str, ...]]  # theme id -> keywords or override that tagged it
    decided_at: str | None = None  # `plan-id#anchor` of the theme decision it inherits, if not its own

    @property
    def url(self) -> str:
        return f"plans/{self.plan.id}/#{self.item.anchor}"

    @cached_property  # the reference features search every item's text for their terms and titles
    def text(self) -> str:
        """The item's own full text as printed (children excluded)."""
        return "\n".join(self.item.printed())


@dataclass
class Corpus:
    plans: list[Plan]
    agencies: dict[str, Agency]
    themes: dict[str, Theme]
    entries: list[Entry] = field(default_factory=list)
    content: Path | None = None  # the folder it was loaded from, for files beside the plans
    translations: Translations = field(default_factory=dict)  # language -> (plan id, anchor) -> entry
    editions: tuple[Edition, ...] = ()  # the site's editions, the original first, with their catalogs
    _by_plan: dict[str, list[Entry]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _by_anchor: dict[tuple[str, str], Entry] = field(default_factory=dict, init=False, repr=False, compare=False)
    _indexed: int = field(default=-1, init=False, repr=False, compare=False)  # len(entries) when indexed
    _derived: dict[Callable[..., Any], Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def folder(self) -> Path:
        """The content folder the corpus was loaded from, where its reference files are."""
        if self.content is None:
            raise ValueError("a corpus made in memory has no content folder")
        return self.content

    def file(self, name: Path | str) -> Path:
        return self.folder / name

    def item_error(self, entry: Entry, keys: tuple[int | str, ...], message: str, hint: str) -> ContentError:
        """An error at the line of `entry`'s item in its plan file, at the key path `keys` under it."""
        plan_file = self.file(f"plans/{entry.plan.id}.yaml")
        document = Document.read(plan_file)
        loc = document.item_loc(entry.item.anchor)
        if loc is None:
            return ContentError(plan_file, None, message, where=f"item {entry.item.anchor}", hint=hint)
        return document.error((*loc, *keys), message, hint)

    def edition(self, code: str | None = None) -> Edition:
        """The edition `code` (the original when None)."""
        found = next((edition for edition in self.editions if code in (None, edition.code)), None)
        if found is None:
            known = ", ".join(edition.code for edition in self.editions)
            raise ContentError(self.content / "editions.yaml" if self.content else "editions.yaml", None,
                               f"expected an edition code of this file ({known}), found {code!r}",
                               hint="the plugin's `edition` option names an entry of content/editions.yaml")
        return found

    def plan_entries(self, plan_id: str) -> list[Entry]:
        return list(self._index()[0].get(plan_id, ()))

    def entry(self, plan_id: str, anchor: str) -> Entry:
        return self._index()[1][(plan_id, anchor)]

    def _index(self) -> tuple[dict[str, list[Entry]], dict[tuple[str, str], Entry]]:
        """Entries by plan and by (plan, anchor): pages look them up once per plan, item or link."""
        if self._indexed != len(self.entries):  # entries are appended while loading
            self._by_plan, self._by_anchor = defaultdict(list), {}
            for entry in self.entries:
                self._by_plan[entry.plan.id].append(entry)
                self._by_anchor[(entry.plan.id, entry.item.anchor)] = entry
            self._indexed = len(self.entries)
        return self._by_plan, self._by_anchor

    def translated(self, entry: Entry, language: str = "ja") -> TranslatedItem | None:
        """The item's entry in the reference translation into `language` (its fields and review), if any."""
        return self.translations.get(language, {}).get((entry.plan.id, entry.item.anchor))

    def translation_of(self, entry: Entry, language: str = "ja") -> str:
        """The item's own full text in the reference translation, piece by piece as `Entry.text` gives the
        original ("" when the language has no translation): what search and open data read."""
        translated = self.translated(entry, language)
        return "\n".join(printed_translation(entry.item, translated.ja)) if translated else ""

    def by_agency(self) -> dict[str, list[tuple[Entry, str]]]:
        """agency id -> [(entry, 'lead' | 'participant')] in document order."""
        result: dict[str, list[tuple[Entry, str]]] = defaultdict(list)
        for entry in self.entries:
            for agency in entry.lead:
                result[agency].append((entry, "lead"))
            for agency in entry.participants:
                result[agency].append((entry, "participant"))
        return result

    def by_theme(self) -> dict[str, list[Entry]]:
        result: dict[str, list[Entry]] = defaultdict(list)
        for entry in self.entries:
            for theme in entry.themes:
                result[theme].append(entry)
        return result

    def names(self) -> dict[str, str]:
        """Every agency name form -> agency id."""
        return {name: agency.id for agency in self.agencies.values() for name in [agency.name, *agency.names]}


def per_corpus(compute: Callable[[Corpus], T]) -> Callable[[Corpus], T]:
    """Decorator: `compute(corpus)` runs once per corpus, for every edition built from it (the other
    editions' builds, forked after the original's pages, find it done). A rebuild loads a new corpus."""

    @wraps(compute)
    def once(corpus: Corpus) -> T:
        if compute not in corpus._derived:
            corpus._derived[compute] = compute(corpus)
        return corpus._derived[compute]

    return once


def load_corpus(content: Path, *, lock_required: bool = True, translated: bool = True) -> Corpus:
    """Load and cross-check everything under `content/`; raise ContentError on the first problem.
    `lock_required=False` lets `make lock` create a missing anchor lock; `translated=False` leaves out the
    reference translations, for a command that reads the plans before a new one is translated."""
    editions = load_editions(content)
    agencies_path, themes_path = content / "agencies.yaml", content / "themes.yaml"
    agencies = {agency.id: agency for agency in load_agencies(agencies_path)}
    themes = {theme.id: theme for theme in load_themes(themes_path)}
    _check_agency_names(agencies_path, agencies)
    plans: list[Plan] = []
    for path in sorted((content / "plans").glob("*")):
        if path.suffix.lower() in (".yml", ".yaml") and path.suffix != ".yaml":  # would be skipped silently
            raise ContentError(path, None, f"expected a plan file named <plan-id>.yaml, found {path.name!r}",
                               hint=f"rename it to {path.stem}.yaml")
    for path in sorted((content / "plans").glob("*.yaml")):
        plan, document = load_plan(path)
        _check_references(plan, document, agencies, themes)
        if not (content / "sources" / plan.source.file).is_file():
            raise document.error(("source", "file"), f"key 'file': expected a file of content/sources/, "
                                 f"found {plan.source.file!r}", hint="put the source text in content/sources/ "
                                 "unchanged, or correct the name")
        plans.append(plan)
    if not plans:
        raise ContentError(content / "plans", None, "expected at least one plan file (*.yaml), found none")
    _check_plan_ids(content / "plans", plans)
    lock.check(content / lock.LOCK, plans, required=lock_required)
    languages = tuple(dict.fromkeys(edition.translation for edition in editions if edition.translation))
    corpus = Corpus(plans, agencies, themes, content=content, editions=editions,
                    translations=load_translations(content, plans, languages) if translated else {})
    decisions = theme_decisions(plans)
    for plan in plans:
        _add_entries(corpus, plan, plan.items, None, decisions)
    return corpus


def theme_decisions(plans: list[Plan]) -> dict[str, tuple[ThemeOverride, str]]:
    """The manual theme decisions (an item's `themes:`) by the text they were made on, each with the item
    that carries it (`plan-id#anchor`; the first in the plans' order): a decision holds wherever the same
    text occurs, as when a later year repeats a measure."""
    decisions: dict[str, tuple[ThemeOverride, str]] = {}
    for plan in plans:
        for item in plan.walk():
            if item.themes.add or item.themes.remove:
                decisions.setdefault(wording(item), (item.themes, f"{plan.id}#{item.anchor}"))
    return decisions


def wording(item: Item) -> str:
    """The item's text without its enumerator, the key of a review of it (see Item.wording)."""
    return "\n".join(item.wording())


def _check_plan_ids(folder: Path, plans: list[Plan]) -> None:
    """A plan's id and former ids name it alone: old links must not land on another plan."""
    owner: dict[str, str] = {}
    for plan in plans:
        for plan_id in (plan.id, *plan.aliases):
            if plan_id in owner:
                document = Document.read(folder / f"{plan.id}.yaml")
                key = "id" if plan_id == plan.id else "aliases"
                raise document.error((key,), f"key {key!r}: expected a plan id no other plan uses, "
                                     f"found {plan_id!r}, also in {owner[plan_id]}.yaml",
                                     hint="a plan id, once published, belongs to one plan for ever")
            owner[plan_id] = plan.id


def _check_agency_names(path: Path, agencies: dict[str, Agency]) -> None:
    document = Document.read(path)
    owner: dict[str, str] = {}
    for index, agency in enumerate(agencies.values()):
        if agency.parent and agency.parent not in agencies:
            raise document.error(("agencies", index, "parent"),
                                 f"key 'parent': expected a known agency id, found {agency.parent!r}",
                                 hint="the parent needs its own entry in this file")
        ancestor, chain = agency.parent, [agency.id]
        while ancestor and ancestor not in chain:
            chain.append(ancestor)
            ancestor = agencies[ancestor].parent if ancestor in agencies else None
        if ancestor == agency.id:
            raise document.error(("agencies", index, "parent"),
                                 f"key 'parent': expected a chain of parents that ends, found the cycle "
                                 f"{' → '.join([*chain, ancestor])}", hint="a top-level agency has `parent: null`")
        for name in [agency.name, *agency.names]:
            if name in owner and owner[name] != agency.id:
                raise document.error(
                    ("agencies", index),
                    f"key 'names': expected each name to belong to one agency, found {name!r} "
                    f"in both {owner[name]!r} and {agency.id!r}",
                    hint="an ambiguous name cannot be resolved; keep it in one entry",
                )
            owner[name] = agency.id


def _check_references(plan: Plan, document: Document, agencies: dict[str, Agency], themes: dict[str, Theme]) -> None:
    """Every agency and theme id a plan names must be in the registries."""

    def check(loc: tuple[int | str, ...], key: str, value: str, known: Mapping[str, object], what: str) -> None:
        if value not in known:
            sample = ", ".join(sorted(known)[:6])
            raise document.error(loc, f"key {key!r}: expected a known {what} id, found {value!r}",
                                 hint=f"known: {sample}, … (content/{what.replace('agency', 'agencie')}s.yaml)")

    for key in ("lead", "participants"):
        for index, agency in enumerate(getattr(plan, key)):
            check((key, index), key, agency, agencies, "agency")
    if plan.issuer:
        check(("issuer",), "issuer", plan.issuer, agencies, "agency")
    seen: set[str] = set()
    for loc, item in _items_with_loc(plan.items, ("items",)):
        for key, anchor in [("anchor", item.anchor), *(("aliases", alias) for alias in item.aliases)]:
            if anchor in seen:
                raise document.error((*loc, key), f"key {key!r}: expected each anchor once in a plan, "
                                     f"found {anchor!r} again", hint="anchors are never reused")
            seen.add(anchor)
        for key in ("lead", "participants"):
            for index, agency in enumerate(getattr(item, key)):
                check((*loc, key, index), key, agency, agencies, "agency")
        for key in ("add", "remove"):
            for index, theme in enumerate(getattr(item.themes, key)):
                check((*loc, "themes", key, index), key, theme, themes, "theme")


def _items_with_loc(items: list[Item], loc: tuple[int | str, ...]) -> list[tuple[tuple[int | str, ...], Item]]:
    result = []
    for index, item in enumerate(items):
        result.append(((*loc, index), item))
        result.extend(_items_with_loc(item.items, (*loc, index, "items")))
    return result


def _add_entries(corpus: Corpus, plan: Plan, items: list[Item], parent: Item | None,
                 decisions: dict[str, tuple[ThemeOverride, str]]) -> None:
    for item in items:
        responsible = item.kind in RESPONSIBLE_KINDS
        lead = item.lead or (plan.lead if responsible else [])
        participants = item.participants or (plan.participants if responsible and not item.lead else [])
        change, decided_at = item.themes, None
        if not (change.add or change.remove) and (inherited := decisions.get(wording(item))):
            change, decided_at = inherited
        matched = tag(item, corpus.themes, change)
        corpus.entries.append(
            Entry(plan, item, parent, tuple(lead), tuple(participants), tuple(matched), matched, decided_at)
        )
        _add_entries(corpus, plan, item.items, item, decisions)


def printed_translation(item: Item, ja: dict[str, str]) -> list[str]:
    """The translated fields in the order `Item.printed` gives the original's (markers and document
    numbers as printed)."""
    if item.kind == "notice":
        return [ja["title"], item.doc_number or "", ja["addressees"], *ja["text"].split("\n\n"), ja["signatory"], ja["date"]]
    pieces = [f"{item.marker or ''}{ja['title']}"] if "title" in ja else []
    if "text" in ja:
        pieces += ja["text"].split("\n\n") if item.kind != "task" else [f"{item.marker or ''}{ja['text']}"]
    order = [key for key in ja if key.startswith("measures.")] + (["departments_text"] if "departments_text" in ja else [])
    return pieces + [ja[key] for key in order] + [ja[key] for key in ja if key.startswith("obligations.")]


def tag(item: Item, themes: dict[str, Theme], change: ThemeOverride | None = None) -> dict[str, tuple[str, ...]]:
    """Themes of an item: keyword rules (after removing the exclusions), then the manual decision `change`
    (by default the item's own `themes:`)."""
    change = change or item.themes
    text = "".join(item.printed())
    matched: dict[str, tuple[str, ...]] = {}
    for theme in themes.values():
        remaining = text
        for phrase in theme.exclude:
            remaining = remaining.replace(phrase, "")
        hits = tuple(keyword for keyword in theme.keywords if keyword in remaining)
        if hits:
            matched[theme.id] = hits
    for theme_id in change.remove:
        matched.pop(theme_id, None)
    for theme_id in change.add:
        matched.setdefault(theme_id, ("override",))
    return {theme_id: matched[theme_id] for theme_id in themes if theme_id in matched}
