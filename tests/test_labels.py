"""The Japanese interface words the review settled (issue of the Japanese edition): one word for one thing."""

from __future__ import annotations

import pytest

from generator.content.corpus import Corpus
from generator.editions.edition import label
from generator.render.renderer import item_label
from tests.conftest import BY_CODE

JA = BY_CODE["ja"]
# Words the Japanese edition no longer uses, and what replaced them.
RETIRED = {"主管": "主導", "参加": "協力", "所管機関": "関係機関", "発行日": "発出日", "発行機関": "発出機関",
           "出典": "出所", "義務": "任務", "継続なし": "継続されず"}


@pytest.mark.parametrize("word", sorted(RETIRED))
def test_no_japanese_label_uses_a_retired_word(word: str) -> None:
    assert not [key for key, japanese in JA.labels.items() if word in japanese]


def test_related_items_name_one_thing() -> None:
    japanese = list(JA.labels.values())
    assert japanese.count("関連項目") == 1 and label("see_also", JA) == "関連項目"


@pytest.mark.parametrize(("plan", "anchor", "simplified", "japanese"), [
    ("cnipa-work-points-2023", "s3-m2", "三、第2项举措", "第3章第2措置"),
    ("high-quality-development-tasks-2023", "s1-t2", "一、第2项任务", "第1章第2タスク"),
    ("strong-ip-implementation-plan-2023", "t18", "第18项", "第18項"),
    ("strong-ip-implementation-plan-2023", "s2-1", "（一）", "第2章第1節"),
    ("strong-ip-implementation-plan-2023", "s2", "二、", "第2章"),
    ("strong-ip-implementation-plan-2023", "closing", "结语", "結び"),
])
def test_locators_in_each_edition(corpus: Corpus, plan: str, anchor: str, simplified: str, japanese: str) -> None:
    entry = corpus.entry(plan, anchor)
    assert item_label(entry, BY_CODE["zh-Hans"]) == simplified
    assert item_label(entry, JA) == japanese


def test_a_sub_section_named_in_full(corpus: Corpus) -> None:
    entry = corpus.entry("strong-ip-implementation-plan-2023", "s2-1")
    assert item_label(entry, BY_CODE["zh-Hans"], full=True) == "二、（一）"
    assert item_label(entry, JA, full=True) == "第2章第1節"
