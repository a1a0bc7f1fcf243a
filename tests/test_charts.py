"""The SVG writer of the charts: measuring, wrapping, axes, colours, and a whole chart per edition."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import pairwise

import pytest

from generator.content.corpus import Corpus
from generator.editions.convert import KEEP_END, KEEP_START, converter, identity
from generator.render import charts
from generator.render.renderer import Renderer
from tests.conftest import BY_CODE, CONTENT


@pytest.mark.parametrize(("text", "width"), [
    ("各省、自治区、直辖市和新疆生产建设兵团知识产权局", 230),
    ("国務院知的財産権戦略実施業務省庁間合同会議弁公室", 180),
    ("2023 年知识产权强国建设纲要和“十四五”规划实施推进计划", 80),
])
def test_wrapped_lines_fit_keep_numbers_whole_and_lose_nothing(text: str, width: float) -> None:
    lines = charts.wrap(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(charts.text_width(line) <= width for line in lines)
    assert all("2023" in line for line in lines if "20" in line)  # an ASCII run never breaks
    assert len(lines) == len(charts.wrap(text, width)) and len(lines) >= 2
    widths = [charts.text_width(line) for line in lines]
    assert max(widths) - min(widths) <= charts.FONT_SIZE * 4  # even lines, no orphan character


def test_a_short_label_stays_on_one_line() -> None:
    assert charts.wrap("商务部", 200) == ["商务部"]


@pytest.mark.parametrize("top", [1, 7, 29, 299, 1000])
def test_ticks_are_round_and_cover_the_largest_value(top: int) -> None:
    values = charts.ticks(top)
    assert values[0] == 0 and values[-1] >= top and len(values) <= 7
    steps = {b - a for a, b in pairwise(values)}
    assert len(steps) == 1


def test_heat_is_white_for_zero_and_darker_for_more() -> None:
    assert charts.heat(0, 10)[0] == "#ffffff"
    lighter, darker = charts.heat(1, 10)[0], charts.heat(10, 10)[0]
    assert sum(int(lighter[i:i + 2], 16) for i in (1, 3, 5)) > sum(int(darker[i:i + 2], 16) for i in (1, 3, 5))
    assert charts.heat(10, 10)[1] == "#ffffff"  # white numbers on the darkest cells


@pytest.mark.parametrize("code", ["zh-Hans", "zh-Hant", "ja"])
def test_the_charts_page_holds_three_well_formed_svgs_kept_from_conversion(corpus: Corpus, code: str) -> None:
    convert = converter((CONTENT / "zh-Hant" / "phrases.txt").resolve()) if code == "zh-Hant" else identity
    renderer = Renderer(corpus, BY_CODE[code], convert)
    bars = charts.Charts(renderer).agency_bars(charts.agency_loads(corpus))
    assert bars.startswith(KEEP_START) and bars.endswith(KEEP_END)  # the page's conversion leaves it alone
    markdown = charts.pages(renderer)["charts/index.md"]
    svgs = re.findall(r"<svg\b.*?</svg>", markdown, flags=re.DOTALL)
    assert len(svgs) == 3
    for source in svgs:
        assert "\n\n" not in source  # a blank line would end Markdown's raw HTML block
        element = ET.fromstring(source)
        assert BY_CODE[code].chart_fonts in element.attrib["font-family"]
    assert KEEP_START not in markdown and KEEP_END not in markdown
