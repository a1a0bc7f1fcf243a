"""What the site covers, computed from the plans: how many and of which years (the home page's lead, the
site's description). No count or year of the plans is written anywhere else."""

from __future__ import annotations

from collections.abc import Sequence
from string import Formatter

from generator.content.models import Plan
from generator.content.text import numeral

COVERAGE_FIELDS = frozenset({"count", "count_zh", "years"})


def coverage(plans: Sequence[Plan], year_range: str) -> dict[str, str]:
    """The fields a label may name: `count` (5), `count_zh` (五), `years` (2023, or `year_range` filled with
    `first` and `last`: 2022—2023)."""
    years = sorted({plan.year for plan in plans if plan.year})
    if not years:
        span = ""
    elif years[0] == years[-1]:
        span = str(years[0])
    else:
        span = year_range.format(first=years[0], last=years[-1])
    return {"count": str(len(plans)), "count_zh": numeral(len(plans)) if plans else "零", "years": span}


def fields(text: str) -> set[str]:
    """The names of the `{…}` fields of a label."""
    return {name for _, name, _, _ in Formatter().parse(text) if name}


def described(text: str, plans: Sequence[Plan], year_range: str) -> str:
    """A label that names only coverage fields, filled in; any other label as it is."""
    names = fields(text) if "{" in text else set()
    if not names or not names <= COVERAGE_FIELDS:
        return text
    return text.format(**coverage(plans, year_range))
