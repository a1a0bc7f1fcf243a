"""The reviewed lineage: its references resolve, the comparison classifies every measure, a bad file
stops with one line, and the committed candidates report is what the script writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.corpus import Corpus
from generator.content.errors import ContentError
from generator.content.lineage import FILE, Lineage, key, load_lineage, states_work
from generator.render.lineage_pages import CONTINUED, DROPPED, NEW, compare
from generator.tools.lineage_candidates import MARKER, report
from tests.conftest import CONTENT


@pytest.fixture(scope="module")
def lineage(corpus: Corpus) -> Lineage:
    return load_lineage(CONTENT / FILE, corpus)


def test_every_link_joins_items_that_state_work(lineage: Lineage) -> None:
    assert lineage.links and lineage.works
    for link in lineage.links:
        assert link.earlier.plan.id == lineage.comparison.earlier
        assert link.later.plan.id != lineage.comparison.earlier
        assert states_work(link.earlier) and states_work(link.later)
    for work in lineage.works:
        assert len({entry.plan.id for entry, _ in work.members}) >= 2, work.id
        for entry, naming in work.members:
            assert naming and all(any(phrase in s for phrase in work.match) for s in naming), (work.id, key(entry))
            assert all(s in entry.text for s in naming)


def test_every_measure_of_the_later_plan_is_new_or_continued(corpus: Corpus, lineage: Lineage) -> None:
    later = lineage.comparison.later
    view = compare(corpus, lineage)
    rows = [row for section in view.later for row in section.rows]
    assert [key(row.entry) for row in rows] == [key(e) for e in corpus.plan_entries(later) if states_work(e)]
    continued = {key(link.later) for link in lineage.links if link.later.plan.id == later}
    for row in rows:
        assert row.status(later=True) == (CONTINUED if key(row.entry) in continued else NEW)
    assert sum(section.counts[CONTINUED] for section in view.later) == len(continued)


def test_every_measure_of_the_earlier_plan_is_continued_or_dropped(corpus: Corpus, lineage: Lineage) -> None:
    earlier, later = lineage.comparison.earlier, lineage.comparison.later
    view = compare(corpus, lineage)
    rows = [row for section in view.earlier for row in section.rows]
    assert [key(row.entry) for row in rows] == [key(e) for e in corpus.plan_entries(earlier) if states_work(e)]
    for row in rows:
        mine = [link for link in lineage.links if link.earlier is row.entry]
        assert row.status(later=False) == (CONTINUED if any(l.later.plan.id == later for l in mine) else DROPPED)
        assert [key(link.later) for link in row.elsewhere] == [key(l.later) for l in mine if l.later.plan.id != later]


def test_related_items_are_related_both_ways(corpus: Corpus, lineage: Lineage) -> None:
    linked = 0
    for entry in corpus.entries:
        for other in lineage.related(entry):
            assert other is not entry
            assert any(back is entry for back in lineage.related(other)), (key(entry), key(other))
            linked += 1
    assert linked >= 2 * len(lineage.links)


def test_the_committed_candidates_report_is_what_the_script_writes(corpus: Corpus, lineage: Lineage) -> None:
    committed = (CONTENT / "reports" / "lineage-candidates.md").read_text(encoding="utf-8")
    assert MARKER + committed.split(MARKER, 1)[1] == report(corpus, lineage), \
        "run `python -m generator.content.lineage --candidates` and review the changes"


# --- a bad lineage file stops with one line ------------------------------------------------------

HEAD = "compare:\n  earlier: cnipa-work-points-2022\n  later: cnipa-work-points-2023\n"
LINK = "continues:\n- {earlier: cnipa-work-points-2022#s3-m3, later: %s}\n"
WORK = "same_work:\n- id: rules\n  work: 修改\n  work_ja: 改正\n  match: [专利法实施细则]\n  items: [%s]\n"
BAD = [
    (LINK % "cnipa-work-points-2024#s4-m1",
     "content/lineage.yaml:5: key 'later': expected a known plan id, found 'cnipa-work-points-2024'"),
    (LINK % "cnipa-work-points-2023#s4-m99",
     ("content/lineage.yaml:5: key 'later': expected an anchor of cnipa-work-points-2023, found 's4-m99' "
     "(hint: did you mean cnipa-work-points-2023#s4-m9?)")),
    (LINK % "cnipa-work-points-2023/s4-m1",
     ("content/lineage.yaml:5: key 'later': expected a reference `plan-id#anchor`, found "
     "'cnipa-work-points-2023/s4-m1' (hint: e.g. cnipa-work-points-2023#s4-m1)")),
    (LINK % "cnipa-work-points-2023#s4",
     ("content/lineage.yaml:5: key 'later': expected a measure, a task or a section with text, found the "
     "section cnipa-work-points-2023#s4 (hint: link the item that states the work)")),
    (LINK % "cnipa-work-points-2022#s4-m1",
     ("content/lineage.yaml:5: key 'later': expected an item of another plan than cnipa-work-points-2022, "
     "found 'cnipa-work-points-2022#s4-m1'")),
    (LINK % "cnipa-work-points-2023#s4-m1" + "- {earlier: cnipa-work-points-2022#s3-m3, later: cnipa-work-points-2023#s4-m1}\n",
     ("content/lineage.yaml:6: expected each link once, found cnipa-work-points-2022#s3-m3 → "
     "cnipa-work-points-2023#s4-m1 again (hint: entry 1 of `continues` has it already)")),
    ("continues:\n- {earlier: cnipa-work-points-2023#s4-m1, later: admin-protection-plan-2023#t3}\n",
     ("content/lineage.yaml:5: key 'earlier': expected an item of cnipa-work-points-2022, found "
     "'cnipa-work-points-2023#s4-m1' (hint: `continues` starts in the plan `compare.earlier`)")),
    ("continues:\n- {earlier: cnipa-work-points-2022#s3-m3, later: cnipa-work-points-2023#s4-m1, notes: x}\n",
     ("content/lineage.yaml:5: unknown key 'notes': expected one of the known keys, found 'notes' "
     "(hint: did you mean 'note'?)")),
    (WORK % "cnipa-work-points-2023#s4-m1, cnipa-work-points-2023#s3-m3",
     ("content/lineage.yaml:9: key 'items': expected cnipa-work-points-2023#s3-m3 to mention 专利法实施细则, "
     "found no such phrase in its text (hint: add the phrase this item uses to `match`, or drop the item)")),
    ((WORK % "cnipa-work-points-2023#s3-m12, cnipa-work-points-2023#s4-m14").replace("专利法实施细则", "地理标志"),
     ("content/lineage.yaml:9: key 'items': expected items of at least two plans, found one plan "
     "(hint: `same_work` joins plans; links inside one plan are not kept)")),
]


@pytest.mark.parametrize(("body", "error"), BAD, ids=[
    "unknown-plan", "unknown-anchor", "malformed", "section", "same-plan", "duplicate", "earlier-plan",
    "unknown-key", "work-phrase", "work-one-plan"])
def test_a_bad_lineage_file_stops_with_one_line(corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                body: str, error: str) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / FILE).write_text(HEAD + body, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ContentError) as raised:
        load_lineage(Path("content") / FILE, corpus)
    message = str(raised.value)
    assert "\n" not in message
    assert message == error or message.startswith(error + " (hint: known: ")
