"""The built reference pages: duties per level, glossary and charts, in every edition."""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from generator.content import duties
from generator.content.corpus import Corpus, Entry
from generator.content.glossary import TERM_PAGE_AT, load_glossary
from generator.editions.convert import converter, identity
from tests.conftest import BY_CODE, CONTENT
from tests.site.pages import EDITION_ROOTS, page_file, parse
from tests.site.tree import Element, read

SVG = "{http://www.w3.org/2000/svg}"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
PAGES = ["duties/", "duties/provinces/", "duties/cities/", "glossary/", "charts/"]
LEVEL_PAGES = {"province": "duties/provinces/", "city": "duties/cities/"}


@cache
def tree(path: Path) -> Element:
    return read(path).root


def convert_for(root: str) -> Callable[[str], str]:
    return converter((CONTENT / "zh-Hant" / "phrases.txt").resolve()) if root == "zh-Hant/" else identity


def label_in(root: str, key: str) -> str:
    return BY_CODE["ja"].labels[key] if root == "ja/" else convert_for(root)(BY_CODE["zh-Hans"].labels[key])


def resolve(page_url: str, href: str) -> tuple[str, str]:
    """(site path of the target page, fragment) for a relative link on the page at `page_url`."""
    path, _, fragment = href.partition("#")
    target = posixpath.normpath(posixpath.join(page_url, path)) if path else page_url.rstrip("/")
    return ("" if target == "." else target.strip("/") + "/"), fragment


def entry_at(corpus: Corpus, root: str, page_url: str, href: str) -> Entry:
    """The item a link on a page of the edition at `root` points to."""
    target, fragment = resolve(root + page_url, href)
    url = f"{target.removeprefix(root)}#{fragment}"
    return next(e for e in corpus.entries if e.url == url)


# --- every page, every edition; every link resolves ---------------------------------------------


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_reference_pages_exist_and_their_links_resolve(site: Path, root: str) -> None:
    for url in PAGES:
        html = page_file(site, root, url)
        assert html.exists(), f"{root}{url}"
        for href in parse(html).hrefs:
            if re.match(r"[a-z]+:|//", href) or href.startswith(("/", "..#")):
                continue
            target, fragment = resolve(root + url, href)
            target_file = page_file(site, "", target)
            assert target_file.exists() or (site / target.rstrip("/")).is_file(), f"{root}{url}: {href}"
            if fragment and target_file.exists():
                assert fragment in parse(target_file).ids, f"{root}{url}: {href}"


# --- duties per level --------------------------------------------------------------------------


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_every_obligation_is_on_its_level_page_with_a_link_to_its_row(site: Path, corpus: Corpus, root: str) -> None:
    printed = {}
    plan = duties.plan_of(corpus)
    assert plan is not None
    for entry in corpus.plan_entries(plan.id):
        for index, obligation in enumerate(entry.item.obligations):
            printed[f"{entry.item.anchor}:{index}"] = (entry, obligation)
    assert printed
    for level, url in LEVEL_PAGES.items():
        blocks = tree(page_file(site, root, url)).select(lambda n: "data-obligation" in n.attrs)
        shown: Counter[str] = Counter()
        for block in blocks:
            key = block.attrs["data-obligation"]
            entry, obligation = printed[key]
            assert obligation.level == level, f"{key} on the {url} page"
            assert block.attrs["data-who"] in duties.parse_scope(obligation.level, obligation.scope).who
            assert block.attrs["data-duty"] == obligation.duty
            assert resolve(root + url, block.links()[0]) == (f"{root}plans/{plan.id}/", entry.item.anchor)
            assert convert_for(root)(obligation.text) in block.text()
            shown[key] += 1
        expected = {key: len(duties.parse_scope(o.level, o.scope).who) for key, (_, o) in printed.items()
                    if o.level == level}
        assert shown == expected


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_duty_groups_are_labelled_in_the_edition_language(site: Path, root: str) -> None:
    html = page_file(site, root, "duties/cities/").read_text(encoding="utf-8")
    for key in ("duties.who.demonstration", "duties.who.pilot", "duty.required", "duty.optional"):
        assert label_in(root, key) in html
    headings = parse(page_file(site, root, "duties/provinces/")).ids
    assert {"all-required", "all-optional", "concerned-required"} <= headings


# --- glossary ----------------------------------------------------------------------------------


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_glossary_rows_keep_the_three_forms_and_list_items_that_use_the_term(site: Path, corpus: Corpus,
                                                                               root: str) -> None:
    page = tree(page_file(site, root, "glossary/"))
    rows = {node.attrs["id"]: node for node in page.select(lambda n: n.tag == "tr" and "data-term" in n.attrs)}
    terms = load_glossary(CONTENT)
    assert list(rows) == [term.id for term in terms]
    for term in terms:
        cells = [node for node in rows[term.id].children if isinstance(node, Element) and node.tag == "td"]
        assert [cell.text().strip() for cell in cells[:3]] == [term.simplified, term.traditional, term.japanese]
        assert [cell.attrs["lang"] for cell in cells[:3]] == ["zh-Hans", "zh-Hant", "ja"]
        links, page_url = cells[4].links(), "glossary/"
        using = sum(1 for entry in corpus.entries if term.simplified in entry.text)
        if using > TERM_PAGE_AT:  # the row links the term's own page, which lists the items
            assert links == [f"{term.id}/"], term.id
            page_url = f"glossary/{term.id}/"
            [items] = tree(page_file(site, root, page_url)).select(
                lambda n: n.tag == "div" and n.attrs.get("class") == "ip-glossary-items")
            links = items.links()
        entries = [entry_at(corpus, root, page_url, href) for href in links]
        assert entries and all(term.simplified in entry.text for entry in entries), term.id
        assert len(entries) == using


