"""The reviewed lineage: its references resolve, each comparison classifies every measure, a bad file
stops with one line, the committed candidates report is what the script writes, and adding a year keeps
every reviewed link."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from generator.content.corpus import Corpus, load_corpus
from generator.content.errors import ContentError
from generator.content.lineage import FILE, Lineage, Pair, key, load_lineage, states_work
from generator.render import lineage_pages
from generator.render.lineage_pages import CONTINUED, DROPPED, NEW, compare
from generator.render.renderer import Renderer
from generator.tools.lineage_candidates import MARKER, report
from tests.conftest import CONTENT, LATEST_WORK_POINTS, NEXT_WORK_POINTS


@pytest.fixture(scope="module")
def lineage(corpus: Corpus) -> Lineage:
    return load_lineage(CONTENT / FILE, corpus)


def test_every_link_joins_items_that_state_work(lineage: Lineage) -> None:
    assert lineage.links and lineage.works
    for pair in lineage.pairs:
        for link in pair.links:
            assert link.earlier.plan.id == pair.earlier
            assert link.later.plan.id != pair.earlier
            assert states_work(link.earlier) and states_work(link.later)
    for work in lineage.works:
        assert len({entry.plan.id for entry, _ in work.members}) >= 2, work.id
        for entry, naming in work.members:
            assert naming and all(any(phrase in s for phrase in work.match) for s in naming), (work.id, key(entry))
            assert all(s in entry.text for s in naming)


def pairs(lineage: Lineage) -> list[Pair]:
    assert lineage.pairs
    return list(lineage.pairs)


def test_every_measure_of_the_later_plan_is_new_or_continued(corpus: Corpus, lineage: Lineage) -> None:
    for pair in pairs(lineage):
        check_later_plan(corpus, pair)


def check_later_plan(corpus: Corpus, pair: Pair) -> None:
    later = pair.later
    view = compare(corpus, pair)
    rows = [row for section in view.later for row in section.rows]
    assert [key(row.entry) for row in rows] == [key(e) for e in corpus.plan_entries(later) if states_work(e)]
    continued = {key(link.later) for link in pair.links if link.later.plan.id == later}
    for row in rows:
        assert row.status(later=True) == (CONTINUED if key(row.entry) in continued else NEW)
    assert sum(section.counts[CONTINUED] for section in view.later) == len(continued)


def test_every_measure_of_the_earlier_plan_is_continued_or_dropped(corpus: Corpus, lineage: Lineage) -> None:
    for pair in pairs(lineage):
        check_earlier_plan(corpus, pair)


def check_earlier_plan(corpus: Corpus, pair: Pair) -> None:
    earlier, later = pair.earlier, pair.later
    view = compare(corpus, pair)
    rows = [row for section in view.earlier for row in section.rows]
    assert [key(row.entry) for row in rows] == [key(e) for e in corpus.plan_entries(earlier) if states_work(e)]
    for row in rows:
        mine = [link for link in pair.links if link.earlier is row.entry]
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

HEAD = "comparisons:\n- earlier: cnipa-work-points-2022\n  later: cnipa-work-points-2023\n"
LINK = "  continues:\n  - {earlier: cnipa-work-points-2022#s3-m3, later: %s}\n"
WORK = "same_work:\n- id: rules\n  work: 修改\n  work_ja: 改正\n  match: [专利法实施细则]\n  items: [%s]\n"
BAD = [
    (LINK % "cnipa-work-points-1999#s4-m1",
     "content/lineage.yaml:5: key 'later': expected a known plan id, found 'cnipa-work-points-1999'"),
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
    (LINK % "cnipa-work-points-2023#s4-m1" + "  - {earlier: cnipa-work-points-2022#s3-m3, later: cnipa-work-points-2023#s4-m1}\n",
     ("content/lineage.yaml:6: expected each link once, found cnipa-work-points-2022#s3-m3 → "
     "cnipa-work-points-2023#s4-m1 again (hint: entry 1 of `continues` has it already)")),
    ("  continues:\n  - {earlier: cnipa-work-points-2023#s4-m1, later: admin-protection-plan-2023#t3}\n",
     ("content/lineage.yaml:5: key 'earlier': expected an item of cnipa-work-points-2022, found "
     "'cnipa-work-points-2023#s4-m1' (hint: `continues` starts in the plan `earlier` of its comparison)")),
    ("  continues:\n  - {earlier: cnipa-work-points-2022#s3-m3, later: cnipa-work-points-2023#s4-m1, notes: x}\n",
     ("content/lineage.yaml:5: unknown key 'notes': expected one of the known keys, found 'notes' "
     "(hint: did you mean 'note'?)")),
    (WORK % "cnipa-work-points-2023#s4-m1, cnipa-work-points-2023#s3-m3",
     ("content/lineage.yaml:9: key 'items': expected cnipa-work-points-2023#s3-m3 to mention 专利法实施细则, "
     "found no such phrase in its text (hint: add the phrase this item uses to `match`, or drop the item)")),
    ((WORK % "cnipa-work-points-2023#s3-m12, cnipa-work-points-2023#s4-m14").replace("专利法实施细则", "地理标志"),
     ("content/lineage.yaml:9: key 'items': expected items of at least two plans, found one plan "
     "(hint: `same_work` joins plans; links inside one plan are not kept)")),
    ("- earlier: admin-protection-plan-2023\n  later: cnipa-work-points-2023\n",
     ("content/lineage.yaml:5: key 'later': expected a plan that no other comparison continues, found "
     "'cnipa-work-points-2023' again (hint: comparison 1 has it already; a year follows one year)")),
    ("- earlier: admin-protection-plan-2023\n  later: admin-protection-plan-2023\n",
     ("content/lineage.yaml:5: key 'later': expected another plan than admin-protection-plan-2023, found "
     "'admin-protection-plan-2023' (hint: a comparison sets two years of a series side by side)")),
    ("- earlier: cnipa-work-points-2023\n  later: strong-ip-implementation-plan-2023\n",
     ("content/lineage.yaml:5: key 'later': expected a plan compared year by year, found "
     "'strong-ip-implementation-plan-2023' (hint: add `lineage` to the `features` of "
     "content/plans/strong-ip-implementation-plan-2023.yaml)")),
]


@pytest.mark.parametrize(("body", "error"), BAD, ids=[
    "unknown-plan", "unknown-anchor", "malformed", "section", "same-plan", "duplicate", "earlier-plan",
    "unknown-key", "work-phrase", "work-one-plan", "later-twice", "same-plan-compared", "not-compared-yearly"])
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


# --- a series of years ---------------------------------------------------------------------------------

BEFORE = Path(__file__).resolve().parent / "fixtures" / "reviews-before" / FILE  # the file as it was before pairs


def test_the_series_keeps_every_link_of_the_single_pair_file(lineage: Lineage) -> None:
    """The file of one pair (`compare` and `continues` at the top) became the first pair of `comparisons`:
    every reviewed link is there with its note, and every piece of work is unchanged."""
    before = yaml.safe_load(BEFORE.read_text(encoding="utf-8"))
    now = yaml.safe_load((CONTENT / FILE).read_text(encoding="utf-8"))
    first = now["comparisons"][0]
    assert (first["earlier"], first["later"]) == (before["compare"]["earlier"], before["compare"]["later"])
    assert first["continues"] == before["continues"]
    assert now["same_work"] == before["same_work"]
    pair = lineage.pairs[0]
    assert len(pair.links) == len(before["continues"]) > 0
    assert [(key(link.earlier), key(link.later), link.note, link.note_ja) for link in pair.links] == [
        (link["earlier"], link["later"], link.get("note"), link.get("note_ja")) for link in before["continues"]]


LATEST, NEXT = LATEST_WORK_POINTS.id, NEXT_WORK_POINTS
ELSEWHERE = "high-quality-development-tasks-2023#s1-t1"  # an item of another plan, where a dropped measure's work goes


@dataclass(frozen=True)
class NextYear:
    """A copy of the content with next year's work points (LATEST's text under NEXT's id) and a pair LATEST → NEXT
    appended to the lineage, which links `carried` to its copy in NEXT and `elsewhere` to ELSEWHERE. Each is an
    anchor of a measure of LATEST: `continued` is continued from the year before and no link of the new pair
    touches it, nor `dropped`."""

    content: Path
    continued: str
    carried: str
    elsewhere: str
    dropped: str


@pytest.fixture(scope="module")
def next_year(corpus: Corpus, lineage: Lineage, tmp_path_factory: pytest.TempPathFactory) -> NextYear:
    measures = [entry for entry in corpus.plan_entries(LATEST) if states_work(entry)]
    [before] = [pair for pair in lineage.pairs if pair.later == LATEST]  # the pair of the year before
    continued = next(entry for entry in measures if any(link.later is entry for link in before.links))
    # a measure that already has related items (a piece of work, or the year before), so that NEXT adds to them
    carried = next(entry for entry in measures if entry is not continued and lineage.related(entry))
    elsewhere, dropped = [entry for entry in measures if entry not in (continued, carried)][:2]
    chosen = NextYear(tmp_path_factory.mktemp("series") / "content",
                      *(entry.item.anchor for entry in (continued, carried, elsewhere, dropped)))
    content = chosen.content
    shutil.copytree(CONTENT, content)
    plan = (content / "plans" / f"{LATEST}.yaml").read_text(encoding="utf-8")
    (content / "plans" / f"{NEXT}.yaml").write_text(
        plan.replace(f"id: {LATEST}\n", f"id: {NEXT}\n", 1), encoding="utf-8")
    translation = (content / "translations" / "ja" / f"{LATEST}.yaml").read_text(encoding="utf-8")
    (content / "translations" / "ja" / f"{NEXT}.yaml").write_text(
        translation.replace(f"plan: {LATEST}\n", f"plan: {NEXT}\n", 1), encoding="utf-8")
    pair = (f"- earlier: {LATEST}\n  later: {NEXT}\n  continues:\n"
            f"  - {{earlier: {LATEST}#{chosen.carried}, later: {NEXT}#{chosen.carried}}}\n"
            f"  - {{earlier: {LATEST}#{chosen.elsewhere}, later: {ELSEWHERE}}}\n")
    text = (content / FILE).read_text(encoding="utf-8")
    (content / FILE).write_text(text.replace("\nsame_work:", pair + "\nsame_work:", 1), encoding="utf-8")
    return chosen


def test_adding_a_year_keeps_every_reviewed_link(corpus: Corpus, lineage: Lineage, next_year: NextYear) -> None:
    grown = load_corpus(next_year.content)
    series = load_lineage(next_year.content / FILE, grown)
    assert [(pair.earlier, pair.later) for pair in series.pairs] == [
        *((pair.earlier, pair.later) for pair in lineage.pairs), (LATEST, NEXT)]
    for committed, kept in zip(lineage.pairs, series.pairs, strict=False):
        assert [(key(link.earlier), key(link.later), link.note) for link in kept.links] == [
            (key(link.earlier), key(link.later), link.note) for link in committed.links]
    assert len(series.links) == len(lineage.links) + 2
    for pair in series.pairs:
        check_later_plan(grown, pair)
        check_earlier_plan(grown, pair)

    def related(links: Lineage, plans: Corpus, anchor: str) -> set[str]:
        """The items related to LATEST's item `anchor`."""
        return {key(entry) for entry in links.related(plans.entry(LATEST, anchor))}

    continued = related(lineage, corpus, next_year.continued)  # from the year before, and no further
    [before] = [pair for pair in lineage.pairs if pair.later == LATEST]
    assert {key(link.earlier) for link in before.links if link.later.item.anchor == next_year.continued} <= continued
    assert continued and related(series, grown, next_year.continued) == continued
    carried = related(lineage, corpus, next_year.carried)
    assert carried and related(series, grown, next_year.carried) == carried | {f"{NEXT}#{next_year.carried}"}
    assert related(series, grown, next_year.elsewhere) == related(lineage, corpus, next_year.elsewhere) | {ELSEWHERE}
    committed = (CONTENT / "reports" / "lineage-candidates.md").read_text(encoding="utf-8")
    written = report(grown, series)
    assert f"## {LATEST} → {NEXT}" in written
    for title in [line for line in committed.split(MARKER, 1)[1].splitlines() if line.startswith("## ")]:
        if title.startswith("## Across"):
            continue
        assert title in written.splitlines(), title


