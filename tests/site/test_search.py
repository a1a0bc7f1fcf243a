"""Search as a reader uses it, in Debian's Chromium: type a query, see the item, click, land on its anchor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.site.pages import EDITION_ROOTS
from tests.site.searchbox import search_for

STRONG = "plans/strong-ip-implementation-plan-2023/"
# (query in Simplified, query in Traditional, the item a reader looks for, the rank it must reach).
# A broad term (地理标志) may rank its theme page and the cited documents named after it first.
QUERIES = [
    ("地理标志", "地理標誌", "plans/high-quality-development-tasks-2023/#s3-t2", 5),
    ("商标恶意注册", "商標惡意註冊", "plans/admin-protection-plan-2023/#t4", 3),
    ("数据知识产权", "數據知識產權", f"{STRONG}#t18", 3),
    ("专利开放许可", "專利開放許可", "plans/high-quality-development-tasks-2023/#s4-t2", 3),
    ("剑网", "劍網", f"{STRONG}#t41", 1),
    ("海牙协定", "海牙協定", "plans/cnipa-work-points-2022/#s4-m7", 3),
    ("昆仑", "崑崙", f"{STRONG}#t30", 1),
    ("马德里", "馬德里", f"{STRONG}#t120", 2),
    ("最高人民法院", "最高人民法院", "agencies/spc/", 1),
    ("专利法实施细则", "專利法實施細則", "plans/cnipa-work-points-2023/#s4-m1", 5),
]
CASES = [
    pytest.param(root, query, shown, target, rank, id=f"{root or 'zh-Hans/'}{query}")
    for root in EDITION_ROOTS
    for simplified, traditional, target, rank in QUERIES
    for shown in [traditional if root == "zh-Hant/" else simplified]
    # each edition in its own script, and in the other one
    for query in dict.fromkeys([shown, simplified if root == "zh-Hant/" else traditional])
]
REPORT = Path(__file__).resolve().parents[2] / "test-results" / "search.jsonl"


def search(page: Page, base_url: str, root: str, query: str) -> tuple[list[str], float]:
    """Type `query` into the search box of the edition's home; the result links (site paths, in order)
    and the milliseconds from the last keystroke to the results."""
    page.goto(f"{base_url}{root}")
    # A first search waits for the index; the measured one starts from a ready index.
    search_for(page, "知")
    page.locator(".md-search__input").press("Backspace")
    page.locator(".md-search-result__item").first.wait_for(state="detached")
    latency = search_for(page, query)
    links = page.eval_on_selector_all(
        ".md-search-result__link", "links => links.map(link => new URL(link.href).pathname + new URL(link.href).hash)"
    )
    prefix = "/" + root
    return [link.removeprefix(prefix) for link in links], latency


def rank(links: list[str], target: str) -> int | None:
    """The target's place among the results, not counting the plan headings Material adds to group them."""
    results = [link for link in dict.fromkeys(links) if "#" in link or not link.startswith("plans/")]
    return results.index(target) + 1 if target in results else None


@pytest.fixture(scope="module", autouse=True)
def fresh_report() -> None:
    REPORT.unlink(missing_ok=True)


@pytest.mark.parametrize(("root", "query", "shown", "target", "best"), CASES)
def test_search_finds_the_item_and_lands_on_its_anchor(page: Page, base_url: str, root: str, query: str, shown: str,
                                                       target: str, best: int) -> None:
    links, latency = search(page, base_url, root, query)
    place = rank(links, target)
    REPORT.parent.mkdir(exist_ok=True)
    with REPORT.open("a", encoding="utf-8") as report:
        report.write(json.dumps({"edition": root or "zh-Hans/", "query": query, "target": target, "rank": place,
                                 "latency_ms": round(latency), "results": len(dict.fromkeys(links))},
                                ensure_ascii=False) + "\n")
    assert place is not None and place <= best, f"{target} ranks {place} for {query!r}: {links[:8]}"
    # Click it (inside a folded group, open the group first) and land on the item.
    link = page.locator(".md-search-result__link").nth(links.index(target))
    if not link.is_visible():
        link.locator("xpath=ancestor::details").first.locator("summary").click()
    link.click()
    page.wait_for_url(lambda url: url.split("?")[0].endswith(f"/{root}{target.split('#')[0]}")
                      and url.endswith(target.partition("#")[1] + target.partition("#")[2]))
    if "#" in target:
        item = page.locator(f"#{target.split('#')[1]}")
        expect(item).to_be_in_viewport()
        expect(item).to_contain_text(shown)


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_each_edition_searches_its_own_index(page: Page, base_url: str, root: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    search(page, base_url, root, "专利")
    indexes = [url.removeprefix(base_url) for url in requested if url.endswith("search_index.json")]
    assert indexes == [f"{root}search/search_index.json"]
