"""A plan page printed from Chromium: no navigation, every item's anchor in the margin, the page's
permalink at the top."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from playwright.sync_api import Page

from generator.content.corpus import Corpus

PLAN = "strong-ip-implementation-plan-2023"


def test_a_plan_page_prints_without_navigation_and_with_its_anchors(page: Page, base_url: str, corpus: Corpus,
                                                                    tmp_path: Path) -> None:
    page.goto(f"{base_url}plans/{PLAN}/")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer',
        '.ip-cite'].map(s => [...document.querySelectorAll(s)].every(e => getComputedStyle(e).display === 'none'))""")
    assert hidden == [True] * 5
    margins = page.evaluate("""() => [...document.querySelectorAll('.ip-item[id], h2[data-anchor], h3[data-anchor]')]
        .map(e => getComputedStyle(e, '::before').content)""")
    anchors = [entry.item.anchor for entry in corpus.plan_entries(PLAN)]
    assert sorted(margins) == sorted(f'"#{anchor}"' for anchor in anchors)
    pdf = tmp_path / "plan.pdf"
    page.pdf(path=str(pdf), format="A4")
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "pdftotext is needed (make test installs poppler-utils)"
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    first_page = re.sub(r"\s+", "", text.split("\f")[0])
    assert f"{base_url}plans/{PLAN}/" in first_page  # the permalink, at the top
    assert "首页" not in text and "全部规划" not in text  # no navigation
    printed = set(re.findall(r"#(t\d+|s\d+(?:-\d+)?|preamble|closing)\b", text))
    assert printed == set(anchors)
