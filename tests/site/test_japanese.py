"""The Japanese edition: no Chinese interface string, Chinese body text marked as such; the source notes."""

from __future__ import annotations

import datetime
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.content.corpus import Corpus
from tests.conftest import CONTENT

# Structural elements whose text is not read (scripts, styles) and the search overlay's empty template.
SKIPPED = {"script", "style", "template"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def chinese_only(text: str) -> bool:
    """Han characters that Japanese does not write (not in JIS X 0208): Simplified-only forms such as 规, 项, 题."""
    for char in text:
        if "\u4e00" <= char <= "\u9fff":
            try:
                char.encode("shift_jis")
            except UnicodeEncodeError:
                return True
    return False


class InterfaceText(HTMLParser):
    """Text of a page outside any element marked lang="zh-…" (the Chinese original and its names) or
    translate="no" (the Japanese source notes, verbatim, which name the publisher in Chinese)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, whether its text is Chinese or skipped)
        self.found: list[str] = []
        self.attributes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        inherited = bool(self.stack) and self.stack[-1][1]
        marked = (inherited or tag in SKIPPED or (values.get("lang") or "").startswith("zh")
                  or values.get("translate") == "no")
        if not marked:
            self.attributes += [v for k, v in attrs if k in ("title", "aria-label", "alt", "placeholder") and v]
        if tag not in VOID:
            self.stack.append((tag, marked))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if data.strip() and not (self.stack and self.stack[-1][1]):
            self.found.append(data.strip())


def test_no_chinese_interface_string_in_the_japanese_edition(site: Path) -> None:
    offenders = []
    pages = sorted((site / "ja").rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        parser = InterfaceText()
        parser.feed(page.read_text(encoding="utf-8"))
        for text in [*parser.found, *parser.attributes]:
            if chinese_only(text):
                offenders.append(f"{page.relative_to(site)}: {text[:40]!r}")
    assert not offenders, f"{len(offenders)} Chinese strings outside lang=zh elements:\n" + "\n".join(offenders[:30])


def test_the_detector_knows_chinese_from_japanese() -> None:
    assert chinese_only("规划") and chinese_only("主题") and chinese_only("牵头")
    assert not chinese_only("計画") and not chinese_only("所管機関") and not chinese_only("国家知識産権局")


# --- the source notes -------------------------------------------------------------------------------

EXPECTED_NOTES = {  # plan id -> (date, URL), as read from the last lines of each source
    "cnipa-work-points-2022": (datetime.date(2022, 6, 21), "https://www.cnipa.gov.cn/art/2022/6/21/art_92_176128.html"),
    "cnipa-work-points-2023": (datetime.date(2023, 5, 26), "https://www.cnipa.gov.cn/art/2023/5/26/art_92_185374.html"),
    "admin-protection-plan-2023": (datetime.date(2023, 3, 7),
                                   "https://www.cnipa.gov.cn/art/2023/3/7/art_546_182530.html?xxgkhide=1"),
}


def source_note_lines(corpus: Corpus, plan_id: str) -> list[str]:
    plan = next(plan for plan in corpus.plans if plan.id == plan_id)
    lines = (CONTENT / "sources" / plan.source.file).read_text(encoding="utf-8").splitlines()
    start = max(index for index, line in enumerate(lines) if line.strip().startswith("出所："))
    return [line.strip() for line in lines[start:] if line.strip()]


@pytest.mark.parametrize("plan_id", sorted(EXPECTED_NOTES))
def test_each_source_note_is_parsed_as_its_source_lines_say(corpus: Corpus, plan_id: str) -> None:
    plan = next(plan for plan in corpus.plans if plan.id == plan_id)
    lines = source_note_lines(corpus, plan_id)
    note = plan.source.parsed
    assert note is not None
    assert [line.strip() for line in (plan.source.note or "").splitlines()] == lines  # the note is verbatim
    year, month, day = (int(n) for n in re.search(r"(\d{4})\s*年\s*(\d+)\s*月\s*(\d+)\s*日", lines[0]).groups())
    assert note.date == datetime.date(year, month, day)
    urls = re.findall(r"https?://[^\s)\]]+", lines[-1])  # 002: [escaped text](target): the target
    assert note.url == urls[-1]
    assert "\\" not in note.url
    assert note.publisher and note.publisher in lines[0]
    assert (note.date, note.url) == EXPECTED_NOTES[plan_id]


def test_plans_without_a_note_show_none(corpus: Corpus, site: Path) -> None:
    for plan in corpus.plans:
        if plan.id not in EXPECTED_NOTES:
            assert plan.source.note is None
            html = (site / "ja" / "plans" / plan.id / "index.html").read_text(encoding="utf-8")
            assert "この文書には出所表記がありません。" in html and "ip-source-url" not in html
