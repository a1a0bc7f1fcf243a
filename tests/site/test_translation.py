"""The Japanese reference translation on the site: every item holds its original and its translation (the
contract), every page says once that the translation is unofficial, and the reader's view is kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.content.corpus import Corpus, printed_translation
from generator.editions.edition import label
from tests.conftest import BY_CODE
from tests.site.tree import Element, read

JA = BY_CODE["ja"]
NOTICE = label("translation_notice", JA)


def test_every_item_holds_its_original_and_its_translation(site: Path, corpus: Corpus) -> None:
    checked = 0
    for plan in corpus.plans:
        page = read(site / "ja" / "plans" / plan.id / "index.html").root
        for entry in corpus.plan_entries(plan.id):
            translated = corpus.translated(entry, "ja")
            assert translated is not None and translated.review == "reviewed", entry.url
            element = page.by_id(entry.item.anchor)
            originals = element.select(lambda e: e.attrs.get("lang") == "zh-Hans" and e.attrs.get("class") != "ip-doc-number")
            translations = element.select(lambda e: "translation" in e.classes)
            assert originals and len(translations) == 1, entry.url
            assert translations[0].attrs.get("lang") == "ja", entry.url
            pieces = printed_translation(entry.item, translated.ja)
            if entry.item.kind in ("section", "subsection"):  # the heading; its text follows in its own block
                pieces = pieces[:1]
            assert _text(translations[0]) == "".join(pieces), entry.url
            checked += 1
    assert checked == len(corpus.entries) >= 425


def _text(element: Element) -> str:
    return element.heading_text().replace("\n", "")


@pytest.mark.parametrize("plan_id", ["cnipa-work-points-2023", "high-quality-development-tasks-2023"])
def test_a_section_with_text_shows_the_text_in_both_languages(site: Path, corpus: Corpus, plan_id: str) -> None:
    page = read(site / "ja" / "plans" / plan_id / "index.html").root
    for entry in corpus.plan_entries(plan_id):
        if entry.item.kind in ("section", "subsection") and entry.item.text:
            anchor = entry.item.anchor
            body = page.select(lambda e, anchor=anchor: e.attrs.get("data-anchor") == anchor and e.tag == "div")[0]
            assert [e.attrs["lang"] for e in body.find_all("div", "ip-text")] == ["zh-Hans", "ja"]


def test_each_japanese_page_says_once_that_the_original_prevails(site: Path) -> None:
    pages = sorted((site / "ja").rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        if "http-equiv=\"refresh\"" in path.read_text(encoding="utf-8")[:2000]:
            continue  # a redirect page
        assert path.read_text(encoding="utf-8").count(NOTICE) == 1, path


@pytest.mark.parametrize("root", ["", "zh-Hant/"])
def test_the_chinese_editions_show_no_translation(site: Path, root: str) -> None:
    html = (site / root / "plans" / "cnipa-work-points-2023" / "index.html").read_text(encoding="utf-8")
    assert 'class="translation"' not in html and "ip-text translation" not in html and "ip-view-switch" not in html


def test_the_table_of_contents_names_the_translated_headings(site: Path, corpus: Corpus) -> None:
    html = (site / "ja" / "plans" / "cnipa-work-points-2023" / "index.html").read_text(encoding="utf-8")
    entry = corpus.entry("cnipa-work-points-2023", "s1")
    translated = corpus.translated(entry, "ja")
    assert translated is not None
    assert '<a href="#s1" class="md-nav__link" lang="ja">' in html
    toc = html[html.index('<a href="#s1" class="md-nav__link"'):][:400]
    assert f"{entry.item.marker}{translated.ja['title']}" in toc


# --- in the browser ---------------------------------------------------------------------------------

def _visible(page: Page, selector: str) -> bool:
    return page.locator(selector).first.is_visible()


def test_the_view_switch_works_with_the_keyboard_and_is_kept_across_pages(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}ja/plans/cnipa-work-points-2023/#s2-m1")
    switch = page.locator(".ip-view-switch")
    expect(switch).to_be_visible()
    item = "#s2-m1"
    assert _visible(page, f"{item} .ip-text[lang=zh-Hans]") and _visible(page, f"{item} .translation")
    page.locator(".ip-view-switch input[value=both]").focus()
    page.keyboard.press("ArrowRight")  # radio buttons: the arrow keys choose
    expect(page.locator(".ip-view-switch input[value=translation]")).to_be_checked()
    assert not _visible(page, f"{item} .ip-text[lang=zh-Hans]") and _visible(page, f"{item} .translation")
    page.goto(f"{base_url}ja/plans/strong-ip-implementation-plan-2023/#t18")
    expect(page.locator(".ip-view-switch input[value=translation]")).to_be_checked()
    assert not _visible(page, "#t18 .ip-text[lang=zh-Hans]") and _visible(page, "#t18 .translation")
    page.locator(".ip-view-switch label", has_text=label("view.original", JA)).click()
    assert _visible(page, "#t18 .ip-text[lang=zh-Hans]") and not _visible(page, "#t18 .translation")
    assert not _visible(page, "#s1 .translation") and _visible(page, "#s1 .ip-original")


@pytest.mark.parametrize("width", [1280, 390])
def test_side_by_side_on_wide_screens_stacked_on_phones(browser: Browser, base_url: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{base_url}ja/plans/strong-ip-implementation-plan-2023/#t18")
    original = page.locator("#t18 .ip-text[lang=zh-Hans]").bounding_box()
    translation = page.locator("#t18 .translation").bounding_box()
    assert original and translation
    if width > 1000:
        assert translation["x"] > original["x"] + original["width"] - 1 and abs(translation["y"] - original["y"]) < 2
    else:
        assert translation["y"] >= original["y"] + original["height"] - 1
    assert page.evaluate("(() => { const c = document.querySelector('.md-content'); return c.scrollWidth <= c.clientWidth; })()")
    context.close()


def test_without_javascript_both_are_shown_and_no_switch(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}ja/plans/cnipa-work-points-2023/")
    assert not page.locator(".ip-view-switch").is_visible()
    assert _visible(page, "#s2-m1 .ip-text[lang=zh-Hans]") and _visible(page, "#s2-m1 .translation")
    context.close()
