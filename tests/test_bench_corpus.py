"""The benchmark's synthetic corpora: every plan N times, each copy a plan of its own that loads cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.corpus import Corpus, load_corpus
from scripts.bench_corpus import copy_id, renamed, synthetic_content
from tests.conftest import CONTENT


def test_three_times_the_corpus_loads_with_three_times_the_items(corpus: Corpus, tmp_path: Path) -> None:
    ids = synthetic_content(CONTENT, tmp_path / "content", 3)
    grown = load_corpus(tmp_path / "content")
    assert [plan.id for plan in grown.plans] == ids
    assert len(grown.plans) == 3 * len(corpus.plans)
    assert len(grown.entries) == 3 * len(corpus.entries)
    for plan in corpus.plans:
        original = [(e.item.anchor, e.lead, e.participants, e.themes) for e in corpus.plan_entries(plan.id)]
        for copy in (2, 3):
            copied = grown.plan_entries(copy_id(plan.id, copy))
            assert [(e.item.anchor, e.lead, e.participants, e.themes) for e in copied] == original
    assert grown.agencies == corpus.agencies and grown.themes == corpus.themes


def test_one_times_the_corpus_is_the_content_unchanged(tmp_path: Path) -> None:
    synthetic_content(CONTENT, tmp_path / "content", 1)
    assert _files(tmp_path / "content") == _files(CONTENT)


def _files(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*") if path.is_file()}


def test_a_copy_changes_the_top_level_id_only() -> None:
    text = "id: plan-a\ntitle: 计划\nitems:\n- anchor: s1\n  id: nested\n"
    assert renamed(text, "plan-a", "plan-a-copy-2") == text.replace("id: plan-a\n", "id: plan-a-copy-2\n")
    with pytest.raises(ValueError, match="one top-level line 'id: plan-b'"):
        renamed(text, "plan-b", "plan-b-copy-2")
