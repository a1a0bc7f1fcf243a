"""Responsibility as printed: every task of the implementation plan names its agencies in a parenthesis,
and the data holds exactly those, lead first, in the printed order."""

from __future__ import annotations

import re

import pytest

from generator.content.corpus import Corpus
from generator.tools import tagging

PLAN = "strong-ip-implementation-plan-2023"
# （中央宣传部、国家知识产权局按职责分工负责） at the end of a task
PARENTHESIS = re.compile(r"（([^（）]+?)(按职责分工负责|负责)）。?$")


def printed_tasks(corpus: Corpus) -> list[tuple[str, list[str], str]]:
    """(anchor, agency names as printed, 负责 or 按职责分工负责) for every numbered task."""
    tasks = []
    for entry in corpus.plan_entries(PLAN):
        if entry.item.kind == "task":
            match = PARENTHESIS.search(entry.item.text or "")
            assert match, f"{entry.item.anchor}: no responsibility parenthesis at the end"
            tasks.append((entry.item.anchor, match[1].split("、"), match[2]))
    return tasks


def test_all_139_tasks_are_read(corpus: Corpus) -> None:
    assert len(printed_tasks(corpus)) == 139


def test_the_agencies_of_every_task_equal_its_parenthesis(corpus: Corpus) -> None:
    names = corpus.names()
    mismatches = []
    for anchor, printed, mode in printed_tasks(corpus):
        entry = corpus.entry(PLAN, anchor)
        expected = [names[name] for name in printed]
        if [*entry.lead, *entry.participants] != expected or len(entry.lead) != 1:
            mismatches.append(f"{anchor}: printed {printed}, data lead {entry.lead} participants {entry.participants}")
        if entry.item.mode != ("by-remit" if mode == "按职责分工负责" else "joint"):
            mismatches.append(f"{anchor}: printed {mode}, data mode {entry.item.mode}")
    assert not mismatches, "\n".join(mismatches)


@pytest.mark.parametrize(("plan", "agency"), [("cnipa-work-points-2022", "cnipa"), ("cnipa-work-points-2023", "cnipa")])
def test_the_work_points_are_cnipa_s_own(corpus: Corpus, plan: str, agency: str) -> None:
    for entry in corpus.plan_entries(plan):
        if entry.item.kind in ("section", "measure"):
            assert entry.lead == (agency,), entry.url


def test_every_agency_name_of_the_texts_resolves_to_one_entry(corpus: Corpus) -> None:
    names = corpus.names()
    for _, printed, _ in printed_tasks(corpus):
        for name in printed:
            assert name in names, f"{name} is in no entry of content/agencies.yaml"
    for agency in corpus.agencies.values():
        assert agency.parent is None or agency.parent in corpus.agencies
    departments = [a for a in corpus.agencies.values() if a.kind == "cnipa-department"]
    assert departments and all(a.parent == "cnipa" for a in departments)


def test_the_tagging_report_is_current(corpus: Corpus) -> None:
    """The reviewed report shows, item by item, which rule tagged it; a change of rules must regenerate it."""
    committed = (tagging.CONTENT / "reports" / "tagging.md").read_text(encoding="utf-8")
    generated = committed.split(tagging.MARKER, 1)[1].lstrip("\n")
    assert generated == tagging.report(corpus), "run `python -m generator.tools.tagging --out content/reports/tagging.md`"
