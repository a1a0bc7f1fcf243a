"""Search as readers use it, in Debian's Chromium: the query set, the search page with its filters and its
address, the box in the header, excerpts, and landing on the item.

`search_queries.yaml` was written from the data before any search was run: each query, the edition it is
typed in, its best answer and the other right answers (none for nonsense).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from generator.publish.search import name_key, tokens
from tests.site.pages import EDITION_ROOTS

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yaml").read_text(encoding="utf-8"))
ROOTS = {"zh-Hans": "", "zh-Hant": "zh-Hant/", "ja": "ja/"}
REPORT = Path(__file__).resolve().parents[2] / "test-results" / "search.jsonl"
STRONG = "plans/strong-ip-implementation-plan-2023/"
# The ranks the set reaches (measured on 79 queries; the issue asks 90 % for both).
BEST_IN_TOP_FIVE = 0.95
RELEVANT_FIRST = 0.95


def path(answer: str) -> str:
    """A query set answer (plan#anchor or a page path) as a site path."""
    plan, hash_, anchor = answer.partition("#")
    return f"plans/{plan}/#{anchor}" if hash_ else answer


@pytest.fixture(scope="module")
def searchers(browser: Browser, base_url: str) -> Iterator[dict[str, Page]]:
    """One search page per edition, asked directly through search.js."""
    context = browser.new_context()
    pages = {}
    for edition, root in ROOTS.items():
        page = context.new_page()
        page.goto(f"{base_url}{root}search/")
        page.wait_for_function("window.ipSearch !== undefined")
        pages[edition] = page
    yield pages
    context.close()


def find(page: Page, query: str) -> dict[str, Any]:
    return page.evaluate(
        """async (query) => {
             const found = await window.ipSearch.find(query);
             const links = [];
             for (const id of found.ids.slice(0, 10)) links.push((await window.ipSearch.fragment(id)).href);
             return {total: found.ids.length, links, loose: found.loose};
           }""",
        query,
    )


@pytest.fixture(scope="module")
def outcomes(searchers: dict[str, Page]) -> list[dict[str, Any]]:
    results = []
    for case in QUERIES:
        found = find(searchers[case["edition"]], case["query"])
        best = path(case["best"]) if case["best"] else None
        right = {path(answer) for answer in case["relevant"]} | ({best} if best else set())
        rank = found["links"].index(best) + 1 if best in found["links"] else None
        results.append({**case, "rank": rank, "total": found["total"], "first": found["links"][:1],
                        "relevant_first": bool(found["links"]) and found["links"][0] in right})
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text("".join(json.dumps(result, ensure_ascii=False) + "\n" for result in results), encoding="utf-8")
    return results


@pytest.mark.parametrize("number", range(len(QUERIES)), ids=[f"{q['edition']}-{q['kind']}-{q['query']}" for q in QUERIES])
def test_each_query_reaches_its_rank(outcomes: list[dict[str, Any]], number: int) -> None:
    outcome = outcomes[number]
    if outcome["best"] is None:
        assert outcome["total"] == 0, f"{outcome['query']!r} should find nothing, found {outcome['first']}"
    else:
        assert outcome["rank"] is not None and outcome["rank"] <= 5, (
            f"{outcome['query']!r}: {outcome['best']} ranks {outcome['rank']} of {outcome['total']}")


def test_the_set_ranks_the_best_item_high_and_a_right_one_first(outcomes: list[dict[str, Any]]) -> None:
    answerable = [o for o in outcomes if o["best"]]
    top_five = sum(1 for o in answerable if o["rank"] and o["rank"] <= 5) / len(answerable)
    first = sum(1 for o in answerable if o["relevant_first"]) / len(answerable)
    assert len(QUERIES) >= 60
    assert top_five >= BEST_IN_TOP_FIVE and first >= RELEVANT_FIRST, (top_five, first)


def test_the_browser_cuts_and_marks_text_as_the_build_does(searchers: dict[str, Page]) -> None:
    texts = ["数据知识产权登记", "專利開放許可", "商標の悪意ある登録", "WIPO 2023年", "ａｂｃ１２３", "知"]
    for text in texts:
        expected = {"tokens": tokens(text), "name": name_key(text)}
        found = searchers["zh-Hans"].evaluate(
            """(text) => import(new URL(document.querySelector("meta[name=ip-search-root]").content + "assets/search.js", location.href).href).then((m) => ({
                 tokens: m.parse(text, false).flatMap((term) => term.tokens),
                 name: m.nameKey(text)}))""",
            text,
        )
        assert found == expected, text


def test_the_search_page_reads_its_address_filters_and_counts(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}search/?q=专利&plan=strong-ip-implementation-plan-2023&kind=task")
    expect(page.locator(".ip-search__count")).to_contain_text("项结果")
    hits = page.locator(".ip-search__results .ip-hit")
    expect(hits.first).to_be_visible()
    hrefs = hits.locator(".ip-hit__link").evaluate_all("links => links.map(link => link.getAttribute('href'))")
    assert hrefs and all(f"/{STRONG}#t" in href for href in hrefs)
    assert page.locator("select[name=plan]").input_value() == "strong-ip-implementation-plan-2023"
    option = page.locator("select[name=kind] option[value=task]")
    expect(option).to_have_text("任务 (" + option.inner_text().split("(")[1])
    # Changing a filter narrows the results and rewrites the address, which can be shared.
    page.select_option("select[name=year]", "2023")
    page.wait_for_url("**/search/?q=*year=2023*")
    page.select_option("select[name=plan]", "")
    page.select_option("select[name=agency]", "cnipa")
    expect(page.locator(".ip-search__count")).to_contain_text("项结果")
    assert "agency=cnipa" in page.url


def test_results_mark_the_words_also_when_found_through_the_other_script(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}search/?q=專利開放許可")
    mark = page.locator(".ip-search__results mark").first
    expect(mark).to_have_text("专利开放许可")
    page.goto(f"{base_url}ja/search/?q=海賊版")
    translation = page.locator(".ip-search__results .ip-hit__excerpt[lang=ja] mark").first
    expect(translation).to_have_text("海賊版")


def test_nonsense_finds_nothing_and_says_so(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}search/?q=个人所得税")
    expect(page.locator(".ip-search__count")).to_have_text("没有同时包含全部检索词的条目。")
    assert page.locator(".ip-search__results .ip-hit").count() == 0


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_the_header_box_shows_results_and_enter_opens_the_search_page(page: Page, base_url: str, root: str) -> None:
    page.goto(f"{base_url}{root}plans/")
    box = page.locator(".ip-searchbox__input")
    box.click()
    box.fill("t18")
    quick = page.locator(".ip-quick .ip-hit__link").first
    expect(quick).to_be_visible()
    quick.click()
    page.wait_for_url(f"**/{root}{STRONG}#t18")
    expect(page.locator("#t18")).to_be_in_viewport()
    page.locator(".ip-searchbox__input").fill("海牙协定")
    page.locator(".ip-searchbox__input").press("Enter")
    page.wait_for_url(f"**/{root}search/?q=*")
    expect(page.locator(".ip-search__results .ip-hit").first).to_be_visible()


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_each_edition_loads_only_its_own_index(page: Page, base_url: str, root: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url.removeprefix(base_url)))
    page.goto(f"{base_url}{root}search/?q=专利")
    expect(page.locator(".ip-search__results .ip-hit").first).to_be_visible()
    bundles = {url.split("search-index/")[0] for url in requested if "search-index/" in url}
    assert bundles == {root}


@pytest.mark.parametrize(("query", "chinese"), [("海賊版", "盗版"), ("模倣品", "假冒"), ("商標の悪意ある出願", "恶意")])
def test_japanese_words_reach_the_items_of_the_chinese_term(searchers: dict[str, Page], query: str, chinese: str) -> None:
    found = searchers["ja"].evaluate(
        """async (query) => {
             const found = await window.ipSearch.find(query);
             const texts = [];
             for (const id of found.ids.slice(0, 5)) texts.push((await window.ipSearch.fragment(id)).text);
             return texts;
           }""",
        query,
    )
    assert found and chinese in found[0], (query, found[:2])
