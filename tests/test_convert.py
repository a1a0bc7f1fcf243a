"""The Traditional edition: hard phrases, the review of every ambiguous context, and the whole-corpus conversion."""

from __future__ import annotations

import re
import tempfile
import time
from collections.abc import Callable

import pytest

from generator.content.corpus import Corpus
from generator.content.errors import ContentError
from generator.editions.convert import _phrase_entries, converter, interface, simplified
from generator.tools import audit
from tests.conftest import CONTENT

PHRASES = CONTENT / "zh-Hant" / "phrases.txt"
INTERFACE = CONTENT / "zh-Hant" / "interface.txt"

# Simplified → the Traditional the site must print (Taiwan Ministry of Education standard forms, s2tw, never s2twp).
HARD = {
    "被发明人": "被發明人",  # 被 + 發明人, not 被髮 (hair)
    "该商标系他人": "該商標係他人",  # 系 as the copula
    "参与制造": "參與製造",
    "发布": "發布",
    "知识产权": "知識產權",
    "程序": "程序",
    "信息": "信息",
    "地理标志": "地理標誌",
    "制度": "制度",
    "复制": "複製",
    "恢复": "恢復",
    "合并": "合併",
    "注册商标": "註冊商標",
    "标准": "標準",
    "批准": "批准",
    "干部": "幹部",
    "历史": "歷史",
    "发展": "發展",
    "头发": "頭髮",
    "于是": "於是",
    # From the corpus, each corrected in phrases.txt (OpenCC's s2tw form in the comment).
    "统一认定制度": "統一認定制度",  # 認定製度
    "做好干部选拔": "做好幹部選拔",  # 做好乾部
    "开启新征程": "開啟新征程",  # 新徵程
    "全面对标对表《纲要》": "全面對標對表《綱要》",  # 對錶
    "本项链接": "本項鏈接",  # 本項鍊接
    "打击商标恶意抢注": "打擊商標惡意搶註",  # 搶注
    "开展专利布局": "開展專利布局",  # 佈局
    "完善网络布局": "完善網絡布局",  # 佈局
    "战略伙伴关系": "戰略夥伴關係",  # 戰略伙伴
    "主要贸易伙伴": "主要貿易夥伴",  # 貿易伙伴
    "新闻发布": "新聞發布",  # 新聞發佈
    "统计发布机制": "統計發布機制",  # 統計發佈
    # From the corpus, right as OpenCC gives them; kept here because a dictionary entry could break them.
    "法律若干问题的解释": "法律若干問題的解釋",
    "地理标志证明商标": "地理標誌證明商標",
    "商标注册申请": "商標註冊申請",
    "专用标志使用核准": "專用標誌使用核准",
    "以原文为准": "以原文為準",
    "科技成果": "科技成果",
    "标准研制": "標準研製",
    "体制机制": "體制機制",
    "信息平台": "信息平臺",
    "联系邮箱": "聯繫郵箱",
    "区域全面经济伙伴关系协定": "區域全面經濟夥伴關係協定",
    # Second review (phrases.txt; OpenCC's s2tw form in the comment).
    "编制发布中国商标品牌发展指数报告": "編製發布中國商標品牌發展指數報告",  # 編制: compiling is 編製
    "加快测试指南编制进度": "加快測試指南編製進度",
    "做好局权责清单编制和公开工作": "做好局權責清單編製和公開工作",
    "机构编制": "機構編制",  # staffing keeps 編制
    "人员编制": "人員編制",
    "建立工作台账": "建立工作臺帳",  # 臺賬
    "健全网络信息系统管理台账": "健全網絡信息系統管理臺帳",  # 臺賬
    "科技成果信息汇交机制": "科技成果信息彙交機制",  # 匯交
    "专利包括发明、实用新型和外观设计": "專利包括發明、實用新型和外觀設計",  # 包括髮明
    "专利链接制度": "專利鏈接制度",  # the body keeps the original's vocabulary; the interface writes 連結
}


@pytest.fixture(scope="module")
def convert() -> Callable[[str], str]:
    return converter(PHRASES)


@pytest.mark.parametrize(("simplified", "traditional"), HARD.items(), ids=list(HARD))
def test_hard_phrases(convert: Callable[[str], str], simplified: str, traditional: str) -> None:
    assert convert(simplified) == traditional


