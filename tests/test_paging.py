"""Lists that grow with the corpus split over pages of a bounded size: the themes by plan, a term's items."""

from __future__ import annotations

import re

import pytest

from generator.content.corpus import Corpus
from generator.render import charts, glossary_pages
from generator.render.glossary_pages import checked_usages
from generator.render.renderer import Renderer, paged, pager
from tests.conftest import BY_CODE


def test_groups_fill_pages_in_order_and_stay_whole() -> None:
    assert paged([3, 5, 2, 7, 10, 1], 8, lambda n: n) == [[3, 5], [2], [7], [10], [1]]
    assert paged(["a", "b", "c"], 2) == [["a", "b"], ["c"]]
    assert paged([], 5) == [[]]


def test_the_pager_numbers_the_groups_of_each_page_and_marks_the_current_one() -> None:
    assert pager(["x/"], [[1, 2]], "x/") == []  # one page: no pager
    links = pager(["x/", "x/2/", "x/3/"], [[1, 2], [3], [4, 5, 6]], "x/2/")
    assert links == [("../", "1–2", False), ("./", "3–3", True), ("../3/", "4–6", False)]


def _plan_columns(markdown: str) -> list[str]:
    head = re.search(r'data-chart="chart-plan-themes">\s*<thead>(.*?)</thead>', markdown, re.DOTALL)
    assert head is not None
    return re.findall(r'href="[./]*plans/([^/"]+)/"', head[1])


@pytest.mark.parametrize("code", ["zh-Hans", "ja"])
def test_the_themes_by_plan_chart_holds_at_most_its_share_of_plans_a_page(
        corpus: Corpus, monkeypatch: pytest.MonkeyPatch, code: str) -> None:
    monkeypatch.setattr(charts, "PLANS_PER_CHART", 2)
    pages = charts.pages(Renderer(corpus, BY_CODE[code]))
    count = len(corpus.plans)  # five or more, whatever plans were added since
    shares = [min(2, count - first) for first in range(0, count, 2)]
    assert list(pages) == ["charts/index.md", *(f"charts/plans-{n}/index.md" for n in range(2, len(shares) + 1))]
    columns = [_plan_columns(markdown) for markdown in pages.values()]
    assert [len(found) for found in columns] == shares
    assert [plan for found in columns for plan in found] == [plan.id for plan in corpus.plans]
    assert f'<a href="../plans-3/">5–{min(6, count)}</a>' in pages["charts/plans-2/index.md"]
    assert '<strong aria-current="page">3–4</strong>' in pages["charts/plans-2/index.md"]


def test_a_term_of_many_items_lists_them_over_pages_of_whole_plans(
        corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(glossary_pages, "TERM_PAGE_ITEMS", 100)
    pages = glossary_pages.pages(Renderer(corpus, BY_CODE["zh-Hans"]))
    usage = next(usage for usage in checked_usages(corpus) if usage.term.id == "ip")
    term_pages = [markdown for path, markdown in pages.items() if path == "glossary/ip.md" or path.startswith("glossary/ip/")]
    assert len(term_pages) > 2
    listed = [re.findall(r'data-plan="([^"]+)"', markdown) for markdown in term_pages]
    assert [plan for found in listed for plan in found] == [plan_id for plan_id, _ in usage.by_plan]
    sizes = {plan_id: len(entries) for plan_id, entries in usage.by_plan}
    assert all(len(found) == 1 or sum(sizes[plan] for plan in found) <= 100 for found in listed)
    assert all('class="ip-pager"' in markdown for markdown in term_pages)
