"""The term base governs the Japanese reference translation: glossary terms, cited titles and agency names
of each item's original appear in its translation as their Japanese names, and every number survives;
the few exceptions are reviewed, with a reason, in content/translations/ja-terms.yaml."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.content.corpus import Corpus, load_corpus
from generator.content.errors import ContentError
from generator.content.termbase import Allowed, Finding, TermRules, findings, load_rules, unexplained
from tests.conftest import CONTENT
from tests.test_laws import FORMS_IN, NAME_JA, NEW, NEW_ENTRY, NEW_TITLE, TEMPLATE, add_next_admin_protection_plan


@pytest.fixture(scope="module")
def found(corpus: Corpus) -> list[Finding]:
    return findings(corpus, CONTENT)


def test_the_translation_follows_the_term_base(found: list[Finding]) -> None:
    left, stale = unexplained(found, load_rules(CONTENT, "ja"))
    assert not left, f"{len(left)} departures from the term base:\n" + "\n".join(map(str, left[:30]))
    assert not stale, "exceptions that no longer occur: " + ", ".join(f"{r.item} {r.term}" for r in stale)


def test_every_item_and_field_is_checked(corpus: Corpus) -> None:
    fields = sum(len(t.zh) for t in corpus.translations["ja"].values())
    assert len(corpus.translations["ja"]) == len(corpus.entries) >= 425 and fields > len(corpus.entries)


def _found(corpus: Corpus, zh: str, ja: str, item: tuple[str, str] = ("cnipa-work-points-2023", "s1-m1"),
           content: Path = CONTENT) -> list[Finding]:
    """The findings for one invented item: `item` (the first measure of the 2023 work points) says `zh`, `ja`."""
    entry = corpus.entry(*item)
    translated = corpus.translations["ja"][(entry.plan.id, entry.item.anchor)]
    patched = translated.model_copy(update={"zh": {"text": zh}, "ja": {"text": ja}})
    copy = Corpus(corpus.plans, corpus.agencies, corpus.themes, corpus.entries, corpus.content,
                  {"ja": {(entry.plan.id, entry.item.anchor): patched}})
    return findings(copy, content)


def _check(corpus: Corpus, zh: str, ja: str, item: tuple[str, str] = ("cnipa-work-points-2023", "s1-m1"),
           content: Path = CONTENT) -> list[str]:
    return [f"{f.kind}:{f.original}" for f in _found(corpus, zh, ja, item, content)]


@pytest.mark.parametrize(("zh", "ja", "expected"), [
    ("加强专利审查。", "特許審査を強化する。", []),
    ("加强专利审查。", "専利審査を強化する。", ["term:专利"]),
    ("地理标志产品保护。", "地理的表示の保護。", ["term:地理标志产品"]),  # the longest term governs
    ("落实《纲要》。", "「綱要」を実行する。", []),
    ("落实《纲要》。", "綱要を実行する。", ["title:纲要"]),
    ("修改《中华人民共和国专利法》。", "「中華人民共和国専利法」を改正する。", []),
    ("市场监管总局负责。", "国家市場監督管理総局が担当する。", []),
    ("市场监管总局负责。", "市場監督管理総局が担当する。", ["agency:市场监管总局"]),
    ("条法司负责。", "条法司が担当する。", []),  # a CNIPA department by its own name
    ("2023 年完成 30 项。", "2023年に3項を完成する。", ["number:30"]),
])
def test_what_the_check_finds(corpus: Corpus, zh: str, ja: str, expected: list[str]) -> None:
    assert _check(corpus, zh, ja) == expected


@pytest.mark.parametrize(("short_ja", "expected"), [("", ["title:工作方案"]), ("  short_ja:\n    工作方案: 業務方案\n", [])],
                         ids=["no-short-ja", "short-ja"])
def test_a_short_form_expects_the_names_of_the_document_it_names_in_its_plan(
        tmp_path: Path, short_ja: str, expected: list[str]) -> None:
    """Next year's plan defines 《工作方案》 as itself (forms_in): there it expects the Japanese of next year's
    document (its short_ja, once it has one), in last year's plan last year's 「業務方案」."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    add_next_admin_protection_plan(content, NEW_ENTRY + FORMS_IN + short_ja)
    corpus = load_corpus(content)
    zh, ja = "各地落实《工作方案》。", "各地で「業務方案」を実行する。"
    assert _check(corpus, zh, ja, (TEMPLATE, "notice"), content) == []
    assert _check(corpus, zh, ja, (NEW, "notice"), content) == expected
    assert _check(corpus, zh, f"各地で「{NAME_JA}」を実行する。", (NEW, "notice"), content) == []


def test_a_title_whose_entry_lacks_its_japanese_asks_for_it_in_the_registry(tmp_path: Path) -> None:
    """Next year's entry without name_ja (and short_ja): the finding says what to add to laws.yaml rather than
    expect the Chinese title in the translation; with name_ja, the short form may still want its short_ja."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    add_next_admin_protection_plan(content, NEW_ENTRY.replace(f"  name_ja: {NAME_JA}\n", "") + FORMS_IN)
    corpus = load_corpus(content)
    zh, ja = f"各地落实《{NEW_TITLE}》和《工作方案》。", f"各地で「{NAME_JA}」と「業務方案」を実行する。"
    assert [str(finding) for finding in _found(corpus, zh, ja, (NEW, "notice"), content)] == [
        f"{NEW}#notice text: title {NEW_TITLE!r} has no Japanese name (hint: add name_ja to the entry '{NEW}' in laws.yaml)",
        (f"{NEW}#notice text: title '工作方案' has no Japanese name (hint: add name_ja and short_ja: {{工作方案: …}} to the "
         f"entry '{NEW}' in laws.yaml)")]
    (content / "laws.yaml").write_text((CONTENT / "laws.yaml").read_text(encoding="utf-8") + NEW_ENTRY + FORMS_IN,
                                       encoding="utf-8")  # with name_ja, without short_ja
    zh, ja = "各地落实《工作方案》。", "各地で「業務方案」を実行する。"
    assert [str(finding) for finding in _found(load_corpus(content), zh, ja, (NEW, "notice"), content)] == [
        (f"{NEW}#notice text: title '工作方案' expects '「{NAME_JA}」 or 『{NAME_JA}』' in the translation (hint: or, where "
         f"the translation writes the short form, add short_ja: {{工作方案: …}} to the entry '{NEW}' in laws.yaml)")]


def test_an_exception_needs_its_item_and_term() -> None:
    rules = TermRules(allowed=[Allowed(item="cnipa-work-points-2023#s1-m1", term="专利", reason="a test")])
    finding = Finding("cnipa-work-points-2023", "s1-m1", "text", "term", "专利", ("特許",))
    other = Finding("cnipa-work-points-2023", "s1-m2", "text", "term", "专利", ("特許",))
    assert unexplained([finding, other], rules) == ([other], [])
    assert unexplained([], rules) == ([], rules.allowed)


def test_the_rules_file_is_validated(tmp_path: Path) -> None:
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations" / "ja-terms.yaml").write_text("allowed:\n- item: x#s1\n  term: 专利\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"ja-terms.yaml:2: key 'reason': expected a value"):
        load_rules(tmp_path, "ja")
