"""The lineage feature: the page that sets each pair of yearly work points side by side, the pieces of
work that several plans share, and the "see also" line that every linked item shows on its plan's page."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from generator.content.corpus import Corpus, Entry, per_corpus
from generator.content.lineage import FILE, Lineage, Link, Pair, load_lineage, states_work
from generator.render.renderer import Renderer

INDEX = "lineage/index.md"
URL = "lineage/"
NEW, CONTINUED, DROPPED = "new", "continued", "dropped"


@dataclass(frozen=True)
class Row:
    """A work item of one plan with its links to the other year."""

    entry: Entry
    links: tuple[Link, ...]  # to the other work points
    elsewhere: tuple[Link, ...] = ()  # to other plans (earlier items the later work points drop)

    def status(self, later: bool) -> str:
        if self.links:
            return CONTINUED
        return NEW if later else DROPPED


@dataclass(frozen=True)
class Section:
    """A section of a plan and the rows of its work items."""

    entry: Entry
    rows: tuple[Row, ...]
    later: bool

    @property
    def counts(self) -> Counter[str]:
        return Counter(row.status(self.later) for row in self.rows)

    @property
    def dropped(self) -> tuple[Row, ...]:
        return tuple(row for row in self.rows if row.status(self.later) == DROPPED)

    @property
    def carried(self) -> int:
        """Dropped items that another plan carries on."""
        return sum(1 for row in self.dropped if row.elsewhere)


@dataclass(frozen=True)
class SideBySide:
    """A pair of work points section by section: the later plan's items, then the earlier plan's."""

    pair: Pair
    later: tuple[Section, ...]
    earlier: tuple[Section, ...]

    @staticmethod
    def total(sections: tuple[Section, ...]) -> Counter[str]:
        return sum((section.counts for section in sections), Counter())


@per_corpus
def lineage_of(corpus: Corpus) -> Lineage | None:
    """The reviewed lineage of the corpus's content folder; None when the folder has no lineage file."""
    path = corpus.file(FILE)
    return load_lineage(path, corpus) if path.exists() else None


def sections(corpus: Corpus, pair: Pair, later: bool) -> tuple[Section, ...]:
    """The sections of one plan of a pair, each with its work items and their links."""
    result: list[Section] = []
    head: Entry | None = None
    rows: list[Row] = []
    plan_id, other = (pair.later, pair.earlier) if later else (pair.earlier, pair.later)
    for entry in corpus.plan_entries(plan_id):
        if entry.item.kind == "section":
            if head is not None:
                result.append(Section(head, tuple(rows), later))
            head, rows = entry, []
        elif head is not None and states_work(entry):
            if later:
                links = tuple(link for link in pair.links if link.later is entry)
                rows.append(Row(entry, links))
            else:
                mine = [link for link in pair.links if link.earlier is entry]
                rows.append(Row(entry, tuple(link for link in mine if link.later.plan.id == other),
                                tuple(link for link in mine if link.later.plan.id != other)))
    if head is not None:
        result.append(Section(head, tuple(rows), later))
    return tuple(result)


def compare(corpus: Corpus, pair: Pair) -> SideBySide:
    return SideBySide(pair, sections(corpus, pair, later=True), sections(corpus, pair, later=False))


def template_globals(renderer: Renderer) -> dict[str, object]:
    """`related(entry)`: the items linked to an entry, for the "see also" line."""
    lineage = lineage_of(renderer.corpus)
    return {"related": lineage.related if lineage else (lambda entry: [])}


@dataclass(frozen=True)
class PairView:
    """What the page shows of one pair: the side-by-side view, the plans' short names, the lead."""

    view: SideBySide
    names: dict[str, str]
    lead: str


def pages(renderer: Renderer) -> dict[str, str]:
    """The comparison page: each pair of the series in the file's order, then the pieces of work across
    plans."""
    lineage = lineage_of(renderer.corpus)
    if lineage is None or not lineage.pairs:
        works = lineage.works if lineage else ()
        return {INDEX: renderer.page("lineage.md.j2", URL, pairs=(), works=works)}
    plans = {plan.id: plan for plan in renderer.corpus.plans}
    shown = []
    for pair in lineage.pairs:
        names = {"earlier": renderer.plan_short(plans[pair.earlier]), "later": renderer.plan_short(plans[pair.later])}
        lead = renderer.label("lineage.lead").format(**names)
        shown.append(PairView(compare(renderer.corpus, pair), names, lead))
    return {INDEX: renderer.page("lineage.md.j2", URL, pairs=shown, works=lineage.works)}
