"""Reviews are keyed by content: a Traditional audit decision and a manual theme decision hold wherever the
same text occurs, a renumbered plan asks for no review, and every decision made before is kept."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.content.corpus import Corpus, load_corpus
from generator.tools import audit, review
from tests.conftest import CONTENT, LATEST_WORK_POINTS, NEXT_WORK_POINTS, NEXT_WORK_POINTS_YEAR

BEFORE = Path(__file__).resolve().parent / "fixtures" / "reviews-before" / "audit.yaml"  # keyed with numbers
LATEST, NEXT = LATEST_WORK_POINTS.id, NEXT_WORK_POINTS
MEASURE = next(item.anchor for item in LATEST_WORK_POINTS.walk() if item.kind == "measure")  # the one a test edits
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


def items(tree: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The items of a plan file's `items`, each before its own."""
    for item in tree:
        yield item
        yield from items(item.get("items", []))


@pytest.fixture(scope="module")
def next_year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Next year's work points as a new plan would arrive: the latest work points' text with every section
    renumbered (一、 → 二、 …) and no theme decisions of its own."""
    content = tmp_path_factory.mktemp("reviews") / "content"
    shutil.copytree(CONTENT, content)
    plan = yaml.safe_load((content / "plans" / f"{LATEST}.yaml").read_text(encoding="utf-8"))
    plan["id"], plan["year"] = NEXT, NEXT_WORK_POINTS_YEAR
    for item in items(plan["items"]):
        item.pop("themes", None)
        marker = item.get("marker") or ""
        if len(marker) == 2 and marker[0] in NUMERALS and marker[1] == "、":
            item["marker"] = NUMERALS[(NUMERALS.index(marker[0]) + 1) % len(NUMERALS)] + "、"
    (content / "plans" / f"{NEXT}.yaml").write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False),
                                                    encoding="utf-8")
    translation = (content / "translations" / "ja" / f"{LATEST}.yaml").read_text(encoding="utf-8")
    (content / "translations" / "ja" / f"{NEXT}.yaml").write_text(
        translation.replace(f"plan: {LATEST}\n", f"plan: {NEXT}\n", 1), encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def next_corpus(next_year: Path) -> Corpus:
    return load_corpus(next_year)


def test_a_renumbered_plan_asks_for_no_audit_review(next_year: Path, next_corpus: Corpus) -> None:
    renumbered = [e for e in next_corpus.plan_entries(NEXT) if e.item.marker]
    before = {e.item.anchor: e.item.marker for e in next_corpus.plan_entries(LATEST)}
    assert renumbered and all(e.item.marker != before[e.item.anchor] for e in renumbered)
    found = audit.current(next_year, next_corpus)
    assert any(o.where.startswith(f"{NEXT}#") for o in found)
    assert audit.problems(found, audit.read_audit(audit.audit_path(next_year))) == []


def test_a_theme_decision_holds_wherever_the_same_text_occurs(corpus: Corpus, next_corpus: Corpus) -> None:
    # The latest work points' decisions, their own or inherited from an earlier year that said the same.
    repeated = [e for e in corpus.plan_entries(LATEST) if e.item.themes.add or e.item.themes.remove or e.decided_at]
    assert repeated
    for entry in repeated:
        again = next_corpus.entry(NEXT, entry.item.anchor)
        assert not (again.item.themes.add or again.item.themes.remove)
        assert again.themes == entry.themes and again.matched == entry.matched
        assert again.decided_at == (entry.decided_at or f"{entry.plan.id}#{entry.item.anchor}")
    # No text of the plans of 2022 and 2023 repeats another's (a later copy inherits their decisions).
    first = {plan.id for plan in corpus.plans if plan.year in (2022, 2023)}
    assert all(e.decided_at is None or e.decided_at.partition("#")[0] not in first
               for e in corpus.entries if e.plan.id in first)


# --- what a new plan still needs a person to review ---------------------------------------------------------

# An invented body and document, which no registry of the content will list whatever plans are added (a real
# one, such as 国家数据局, may join content/agencies.yaml with a later plan that names it).
AGENCY_NAME, TITLE_NAME = "国家示例数据局", "《示例数据登记办法》"
AGENCY = f"会同{AGENCY_NAME}推进数据知识产权登记。"
TITLE = f"研究制定{TITLE_NAME}。"


def changed_year(next_year: Path, tmp_path_factory: pytest.TempPathFactory, added: str) -> Path:
    """Next year's work points with one measure (MEASURE) that says `added` at its end."""
    content = tmp_path_factory.mktemp("changed") / "content"
    shutil.copytree(next_year, content)
    path = content / "plans" / f"{NEXT}.yaml"
    plan = yaml.safe_load(path.read_text(encoding="utf-8"))
    measure = next(item for item in items(plan["items"]) if item["anchor"] == MEASURE)
    measure["text"] += added
    path.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    translation = content / "translations" / "ja" / f"{NEXT}.yaml"
    entries = yaml.safe_load(translation.read_text(encoding="utf-8"))
    entry = next(entry for entry in entries["entries"] if entry["anchor"] == MEASURE)
    entry["zh"]["text"] = measure["text"]
    translation.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return content


def todos(content: Path) -> dict[str, list[str]]:
    return {todo.title.partition(":")[0]: todo.lines for todo in review.todos(content, load_corpus(content))}


def test_the_review_lists_what_a_new_plan_needs(next_year: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    found = todos(changed_year(next_year, tmp_path_factory, AGENCY))
    assert found["Traditional audit"] and all(f"({NEXT}#{MEASURE})" in line for line in found["Traditional audit"])
    contexts = [line.split(" in '", 1)[1].split("'", 1)[0] for line in found["Traditional audit"]]
    assert any(context in AGENCY for context in contexts)  # a context inside the added sentence
    assert [line.partition(":")[0] for line in found["Theme tagging"]] == [f"{NEXT}#{MEASURE}"]
    assert found["Lineage"] == [f"{LATEST} → {NEXT}: no comparison (append it to `comparisons`)"]
    assert found["Cited documents"] == []
    assert found["Agencies"] == [f"{AGENCY_NAME} ({NEXT}#{MEASURE})"]
    assert found["Reports"] == [  # a new plan changes both, the candidates' scores being over the whole corpus
        "content/reports/tagging.md: `python -m generator.tools.tagging --out content/reports/tagging.md`",
        "content/reports/lineage-candidates.md: `python -m generator.content.lineage --candidates`"]


def test_the_review_lists_a_new_title_and_what_waits_for_it(next_year: Path,
                                                            tmp_path_factory: pytest.TempPathFactory) -> None:
    found = todos(changed_year(next_year, tmp_path_factory, TITLE))
    assert [line.partition(" ")[0] for line in found["Cited documents"]] == [TITLE_NAME]
    [line] = found["Traditional audit"]
    assert line.startswith("listed once this is fixed: ") and TITLE_NAME in line
    assert found["Agencies"] == []


def test_the_plans_leave_nothing_to_review_and_the_report_says_so(corpus: Corpus) -> None:
    found = review.todos(CONTENT, corpus)
    assert [todo.lines for todo in found] == [[]] * len(found)
    assert (CONTENT / review.REPORT).read_text(encoding="utf-8") == review.render(found), \
        "run `python -m generator.tools.review`"
