"""The search records of an edition: the tokens that find them, one record per item, pages named by their names."""

from __future__ import annotations

import json
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


def test_a_name_key_ignores_width_case_and_spaces() -> None:
    assert search.name_key("最高人民法院") == search.name_key(" 最高 人民法院 ")
    assert search.name_key("WIPO") == search.name_key("ｗｉｐｏ")
    assert search.name_key("专利") != search.name_key("商标")


def test_the_index_holds_each_token_s_positions_and_each_record_s_names_filters_and_characters() -> None:
    found = [search.Record(url="plans/p/#t1", kind="task", title="开放许可", text="开放许可 专利开放许可",
                           filters={"plan": ["p"]}),
             search.Record(url="themes/x/", kind="theme", title="许可", names=("许可",))]
    index = search.Index.of(found)
    assert index.titles == [3, 1] and index.lengths == [8, 1]
    assert index.postings("开放") == [[0, 0, 5]]  # record 0, positions 0 (title) and 5 (inside 专利开放许可)
    assert index.postings("许可") == [[0, 2, 7], [1, 0]]  # record numbers as steps from the previous one
    assert index.postings(search.filter_key("plan", "p")) == [0]
    assert index.postings(search.name_key("许可")) == [1]
    assert index.postings(search.char_key("专")) == [0]


def test_shards_split_the_keys_by_their_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "SHARD_BYTES", 40)
    found = [search.Record(url=f"plans/p/#t{n}", kind="task", title=f"第{n}项 专利许可", text="") for n in range(20)]
    shards = search.Index.of(found).shards()
    assert len(shards) > 1 and len(shards) & (len(shards) - 1) == 0  # a power of two
    for number, shard in enumerate(shards):
        assert all(search.fnv(key) % len(shards) == number for key in shard)
    assert sum(len(shard) for shard in shards) == len({key for shard in shards for key in shard})


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


def test_shown_fields_reach_the_index_as_json_strings(tmp_path: Path) -> None:
    record = search.Record(url="plans/x/#t1", kind="task", title="<b>x</b>", text='"><script>alert(1)</script>')
    search.write_bundle(tmp_path, [record])
    shown = json.loads((tmp_path / search.BUNDLE / "records" / "0.json").read_text(encoding="utf-8"))
    assert shown["title"] == "<b>x</b>" and shown["text"] == record.text  # search.js sets them as text
