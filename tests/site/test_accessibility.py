"""Accessibility and quiet pages: axe-core (shipped inside axe-playwright-python, so it runs offline) on every
page type of every edition finds no serious or critical violation; no request of a page load fails (a 404
in the log is a bug too); and no page scrolls sideways on a phone (360 px). One browser page is reused for
every load."""

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
    page.set_viewport_size({"width": PHONE, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE


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
