"""The benchmark's synthetic corpora: every plan N times, each copy a plan of its own that loads cleanly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.content.corpus import Corpus, load_corpus
from generator.content.laws import FILE, load_laws
from generator.content.titles import titles
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


def test_a_copy_s_titles_name_the_documents_its_original_s_name(tmp_path: Path) -> None:
    """Also a short form the registry scopes to its plan (forms_in): here every form of the plan that defines
    《工作方案》, which names that plan's document in its copies too."""
    content = tmp_path / "scoped"
    shutil.copytree(CONTENT, content)
    corpus = load_corpus(content)
    plan = next(e.plan.id for e in corpus.entries if any(t.form == "工作方案" for t in titles(e.text)))
    forms = sorted({t.form for e in corpus.plan_entries(plan) for t in titles(e.text)})
    text = "".join(f"    - {form}\n" for form in forms)
    registry = content / FILE
    registry.write_text(registry.read_text(encoding="utf-8").replace(
        "\nlaws:\n", f"\nlaws:\n- id: scoped\n  title: 范围\n  kind: other\n  forms: [范围]\n  forms_in:\n    {plan}:\n{text}", 1),
        encoding="utf-8")
    synthetic_content(content, tmp_path / "content", 3)
    grown = load_corpus(tmp_path / "content")
    laws = load_laws(tmp_path / "content" / FILE, grown)
    for entry in grown.entries:
        original = entry.plan.id.partition("-copy-")[0]
        for title in titles(entry.text):
            owner = laws.owners.owner(entry.plan.id, title.form)
            assert owner == laws.owners.owner(original, title.form) is not None, (entry.plan.id, title.form)
            assert (owner == "scoped") == (original == plan)


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
