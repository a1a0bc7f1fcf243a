"""Duties per level: the scopes of the task list parse, and every obligation lands in one group."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.content import duties
from generator.content.corpus import Corpus, load_corpus
from generator.content.errors import ContentError
from tests.conftest import CONTENT


@pytest.mark.parametrize(("level", "scope", "expected"), [
    ("province", "各省", duties.Scope(("all",))),
    ("province", "涉及省份", duties.Scope(("concerned",))),
    ("province", "专利、商标审查协作中心涉及省份", duties.Scope(("concerned",), "专利、商标审查协作中心")),
    ("province", "地理标志专用标志使用核准改革试点省份", duties.Scope(("concerned",), "地理标志专用标志使用核准改革试点")),
    ("city", "强市建设试点、示范城市", duties.Scope(("demonstration", "pilot"))),
    ("city", "强市建设示范城市", duties.Scope(("demonstration",))),
    ("city", "国家知识产权强市建设（以下统称“强市建设”）示范城市", duties.Scope(("demonstration",))),
    ("city", "强市建设试点城市", duties.Scope(("pilot",))),
])
def test_scopes_as_printed_parse(level: str, scope: str, expected: duties.Scope) -> None:
    assert duties.parse_scope(level, scope) == expected


@pytest.mark.parametrize(("level", "scope"), [("province", "省份"), ("province", "部分地市"), ("city", "示范城市"),
                                              ("city", "强市建设重点城市")])
def test_unknown_scope_forms_are_refused(level: str, scope: str) -> None:
    with pytest.raises(ValueError, match="expected"):
        duties.parse_scope(level, scope)


def test_every_scope_of_the_task_list_parses(corpus: Corpus) -> None:
    obligations = [o for e in corpus.plan_entries(duties.PLAN) for o in e.item.obligations]
    assert obligations
    for obligation in obligations:
        assert duties.parse_scope(obligation.level, obligation.scope).who


def test_every_obligation_is_in_the_groups_of_its_level_once_per_party(corpus: Corpus) -> None:
    all_duties = duties.duties(corpus)
    for entry in corpus.plan_entries(duties.PLAN):
        for index, obligation in enumerate(entry.item.obligations):
            key = f"{entry.item.anchor}:{index}"
            parties = duties.parse_scope(obligation.level, obligation.scope).who
            for level in duties.LEVELS:
                found = [(group.who, group.duty) for group in duties.groups(all_duties, level)
                         for duty in group.duties if duty.key == key]
                expected = [(who, obligation.duty) for who in parties] if level == obligation.level else []
                assert sorted(found) == sorted(expected), key


def test_measures_of_a_duty_are_the_rows_regional_ones(corpus: Corpus) -> None:
    for duty in duties.duties(corpus):
        levels = [m.level for m in duty.measures]
        assert levels == [m.level for m in duty.entry.item.measures if m.level != "national"]
        assert duty.section.kind == "section" and duty.section is duty.entry.parent


def test_overview_has_every_task_row_and_only_printed_duties(corpus: Corpus) -> None:
    all_duties = duties.duties(corpus)
    rows = duties.overview(corpus, all_duties)
    tasks = [e for e in corpus.plan_entries(duties.PLAN) if e.item.kind == "task"]
    assert [entry for entry, _ in rows] == tasks
    for entry, cells in rows:
        printed = {(d.who, d.obligation.duty) for d in all_duties if d.entry is entry}
        assert {(who, kind) for who, kinds in cells.items() for kind, _ in kinds} == printed


def test_a_new_scope_form_stops_the_build_with_file_and_line(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    plan = content / "plans" / f"{duties.PLAN}.yaml"
    text = plan.read_text(encoding="utf-8")
    old = "      scope: 专利、商标审查协作中心涉及省份\n"
    assert old in text
    plan.write_text(text.replace(old, "      scope: 沿海地市\n"), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    with pytest.raises(ContentError) as raised:
        duties.duties(load_corpus(content))
    message = str(raised.value)
    assert message.startswith(f"{plan}:{line}: item s1-t2: key 'scope': expected 各省, 涉及省份 or <condition>省份, "
                              "found '沿海地市'"), message