def test_the_page_shows_each_pair_and_keeps_the_first_pairs_ids(next_year: NextYear) -> None:
    grown = load_corpus(next_year.content)
    series = load_lineage(next_year.content / FILE, grown)
    page = lineage_pages.pages(Renderer(grown, grown.edition("zh-Hans")))[lineage_pages.INDEX]
    assert series.pairs[0].prefix == "" and series.pairs[-1].prefix == f"{NEXT}-"
    for pair in series.pairs:
        for part in ("summary", "later", "earlier"):
            assert f"{{ #{pair.prefix}{part} }}" in page
        for side, plan in (("later", pair.later), ("earlier", pair.earlier)):
            for section in [entry for entry in grown.plan_entries(plan) if entry.item.kind == "section"]:
                assert f'id="{pair.prefix}{side}-{section.item.anchor}"' in page
    assert f'data-ref="{LATEST}#{next_year.continued}" data-status="continued"' in page  # from the year before
    assert f'data-ref="{LATEST}#{next_year.dropped}" data-status="dropped"' in page  # not in NEXT
    assert f'data-ref="{NEXT}#{next_year.carried}" data-status="continued"' in page
    assert f'data-ref="{NEXT}#{next_year.elsewhere}" data-status="new"' in page
    assert "{ #works }" in page
