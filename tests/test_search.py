"""The search index's words: whole domain terms, the same cuts in both scripts, the other script hidden."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import search
from generator.convert import converter, identity
from generator.corpus import Corpus
from generator.glossary import glossary_pairs

ROOT = Path(__file__).resolve().parent.parent
ZWSP = search.ZWSP


@pytest.fixture(scope="module")
def traditional() -> search.Segmenter:
    return search.Segmenter(converter((ROOT / "content" / "zh-Hant" / "phrases.txt").resolve()), identity)


@pytest.fixture(scope="module")
def simplified() -> search.Segmenter:
    return search.Segmenter(identity, converter((ROOT / "content" / "zh-Hant" / "phrases.txt").resolve()))


@pytest.fixture(scope="module", autouse=True)
def words(corpus: Corpus) -> None:
    """The words of the real build: the data's names and keywords, the glossary, a cited title."""
    glossary = [chinese for chinese, _ in glossary_pairs(ROOT / "content")]
    search._prepare(tuple(search.user_words(corpus, [*glossary, "专利法实施细则"])))


@pytest.mark.parametrize("term", ["数据知识产权", "专利开放许可", "集成电路布图设计", "非正常专利申请", "商标恶意注册",
                                  "地理标志", "专利法实施细则"])
def test_domain_terms_stay_whole(simplified: search.Segmenter, term: str) -> None:
    assert term in simplified(f"推进{term}工作。").split(ZWSP)


def test_the_traditional_text_is_cut_where_the_simplified_is(simplified: search.Segmenter,
                                                            traditional: search.Segmenter) -> None:
    text = "加快数据知识产权保护规则构建，探索数据知识产权登记制度。"
    cuts = simplified(text).split(ZWSP)
    assert [len(word) for word in traditional(text).split(ZWSP)] == [len(word) for word in cuts]
    assert "數據知識產權" in traditional(text).split(ZWSP)


def test_hidden_words_hold_the_parts_and_the_other_script(simplified: search.Segmenter,
                                                          traditional: search.Segmenter) -> None:
    hidden = simplified.hidden("推进马德里体系纳入中文").split(" ")
    assert "马德里" in hidden  # a part of 马德里体系
    assert "馬德里體系" in hidden and "馬德里" in hidden  # for a query in Traditional
    assert "马德里体系" in traditional.hidden("推进马德里体系纳入中文").split(" ")  # and the reverse


def test_a_title_in_the_edition_script_is_cut_like_its_simplified_form(traditional: search.Segmenter) -> None:
    cuts = traditional.shown("數據知識產權登記制度").split(ZWSP)
    assert [len(word) for word in cuts] == [len(word) for word in search.tokens("数据知识产权登记制度")]
    assert cuts[0] == "數據知識產權登記"  # a glossary term, whole


def test_the_worker_patch_fails_loudly_when_material_changes(tmp_path: Path) -> None:
    workers = tmp_path / "assets" / "javascripts" / "workers"
    workers.mkdir(parents=True)
    (workers / "search.x.min.js").write_text("for(let o=s+1;o<t.length;o++)t.slice(s,o)in e", encoding="utf-8")
    search.patch_worker(tmp_path)
    assert "o<=t.length" in (workers / "search.x.min.js").read_text(encoding="utf-8")
    (workers / "search.x.min.js").write_text("something else", encoding="utf-8")
    with pytest.raises(ValueError, match="segmenter changed"):
        search.patch_worker(tmp_path)
