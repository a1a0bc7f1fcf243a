"""Accessibility: axe-core (shipped inside axe-playwright-python, so it runs offline) on the home, a
plan, an agency and a theme page, an agency's items of one plan and a glossary term's page, in every
edition: no serious or critical violation."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.site.pages import EDITION_ROOTS

PAGES = {
    "home": "",
    "plan": "plans/high-quality-development-tasks-2023/",
    "agency": "agencies/samr/",
    "theme": "themes/data-ip/",
    "agency by plan": "agencies/cnipa/cnipa-work-points-2023/",
    "glossary term": "glossary/patent/",
}
BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.mark.parametrize("url", PAGES.values(), ids=PAGES.keys())
@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_no_serious_or_critical_violation(page: Page, base_url: str, axe: Axe, root: str, url: str) -> None:
    page.goto(f"{base_url}{root}{url}", wait_until="networkidle")
    violations = axe.run(page).response["violations"]
    blocking = [
        f"{violation['id']} ({violation['impact']}): {node['target']} {node['failureSummary'].splitlines()[-1].strip()}"
        for violation in violations if violation["impact"] in BLOCKING for node in violation["nodes"]
    ]
    assert blocking == [], "\n".join(blocking[:20])
