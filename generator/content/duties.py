"""Duties per level: what a task list (003) asks of provinces and of cities, grouped by scope. A plan takes part
when its YAML lists the feature `duties`; the pages show the latest such plan."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from generator.content.corpus import Corpus, Entry, per_corpus
from generator.content.errors import ContentError
from generator.content.models import Item, LevelMeasure, Obligation, Plan

FEATURE = "duties"
LEVELS = ("province", "city")
# Who a scope names, per level, in the order the pages list them.
WHO: dict[str, tuple[str, ...]] = {"province": ("all", "concerned"), "city": ("demonstration", "pilot")}
DUTIES = ("required", "optional")
LOCAL_MEASURES = ("all-regions", "regions-concerned")
PAGES = {"province": "provinces", "city": "cities"}  # level -> page slug under duties/

_CITY = re.compile(r"^(?P<programme>.*?)(?P<kinds>(?:试点|示范)(?:、(?:试点|示范))*)城市$")
_CITY_KINDS = {"试点": "pilot", "示范": "demonstration"}


@dataclass(frozen=True)
class Scope:
    """A scope as printed, parsed: who it names (all provinces, provinces concerned, demonstration or
    pilot cities) and the condition that picks the provinces concerned, as printed."""

    who: tuple[str, ...]
    condition: str | None = None


def parse_scope(level: str, scope: str) -> Scope:
    """`各省`, `涉及省份`, `<condition>涉及省份`, `<condition>省份`; `<programme>试点、示范城市`."""
    if level == "province":
        if scope == "各省":
            return Scope(("all",))
        if scope.endswith("省份") and scope != "省份":
            condition = scope.removesuffix("省份").removesuffix("涉及")
            return Scope(("concerned",), condition or None)
        raise ValueError(f"expected 各省, 涉及省份 or <condition>省份, found {scope!r}")
    match = _CITY.match(scope)
    if not match or "强市建设" not in match["programme"]:
        raise ValueError(f"expected <强市建设…>试点城市, 示范城市 or 试点、示范城市, found {scope!r}")
    kinds = {_CITY_KINDS[kind] for kind in match["kinds"].split("、")}
    return Scope(tuple(who for who in WHO["city"] if who in kinds))


@dataclass(frozen=True)
class Duty:
    """One obligation of a task row, for one of the parties its scope names."""

    entry: Entry  # the task row
    section: Item  # its section
    index: int  # position of the obligation in the row
    obligation: Obligation
    who: str
    condition: str | None

    @property
    def key(self) -> str:
        """The obligation's identity: row anchor and position, as the pages' data-obligation."""
        return f"{self.entry.item.anchor}:{self.index}"

    @property
    def measures(self) -> list[LevelMeasure]:
        """The row's measures for the regions (各地区, 涉及地区), in document order."""
        return [m for m in self.entry.item.measures if m.level in LOCAL_MEASURES]


@dataclass(frozen=True)
class Group:
    """Duties of one party and one kind (required or optional)."""

    level: str
    who: str
    duty: str
    duties: tuple[Duty, ...]

    @property
    def id(self) -> str:
        return f"{self.who}-{self.duty}"

    def by_condition(self) -> list[tuple[str, list[Duty]]]:
        """(scope as first printed, duties) per condition, unconditioned first; one entry when all share one."""
        conditions = list(dict.fromkeys(d.condition for d in self.duties))
        ordered = sorted(conditions, key=lambda c: (c is not None, conditions.index(c)))
        return [(next(d.obligation.scope for d in self.duties if d.condition == c),
                 [d for d in self.duties if d.condition == c]) for c in ordered]


def plans_of(corpus: Corpus) -> list[Plan]:
    """The plans whose YAML lists the feature `duties`, in the corpus's order."""
    return [plan for plan in corpus.plans if FEATURE in plan.features]


def plan_of(corpus: Corpus) -> Plan | None:
    """The plan the duties pages show: the latest (by year, then date) of `plans_of`."""
    return max(reversed(plans_of(corpus)), key=lambda plan: (plan.year or 0, plan.date or datetime.date.min),
               default=None)


@per_corpus
def duties(corpus: Corpus) -> list[Duty]:
    """Every obligation of every plan with the feature, once per party its scope names, in document order."""
    result: list[Duty] = []
    for entry in (entry for plan in plans_of(corpus) for entry in corpus.plan_entries(plan.id)):
        for index, obligation in enumerate(entry.item.obligations):
            try:
                scope = parse_scope(obligation.level, obligation.scope)
            except ValueError as error:
                raise _scope_error(corpus, entry, index, str(error)) from None
            section = entry.parent or entry.item
            result.extend(Duty(entry, section, index, obligation, who, scope.condition) for who in scope.who)
    return result


def groups(all_duties: list[Duty], level: str) -> list[Group]:
    """The level's duties by party, required before optional; empty groups included (counts of 0)."""
    return [
        Group(level, who, duty, tuple(d for d in all_duties if d.obligation.level == level and d.who == who
                                      and d.obligation.duty == duty))
        for who in WHO[level] for duty in DUTIES
    ]


def overview(corpus: Corpus, plan: Plan,
             all_duties: list[Duty]) -> list[tuple[Entry, dict[str, list[tuple[str, str | None]]]]]:
    """Every task row of the plan with, per party, its kinds of duty and their conditions: the index's matrix."""
    rows = []
    for entry in corpus.plan_entries(plan.id):
        if entry.item.kind != "task":
            continue
        cells: dict[str, list[tuple[str, str | None]]] = {}
        for duty in (d for d in all_duties if d.entry is entry):
            kinds = cells.setdefault(duty.who, [])
            if (duty.obligation.duty, duty.condition) not in kinds:
                kinds.append((duty.obligation.duty, duty.condition))
        rows.append((entry, {who: sorted(kinds, key=lambda kind: DUTIES.index(kind[0])) for who, kinds in cells.items()}))
    return rows


def _scope_error(corpus: Corpus, entry: Entry, index: int, message: str) -> ContentError:
    return corpus.item_error(entry, ("obligations", index, "scope"), f"key 'scope': {message}",
                             hint="the duties pages group obligations by scope; add the new form to generator/content/duties.py")

