"""Reviews are keyed by content: a Traditional audit decision and a manual theme decision hold wherever the
same text occurs, a renumbered plan asks for no review, and every decision made before is kept."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.content.corpus import Corpus, load_corpus
from generator.tools import audit, review
from tests.conftest import CONTENT

BEFORE = Path(__file__).resolve().parent / "fixtures" / "reviews-before" / "audit.yaml"  # keyed with numbers
NEXT = "cnipa-work-points-2024"
NUMERALS = "一二三四五六七八九十"


def test_every_audit_decision_made_before_is_kept() -> None:
    """Each reviewed row of the audit of before is in today's audit as it was, or, where its context held an
    item's number (04．丰富知识), as the same decision on the context without it (丰富知识)."""
    before = [row for row in audit.read_audit(BEFORE) if row.get("verdict") in audit.REVIEWED]
    now = audit.read_audit(audit.audit_path(CONTENT))
    same = {_decision(row) for row in now}
    rekeyed = [row for row in before if _decision(row) not in same]
    for row in rekeyed:
        assert re.search(r"[0-9.．、（）]", row["context"]), row
        assert any(new["char"] == row["char"] and new["chosen"] == row["chosen"]
                   and new["verdict"] == row["verdict"] and new.get("note") == row.get("note")
                   and new["context"] in row["context"] and row["context"].endswith(_after(new))
                   for new in now), row
    assert rekeyed and len(rekeyed) < len(before) / 10


def _after(row: dict[str, Any]) -> str:
    """The character of a row and what follows it in its context."""
    return str(row["context"][audit.place(row)[2]:])


def _decision(row: dict[str, Any]) -> tuple[object, ...]:
    return (*audit.row_key(row), row["verdict"], row.get("note"))


@pytest.fixture(scope="module")
def next_year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Next year's work points as a new plan would arrive: the 2023 text with every section renumbered
    (一、 → 二、 …) and no theme decisions of its own."""
    content = tmp_path_factory.mktemp("reviews") / "content"
    shutil.copytree(CONTENT, content)
    plan = yaml.safe_load((content / "plans" / "cnipa-work-points-2023.yaml").read_text(encoding="utf-8"))
    plan["id"], plan["year"] = NEXT, 2024
    stack = list(plan["items"])
    while stack:
        item = stack.pop()
        item.pop("themes", None)
        marker = item.get("marker") or ""
        if len(marker) == 2 and marker[0] in NUMERALS and marker[1] == "、":
            item["marker"] = NUMERALS[(NUMERALS.index(marker[0]) + 1) % len(NUMERALS)] + "、"
        stack.extend(item.get("items", []))
    (content / "plans" / f"{NEXT}.yaml").write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False),
                                                    encoding="utf-8")
    translation = (content / "translations" / "ja" / "cnipa-work-points-2023.yaml").read_text(encoding="utf-8")
    (content / "translations" / "ja" / f"{NEXT}.yaml").write_text(
        translation.replace("plan: cnipa-work-points-2023\n", f"plan: {NEXT}\n", 1), encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def next_corpus(next_year: Path) -> Corpus:
    return load_corpus(next_year)


def test_a_renumbered_plan_asks_for_no_audit_review(next_year: Path, next_corpus: Corpus) -> None:
    renumbered = [e for e in next_corpus.plan_entries(NEXT) if e.item.marker]
    before = {e.item.anchor: e.item.marker for e in next_corpus.plan_entries("cnipa-work-points-2023")}
    assert renumbered and all(e.item.marker != before[e.item.anchor] for e in renumbered)
    found = audit.current(next_year, next_corpus)
    assert any(o.where.startswith(f"{NEXT}#") for o in found)
    assert audit.problems(found, audit.read_audit(audit.audit_path(next_year))) == []


def test_a_theme_decision_holds_wherever_the_same_text_occurs(corpus: Corpus, next_corpus: Corpus) -> None:
    decided = [e for e in corpus.entries if e.item.themes.add or e.item.themes.remove]
    repeated = [e for e in decided if e.plan.id == "cnipa-work-points-2023"]
    assert repeated
    for entry in repeated:
        again = next_corpus.entry(NEXT, entry.item.anchor)
        assert not (again.item.themes.add or again.item.themes.remove)
        assert again.themes == entry.themes and again.matched == entry.matched
        assert again.decided_at == f"{entry.plan.id}#{entry.item.anchor}"
    # No text of the plans of 2022 and 2023 repeats another's (a later copy inherits their decisions).
    assert all(e.decided_at is None for e in corpus.entries if e.plan.year in (2022, 2023))


# --- what a new plan still needs a person to review ---------------------------------------------------------

AGENCY = "会同国家数据局推进数据知识产权登记。"
TITLE = "研究制定《数据知识产权登记办法》。"


def changed_year(next_year: Path, tmp_path_factory: pytest.TempPathFactory, added: str) -> Path:
    """Next year's work points with one measure that says `added` at its end."""
    content = tmp_path_factory.mktemp("changed") / "content"
    shutil.copytree(next_year, content)
    path = content / "plans" / f"{NEXT}.yaml"
    plan = yaml.safe_load(path.read_text(encoding="utf-8"))
    section = next(item for item in plan["items"] if item["anchor"] == "s4")
    measure = next(item for item in section["items"] if item["anchor"] == "s4-m1")
    measure["text"] += added
    path.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    translation = content / "translations" / "ja" / f"{NEXT}.yaml"
    entries = yaml.safe_load(translation.read_text(encoding="utf-8"))
    entry = next(entry for entry in entries["entries"] if entry["anchor"] == "s4-m1")
    entry["zh"]["text"] = measure["text"]
    translation.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return content


