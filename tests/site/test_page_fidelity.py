"""What a reader sees: every fragment of every source line is on the plan's page (Simplified edition),
column headers and the 附件 line of the task list included."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.content.corpus import Corpus
from generator.content.text import sentences, squeeze
from tests.conftest import CONTENT
from tests.site.pages import page_file
from tests.site.tree import read
from tests.test_fidelity import PLAN_IDS


def fragments(corpus: Corpus, plan_id: str) -> list[str]:
    """Each source line cut after its sentence ends; layout lines left out, the Markdown marks of 002 removed
    (its source note's address is a Markdown link of itself: the page shows the address)."""
    plan = next(plan for plan in corpus.plans if plan.id == plan_id)
    raw = (CONTENT / "sources" / plan.source.file).read_text(encoding="utf-8")
    lines = [re.sub(r"\[(https?://[^\]]+)\]\(\1\)", r"\1", re.sub(r"^# ", "", line.strip()).replace("**", "").replace("\\", ""))
             for line in raw.split("\n") if line.strip() and line.strip() not in plan.source.layout]
    return [piece.replace("\\", "") for line in lines for piece in sentences(squeeze(line))]


@pytest.mark.parametrize("plan_id", PLAN_IDS)
def test_every_source_fragment_is_on_the_page(site: Path, corpus: Corpus, plan_id: str, record_property) -> None:
    article = read(page_file(site, "", f"plans/{plan_id}")).root.find_all("article")[0]
    text = squeeze(article.text()).replace("\\", "")
    pieces = fragments(corpus, plan_id)
    missing = [piece for piece in pieces if piece not in text]
    record_property("fragments", f"{len(pieces) - len(missing)}/{len(pieces)}")
    print(f"{plan_id}: {len(pieces) - len(missing)} of {len(pieces)} source fragments on the page")
    assert not missing, f"{len(missing)} of {len(pieces)} fragments missing, first: {missing[:3]}"


def test_the_task_list_prints_its_column_headers_and_attachment_line(site: Path) -> None:
    page = read(page_file(site, "", "plans/high-quality-development-tasks-2023")).root
    assert [e.text() for e in page.find_all("span", "ip-column")] == ["任务清单", "落实举措", "执行部门"]
    assert [e.text() for e in page.find_all("p", "ip-printed-head")] == ["附件"]
    html = page_file(site, "", "plans/high-quality-development-tasks-2023").read_text(encoding="utf-8")
    assert '<span class="ip-role">执行部门（局内）</span>' in html
    assert '<span class="ip-role">牵头</span>' not in html  # the task list never says 牵头
