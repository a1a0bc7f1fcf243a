"""Typing into Material's search box as a reader does.

Material starts a search on the input's keyup. Playwright types Han characters as text input with no
keyup, as an input method does until the reader commits the word; `End` stands for that commit key.
"""

from __future__ import annotations

import time

from playwright.sync_api import Page


def search_for(page: Page, query: str) -> float:
    """Type `query` into the search box of the open page and wait for the first result; returns the
    milliseconds from the last key to the results."""
    box = page.locator(".md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)
    start = time.perf_counter()
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for()
    return (time.perf_counter() - start) * 1000
