"""Lineage between plans, as reviewed in `content/lineage.yaml`: a series of comparisons, one pair of
yearly work points each (2022 → 2023, 2023 → 2024 …), with the measures of the earlier plan that continue
in the later one (`continues`), and the items of different plans that describe the same piece of work
(`same_work`). Every reference is checked against the corpus when the file is loaded.

    python -m generator.content.lineage --candidates   # recompute the similarity candidates to review
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Annotated

from pydantic import Field, model_validator

from generator.content import lock
from generator.content.corpus import Corpus, Entry
from generator.content.errors import command, field_error
from generator.content.load import Document, validate
from generator.content.models import Id, Model, Text

FILE = "lineage.yaml"
WORK_KINDS = ("measure", "task")
_REF = re.compile(r"^(?P<plan>[a-z0-9]+(?:-[a-z0-9]+)*)#(?P<anchor>[A-Za-z0-9-]+)$")
_SENTENCE = re.compile(r"[^。；\n]+[。；]?")

Ref = Annotated[str, Field(description="an item as `plan-id#anchor`")]


class Continuation(Model):
    earlier: Ref
    later: Ref
    note: Text | None = None
    note_ja: Text | None = None

    @model_validator(mode="after")
    def _note_translated(self) -> Continuation:
        if self.note and not self.note_ja:
            raise field_error("note_ja", "the Japanese of the note", "none", "the Japanese edition shows it; add `note_ja:`")
        return self


class Comparison(Model):
    """Two plans of a yearly series that the lineage page sets side by side, with the reviewed links from
    the earlier one to the later one (or to another plan of the later year)."""

    earlier: Id
    later: Id
    continues: list[Continuation] = Field(default_factory=list)


class Work(Model):
    """One piece of work that several plans describe; `match` holds the phrases that name it."""

    id: Id
    work: Text
    work_ja: Text
    match: list[Text] = Field(min_length=1)
    items: list[Ref] = Field(min_length=2)


class LineageFile(Model):
    comparisons: list[Comparison] = Field(default_factory=list)
    same_work: list[Work] = Field(default_factory=list)


@dataclass(frozen=True)
class Link:
    earlier: Entry
    later: Entry
    note: str | None
    note_ja: str | None = None


@dataclass(frozen=True)
class WorkGroup:
    id: str
    work: str
    work_ja: str
    match: tuple[str, ...]
    members: tuple[tuple[Entry, tuple[str, ...]], ...]  # each item with its sentences that name the work


def key(entry: Entry) -> str:
    return f"{entry.plan.id}#{entry.item.anchor}"


def states_work(entry: Entry) -> bool:
    """What a link may join: measures, tasks, and sections with text of their own (001's 工作要求)."""
    item = entry.item
    return item.kind in WORK_KINDS or (item.kind in ("section", "subsection") and bool(item.text))


def sentences(text: str) -> list[str]:
    """A text cut after each 。 and ；, and at line ends."""
    return [piece.strip() for piece in _SENTENCE.findall(text) if piece.strip()]


@dataclass(frozen=True)
class Pair:
    """A comparison with its links resolved; `prefix` begins the ids of its part of the lineage page (the
    first pair keeps the page's first ids, #summary, #later-s1 …; a further one adds its later plan's id)."""

    earlier: str
    later: str
    links: tuple[Link, ...]
    prefix: str = ""


@dataclass(frozen=True)
class Lineage:
    pairs: tuple[Pair, ...]
    works: tuple[WorkGroup, ...]

    @cached_property
    def links(self) -> tuple[Link, ...]:
        """The links of every pair, in the file's order."""
        return tuple(link for pair in self.pairs for link in pair.links)

    def related(self, entry: Entry) -> list[Entry]:
        """Every item linked to `entry`: its counterparts in the other year, then the other items of
        its pieces of work; each once, the entry itself left out."""
        return self._related.get(key(entry), [])

    @cached_property
    def _related(self) -> dict[str, list[Entry]]:
        """related() of every linked entry, from one pass over the links and the works (a page asks it
        of each of its items)."""
        earlier: dict[str, list[Entry]] = defaultdict(list)
        later: dict[str, list[Entry]] = defaultdict(list)
        fellows: dict[str, list[Entry]] = defaultdict(list)
        for link in self.links:
            earlier[key(link.later)].append(link.earlier)
            later[key(link.earlier)].append(link.later)
        for work in self.works:
            members = [member for member, _ in work.members]
            for member in dict.fromkeys(key(member) for member in members):
                fellows[member].extend(members)
        related = {}
        for entry_key in {*earlier, *later, *fellows}:
            unique: dict[str, Entry] = {}
            for other in [*earlier[entry_key], *later[entry_key], *fellows[entry_key]]:
                if key(other) != entry_key:
                    unique.setdefault(key(other), other)
            related[entry_key] = list(unique.values())
        return related


def load_lineage(path: Path, corpus: Corpus) -> Lineage:
    """Read and check `path` against the corpus; raise ContentError on the first bad reference."""
    document = Document.read(path)
    data = validate(document, LineageFile)
    resolver = _Resolver(document, corpus)
    pairs: list[Pair] = []
    later_of: dict[str, int] = {}
    for index, comparison in enumerate(data.comparisons):
        _check_comparison(document, corpus, index, comparison, later_of)
        links = _links(document, resolver, index, comparison)
        if comparison.later == comparison.earlier:
            raise document.error(("comparisons", index, "later"), f"key 'later': expected another plan than "
                                 f"{comparison.earlier}, found {comparison.later!r}",
                                 hint="a comparison sets two years of a series side by side")
        for field in ("earlier", "later"):
            plan = next(plan for plan in corpus.plans if plan.id == getattr(comparison, field))
            if "lineage" not in plan.features:
                raise document.error(("comparisons", index, field),
                                     f"key {field!r}: expected a plan compared year by year, found {plan.id!r}",
                                     hint=f"add `lineage` to the `features` of content/plans/{plan.id}.yaml")
        prefix = f"{comparison.later}-" if index else ""
        pairs.append(Pair(comparison.earlier, comparison.later, links, prefix))
    works = [_work_group(document, resolver, index, work) for index, work in enumerate(data.same_work)]
    ids: dict[str, int] = {}
    for index, work in enumerate(works):
        if work.id in ids:
            raise document.error(("same_work", index, "id"), f"key 'id': expected a unique id, found {work.id!r} again")
        ids[work.id] = index
    return Lineage(tuple(pairs), tuple(works))


def _check_comparison(document: Document, corpus: Corpus, index: int, comparison: Comparison,
                      later_of: dict[str, int]) -> None:
    """Both plans known, and each plan the later one of one comparison only."""
    plans = {plan.id: plan for plan in corpus.plans}
    for field in ("earlier", "later"):
        plan_id = getattr(comparison, field)
        if plan_id not in plans:
            raise document.error(("comparisons", index, field),
                                 f"key {field!r}: expected a known plan id, found {plan_id!r}",
                                 hint="known: " + ", ".join(sorted(plans)))

    if comparison.later in later_of:
        raise document.error(("comparisons", index, "later"), f"key 'later': expected a plan that no other "
                             f"comparison continues, found {comparison.later!r} again",
                             hint=f"comparison {later_of[comparison.later] + 1} has it already; a year follows one year")
    later_of[comparison.later] = index


def _links(document: Document, resolver: _Resolver, index: int, comparison: Comparison) -> tuple[Link, ...]:
    links: list[Link] = []
    seen: dict[tuple[str, str], int] = {}
    for position, link in enumerate(comparison.continues):
        loc = ("comparisons", index, "continues", position)
        earlier = resolver.entry((*loc, "earlier"), link.earlier)
        later = resolver.entry((*loc, "later"), link.later)
        if earlier.plan.id != comparison.earlier:
            raise document.error((*loc, "earlier"), f"key 'earlier': expected an item of {comparison.earlier}, "
                                 f"found {link.earlier!r}", hint="`continues` starts in the plan `earlier` of its "
                                 "comparison")
        if later.plan.id == earlier.plan.id:
            raise document.error((*loc, "later"), f"key 'later': expected an item of another plan than "
                                 f"{earlier.plan.id}, found {link.later!r}")
        pair = (key(earlier), key(later))
        if pair in seen:
            raise document.error(loc, f"expected each link once, found {pair[0]} → {pair[1]} again",
                                 hint=f"entry {seen[pair] + 1} of `continues` has it already")
        seen[pair] = position
        links.append(Link(earlier, later, link.note, link.note_ja))
    return tuple(links)


def _work_group(document: Document, resolver: _Resolver, index: int, work: Work) -> WorkGroup:
    loc: tuple[int | str, ...] = ("same_work", index)
    members: list[tuple[Entry, tuple[str, ...]]] = []
    for position, ref in enumerate(work.items):
        entry = resolver.entry((*loc, "items", position), ref)
        if any(entry is other for other, _ in members):
            raise document.error((*loc, "items", position), f"key 'items': expected each item once, found {ref!r} again")
        naming = tuple(s for s in sentences(entry.text) if any(phrase in s for phrase in work.match))
        if not naming:
            raise document.error((*loc, "items", position), f"key 'items': expected {ref} to mention "
                                 f"{' or '.join(work.match)}, found no such phrase in its text",
                                 hint="add the phrase this item uses to `match`, or drop the item")
        members.append((entry, naming))
    if len({entry.plan.id for entry, _ in members}) < 2:
        raise document.error((*loc, "items"), "key 'items': expected items of at least two plans, found one plan",
                             hint="`same_work` joins plans; links inside one plan are not kept")
    return WorkGroup(work.id, work.work, work.work_ja, tuple(work.match), tuple(members))


class _Resolver:
    """`plan-id#anchor` (current or alias) -> the corpus entry, or a ContentError at the reference."""

    def __init__(self, document: Document, corpus: Corpus) -> None:
        self.document = document
        self.corpus = corpus
        self.targets = lock.resolve(corpus.plans)
        self.entries = {key(entry): entry for entry in corpus.entries}

    def entry(self, loc: tuple[int | str, ...], ref: str) -> Entry:
        field = next(str(step) for step in reversed(loc) if isinstance(step, str))
        match = _REF.match(ref)
        if not match:
            raise self.document.error(loc, f"key {field!r}: expected a reference `plan-id#anchor`, found {ref!r}",
                                      hint="e.g. cnipa-work-points-2023#s4-m1")
        plans = {plan.id: plan for plan in self.corpus.plans}
        aliases = {alias: plan for plan in self.corpus.plans for alias in plan.aliases}
        plan = plans.get(match["plan"]) or aliases.get(match["plan"])
        if plan is None:
            raise self.document.error(loc, f"key {field!r}: expected a known plan id, found {match['plan']!r}",
                                      hint="known: " + ", ".join(sorted(plans)))
        target = self.targets.get(ref)
        if target is None:
            anchors = [item.anchor for item in plan.walk()]
            close = difflib.get_close_matches(match["anchor"], anchors, n=1)
            hint = f"did you mean {plan.id}#{close[0]}?" if close else f"see plans/{plan.id}.yaml"
            raise self.document.error(loc, f"key {field!r}: expected an anchor of {plan.id}, "
                                      f"found {match['anchor']!r}", hint=hint)
        entry = self.entries[target]
        if not states_work(entry):
            raise self.document.error(loc, f"key {field!r}: expected a measure, a task or a section with text, "
                                      f"found the {entry.item.kind} {ref}", hint="link the item that states the work")
        return entry


@command
def main(argv: list[str] | None = None) -> int:
    from generator.content.corpus import load_corpus
    from generator.tools.lineage_candidates import write_report

    parser = argparse.ArgumentParser(prog="python -m generator.content.lineage", description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=Path("content"))
    parser.add_argument("--candidates", action="store_true", help="write the candidates report to review")
    parser.add_argument("--out", type=Path, default=None, help="report file (default: content/reports/lineage-candidates.md)")
    args = parser.parse_args(argv)
    corpus = load_corpus(args.content)
    lineage = load_lineage(args.content / FILE, corpus)
    if args.candidates:
        out = args.out or args.content / "reports" / "lineage-candidates.md"
        print(write_report(corpus, lineage, out))
        return 0
    print(f"{args.content / FILE}: {len(lineage.links)} links, {len(lineage.works)} pieces of work across plans")
    return 0


if __name__ == "__main__":
    sys.exit(main())