# --- charts ------------------------------------------------------------------------------------


def charts(site: Path, root: str) -> dict[str, ET.Element]:
    html = page_file(site, root, "charts/").read_text(encoding="utf-8")
    found = {}
    for source in re.findall(r"<svg\b[^>]*\bclass=\"ip-chart-svg\".*?</svg>", html, flags=re.DOTALL):
        element = ET.fromstring(source)  # well-formed XML, or this raises
        found[element.attrib["id"]] = element
    return found


def label_text(element: ET.Element) -> str:
    return "".join(element.itertext()).replace(" ", "")


def linked_labels(svg: ET.Element) -> dict[str, str]:
    """Link target (site path after the edition root) -> the label's text."""
    return {a.attrib["href"].removeprefix("../"): label_text(a) for a in svg.iter(f"{SVG}a")}


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_charts_are_svg_with_text_alternatives_in_the_edition_language(site: Path, root: str) -> None:
    found = charts(site, root)
    assert set(found) == {"chart-agencies", "chart-agency-themes", "chart-plan-themes"}
    keys = {"chart-agencies": "charts.agencies", "chart-agency-themes": "charts.matrix",
            "chart-plan-themes": "charts.themes"}
    html = page_file(site, root, "charts/").read_text(encoding="utf-8")
    for chart_id, svg in found.items():
        assert svg.attrib["role"] == "graphics-document"
        title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
        assert title is not None and desc is not None and desc.text
        assert svg.attrib["aria-labelledby"] == f"{title.attrib['id']} {desc.attrib['id']}"
        assert title.text == label_in(root, keys[chart_id])
        assert f'data-chart="{chart_id}"' in html  # the data table under it
        assert "<script" not in ET.tostring(svg, encoding="unicode")


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_chart_numbers_are_the_corpus_counts(site: Path, corpus: Corpus, root: str) -> None:
    found = charts(site, root)
    roles = {agency: Counter(role for _, role in items) for agency, items in corpus.by_agency().items()}
    top = sorted(roles, key=lambda a: (-(roles[a]["lead"] + roles[a]["participant"]), a))[:20]
    bars = [rect for rect in found["chart-agencies"].iter(f"{SVG}rect") if "data-agency" in rect.attrib]
    assert sorted({rect.attrib["data-agency"] for rect in bars}) == sorted(top)
    for rect in bars:
        assert int(rect.attrib["data-value"]) == roles[rect.attrib["data-agency"]][rect.attrib["data-role"]]
    values = {t.attrib["data-agency"]: t.text for t in found["chart-agencies"].iter(f"{SVG}text")
              if "data-agency" in t.attrib}
    assert values == {a: f"{roles[a]['lead']} / {roles[a]['participant']}" for a in top}
    cells = {(r.attrib["data-row"], r.attrib["data-column"]): int(r.attrib["data-value"])
             for r in found["chart-agency-themes"].iter(f"{SVG}rect")}
    for (agency, theme), value in cells.items():
        assert value == sum(1 for e in corpus.entries if agency in (*e.lead, *e.participants) and theme in e.themes)
    assert len(cells) == len(top) * len(corpus.themes)
    per_plan = {(r.attrib["data-row"], r.attrib["data-column"]): int(r.attrib["data-value"])
                for r in found["chart-plan-themes"].iter(f"{SVG}rect")}
    by_theme = corpus.by_theme()
    for theme in corpus.themes:
        for plan in corpus.plans:
            assert per_plan[(theme, plan.id)] == sum(1 for e in by_theme.get(theme, []) if e.plan.id == plan.id)


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_chart_labels_name_agencies_themes_and_plans_in_the_edition_language(site: Path, corpus: Corpus,
                                                                              root: str) -> None:
    convert = convert_for(root)
    found = charts(site, root)
    for agency, text in {**linked_labels(found["chart-agencies"]), **linked_labels(found["chart-agency-themes"])}.items():
        if agency.startswith("agencies/"):
            record = corpus.agencies[agency.split("/")[1]]
            assert text == (record.name_ja if root == "ja/" else convert(record.name)), agency
    vertical = str.maketrans({"\ufe11": "、", "\uff5c": "ー"})
    for target, text in linked_labels(found["chart-plan-themes"]).items():
        kind, key = target.split("/")[:2]
        if kind == "themes":
            theme = corpus.themes[key]
            assert text == (theme.name_ja if root == "ja/" else convert(theme.name))
        else:
            plan = next(p for p in corpus.plans if p.id == key)
            title = plan.title_ja if root == "ja/" and plan.title_ja else convert(plan.title)
            assert text == title.replace(" ", "")
    for target, text in linked_labels(found["chart-agency-themes"]).items():
        if target.startswith("themes/"):
            theme = corpus.themes[target.split("/")[1]]
            name = theme.name_ja if root == "ja/" else convert(theme.name)
            assert text.translate(vertical) == name
