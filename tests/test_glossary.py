"""The glossary: its terms occur in the plans, its Traditional forms are the edition's, bad entries stop."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.content.corpus import Corpus, load_corpus
from generator.content.errors import ContentError
from generator.content.glossary import FILE, check_glossary, glossary_pairs, load_glossary, usages
from generator.editions.convert import converter
from tests.conftest import CONTENT

PHRASES = CONTENT / "zh-Hant" / "phrases.txt"
# Terms the reference pages promise (the plans' own wording), with the Japanese legal term expected.
REQUIRED = {
    "知识产权": "知的財産権", "地理标志": "地理的表示", "集成电路布图设计": None, "植物新品种": "植物新品種",
    "专利开放许可": "特許開放許諾", "非正常专利申请": "非正常な特許出願", "商标恶意注册": None, "数据知识产权": None,
    "专利导航": None, "知识产权保护中心": None, "快速维权中心": None, "马德里体系": None, "海牙协定": "ハーグ協定",
    "软件正版化": None,
}


def test_the_glossary_has_the_key_terms_and_at_least_forty(corpus: Corpus) -> None:
    terms = {term.simplified: term for term in load_glossary(CONTENT)}
    assert len(terms) >= 40
    for simplified, japanese in REQUIRED.items():
        assert simplified in terms
        if japanese:
            assert terms[simplified].japanese == japanese


def test_every_term_occurs_in_the_plans_and_prints_as_the_traditional_edition_does(corpus: Corpus) -> None:
    convert = converter(PHRASES.resolve())
    texts = [entry.text for entry in corpus.entries]
    for term in load_glossary(CONTENT):
        assert any(term.simplified in text for text in texts), term.simplified
        assert term.traditional == convert(term.simplified), term.simplified
        assert not re.search(r"[\u3040-\u30ff]", term.simplified + term.traditional), term.id  # no kana there
        assert (term.definition is None) == (term.definition_ja is None)


def test_usages_list_exactly_the_items_that_contain_the_term(corpus: Corpus) -> None:
    for usage in usages(load_glossary(CONTENT), corpus):
        listed = [entry for _, entries in usage.by_plan for entry in entries]
        expected = [entry for entry in corpus.entries if usage.term.simplified in entry.text]
        assert sorted(e.url for e in listed) == sorted(e.url for e in expected)
        assert all(entry.plan.id == plan_id for plan_id, entries in usage.by_plan for entry in entries)


def test_glossary_pairs_are_the_simplified_and_japanese_forms_for_search() -> None:
    assert glossary_pairs(CONTENT) == [(term.simplified, term.japanese) for term in load_glossary(CONTENT)]
    assert "知识产权" in [simplified for simplified, _ in glossary_pairs(CONTENT)]
    assert ("地理标志", "地理的表示") in glossary_pairs(CONTENT)


def test_content_without_a_glossary_has_no_terms(tmp_path: Path) -> None:
    assert load_glossary(tmp_path) == [] and glossary_pairs(tmp_path) == []


ENTRY = """terms:
  - id: patent-navigation
    simplified: 专利导航
    traditional: 專利導航
    japanese: 特許ナビゲーション
"""


@pytest.mark.parametrize(("replace", "error"), [
    (("    japanese: 特許ナビゲーション\n", ""), ":2: key 'japanese': expected a value, found none (hint: add `japanese:`)"),
    (("    japanese: 特許ナビゲーション\n", "    japanese: 特許ナビゲーション\n    defintion: 特許情報。\n"),
     ":6: unknown key 'defintion': expected one of the known keys, found 'defintion' (hint: did you mean 'definition'?)"),
    (("id: patent-navigation", "id: Patent Navigation"), ":2: key 'id': expected match pattern"),
    (("    japanese: 特許ナビゲーション\n", "    japanese: 特許ナビゲーション\n    definition: 以专利信息分析为基础。\n"),
     ":2: key 'definition_ja': expected a definition in both languages or in neither, found one"),
    (("traditional: 專利導航", "traditional: 专利导航"),
     ":4: key 'traditional': expected '專利導航' (as the Traditional edition prints it), found '专利导航'"),
    (("simplified: 专利导航", "simplified: 专利领航"),
     ":3: key 'simplified': expected a term that occurs in the plans, found '专利领航' in none (hint: check the characters)"),
])
def test_a_bad_entry_stops_with_file_line_and_key(tmp_path: Path, replace: tuple[str, str], error: str) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    path = content / FILE
    path.write_text(ENTRY.replace(*replace), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        check_glossary(content, load_glossary(content), load_corpus(content))
    message = str(raised.value)
    assert message.startswith(f"{path}{error}"), message
    assert "\n" not in message
