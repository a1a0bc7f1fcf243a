"""Every sentence of every source is in the data, and the data holds nothing the source lacks."""

from __future__ import annotations

import re

import pytest

from generator.content.corpus import Corpus
from generator.content.text import sentences, squeeze
from tests.conftest import CONTENT


def source_text(corpus: Corpus, plan_id: str) -> str:
    """The source as text: layout lines dropped, the Markdown marks of 002 removed, whitespace removed."""
    plan = next(plan for plan in corpus.plans if plan.id == plan_id)
    raw = (CONTENT / "sources" / plan.source.file).read_text(encoding="utf-8")
    lines = [line for line in raw.split("\n") if line.strip() not in plan.source.layout]
    text = "\n".join(re.sub(r"^# ", "", line) for line in lines).replace("**", "")
    return squeeze(text)


def data_text(corpus: Corpus, plan_id: str) -> str:
    plan = next(plan for plan in corpus.plans if plan.id == plan_id)
    return squeeze("".join(plan.printed()) + (plan.source.note or ""))


PLAN_IDS = [
    "cnipa-work-points-2022",
    "cnipa-work-points-2023",
    "admin-protection-plan-2023",
    "high-quality-development-tasks-2023",
    "strong-ip-implementation-plan-2023",
]


@pytest.mark.parametrize("plan_id", PLAN_IDS)
def test_every_source_sentence_is_in_the_data(corpus: Corpus, plan_id: str, record_property) -> None:
    source, data = source_text(corpus, plan_id), data_text(corpus, plan_id)
    found = [sentence for sentence in sentences(source) if sentence in data]
    missing = [sentence for sentence in sentences(source) if sentence not in data]
    record_property("sentences", f"{len(found)}/{len(found) + len(missing)}")
    print(f"{plan_id}: {len(found)} of {len(found) + len(missing)} source sentences in the data (100 %)")
    assert not missing, f"{len(missing)} sentences missing, first: {missing[0]}"


@pytest.mark.parametrize("plan_id", PLAN_IDS)
def test_the_data_is_the_source_in_document_order(corpus: Corpus, plan_id: str) -> None:
    source, data = source_text(corpus, plan_id), data_text(corpus, plan_id)
    extra = [sentence for sentence in sentences(data) if sentence not in source]
    assert not extra, f"the data holds text the source lacks: {extra[0]}"
    assert data == source
