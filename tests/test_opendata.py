"""Open data and citations, without MkDocs: CSV cells, the reference translation's reader, citation texts."""

from __future__ import annotations

import csv
import io

import pytest

from generator.content.corpus import Corpus
from generator.publish import opendata
from generator.render import citation
from tests.conftest import BY_CODE


@pytest.mark.parametrize(("value", "cell"), [
    ("=1+1", "'=1+1"),
    ("+86 10", "'+86 10"),
    ("-2", "'-2"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"),
    ("\rx", "'\rx"),
    ('=HYPERLINK("http://x","y")', "'=HYPERLINK(\"http://x\",\"y\")"),
    ("强化 = 保护", "强化 = 保护"),
    ("", ""),
    (None, ""),
    (["=a", "b"], "'=a;b"),
    ([{"level": "province", "scope": "各省", "duty": "required"}], "province:各省:required"),
])
def test_a_cell_that_would_start_a_formula_is_neutralised(value: object, cell: str) -> None:
    """OWASP, CSV injection: cells beginning with = + - @ tab or CR get a leading apostrophe."""
    assert opendata.csv_cell(value) == cell


def test_the_csv_quotes_what_needs_quoting_and_starts_with_a_byte_order_mark(corpus: Corpus) -> None:
    rows = opendata.tasks(corpus, lambda text: text)
    row = rows[0].model_copy(update={"text": '=cmd|" /C calc"!A0\n第二行,"引号"'})
    written = opendata.tasks_csv([row])
    assert written.startswith("\ufeffplan,anchor,url,")
    (parsed,) = list(csv.DictReader(io.StringIO(written.removeprefix("\ufeff"))))
    assert parsed["text"] == "'" + '=cmd|" /C calc"!A0\n第二行,"引号"'


def test_every_row_carries_the_japanese_reference_translation(corpus: Corpus) -> None:
    rows = opendata.tasks(corpus, lambda text: text)
    assert all(row.text_ja for row in rows)
    t18 = next(row for row in rows if row.plan == "strong-ip-implementation-plan-2023" and row.anchor == "t18")
    assert "データ知的財産権" in (t18.text_ja or "")


def test_schemas_are_generated_from_the_row_models() -> None:
    schema = opendata.schema("tasks")
    assert schema["type"] == "array"
    assert schema["items"] == {"$ref": "#/$defs/TaskRow"}
    task = schema["$defs"]["TaskRow"]
    assert set(task["required"]) == set(opendata.TaskRow.model_fields)
    assert task["additionalProperties"] is False
    assert set(opendata.bundle()["$defs"]) >= {"plans", "tasks", "agencies", "themes", "TaskRow", "Duty"}


@pytest.mark.parametrize(("code", "plan_id", "anchor", "expected"), [
    ("zh-Hans", "admin-protection-plan-2023", "t5",
     "国家知识产权局. 2023 年全国知识产权行政保护工作方案: 国知发保字〔2023〕4号[EB/OL]. (2023-03-01)[{accessed}]. 第5项."),
    ("zh-Hans", "cnipa-work-points-2023", "s5-m3",
     "国家知识产权局. 国家知识产权局 2023 年工作要点[EB/OL]. (2023-05-26)[{accessed}]. 五、第3项举措（本站编号）."),
    ("zh-Hans", "strong-ip-implementation-plan-2023", "closing",
     "2023 年知识产权强国建设纲要和“十四五”规划实施推进计划[EB/OL]. [{accessed}]. 结语."),
    ("zh-Hans", "strong-ip-implementation-plan-2023", "s1-1",
     "2023 年知识产权强国建设纲要和“十四五”规划实施推进计划[EB/OL]. [{accessed}]. 一、（一）完善知识产权法律法规规章."),
    ("ja", "cnipa-work-points-2023", "s5-m3", "国家知識産権局「国家知识产权局 2023 年工作要点」（2023年5月26日）五、措置3（本サイトによる番号）"),
    ("ja", "high-quality-development-tasks-2023", "s1-t1", "「2023年推动知识产权高质量发展任务清单」一、タスク1（本サイトによる番号）"),
    ("ja", "strong-ip-implementation-plan-2023", "s1", "「2023 年知识产权强国建设纲要和“十四五”规划实施推进计划」一、完善知识产权制度"),
])
def test_citations_follow_the_convention_of_the_edition(corpus: Corpus, code: str, plan_id: str, anchor: str,
                                                        expected: str) -> None:
    assert citation.item_citation(corpus, corpus.entry(plan_id, anchor), BY_CODE[code]) == expected


def test_no_japanese_citation_doubles_its_commas(corpus: Corpus) -> None:
    for entry in corpus.entries:
        text = citation.item_citation(corpus, entry, BY_CODE["ja"]) + "、https://example.org/"
        assert "、、" not in text and "（）" not in text, text
