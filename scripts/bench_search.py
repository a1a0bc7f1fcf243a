"""What a reader's search costs, measured in Debian's Chromium on a built site.

For each query, a fresh browser (empty cache) opens the edition's search page, types the query and
presses Enter: the bytes transferred from the first key to the first results shown (the index's manifest,
the shards the query needs, the records of the results shown; gzip-compressed as a server sends text)
and the time from Enter to the results. Then a second query in the same page: the time from its last key to its
results, once the engine is loaded, and the bytes it adds.
"""

from __future__ import annotations

import gzip
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, Response, sync_playwright

from tests.site.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.site.server import serve

# A reader's queries, of each kind: a term, a part of a word, several words, the other script, a number.
QUERIES = [("数据知识产权", "开放许可"), ("海关保护", "专利 审查 效率"), ("地理標誌", "马德里"), ("t18", "商标恶意注册"),
           ("高校 专利 转化", "个人所得税")]


@dataclass
class SearchCost:
    first_bytes: list[int]  # bytes from the first key to the first results, fresh browser
    first_ms: list[float]  # Enter to the first results, fresh browser (the engine loads)
    next_bytes: list[int]  # bytes a second query adds
    next_ms: list[float]  # last key to the results of a second query

    def summary(self) -> dict[str, float]:
        return {"first_kb_median": statistics.median(self.first_bytes) / 1000,
                "first_kb_max": max(self.first_bytes) / 1000,
                "first_ms_median": statistics.median(self.first_ms),
                "next_kb_median": statistics.median(self.next_bytes) / 1000,
                "next_ms_median": statistics.median(self.next_ms), "next_ms_max": max(self.next_ms)}


def _sent(response: Response) -> int:
    """The bytes a server sends for `response`, gzip-compressed."""
    try:
        body = response.body()
    except PlaywrightError:  # a redirect or an aborted request has no body
        return 0
    return len(gzip.compress(body, 6))


def _ask(page: Page, query: str, sizes: list[int]) -> float:
    """Type `query` into the search page's box, press Enter; the milliseconds from Enter to the results."""
    done = page.evaluate("document.documentElement.dataset.ipResults || '0'")
    box = page.locator("#ip-search-q")
    box.fill("")
    sizes.clear()
    box.press_sequentially(query)
    start = time.perf_counter()
    box.press("Enter")
    page.wait_for_function(f"(document.documentElement.dataset.ipResults || '0') !== '{done}'")
    return (time.perf_counter() - start) * 1000


def measure_search(site_dir: Path, root: str = "") -> SearchCost:
    cost = SearchCost([], [], [], [])
    with serve(site_dir) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for first, second in QUERIES:
            context = browser.new_context()
            page = context.new_page()
            page.goto(f"{base}{root}search/", wait_until="load")
            sizes: list[int] = []
            page.on("response", lambda response, sizes=sizes: sizes.append(_sent(response)))
            cost.first_ms.append(_ask(page, first, sizes))
            cost.first_bytes.append(sum(sizes))
            page.wait_for_load_state("networkidle")  # the counts of the filters load after the results
            cost.next_ms.append(_ask(page, second, sizes))
            cost.next_bytes.append(sum(sizes))
            page.wait_for_load_state("networkidle")
            context.close()
        browser.close()
    return cost


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(measure_search(Path(sys.argv[1])).summary(), indent=1))
