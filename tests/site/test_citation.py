"""Citable anchors in the built site: the lock resolves everywhere, aliases land, cite copies a citation."""

from __future__ import annotations

import datetime
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.content import lock
from generator.content.corpus import Corpus
from generator.editions.convert import converter
from tests.conftest import ROOT, build_site
from tests.site.pages import EDITION_ROOTS, page_file, parse
from tests.site.server import serve

FIXTURE = ROOT / "tests" / "fixtures" / "content"
SITE_URL = "https://example.org/ip/"
T18 = "plans/strong-ip-implementation-plan-2023/#t18"
CITATIONS = {  # edition root -> (citation of t18 before its URL, separator before the URL)
    # GB/T 7714-2015: no issuer and no date stated, so the entry opens with the title; the accessed date is the day of copying
    "": ("2023 年知识产权强国建设纲要和“十四五”规划实施推进计划[EB/OL]. [{accessed}]. 第18项.", " "),
    "zh-Hant/": ("2023 年知識產權強國建設綱要和“十四五”規劃實施推進計劃[EB/OL]. [{accessed}]. 第18項.", " "),
    # 発出機関「題名」（日付）項番、URL: neither issuer nor date is stated
    "ja/": ("「2023 年知识产权强国建设纲要和“十四五”规划实施推进计划」第18項", "、"),
}


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_every_locked_anchor_resolves(site: Path, corpus: Corpus, root: str) -> None:
    targets = lock.resolve(corpus.plans)
    ids: dict[str, set[str]] = {}
    locked = lock.read(ROOT / "content" / lock.LOCK)
    for entry in locked:
        plan, anchor = targets[entry.key].split("#")
        if plan not in ids:
            ids[plan] = parse(page_file(site, root, f"plans/{plan}")).ids
        assert anchor in ids[plan], f"{root}plans/{plan}/#{anchor} (locked as {entry.key})"
    assert len(locked) >= sum(1 for plan in corpus.plans for _ in plan.walk())


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_every_item_has_a_cite_button_with_its_citation(site: Path, corpus: Corpus, root: str) -> None:
    for plan in corpus.plans:
        html = page_file(site, root, f"plans/{plan.id}").read_text(encoding="utf-8")
        buttons = re.findall(r'<button type="button" class="ip-cite" data-cite="([^"]+)" data-url="([^"]+)"', html)
        urls = [url for _, url in buttons]
        items = [e for e in corpus.plan_entries(plan.id) if e.item.kind not in ("section", "subsection")]
        for entry in items:
            assert f"./#{entry.item.anchor}" in urls, f"no cite button for {entry.url} in {root or 'zh-Hans'}"
        for cite, _ in buttons:
            assert ("「" if root == "ja/" else "[EB/OL]") in cite, cite
            assert "、、" not in cite and "。。" not in cite, cite
    html = page_file(site, root, "plans/strong-ip-implementation-plan-2023").read_text(encoding="utf-8")
    assert f'data-cite="{CITATIONS[root][0]}" data-url="./#t18"' in html


def test_citations_name_issuer_number_and_date_where_the_source_states_them(site: Path) -> None:
    html = page_file(site, "", "plans/admin-protection-plan-2023").read_text(encoding="utf-8")
    assert ('data-cite="国家知识产权局. 2023 年全国知识产权行政保护工作方案: 国知发保字〔2023〕4号[EB/OL]. '
            '(2023-03-01)[{accessed}]. 第5项."') in html
    html = page_file(site, "ja/", "plans/admin-protection-plan-2023").read_text(encoding="utf-8")
    assert 'data-cite="国家知識産権局「2023 年全国知识产权行政保护工作方案」（国知发保字〔2023〕4号、2023年3月1日）第5項"' in html


