"""A page's sidebar: the pages of its own section (a year's plans), never more than SIDEBAR_GROUP of them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section, get_navigation
from mkdocs.structure.pages import Page

from generator.publish.plugin import SIDEBAR_GROUP, _sidebar


def site(tmp_path: Path, plans: int) -> tuple[Navigation, Files]:
    """A navigation like the site's: home, then the plans of 2023 under their year's page."""
    paths = ["index.md", "plans/index.md", "plans/2023/index.md", *(f"plans/plan-{n}-2023.md" for n in range(plans))]
    nav = ["index.md", {"Plans": ["plans/index.md", {"2023": ["plans/2023/index.md", *paths[3:]]}]}]
    (tmp_path / "docs").mkdir()
    config = MkDocsConfig()
    config.load_dict({"site_name": "test", "docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site"), "nav": nav})
    errors, _ = config.validate()
    assert not errors, errors
    for path in paths:
        (tmp_path / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / path).write_text("# page", encoding="utf-8")
    files = Files([File(path, config.docs_dir, config.site_dir, use_directory_urls=True) for path in paths])
    for file in files.documentation_pages():
        Page(None, file, config)
    return get_navigation(files, config), files


def year(nav: Any) -> Section:
    return next(item for item in nav.items if isinstance(item, Section)).children[1]


def page(files: Files, path: str) -> Page:
    found = files.get_file_from_path(path)
    assert found is not None and isinstance(found.page, Page)
    return found.page


def test_a_year_of_few_plans_is_listed_whole(tmp_path: Path) -> None:
    nav, files = site(tmp_path, SIDEBAR_GROUP - 1)
    assert _sidebar(nav, page(files, "plans/plan-3-2023.md")) is nav
    assert len(year(nav).children) == SIDEBAR_GROUP


def test_a_crowded_year_lists_its_page_and_the_plan_read(tmp_path: Path) -> None:
    nav, files = site(tmp_path, 40)
    read = page(files, "plans/plan-7-2023.md")
    sidebar = _sidebar(nav, read)
    assert [child.url for child in year(sidebar).children] == ["plans/2023/", "plans/plan-7-2023/"]
    assert sidebar.items[0] is nav.items[0]  # the rest is the site's own navigation
    assert len(year(nav).children) == 41  # the site's navigation itself is not changed
    assert _sidebar(nav, page(files, "index.md")) is nav
