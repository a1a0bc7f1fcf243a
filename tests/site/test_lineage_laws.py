"""The built lineage and cited-documents pages in every edition: they exist, their links land, the
comparison classifies every measure, and linked items carry their "see also" line."""

from __future__ import annotations

import posixpath
import re
from functools import cache
from pathlib import Path

import pytest

from generator.content.corpus import Corpus
from generator.content.laws import FILE as LAWS_FILE
from generator.content.laws import Laws, load_laws
from generator.content.lineage import FILE as LINEAGE_FILE
from generator.content.lineage import Lineage, key, load_lineage, states_work
from tests.conftest import CONTENT
from tests.site.pages import EDITION_ROOTS, PageParser, page_file, parse
from tests.site.tree import Element, read


@pytest.fixture(scope="module")
def lineage(corpus: Corpus) -> Lineage:
    return load_lineage(CONTENT / LINEAGE_FILE, corpus)


@pytest.fixture(scope="module")
def laws(corpus: Corpus) -> Laws:
    return load_laws(CONTENT / LAWS_FILE, corpus)


@cache
def parsed(path: Path) -> PageParser:
    return parse(path)


def target(page_url: str, href: str) -> tuple[str, str]:
    """(site path of the page a relative link leads to, fragment)."""
    path, _, fragment = href.partition("#")
    joined = posixpath.normpath(posixpath.join(page_url, path)) if path else page_url.rstrip("/")
    return ("" if joined == "." else joined.strip("/") + "/"), fragment


def broken_links(site: Path, root: str, url: str) -> list[str]:
    """The relative links of a page that lead to no page, or to no element with their fragment."""
    broken = []
    for href in parsed(page_file(site, root, url)).hrefs:
        if re.match(r"[a-z]+:|//|/", href):
            continue
        page, fragment = target(root + url, href)
        html = page_file(site, "", page)
        if not html.exists():
            if not (site / page.rstrip("/")).is_file():
                broken.append(href)
        elif fragment and fragment not in parsed(html).ids:
            broken.append(href)
    return broken


def rows(site: Path, root: str) -> list[Element]:
    page = read(page_file(site, root, "lineage/")).root
    return [e for e in page.iter() if "data-status" in e.attrs]


def statuses(site: Path, root: str, lineage: Lineage) -> dict[str, dict[str, str]]:
    """Each row's status by its item, for each pair by its later plan: with several pairs, a pair's part of the
    page begins at the heading whose id is its later plan's."""
    shown: dict[str, dict[str, str]] = {pair.later: {} for pair in lineage.pairs}
    pair = lineage.pairs[0].later
    for element in read(page_file(site, root, "lineage/")).root.iter():
        if len(shown) > 1 and element.attrs.get("id") in shown:
            pair = element.attrs["id"]
        elif "data-status" in element.attrs:
            shown[pair][element.attrs["data-ref"]] = element.attrs["data-status"]
    return shown


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_lineage_and_laws_pages_exist_and_their_links_land(site: Path, laws: Laws, root: str) -> None:
    urls = ["lineage/", "laws/", *[f"laws/{law.id}/" for law in laws.entries]]
    for url in urls:
        assert page_file(site, root, url).exists(), f"{root}{url}"
        assert not broken_links(site, root, url), f"{root}{url}: {broken_links(site, root, url)[:3]}"


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_every_measure_of_the_later_plan_is_classified_on_the_comparison_page(
        site: Path, corpus: Corpus, lineage: Lineage, root: str) -> None:
    shown = statuses(site, root, lineage)
    for pair in lineage.pairs:
        later, earlier, status = pair.later, pair.earlier, shown[pair.later]
        measures = [key(e) for e in corpus.plan_entries(later) if states_work(e)]
        continued = {key(link.later) for link in pair.links if link.later.plan.id == later}
        assert {ref: status[ref] for ref in measures} == {
            ref: "continued" if ref in continued else "new" for ref in measures}
        carried_on = {key(link.earlier) for link in pair.links if link.later.plan.id == later}
        dropped = {ref for ref, value in status.items() if value == "dropped"}
        assert dropped == {key(e) for e in corpus.plan_entries(earlier) if states_work(e)} - carried_on


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_each_row_links_its_item_and_its_counterparts(site: Path, corpus: Corpus, lineage: Lineage, root: str) -> None:
    for row in rows(site, root):
        if row.attrs["data-status"] == "dropped":
            continue
        links = {target(root + "lineage/", a.attrs["href"]) for a in row.find_all("a")}
        ref = row.attrs["data-ref"]
        plan, anchor = ref.split("#")
        expected = {(f"{root}plans/{plan}/", anchor)}
        expected |= {(f"{root}plans/{link.earlier.plan.id}/", link.earlier.item.anchor)
                     for link in lineage.links if key(link.later) == ref}
        assert links == expected, ref


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_linked_items_show_their_related_items_on_the_plan_page(site: Path, corpus: Corpus, lineage: Lineage,
                                                                root: str) -> None:
    shown = 0
    for plan in corpus.plans:
        page = read(page_file(site, root, f"plans/{plan.id}/")).root
        lines = {}
        for element in page.iter():
            anchor = element.attrs.get("data-anchor")
            see_also = [e for e in element.children if isinstance(e, Element) and "ip-see-also" in e.classes]
            if anchor and see_also:
                lines[anchor] = see_also[0]
        for entry in corpus.plan_entries(plan.id):
            related = lineage.related(entry)
            if not related:
                assert entry.item.anchor not in lines, key(entry)
                continue
            hrefs = [a.attrs["href"] for a in lines[entry.item.anchor].find_all("a")]
            assert [target(f"{root}plans/{plan.id}/", href) for href in hrefs] == [
                (f"{root}plans/{other.plan.id}/", other.item.anchor) for other in related], key(entry)
            shown += 1
    assert shown == sum(1 for entry in corpus.entries if lineage.related(entry))


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_each_document_page_lists_every_item_that_cites_it(site: Path, laws: Laws, root: str) -> None:
    for law in laws.entries:
        url = f"laws/{law.id}/"
        page = read(page_file(site, root, url)).root
        heads = [e for e in page.iter() if "ip-ref-head" in e.classes]
        cited = [target(root + url, head.find_all("a")[0].attrs["href"]) for head in heads]
        assert cited == [(f"{root}plans/{e.plan.id}/", e.item.anchor) for e in laws.cited_by[law.id]], law.id