@pytest.mark.parametrize(("root", "plan", "anchor", "locator"), [
    ("", "cnipa-work-points-2023", "s5-m3", "五、第3项举措（本站编号）"),
    ("", "high-quality-development-tasks-2023", "s3-t2", "三、第2项任务（本站编号）"),
    ("ja/", "cnipa-work-points-2023", "s5-m3", "五、措置3（本サイトによる番号）"),
])
def test_site_assigned_numbers_are_marked_in_the_citation_and_on_the_page(site: Path, root: str, plan: str,
                                                                         anchor: str, locator: str) -> None:
    html = page_file(site, root, f"plans/{plan}").read_text(encoding="utf-8")
    (cite,) = re.findall(rf'data-cite="([^"]+)" data-url="\./#{anchor}"', html)
    assert locator in cite
    assert 'class="ip-site-numbering"' in html
    t18 = page_file(site, root, "plans/strong-ip-implementation-plan-2023").read_text(encoding="utf-8")
    assert 'class="ip-site-numbering"' not in t18  # 004 numbers its tasks itself


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_plan_pages_carry_metadata_for_citation_managers(site: Path, corpus: Corpus, root: str) -> None:
    convert = converter(ROOT / "content" / "zh-Hant" / "phrases.txt") if root == "zh-Hant/" else str  # as the edition
    for plan in corpus.plans:
        html = page_file(site, root, f"plans/{plan.id}").read_text(encoding="utf-8")
        assert '<meta name="DC.title" content="' in html
        (ld,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
        data = json.loads(ld)
        assert data["@type"] == "Legislation"
        assert data["inLanguage"] == ("zh-Hant" if root == "zh-Hant/" else "zh-Hans")
        if root != "zh-Hant/":
            assert data["name"] == plan.title
        if plan.doc_number:
            assert data["legislationIdentifier"] == convert(plan.doc_number)
    for page in ("", "agencies/", "themes/patent/"):
        assert "application/ld+json" not in page_file(site, root, page).read_text(encoding="utf-8")


# --- a small site where an anchor and a plan id have changed -------------------------------


@pytest.fixture(scope="module")
def revised_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture plan after a revision: task t1 renumbered t2 (alias t1), plan renamed (alias the old id),
    published under a site_url."""
    content = tmp_path_factory.mktemp("revised") / "content"
    shutil.copytree(FIXTURE, content)
    plans = content / "plans"
    text = (plans / "mini-plan-2024.yaml").read_text(encoding="utf-8")
    text = text.replace("id: mini-plan-2024\n", "id: mini-plan-2024-rev\naliases: [mini-plan-2024]\n")
    text = text.replace("  - anchor: t1\n", "  - anchor: t2\n    aliases: [t1]\n")
    (plans / "mini-plan-2024-rev.yaml").write_text(text, encoding="utf-8")
    (plans / "mini-plan-2024.yaml").unlink()
    translations = content / "translations" / "ja"  # the translation follows its plan
    text = (translations / "mini-plan-2024.yaml").read_text(encoding="utf-8")
    text = text.replace("plan: mini-plan-2024\n", "plan: mini-plan-2024-rev\n").replace("- anchor: t1\n", "- anchor: t2\n")
    (translations / "mini-plan-2024-rev.yaml").write_text(text, encoding="utf-8")
    (translations / "mini-plan-2024.yaml").unlink()
    (content / lock.LOCK).write_text("mini-plan-2024#preamble\nmini-plan-2024#s1\nmini-plan-2024#t1\n", encoding="utf-8")
    return build_site(content, content.parent / "site", site_url=SITE_URL)


@pytest.fixture(scope="module")
def revised_url(revised_site: Path) -> Iterator[str]:
    with serve(revised_site) as url:
        yield url


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_citations_are_absolute_under_site_url(revised_site: Path, root: str) -> None:
    html = page_file(revised_site, root, "plans/mini-plan-2024-rev").read_text(encoding="utf-8")
    assert f'data-url="{SITE_URL}{root}plans/mini-plan-2024-rev/#t2"' in html
    assert 'data-aliases="t1"' in html
    # each edition is published at its own root: canonical links and sitemap name its own pages
    assert f'<link rel="canonical" href="{SITE_URL}{root}plans/mini-plan-2024-rev/">' in html
    sitemap = (revised_site / root / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}{root}plans/mini-plan-2024-rev/</loc>" in sitemap


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_an_old_alias_fragment_lands_on_the_new_item(page: Page, revised_url: str, root: str) -> None:
    page.goto(f"{revised_url}{root}plans/mini-plan-2024-rev/#t1")
    expect(page).to_have_url(re.compile(r"#t2$"))
    item = page.locator("#t2")
    expect(item).to_be_in_viewport()
    expect(item).to_have_class(re.compile("ip-highlight"))
    expect(page.locator(".ip-status")).to_contain_text("#t2")


def test_the_old_plan_page_redirects_keeping_the_fragment(page: Page, revised_url: str) -> None:
    page.goto(f"{revised_url}plans/mini-plan-2024/#t1")
    expect(page).to_have_url(re.compile(r"plans/mini-plan-2024-rev/#t2$"))
    expect(page.locator("#t2")).to_be_in_viewport()


def copied(browser: Browser, url: str, selector: str) -> str:
    """What the cite button at `selector` of the page at `url` copies, pressed from the keyboard."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(url)
        button = page.locator(selector)
        button.focus()  # reached by Tab like any button; shown once focused
        expect(button).to_have_css("opacity", "1")
        page.keyboard.press("Enter")
        expect(page.locator(".ip-status")).not_to_be_empty()
        return str(page.evaluate("navigator.clipboard.readText()"))
    finally:
        context.close()


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_the_cite_button_copies_the_citation_from_the_keyboard(browser: Browser, base_url: str, root: str) -> None:
    citation, separator = CITATIONS[root]
    text = copied(browser, f"{base_url}{root}{T18}", "#t18 .ip-cite")
    # without site_url, the permalink is absolute under the address the page was loaded from
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", base_url)
    today = datetime.date.today().isoformat()
    assert text == citation.replace("{accessed}", today) + separator + f"{base_url}{root}{T18}"


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_the_cite_button_copies_the_published_address_under_site_url(browser: Browser, revised_url: str, root: str) -> None:
    text = copied(browser, f"{revised_url}{root}plans/mini-plan-2024-rev/#t2", "#t2 .ip-cite")
    assert text.endswith(f"{SITE_URL}{root}plans/mini-plan-2024-rev/#t2")


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_cite_this_plan_shows_and_copies_the_plan_citation(browser: Browser, base_url: str, root: str) -> None:
    url = f"{base_url}{root}plans/admin-protection-plan-2023/"
    text = copied(browser, url, ".ip-cite-plan button.ip-cite")
    assert text.endswith(url)
    assert ("（国知发保字〔2023〕4号、2023年3月1日）" if root == "ja/" else "(2023-03-01)[") in text