def test_laws_and_agencies_are_not_localised(convert: Callable[[str], str]) -> None:
    """s2tw, never s2twp: 知识产权 is not renamed 智慧財產權, 信息 not 資訊, 程序 not 程式."""
    text = convert("国家知识产权局信息程序")
    assert text == "國家知識產權局信息程序"
    assert "智慧財產" not in text and "資訊" not in text and "程式" not in text


def test_every_dictionary_entry_takes_effect(convert: Callable[[str], str]) -> None:
    """Each entry of phrases.txt, converted alone, gives its Traditional form."""
    wrong = {s: convert(s) for s, t in _phrase_entries(PHRASES) if convert(s) != t}
    assert not wrong, f"phrases.txt entries overridden by another entry or by OpenCC: {wrong}"


def test_the_ambiguous_set_comes_from_opencc() -> None:
    assert set("干发后台制复系征注于里志面松准历云只余范采卷斗团获尽汇并冲") <= audit.AMBIGUOUS
    assert audit.AMBIGUOUS == frozenset(audit.FALLBACK_AMBIGUOUS)
    assert "国" not in audit.AMBIGUOUS  # one Traditional form: 國


def test_every_ambiguous_context_is_reviewed(corpus: Corpus, convert: Callable[[str], str]) -> None:
    """Fails when new text brings a context of an ambiguous character that audit.yaml has not reviewed, or when a
    dictionary change alters a reviewed form: run `python -m generator.tools.audit --write` and review the `todo` rows."""
    found = audit.current(CONTENT, corpus)
    rows = audit.read_audit(audit.audit_path(CONTENT))
    issues = audit.problems(found, rows)
    assert not issues, f"{len(issues)} contexts not reviewed in content/zh-Hant/audit.yaml:\n" + "\n".join(issues[:30])


def test_audit_rows_are_complete() -> None:
    rows = audit.read_audit(audit.audit_path(CONTENT))
    assert rows
    audited = audit.characters(CONTENT)
    for row in rows:
        assert row["verdict"] in audit.REVIEWED, row
        assert ("s2tw" in row) == (row["verdict"] == "fixed"), row
        assert row["char"] in audited and row["char"] in row["context"], row
        assert row["verdict"] != "fixed" or row.get("note"), f"a correction records its reason: {row}"
    keys = [(audit.place(row)[0], row["context"], audit.place(row)[2], row["chosen"]) for row in rows]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)


def test_occurrences_read_the_character_in_place(convert: Callable[[str], str], corpus: Corpus) -> None:
    found = audit.occurrences(corpus, convert)
    sample = next(o for o in found if o.char == "发" and "发布" in o.context)
    assert sample.chosen == "發"
    assert all(o.context[o.at] == o.char for o in found)


def test_the_whole_corpus_converts_quickly_and_keeps_its_length(
    corpus: Corpus, convert: Callable[[str], str], record_property, capsys
) -> None:
    text = "\n".join(entry.text for entry in corpus.entries)
    convert("预热")  # the dictionaries are loaded on the first call
    start = time.perf_counter()
    converted = convert(text)
    elapsed = (time.perf_counter() - start) * 1000
    record_property("convert_ms", f"{elapsed:.1f}")
    with capsys.disabled():
        print(f"\nconverted the whole corpus ({len(text)} characters, {len(corpus.entries)} items) in {elapsed:.1f} ms")
    # No timed assertion; the audit reads the converted text index by index, so the length must be kept.
    assert len(converted) == len(text)
    for piece in audit.texts(corpus):
        if piece.kind != "theme":
            assert len(convert(piece.text)) == len(piece.text), piece.where


def test_every_shown_string_is_audited(corpus: Corpus) -> None:
    """The audit reads the reference pages' text and the theme's strings besides the plans and the labels."""
    kinds = {audit.kind_of(piece.where) for piece in audit.texts(corpus)}
    assert {"plan text", "plan", "agency", "theme", "label", "glossary", "law", "lineage", "material"} <= kinds
    definitions = [piece.text for piece in audit.texts(corpus) if piece.where == "glossary:patent"]
    assert "中国专利法所称专利包括发明、实用新型和外观设计三种。" in definitions
    pack = audit.theme_strings("zh-TW")
    assert pack["search.result.one"] == "找到 1 個符合的項目" and "language" not in pack
    assert all(len(simplified(text)) == len(text) for text in pack.values())


