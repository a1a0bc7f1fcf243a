"""Keyboard access: Tab reaches every kind of control of the site, each drawing a focus outline, and Enter or Space
operates it (the header search box, the edition switcher, the cite buttons, the view switch, the search page's
filters, the charts' links). Material's drawer toggle on narrow screens is a label, out of the Tab order: the
theme's own, the only control the site cannot reach by keyboard."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

# What the focused element is (matched by `selector`), and whether its focus shows: an outline on it, or on the
# label the control sits in (a radio button draws it on its label), and the control itself not transparent.
FOCUSED = """(selectors) => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  document.getAnimations().forEach((animation) => animation.finish());  // a control fading in on focus, shown
  const ring = element.matches('input[type=radio]') ? element.closest('label') : element;
  const style = getComputedStyle(ring);
  const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shown = element.checkVisibility({opacityProperty: true, visibilityProperty: true});
  return {kind: selectors.find((selector) => element.matches(selector)) || null, outlined, shown,
          what: element.outerHTML.slice(0, 120)};
}"""
TAB_LIMIT = 400  # tab stops before giving up: the charts page has a few hundred links

CONTROLS = {
    "ja/plans/admin-protection-plan-2023/": [
        ".ip-searchbox__input", ".ip-searchbox__submit", ".md-select > button", ".ip-edition-link", ".ip-cite-plan-button",
        ".ip-item .ip-cite", ".ip-view-switch input", ".ip-permalink", ".ip-agency",
    ],
    "search/?q=%E4%B8%93%E5%88%A9": [".ip-search__input", ".ip-search__submit", ".ip-search__filter select",
                                      ".ip-hit__link"],
    "zh-Hant/charts/": [".ip-chart-svg a", ".ip-chart-data summary"],
}


@pytest.fixture
def keyboard_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  permissions=["clipboard-read", "clipboard-write"])
    yield context.new_page()
    context.close()


def tab_to(page: Page, selector: str) -> None:
    """Press Tab until the element focused matches `selector`."""
    for _ in range(TAB_LIMIT):
        page.keyboard.press("Tab")
        if page.evaluate("(selector) => document.activeElement.matches(selector)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


@pytest.mark.parametrize("url", CONTROLS.keys())
def test_tab_reaches_every_control_with_a_visible_focus(keyboard_page: Page, base_url: str, url: str) -> None:
    page = keyboard_page
    page.goto(base_url + url, wait_until="networkidle")
    if url.startswith("search/"):
        page.wait_for_selector(".ip-search__results li")
    wanted = CONTROLS[url]
    reached: dict[str, dict[str, object]] = {}
    for _ in range(TAB_LIMIT):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED, wanted)
        if focused is None:
            continue
        assert focused["outlined"] and focused["shown"], f"no visible focus on {focused['what']}"
        if focused["kind"]:
            reached.setdefault(str(focused["kind"]), focused)
        if len(reached) == len(wanted):
            break
    assert sorted(reached) == sorted(wanted)


def test_enter_in_the_header_search_box_opens_the_search_page(keyboard_page: Page, base_url: str) -> None:
    page = keyboard_page
    page.goto(base_url + "plans/", wait_until="networkidle")
    tab_to(page, ".ip-searchbox__input")
    page.keyboard.type("专利")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=%E4%B8%93%E5%88%A9$"))


def test_enter_on_the_edition_switcher_opens_the_page_in_that_edition(keyboard_page: Page, base_url: str) -> None:
    page = keyboard_page
    page.goto(base_url + "themes/patent/", wait_until="networkidle")
    tab_to(page, ".md-select > button")
    tab_to(page, '.ip-edition-link[hreflang="ja"]')
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{base_url}ja/themes/patent/")


def test_enter_and_space_on_a_cite_button_copy_a_citation(keyboard_page: Page, base_url: str) -> None:
    page = keyboard_page
    page.goto(base_url + "plans/admin-protection-plan-2023/", wait_until="networkidle")
    status = page.locator(".ip-status")
    copied = []
    for key in ("Enter", "Space"):  # two items' buttons, one after the other
        tab_to(page, ".ip-item .ip-cite")
        page.evaluate("navigator.clipboard.writeText('')")
        page.keyboard.press(key)
        expect(status).not_to_be_empty()
        cited = page.evaluate("document.activeElement.dataset.cite")
        copied.append(page.evaluate("navigator.clipboard.readText()"))
        assert copied[-1].startswith(cited.partition("{accessed}")[0])
    assert copied[0] != copied[1]


def test_enter_on_a_chart_s_data_opens_its_table_and_its_links(keyboard_page: Page, base_url: str) -> None:
    page = keyboard_page
    page.goto(base_url + "charts/", wait_until="networkidle")
    tab_to(page, ".ip-chart-data summary")
    page.keyboard.press("Enter")
    tab_to(page, ".ip-chart-data a")
    target = page.evaluate("new URL(document.activeElement.getAttribute('href'), location.href).href")
    page.keyboard.press("Enter")
    expect(page).to_have_url(target)


def test_arrows_and_space_switch_the_view(keyboard_page: Page, base_url: str) -> None:
    page = keyboard_page
    page.goto(base_url + "ja/plans/admin-protection-plan-2023/", wait_until="networkidle")
    view = page.locator("html")
    tab_to(page, ".ip-view-switch input:checked")
    page.keyboard.press("ArrowRight")
    expect(view).to_have_attribute("data-ip-view", "translation")
    page.keyboard.press("ArrowRight")
    expect(view).to_have_attribute("data-ip-view", "original")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # the checked one stays checked
    expect(view).to_have_attribute("data-ip-view", "original")


def test_arrow_keys_on_a_search_filter_filter_the_results(keyboard_page: Page, base_url: str) -> None:
    page = keyboard_page
    page.goto(base_url + "search/?q=%E4%B8%93%E5%88%A9", wait_until="networkidle")
    page.wait_for_selector(".ip-search__results li")
    runs = page.evaluate("document.documentElement.dataset.ipResults")
    tab_to(page, ".ip-search__filter select")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.value") != ""
    expect(page.locator("html")).not_to_have_attribute("data-ip-results", str(runs))


def test_enter_on_a_chart_link_opens_its_page(keyboard_page: Page, base_url: str) -> None:
    page = keyboard_page
    page.goto(base_url + "charts/", wait_until="networkidle")
    tab_to(page, ".ip-chart-svg a")
    target = page.evaluate("new URL(document.activeElement.getAttribute('href'), location.href).href")
    page.keyboard.press("Enter")
    expect(page).to_have_url(target)
