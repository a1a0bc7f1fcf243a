"""What a reader does, in Debian's Chromium: follow an anchor, switch edition."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

EDITIONS = ["", "zh-Hant/", "ja/"]


@pytest.mark.parametrize("root", EDITIONS)
def test_an_anchor_lands_on_its_item(page: Page, base_url: str, root: str) -> None:
    page.goto(f"{base_url}{root}plans/strong-ip-implementation-plan-2023/#t18")
    item = page.locator("#t18")
    expect(item).to_be_in_viewport()
    expect(item).to_contain_text("18")


@pytest.mark.parametrize(("root", "target"), [("", "zh-Hant/"), ("zh-Hant/", "ja/"), ("ja/", "")])
def test_the_edition_switcher_keeps_page_and_anchor(page: Page, base_url: str, root: str, target: str) -> None:
    page.goto(f"{base_url}{root}plans/cnipa-work-points-2023/#s3-m2")
    page.locator(".md-header__option .md-select button").hover()
    page.locator(f'a.ip-edition-link[hreflang="{ {"": "zh-Hans", "zh-Hant/": "zh-Hant", "ja/": "ja"}[target] }"]').click()
    page.wait_for_url(f"**/{target}plans/cnipa-work-points-2023/#s3-m2")
    expect(page.locator("#s3-m2")).to_be_in_viewport()
