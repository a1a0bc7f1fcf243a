"""What the site covers is computed from the plans: the count and the years of the home page and description."""

from __future__ import annotations

import pytest

from generator.content.corpus import Corpus
from generator.content.coverage import coverage, described
from generator.content.models import Plan
from generator.content.text import numeral
from generator.editions.edition import label
from tests.conftest import BY_CODE


@pytest.mark.parametrize(("n", "printed"), [(1, "一"), (5, "五"), (10, "十"), (11, "十一"), (20, "二十"), (99, "九十九"),
                                             (100, "一百"), (105, "一百零五"), (110, "一百一十"), (150, "一百五十"),
                                             (1010, "一千零一十")])
def test_numerals_as_printed(n: int, printed: str) -> None:
    assert numeral(n) == printed


FIRST = ("cnipa-work-points-2022", "cnipa-work-points-2023", "admin-protection-plan-2023",
         "high-quality-development-tasks-2023", "strong-ip-implementation-plan-2023")


def first_plans(corpus: Corpus) -> list[Plan]:
    """The plans of 2022 and 2023, whatever plans were added since."""
    return [plan for plan in corpus.plans if plan.id in FIRST]


def test_the_first_plans_are_five_of_2022_to_2023(corpus: Corpus) -> None:
    assert coverage(first_plans(corpus), "{first}—{last}") == {"count": "5", "count_zh": "五", "years": "2022—2023"}


def test_one_year_is_named_once(corpus: Corpus) -> None:
    plans = [plan for plan in first_plans(corpus) if plan.year == 2023]
    assert coverage(plans, "{first}—{last}") == {"count": "4", "count_zh": "四", "years": "2023"}


def test_labels_name_the_computed_count_and_years(corpus: Corpus) -> None:
    plans = first_plans(corpus)
    ja = described(label("home_lead", BY_CODE["ja"]), plans, label("year_range", BY_CODE["ja"]))
    assert "2022〜2023年に公表した知的財産権政策計画5件" in ja
    zh = described(label("home_lead", BY_CODE["zh-Hans"]), plans, label("year_range", BY_CODE["zh-Hans"]))
    assert "2022—2023 年发布的五份" in zh
    assert described("查看这{n}项", plans, "") == "查看这{n}项"  # other fields are the template's


def test_no_label_states_a_count_or_a_year_of_the_plans() -> None:
    for edition in BY_CODE.values():
        for key, text in edition.labels.items():
            assert not any(year in text for year in ("2022", "2023")), key
            assert "五份" not in text and "5件" not in text, key
