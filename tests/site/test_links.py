"""Link integrity of the built site: every internal href and src of every HTML page of every edition
(pages outside the navigation and the sitemap included) reaches a file, and every #fragment an id.

404.html is served for any missing path, so its links are absolute from the site root; they are
resolved that way.
"""

from __future__ import annotations

import posixpath
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from generator.content.corpus import Corpus
from tests.site.pages import EDITION_ROOTS
from tests.site.test_built_site import site_pages

BASE = "http://site.invalid/"
_REFRESH = re.compile(r"^\s*\d+\s*;\s*url=(.+)$", re.IGNORECASE)


class LinkParser(HTMLParser):
    """The ids of a page and the URLs it points to: href, src, and a meta refresh."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[tuple[str, str]] = []  # (tag, url)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        for name in ("id", "name") if tag == "a" else ("id",):
            if attributes.get(name):
                self.ids.add(attributes[name])
        for name in ("href", "src"):
            if name in attributes:
                self.urls.append((tag, attributes[name]))
        refresh = _REFRESH.match(attributes.get("content", "")) if attributes.get("http-equiv") == "refresh" else None
        if refresh:
            self.urls.append((tag, refresh[1].strip("'\"")))


@cache
def parsed(path: Path) -> LinkParser:
    parser = LinkParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def target_file(site: Path, url_path: str) -> Path | None:
    """The file a site path is served from: the file itself, or the folder's index.html."""
    relative = unquote(url_path).lstrip("/")
    candidate = site / relative
    if relative.endswith("/") or relative == "" or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(site: Path, page: Path) -> tuple[int, list[str]]:
    """(internal links checked, broken ones) of one page."""
    relative = page.relative_to(site).as_posix()
    base = BASE + ("" if page.name == "404.html" else relative)
    checked, broken = 0, []
    for tag, url in parsed(page).urls:
        resolved = urljoin(base, url)
        parts = urlsplit(resolved)
        if not resolved.startswith(BASE) or url.startswith(("mailto:", "tel:")):
            continue  # another host
        checked += 1
        target = target_file(site, parts.path)
        if target is None:
            broken.append(f"{tag} {url}: no file for /{parts.path.lstrip('/')}")
        elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in parsed(target).ids:
            broken.append(f"{tag} {url}: no id {unquote(parts.fragment)!r} in {posixpath.relpath(target, site)}")
    return checked, broken


def test_every_internal_link_and_fragment_resolves(site: Path, corpus: Corpus) -> None:
    pages = sorted(site.rglob("*.html"))
    checked, broken = 0, {}
    for page in pages:
        count, problems = broken_links(site, page)
        checked += count
        if problems:
            broken[page.relative_to(site).as_posix()] = problems[:5]
    print(f"link integrity: {len(pages)} pages crawled, {checked} internal links checked")
    assert len(pages) >= len(EDITION_ROOTS) * len(site_pages(corpus)) and checked > 100 * len(pages)
    assert broken == {}


@pytest.mark.parametrize(("url", "expected"), [
    ("plans/", "plans/index.html"),
    ("data/tasks.json", "data/tasks.json"),
    ("plans/nothing-here/", None),
])
def test_the_resolver_finds_files_and_misses_what_is_absent(site: Path, url: str, expected: str | None) -> None:
    found = target_file(site, url)
    assert (found.relative_to(site).as_posix() if found else None) == expected


def test_the_crawler_reports_a_broken_link_and_a_broken_fragment(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "index.html").write_text('<p id="s1">x</p>', encoding="utf-8")
    page = tmp_path / "index.html"
    page.write_text('<a href="plans/#s1">ok</a><a href="plans/#s9">bad id</a><a href="themes/">no page</a>'
                    '<a href="https://example.org/x">other host</a>', encoding="utf-8")
    checked, broken = broken_links(tmp_path, page)
    assert checked == 3
    assert broken == ["a plans/#s9: no id 's9' in plans/index.html", "a themes/: no file for /themes/"]