def todos(content: Path) -> dict[str, list[str]]:
    return {todo.title.partition(":")[0]: todo.lines for todo in review.todos(content, load_corpus(content))}


def test_the_review_lists_what_a_new_plan_needs(next_year: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    found = todos(changed_year(next_year, tmp_path_factory, AGENCY))
    assert found["Traditional audit"] and all(f"({NEXT}#s4-m1)" in line for line in found["Traditional audit"])
    assert any(" in '国家数据局" in line for line in found["Traditional audit"])
    assert [line.partition(":")[0] for line in found["Theme tagging"]] == [f"{NEXT}#s4-m1"]
    assert found["Lineage"] == [f"cnipa-work-points-2023 → {NEXT}: no comparison (append it to `comparisons`)"]
    assert found["Cited documents"] == []
    assert found["Agencies"] == [f"国家数据局 ({NEXT}#s4-m1)"]
    assert found["Reports"] == [  # a new plan changes both, the candidates' scores being over the whole corpus
        "content/reports/tagging.md: `python -m generator.tools.tagging --out content/reports/tagging.md`",
        "content/reports/lineage-candidates.md: `python -m generator.content.lineage --candidates`"]


def test_the_review_lists_a_new_title_and_what_waits_for_it(next_year: Path,
                                                            tmp_path_factory: pytest.TempPathFactory) -> None:
    found = todos(changed_year(next_year, tmp_path_factory, TITLE))
    assert [line.partition(" ")[0] for line in found["Cited documents"]] == ["《数据知识产权登记办法》"]
    [line] = found["Traditional audit"]
    assert line.startswith("listed once this is fixed: ") and "《数据知识产权登记办法》" in line
    assert found["Agencies"] == []


def test_the_five_plans_leave_nothing_to_review_and_the_report_says_so(corpus: Corpus) -> None:
    found = review.todos(CONTENT, corpus)
    assert [todo.lines for todo in found] == [[]] * len(found)
    assert (CONTENT / review.REPORT).read_text(encoding="utf-8") == review.render(found), \
        "run `python -m generator.tools.review`"
