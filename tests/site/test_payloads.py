"""Escaping: texts, titles, names and source notes that look like markup stay literal text everywhere.

The fixture tests/fixtures/payloads holds a plan, agencies and themes whose every text is a payload
(HTML, Markdown, Jinja, comment, CDATA, entity). The site built from it must show each payload as
the text content of its element, in every edition, in the open data and in the search index, and no
payload may become an element, an attribute, a script or a `javascript:` link.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import pytest
from playwright.sync_api import Page

from generator.content.corpus import load_corpus
from generator.editions.convert import converter
from generator.editions.edition import label
from tests.conftest import BY_CODE, build_site
from tests.site.pages import EDITION_ROOTS
from tests.site.server import serve
from tests.site.tree import read

PAYLOAD_CONTENT = Path(__file__).resolve().parent.parent / "fixtures" / "payloads"
PAYLOADS = {
    "script": "<script>alert(1)</script>",
    "img": "<img src=x onerror=alert(1)>",
    "link": "[x](javascript:alert(1))",
    "jinja": "{{ 7*7 }}",
    "raw": "{% raw %}",
    "star": "*",
    "underscore": "_",
    "pipe": "|",
    "hash": "#",
    "comment": "<!--",
    "cdata": "]]>",
    "backtick": "`",
    "entity": "&amp;",
}
JOINED = " ".join(PAYLOADS.values())
SOURCE_URL = 'https://example.org/?q="><script>alert(1)</script>&amp;'
NOTE = f"出所：2024年3月1日付け{JOINED}\n{SOURCE_URL}"
PLAN = "plans/payload-plan-2024/"
CODES = {"": "zh-Hans", "zh-Hant/": "zh-Hant", "ja/": "ja"}
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data")


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(PAYLOAD_CONTENT, tmp_path_factory.mktemp("payloads") / "site")


@pytest.fixture(scope="module")
def payload_url(payload_site: Path) -> Iterator[str]:
    with serve(payload_site) as url:
        yield url


@cache
def convert_for(root: str) -> Callable[[str], str]:
    if CODES[root] == "zh-Hant":
        return converter(PAYLOAD_CONTENT / "zh-Hant" / "phrases.txt")
    return lambda text: text


def edition_pages(site: Path, root: str) -> list[Path]:
    """The HTML pages of one edition (the original's folder holds the others: they are left out)."""
    others = [site / other for other in EDITION_ROOTS if other and other != root]
    return sorted(path for path in (site / root).rglob("*.html")
                  if not any(path.is_relative_to(folder) for folder in others))


def local(url: str) -> bool:
    return "://" not in url and not url.startswith("//")


def test_the_fixture_holds_every_payload_in_every_field() -> None:
    corpus = load_corpus(PAYLOAD_CONTENT)
    plan = corpus.plans[0]
    assert plan.title == plan.title_ja == plan.doc_number == JOINED and plan.source.note == NOTE
    assert [(item.title, item.items[0].text) for item in plan.items[1:]] == [(p, p) for p in PAYLOADS.values()]
    assert {agency.id: agency.name for agency in corpus.agencies.values()} == {f"agency-{k}": p for k, p in PAYLOADS.items()}
    assert {theme.id: theme.name for theme in corpus.themes.values()} == {f"theme-{k}": p for k, p in PAYLOADS.items()}


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_no_payload_becomes_markup(payload_site: Path, root: str) -> None:
    pages = edition_pages(payload_site, root)
    assert len(pages) >= 33  # home, 3 indexes, the plan, 13 agencies, 13 themes, 404, reference pages
    for path in pages:
        document = read(path)
        where = path.relative_to(payload_site)
        for element in document.root.iter():
            assert not (element.tag == "img" and element.attrs.get("src") == "x"), where
            assert not [name for name in element.attrs if name.startswith("on")], (where, element.tag, element.attrs)
            for name in URL_ATTRIBUTES:
                value = element.attrs.get(name, "").strip().lower()
                assert not value.startswith(("javascript:", "vbscript:", "data:text")), (where, element.tag, value)
            if element.tag == "script" and element.attrs.get("type", "").endswith("json"):
                assert "<" not in element.text(), where  # data, inert: nothing can close the element
                json.loads(element.text())
            elif element.tag == "script":
                assert local(element.attrs.get("src", "")), (where, element.attrs)
                assert "alert" not in element.text(), where
        assert not [comment for comment in document.comments if "alert" in comment or "7*7" in comment], where


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_plan_page_shows_every_payload_as_text(payload_site: Path, root: str) -> None:
    edition = BY_CODE[CODES[root]]
    page = read(payload_site / root / PLAN / "index.html").root
    # The translation of the fixture repeats the original: in the Japanese edition each heading shows both.
    copies = 2 if edition.translation else 1
    original = (lambda heading: heading.find_all(None, "ip-original")[0]) if edition.translation else (lambda heading: heading)
    assert original(page.find_all("h1")[0]).heading_text() == JOINED
    for number, payload in enumerate(PAYLOADS.values(), start=1):
        assert original(page.by_id(f"s{number}")).heading_text() == payload
        assert [p.text() for p in page.by_id(f"s{number}-m1").find_all("p") if p.text() == payload] == [payload] * copies
    assert [div.text() for div in page.by_id("preamble").find_all("div", "ip-text")] == [JOINED] * copies
    assert page.find_all("dd", "ip-source-note")[0].text() == NOTE
    link = page.find_all("a", "ip-source-url")[0]
    assert link.attrs["href"] == link.text() == SOURCE_URL
    facts = {dt.text(): dd.text() for dl in page.find_all("dl") for dt, dd in zip(dl.find_all("dt"), dl.find_all("dd"))}
    assert facts[convert_for(root)(label("doc_number", edition))] == JOINED
    assert facts[convert_for(root)(label("source_publisher", edition))] == JOINED
    if edition.translation:
        assert page.find_all("h1")[0].find_all(None, "translation")[0].text() == JOINED


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_agency_and_theme_pages_show_their_names_as_text(payload_site: Path, root: str) -> None:
    convert = convert_for(root)
    site_name = convert(label("site_name", BY_CODE[CODES[root]]))
    for key, payload in PAYLOADS.items():
        agency = read(payload_site / root / f"agencies/agency-{key}/index.html").root
        assert agency.find_all("h1")[0].heading_text() == payload
        assert convert(f"{payload}办") in [dd.text() for dd in agency.find_all("dd")]
        assert agency.find_all("title")[0].text() == f"{payload} - {site_name}"
        theme = read(payload_site / root / f"themes/theme-{key}/index.html").root
        assert theme.find_all("h1")[0].heading_text() == payload
        assert theme.find_all("p", "ip-theme-description")[0].text() == payload
        assert theme.find_all("title")[0].text() == f"{payload} - {site_name}"


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_navigation_shows_titles_and_names_as_text(payload_site: Path, root: str) -> None:
    page = read(payload_site / root / PLAN / "index.html").root  # the sidebar lists the plans of the page's year
    links = {link.text().strip() for link in page.find_all("a", "md-nav__link")}
    assert {JOINED, *PAYLOADS.values()} <= links


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_open_data_holds_payloads_as_literal_strings(payload_site: Path, root: str) -> None:
    data = payload_site / root / "data"
    expected = {"preamble": JOINED, **{f"s{n}": p for n, p in enumerate(PAYLOADS.values(), start=1)},
                **{f"s{n}-m1": p for n, p in enumerate(PAYLOADS.values(), start=1)}}
    rows = json.loads((data / "tasks.json").read_text(encoding="utf-8"))
    assert {row["anchor"]: row["text"] for row in rows} == expected
    with (data / "tasks.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert {row["anchor"]: row["text"] for row in csv.DictReader(handle)} == expected
    agencies = json.loads((data / "agencies.json").read_text(encoding="utf-8"))
    assert {a["id"]: (a["name"], a["name_ja"]) for a in agencies} == {f"agency-{k}": (p, p) for k, p in PAYLOADS.items()}
    themes = json.loads((data / "themes.json").read_text(encoding="utf-8"))
    assert {t["id"]: (t["name"], t["name_ja"]) for t in themes} == {f"theme-{k}": (p, p) for k, p in PAYLOADS.items()}


def open_every_page(page: Page, base_url: str, site: Path, root: str) -> Iterator[str]:
    for path in edition_pages(site, root):
        url = base_url + path.relative_to(site).as_posix().removesuffix("index.html")
        page.goto(url, wait_until="load")
        yield url


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_no_payload_runs_in_the_browser(page: Page, payload_url: str, payload_site: Path, root: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    visited = 0
    for url in open_every_page(page, payload_url, payload_site, root):
        visited += 1
        found = page.evaluate("""() => ({
            images: [...document.querySelectorAll('img')].filter(img => img.getAttribute('src') === 'x').length,
            scripts: [...document.scripts].filter(s => s.src ? !s.src.startsWith(location.origin)
                : !s.type.endsWith('json') && s.textContent.includes('alert')).length,
            links: [...document.querySelectorAll('[href]')]
                .filter(a => a.getAttribute('href').trim().toLowerCase().startsWith('javascript:')).length,
        })""")
        assert found == {"images": 0, "scripts": 0, "links": 0}, url
    assert visited >= 33
    assert dialogs == []


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_search_results_show_payloads_as_text(page: Page, payload_url: str, root: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{payload_url}{root}search/?q=onerror")
    results = page.locator(".ip-search__results")
    results.locator(".ip-hit").first.wait_for()
    assert results.locator("img, script, svg").count() == 0
    assert PAYLOADS["img"] in results.inner_text()
    results.locator(".ip-hit__link").first.click()
    page.wait_for_load_state("load")
    assert page.locator("article img, article script").count() == 0
    assert dialogs == []
