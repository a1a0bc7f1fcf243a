"""Every Traditional page in Traditional characters: no Simplified-only character in what a reader sees or hears."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from generator.editions.convert import KEEP_END, KEEP_START, simplified_only
from tests.site.tree import Element, read

ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")
# Text in another script on purpose: the Simplified original (its link, the glossary's column), the Japanese
# terms of the glossary, and the verbatim Japanese source notes.
OTHER_SCRIPT = {"zh-Hans", "ja"}


def shown(element: Element) -> Iterator[tuple[str, str]]:
    """(where, text) of the visible text and the read attributes of `element`, outside other scripts."""
    if element.attrs.get("lang") in OTHER_SCRIPT or element.attrs.get("translate") == "no":
        return
    if element.tag in ("script", "style"):
        return
    for name in ATTRIBUTES:
        if element.attrs.get(name):
            yield f"<{element.tag} {name}>", element.attrs[name]
    if element.tag == "meta" and element.attrs.get("content"):
        yield f"<meta {element.attrs.get('name') or element.attrs.get('property') or ''}>", element.attrs["content"]
    for child in element.children:
        if isinstance(child, str):
            yield f"<{element.tag}>", child
        else:
            yield from shown(child)


def test_simplified_only_characters_come_from_opencc() -> None:
    only = simplified_only()
    assert set("个这国为发们说时") <= only
    assert not set("台干后系秘群么") & only  # each is also a Traditional (or Taiwan) form


def translations(element: Element) -> Iterator[tuple[str, str]]:
    """The theme's interface strings its scripts show (search results, copy buttons), from Material's __config."""
    for script in element.select(lambda e: e.tag == "script" and e.attrs.get("id") == "__config"):
        for key, text in json.loads(script.text())["translations"].items():
            yield f"theme string {key}", text


def test_no_simplified_character_on_a_traditional_page(site: Path) -> None:
    only = simplified_only()
    pages = sorted((site / "zh-Hant").rglob("*.html"))
    assert len(pages) > 100
    found = []
    for path in pages:
        root = read(path).root
        for where, text in [*shown(root), *translations(root)]:
            chars = "".join(dict.fromkeys(char for char in text if char in only))
            if chars:
                found.append(f"{path.relative_to(site)}: {chars} in {' '.join(text.split())[:60]!r} ({where})")
    assert not found, f"{len(found)} texts with Simplified characters on Traditional pages:\n" + "\n".join(found[:40])


def test_no_conversion_mark_reaches_a_page(site: Path) -> None:
    leaked = [str(path.relative_to(site)) for path in sorted(site.rglob("*.html"))
              if KEEP_START in (text := path.read_text(encoding="utf-8")) or KEEP_END in text]
    assert not leaked, leaked


def test_the_interface_speaks_taiwan_usage(site: Path) -> None:
    """Interface in Taiwan usage (Material's zh-TW pack, content/zh-Hant/interface.txt); the body as converted."""
    home = read(site / "zh-Hant" / "index.html").root
    html = home.find_all("html")[0]
    assert html.attrs["lang"] == "zh-Hant"
    strings = dict(translations(home))
    assert strings["theme string search.result.one"] == "找到 1 個符合的項目"
    assert strings["theme string clipboard.copy"] == "複製"
    description = next(e for e in home.find_all("meta") if e.attrs.get("name") == "description")
    assert description.attrs["content"] == "中國知識產權政策規劃（2022—2023）全文、機構、主題與可引用錨點"
    assert "用頁面上方的搜尋框檢索全文" in home.text()
    assert home.by_id("ip-messages").attrs["data-cite-failed"] == "無法寫入剪貼簿，請手動複製："
    plan = read(site / "zh-Hant" / "plans" / "cnipa-work-points-2023" / "index.html").root
    titles = {e.attrs.get("title") for e in plan.find_all("a", "headerlink")}
    assert titles == {"本節連結"}
    glossary = read(site / "zh-Hant" / "glossary" / "index.html").root.text()
    assert "專利鏈接制度" in glossary and "專利包括發明" in glossary  # the body keeps 鏈接; 包括髮明 corrected