def test_interface_phrases_reach_labels_only(convert: Callable[[str], str]) -> None:
    """Taiwan usage in the interface (剪貼簿, 搜尋, 連結, 資料); the body keeps the original's words."""
    wording = interface(INTERFACE)
    assert convert(wording("无法写入剪贴板，请手动复制：")) == "無法寫入剪貼簿，請手動複製："
    assert convert(wording("用页面上方的搜索框检索全文")) == "用頁面上方的搜尋框檢索全文"
    assert convert(wording("本项链接")) == "本項連結"
    assert convert(wording("开放数据")) == "開放資料"
    assert convert("本项链接") == "本項鏈接" and convert("开放数据") == "開放數據"


def test_interface_phrases_keep_their_length(tmp_path) -> None:
    path = tmp_path / "interface.txt"
    path.write_text("# wording\n剪贴板\t剪貼簿\n搜索\t搜尋引擎\n", encoding="utf-8")
    with pytest.raises(ContentError) as error:
        interface(path)
    assert str(error.value).startswith(f"{path}:3: ")
    assert "'搜索'" in str(error.value) and "2 characters" in str(error.value)
    assert interface(tmp_path / "absent.txt")("剪贴板") == "剪贴板"


def test_reviewer_characters_are_audited(corpus: Corpus) -> None:
    """账 has one OpenCC form (賬); characters.txt puts it in the audit, which shows 臺帳."""
    assert "账" not in audit.AMBIGUOUS and "账" in audit.characters(CONTENT)
    found = [o for o in audit.current(CONTENT, corpus) if o.char == "账"]
    assert found and {o.chosen for o in found} == {"帳"}


def test_merge_never_drops_a_decision() -> None:
    """A reviewed row whose context is gone, or now printed otherwise, stays with `now`; new contexts are todo."""
    row = {"char": "制", "context": "编制发布", "chosen": "制", "verdict": "ok", "note": "first review", "where": "a#t1"}
    gone = {"char": "发", "context": "旧的发布", "chosen": "發", "verdict": "ok", "where": "a#t2"}
    now = audit.Occurrence("制", "编制发布", "製", "a#t1", 1)
    plain = audit.Occurrence("制", "编制发布", "制", "a#t1", 1)
    rows = audit.merge([now], [plain], [row, gone])
    by_chosen = {(r["char"], r["chosen"]): r for r in rows}
    assert by_chosen[("制", "制")] == {**row, "now": "製"}
    assert by_chosen[("制", "製")]["verdict"] == "todo" and by_chosen[("制", "製")]["s2tw"] == "制"
    assert by_chosen[("发", "發")] == {**gone, "now": "none"}
    again = audit.merge([now], [plain], rows)
    assert again == rows


def test_the_conversion_changes_text_never_markup(corpus: Corpus) -> None:
    """Every Traditional page keeps the markup of its Simplified rendering: tags, attributes, entities, URLs,
    ids and Markdown are ASCII, and no phrase of the dictionaries may hold ASCII (generator/editions/convert.py)."""
    from generator.publish.reference import FEATURES
    from generator.publish.site import EditionSite
    from generator.render.renderer import Renderer

    site = EditionSite.load(CONTENT, "zh-Hant", corpus=corpus)
    converted: list[tuple[str, str]] = []

    def recording(text: str) -> str:
        converted.append((text, site.convert(text)))
        return converted[-1][1]

    Renderer(corpus, site.edition, recording, features=FEATURES, interface=site.interface).pages()
    assert len(converted) > 100
    skeleton = re.compile(r"[^\x00-\x7f]+")
    for before, after in converted:
        assert skeleton.sub("", before) == skeleton.sub("", after)


def test_the_converter_leaves_no_temporary_folder(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A dictionary of its own (a new converter, not the cached one) with a phrase OpenCC alone would not give.
    phrases = tmp_path / "phrases.txt"
    phrases.write_text("# test\n知识产权\t知識財產權\n", encoding="utf-8")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    convert = converter(phrases)
    assert list(temporary.iterdir()) == []
    assert convert("知识产权保护") == "知識財產權保護"  # the dictionary was read before its folder went
