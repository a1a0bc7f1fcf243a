"""Accessibility and quiet pages: axe-core (shipped inside axe-playwright-python, so it runs offline) on every
page type of every edition finds no serious or critical violation; no request of a page load fails (a 404
in the log is a bug too); no page scrolls sideways on a phone (360 px); and every target is at least
24 × 24 CSS px or spaced as WCAG 2.2 asks (2.5.8), on a desktop and on a phone. One browser page is reused
for every load."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, Response

from scripts.bench_corpus import synthetic_content
from tests.conftest import CONTENT, build_site
from tests.site.pages import EDITION_ROOTS
from tests.site.server import serve

PAGES = {
    "home": "",
    "plans": "plans/",
    "plan": "plans/high-quality-development-tasks-2023/",
    "plan with notice": "plans/admin-protection-plan-2023/",
    "agencies": "agencies/",
    "agency": "agencies/samr/",
    "agency by plan": "agencies/cnipa/cnipa-work-points-2023/",
    "themes": "themes/",
    "theme": "themes/data-ip/",
    "glossary": "glossary/",
    "glossary term": "glossary/patent/",
    "laws": "laws/",
    "law": "laws/admin-protection-plan-2023/",
    "lineage": "lineage/",
    "duties": "duties/",
    "duties of provinces": "duties/provinces/",
    "duties of cities": "duties/cities/",
    "charts": "charts/",
    "open data": "data/",
    "404": "404.html",
    "search with results": "search/?q=%E4%B8%93%E5%88%A9",  # 专利
}
BLOCKING = {"serious", "critical"}
PHONE = 360
# WCAG 2.2, 2.5.8: each visible target (a radio button by its label) at least 24 × 24 px, or its 24 px circle
# clear of every other target and of the circles of the other small ones. Exempt: a link inline in text (the
# sentence's line height sets its size); the charts' links, each also in the data table under its chart (the
# criterion's "equivalent" exception); and Material's sidebar, the theme's: its entries are 18 px high and 7 px
# apart, closer where one passes under the sticky title or meets a section's label.
SMALL_TARGETS = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, label[for], [tabindex]:not([tabindex="-1"])';
  const targets = [...new Set([...document.querySelectorAll(selector)]
      .map((element) => (element.matches('input') && element.closest('label')) || element))]
    .filter((element) => element.checkVisibility({visibilityProperty: true}) && !element.closest('.ip-chart-svg, .md-sidebar'))
    .map((element) => ({element, box: element.getBoundingClientRect()}))
    .filter(({box}) => box.width > 1 || box.height > 1);  // a visually hidden label is no target
  const inline = (element) => {
    if (getComputedStyle(element).display !== 'inline') return false;
    let block = element.parentElement;
    while (getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
    return block.innerText.trim().length > element.innerText.trim().length;
  };
  const small = ({box}) => box.width < 24 || box.height < 24;
  const centre = ({box}) => [(box.left + box.right) / 2, (box.top + box.bottom) / 2];
  const distance = ([x, y], box) => Math.hypot(Math.max(box.left - x, 0, x - box.right), Math.max(box.top - y, 0, y - box.bottom));
  return targets.filter((target) => small(target) && !inline(target.element)).filter((target) => {
    const point = centre(target);
    return targets.some((other) => other !== target && !other.element.contains(target.element)
      && !target.element.contains(other.element)
      && (distance(point, other.box) < 12 || (small(other) && Math.hypot(point[0] - centre(other)[0], point[1] - centre(other)[1]) < 24)));
  }).map(({element, box}) => `${element.outerHTML.slice(0, 80)} ${Math.round(box.width)}x${Math.round(box.height)}`);
}"""


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.fixture(scope="module")
def shared(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """One page for every load, with the failed responses of the current load."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    failed: list[str] = []

    def record(response: Response) -> None:
        if response.status >= 400:
            failed.append(f"{response.status} {response.url}")

    page.on("response", record)
    yield page, failed
    context.close()


@pytest.mark.parametrize("url", PAGES.values(), ids=PAGES.keys())
@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_every_page_type_is_accessible_quiet_and_fits_a_phone(shared: tuple[Page, list[str]], base_url: str,
                                                                axe: Axe, root: str, url: str) -> None:
    page, failed = shared
    failed.clear()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{base_url}{root}{url}", wait_until="networkidle")
    if url.startswith("search/"):
        page.wait_for_selector(".ip-search__results li")
    violations = axe.run(page).response["violations"]
    blocking = [
        f"{violation['id']} ({violation['impact']}): {node['target']} {node['failureSummary'].splitlines()[-1].strip()}"
        for violation in violations if violation["impact"] in BLOCKING for node in violation["nodes"]
    ]
    assert blocking == [], "\n".join(blocking[:20])
    assert failed == []
    assert page.evaluate(SMALL_TARGETS) == []
    page.set_viewport_size({"width": PHONE, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    assert page.evaluate(SMALL_TARGETS) == []


@pytest.fixture(scope="module")
def twice_the_corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A site of every plan twice: the patent theme then lists more than 150 items and has a page per plan."""
    folder = tmp_path_factory.mktemp("twice")
    synthetic_content(CONTENT, folder / "content", 2)
    with serve(build_site(folder / "content", folder / "site")) as url:
        yield url


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_a_theme_by_plan_page_is_accessible_quiet_and_fits_a_phone(shared: tuple[Page, list[str]],
                                                                   twice_the_corpus: str, axe: Axe, root: str) -> None:
    test_every_page_type_is_accessible_quiet_and_fits_a_phone(shared, twice_the_corpus, axe, root,
                                                              "themes/patent/cnipa-work-points-2023/")
