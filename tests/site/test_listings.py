"""Agency and theme pages: every item of the agency or theme is listed once, on the page itself or, for a
long listing, on the page of its plan; no page lists more than LISTING_LIMIT items."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from generator.content.corpus import Corpus
from generator.publish.site import EditionSite
from generator.render.renderer import LISTING_LIMIT, too_long
from tests.site.pages import EDITION_ROOTS, page_file, parse

ROOT = Path(__file__).resolve().parents[2]

_REF = re.compile(r'<div class="ip-ref" data-anchor="([^"]+)">\s*<p class="ip-ref-head"><a href="([^"]+)"')


def listed(site: Path, root: str, url: str) -> Counter[str]:
    """`plan#anchor` of every item reference on the page, counted."""
    html = page_file(site, root, url).read_text(encoding="utf-8")
    return Counter(f"{href.rsplit('/', 2)[-2]}#{anchor}" for anchor, href in _REF.findall(html))


def listings(corpus: Corpus) -> list[tuple[str, list[str], bool]]:
    """(page URL, plan#anchor of each item it must list, whether it goes on pages per plan) of every agency
    and theme, lead before participant."""
    result = []
    for agency_id, roles in corpus.by_agency().items():
        entries = [entry for entry, _ in roles]
        result.append((f"agencies/{agency_id}/", [f"{entry.plan.id}#{entry.item.anchor}" for entry in entries],
                       too_long(entries)))
    for theme_id, entries in corpus.by_theme().items():
        result.append((f"themes/{theme_id}/", [f"{entry.plan.id}#{entry.item.anchor}" for entry in entries],
                       too_long(entries)))
    return result


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_every_item_is_listed_once_and_no_page_lists_too_many(site: Path, corpus: Corpus, root: str) -> None:
    for url, expected, apart in listings(corpus):
        plans = list(dict.fromkeys(key.partition("#")[0] for key in expected))
        found = listed(site, root, url)
        for plan in plans if apart else ():
            found += listed(site, root, f"{url}{plan}/")
            assert sum(listed(site, root, f"{url}{plan}/").values()) <= LISTING_LIMIT
        assert found == Counter(expected), f"{root}{url}"
        if apart:
            assert not listed(site, root, url), f"{root}{url} lists items although its plans have pages"
        else:
            assert not any(page_file(site, root, f"{url}{plan}/").exists() for plan in plans), f"{root}{url}"


def test_the_real_corpus_splits_cnipa_by_plan(corpus: Corpus) -> None:
    # Sanity: the test above sees both kinds of page (CNIPA leads or joins 299 items).
    sizes = {url: len(expected) for url, expected, _ in listings(corpus)}
    assert sizes["agencies/cnipa/"] > LISTING_LIMIT
    assert sizes["themes/patent/"] <= LISTING_LIMIT


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_a_split_listing_keeps_its_anchors_and_links_each_plan_s_page(site: Path, corpus: Corpus, root: str) -> None:
    page = parse(page_file(site, root, "agencies/cnipa/"))
    for entry, role in corpus.by_agency()["cnipa"]:
        anchor = f"{entry.plan.id}-{role if role == 'lead' else 'participant'}"
        link = page.elements[anchor]  # an older link to the section of this plan still lands on it
        assert link["href"] == f"{entry.plan.id}/#{anchor}"
        assert anchor in parse(page_file(site, root, f"agencies/cnipa/{entry.plan.id}/")).ids
    nav = parse(page_file(site, root, "agencies/cnipa/cnipa-work-points-2023/")).hrefs
    assert "../" in nav and "../cnipa-work-points-2022/" in nav


@pytest.mark.parametrize("code", ["zh-Hans", "zh-Hant", "ja"])
def test_the_plan_pages_of_a_listing_stay_out_of_the_search(corpus: Corpus, code: str) -> None:
    urls = [record.url for record in EditionSite.load(ROOT / "content", code, corpus=corpus).search_records]
    assert "agencies/cnipa/" in urls
    assert not [url for url in urls if re.fullmatch(r"(agencies|themes)/[^/]+/[^/#]+/.*", url)]


