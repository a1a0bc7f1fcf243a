"""The search records of an edition: the tokens that find them, one record per item, pages named by their names."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.corpus import Corpus
from generator.publish import search
from generator.publish.site import EditionSite

ROOT = Path(__file__).resolve().parent.parent


def test_han_and_kana_runs_are_cut_into_overlapping_pairs_and_other_runs_stay_words() -> None:
    assert search.tokens("专利开放许可") == ["专利", "利开", "开放", "放许", "许可"]
    assert search.tokens("第18项（WIPO）") == ["第", "18", "项", "wipo"]
    assert search.tokens("商標の出願") == ["商標", "標の", "の出", "出願"]
    assert search.tokens("ＡＢＣ１２") == ["abc12"]


def test_every_part_of_two_or_more_characters_is_a_run_of_the_word_s_pairs() -> None:
    word = search.tokens("知识产权海关保护")
    for part in ("海关保护", "产权海关", "关保"):
        pairs = search.tokens(part)
        assert any(word[i:i + len(pairs)] == pairs for i in range(len(word)))


def test_encoded_tokens_are_ascii_and_a_character_s_code_begins_its_pairs() -> None:
    pair, single = search.encode("知识"), search.encode("知")
    assert pair.isascii() and pair.startswith("b") and single.startswith("u")
    assert pair.startswith("b" + single[1:])
    assert search.encode("wipo") == "wwipo"


def test_a_name_token_ignores_width_case_and_spaces() -> None:
    assert search.name_token("最高人民法院") == search.name_token(" 最高 人民法院 ")
    assert search.name_token("WIPO") == search.name_token("ｗｉｐｏ")
    assert search.name_token("专利") != search.name_token("商标")


@pytest.mark.parametrize("code", ["zh-Hans", "zh-Hant", "ja"])
def test_each_edition_has_a_record_per_item_and_per_page(corpus: Corpus, code: str) -> None:
    records = EditionSite.load(ROOT / "content", code, corpus=corpus).search_records
    urls = [record.url for record in records]
    assert len(urls) == len(set(urls))
    assert {entry.url for entry in corpus.entries} <= set(urls)
    assert {f"agencies/{agency}/" for agency in corpus.agencies} <= set(urls)
    assert {f"themes/{theme}/" for theme in corpus.themes} <= set(urls)


def test_the_traditional_record_holds_the_original_for_readers_who_type_it(corpus: Corpus) -> None:
    records = {r.url: r for r in EditionSite.load(ROOT / "content", "zh-Hant", corpus=corpus).search_records}
    t18 = records["plans/strong-ip-implementation-plan-2023/#t18"]
    assert "數據知識產權" in t18.text and "数据知识产权" in t18.other
    assert len(t18.text) == len(t18.other)


def test_the_japanese_record_holds_the_translation_and_the_term_base(corpus: Corpus) -> None:
    records = {r.url: r for r in EditionSite.load(ROOT / "content", "ja", corpus=corpus).search_records}
    t18 = records["plans/strong-ip-implementation-plan-2023/#t18"]
    assert "データ知的財産権" in t18.translation
    assert "データ知的財産権" in t18.extra


def test_shown_fields_reach_the_index_as_escaped_text() -> None:
    record = search.Record(url="plans/x/#t1", kind="task", title="<b>x</b>", text='"><script>alert(1)</script>')
    page = record.html()
    assert "<script>alert" not in page and "&lt;script&gt;" in page
