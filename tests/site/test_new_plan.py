"""Adding next year's plan is adding files under content/: the proof.

A copy of the content gets a plan of a new year (the year after the latest plan's): the 2023 work points' source,
YAML and Japanese translation copied under a new id with the year changed and one measure reworded, as a maintainer would add next year's
plan. It builds with no change to code or configuration, and the home page, the plans index, the navigation
and the open data of every edition list it, with the count and the years computed from the plans.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.content.corpus import load_corpus
from generator.content.load import load_plan
from generator.content.text import numeral
from generator.editions.convert import converter
from tests.conftest import CONTENT, NEXT_YEAR, build_site
from tests.site.pages import EDITION_ROOTS
from tests.site.tree import read

TEMPLATE, YEAR = "cnipa-work-points-2023", "2023"
NEXT = str(NEXT_YEAR)  # a year no plan of the content has
NEW = TEMPLATE.replace(YEAR, NEXT)
MEASURE = ("推进专利开放许可制度平稳实施。", "全面推进专利开放许可制度落地实施。")  # s5-m3, reworded in the new year


def add_next_year(content: Path) -> None:
    """Source, plan and translation of NEW: TEMPLATE's with the year changed and one measure reworded."""
    plan = content / "plans" / f"{TEMPLATE}.yaml"
    source_file = load_plan(plan)[0].source.file
    new_file = f"{NEW}.txt"

    def next_year(text: str) -> str:
        assert text.count(MEASURE[0]) == 1, "the reworded measure occurs once"
        return text.replace(YEAR, NEXT).replace(MEASURE[0], MEASURE[1])

    (content / "sources" / new_file).write_text(next_year((content / "sources" / source_file).read_text(encoding="utf-8")),
                                                encoding="utf-8")
    (content / "plans" / f"{NEW}.yaml").write_text(
        next_year(plan.read_text(encoding="utf-8")).replace(f"file: {source_file}", f"file: {new_file}"), encoding="utf-8")
    translation = content / "translations" / "ja"
    (translation / f"{NEW}.yaml").write_text(next_year((translation / f"{TEMPLATE}.yaml").read_text(encoding="utf-8")),
                                             encoding="utf-8")


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the content with NEW added."""
    content = tmp_path_factory.mktemp("grown") / "content"
    shutil.copytree(CONTENT, content)
    add_next_year(content)
    return content


@pytest.fixture(scope="module")
def grown_site(grown: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(grown, tmp_path_factory.mktemp("grown-site") / "site")


@pytest.fixture(scope="module")
def traditional() -> Callable[[str], str]:
    return converter(CONTENT / "zh-Hant" / "phrases.txt")


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_every_edition_lists_the_new_plan_on_its_home_page_and_index(grown_site: Path, root: str) -> None:
    for page in ("index.html", "plans/index.html"):
        links = read(grown_site / root / page).root.links()
        assert any(link.split("#")[0].rstrip("/").rsplit("/", 1)[-1] == NEW for link in links), f"{root}{page}"
        assert any(link.split("#")[0].rstrip("/").rsplit("/", 1)[-1] == TEMPLATE for link in links), f"{root}{page}"
    page = read(grown_site / root / "plans" / NEW / "index.html").root
    assert page.by_id("s5-m3") is not None


def test_the_home_page_counts_the_plans_and_their_years(grown: Path, grown_site: Path,
                                                        traditional: Callable[[str], str]) -> None:
    plans = load_corpus(grown).plans
    count, first = len(plans), min(plan.year or 9999 for plan in plans)
    assert count == len(load_corpus(CONTENT).plans) + 1 and max(plan.year or 0 for plan in plans) == int(NEXT)
    lead = {root: next(e for e in read(grown_site / root / "index.html").root.find_all("p", "ip-lead-text")).text()
            for root in EDITION_ROOTS}
    assert f"{first}—{NEXT} 年发布的{numeral(count)}份" in lead[""]
    assert traditional(f"{first}—{NEXT} 年发布的{numeral(count)}份") in lead["zh-Hant/"]
    assert f"{first}〜{NEXT}年に公表した知的財産権政策計画{count}件" in lead["ja/"]
    for root, expected in (("", f"（{first}—{NEXT}）"), ("ja/", f"（{first}〜{NEXT}年）")):
        home = read(grown_site / root / "index.html").root
        description = next(e for e in home.find_all("meta") if e.attrs.get("name") == "description")
        assert expected in description.attrs["content"]


def test_the_new_plan_is_in_the_open_data_with_its_series_and_year(grown_site: Path, traditional: Callable[[str], str]) -> None:
    for root in EDITION_ROOTS:
        plans = {row["id"]: row for row in json.loads((grown_site / root / "data" / "plans.json").read_text("utf-8"))}
        assert (plans[NEW]["series"], plans[NEW]["year"]) == (plans[TEMPLATE]["series"], int(NEXT))
        tasks = json.loads((grown_site / root / "data" / "tasks.json").read_text("utf-8"))
        reworded = next(row for row in tasks if row["plan"] == NEW and row["anchor"] == "s5-m3")
        assert reworded["text"] == (traditional(MEASURE[1]) if root == "zh-Hant/" else MEASURE[1])


def test_the_new_plan_s_page_shows_the_reworded_measure(grown_site: Path) -> None:
    page = read(grown_site / "plans" / NEW / "index.html").root
    assert MEASURE[1] in page.by_id("s5-m3").text()
    assert MEASURE[0] in read(grown_site / "plans" / TEMPLATE / "index.html").root.by_id("s5-m3").text()
