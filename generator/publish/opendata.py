"""The open data of an edition: plans, tasks, agencies and themes as JSON and CSV, each JSON file with
its JSON Schema. The rows are the pydantic models below: they write the data and generate the schemas."""

from __future__ import annotations

import csv
import datetime
import io
import json
from collections.abc import Callable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter
from pydantic.fields import FieldInfo

from generator.content.corpus import Corpus
from generator.content.models import Kind
from generator.editions.edition import Edition
from generator.render.renderer import Renderer

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def doc(zh: str, ja: str) -> Any:
    """A field documented in both languages of the site: `description` (Chinese) and `x-description-ja`."""
    return Field(description=zh, json_schema_extra={"x-description-ja": ja})


class Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Duty(Row):
    """What the task list (003) asks of provinces or cities for one task row."""

    level: Literal["province", "city"] = doc("层级：province 省份，city 城市", "階層：province 省、city 都市")
    scope: str = doc("适用范围，原文照录（如“各省”“涉及省份”）", "対象範囲（原文のまま。例：各省）")
    duty: Literal["required", "optional"] = doc("required 必做，optional 选做", "required 必須、optional 選択")


class TaskRow(Row):
    """One citable item of a plan (every anchor of the contract)."""

    plan: str = doc("规划 id", "計画のid")
    anchor: str = doc("条目在规划页中的锚点（固定不变）", "計画ページ内の項目のアンカー（不変）")
    url: str = doc("相对于版本根目录的链接：plans/<plan-id>/#<anchor>", "版のルートからの相対URL：plans/<plan-id>/#<anchor>")
    number: str | None = doc("原文所印的编号（如 18、一、（一）），原文未编号则为 null",
                             "原文に印刷された番号（例：18、一、（一））。原文に番号がなければ null")
    numbered_by: Literal["document", "site"] | None = doc(
        "锚点中的序号由谁编定：document 原文编号，site 本站按顺序编号（原文未编号的举措和任务行），其他为 null",
        "アンカーの番号の出所：document 原文の番号、site 本サイトが順に付けた番号（原文に番号のない措置・タスク行）、その他は null")
    kind: Kind = doc("类别：notice 通知，preamble 前言，section 部分，subsection 小节，task 任务，measure 举措，closing 结语",
                     "種別：notice 通知、preamble 前文、section 章、subsection 節、task タスク、measure 措置、closing 結び")
    text: str = doc("条目全文（本版本的字形）", "項目の全文（この版の字体）")
    text_ja: str | None = doc("日文参考译文（非官方），尚无则为 null", "日本語参考訳（非公式）。まだなければ null")
    lead: list[str] = doc("牵头机构 id（003 为局内执行部门）", "主管機関のid（003では局内の執行部門）")
    participants: list[str] = doc("参与机构 id", "参加機関のid")
    mode: Literal["joint", "by-remit"] | None = doc("分工方式，原文所印：joint 负责，by-remit 按职责分工负责，未写明则为 null",
                                                    "担当の方式（原文の表記による）：joint 共同で担当、by-remit 職責分担に従い担当。記載がなければ null")
    themes: list[str] = doc("主题 id", "テーマのid")
    duties: list[Duty] = doc("任务清单（003）对省份、城市的要求：层级、范围、必做或选做", "タスクリスト（003）が省・都市に課す義務：階層、対象、必須か選択か")


class PlanRow(Row):
    """One plan, with what its source states about it; null where the source does not say."""

    id: str = doc("规划 id", "計画のid")
    title: str = doc("标题，原文照录（本版本的字形）", "題名（原文のまま、この版の字体）")
    title_ja: str | None = doc("日文标题（参考译名）", "日本語の題名（参考訳）")
    short: str = doc("简称（本站所用）", "略称（本サイトで使用）")
    short_ja: str = doc("日文简称（本站所用）", "日本語の略称（本サイトで使用）")
    series: str = doc("系列：规划 id 去掉年份（同一系列逐年发布）", "シリーズ：計画のidから年を除いたもの（毎年出る同じ系列）")
    year: int | None = doc("规划所属年度（标题所示）", "計画の対象年度（題名のとおり）")
    issuer: str | None = doc("发布机关的机构 id；原文未写明则为 null", "発出機関のid。原文に記載がなければ null")
    issuer_name: str | None = doc("发布机关名称；原文未写明则为 null", "発出機関名。原文に記載がなければ null")
    doc_number: str | None = doc("文号，原文未写明则为 null", "文書番号。原文に記載がなければ null")
    issued: datetime.date | None = doc("印发日期，原文未写明则为 null", "発行日。原文に記載がなければ null")
    published: datetime.date | None = doc("发布时间，原文未写明则为 null", "公表日。原文に記載がなければ null")
    source_date: datetime.date | None = doc("出处说明所载日期，无出处说明则为 null", "出所表記の日付。出所表記がなければ null")
    source_url: str | None = doc("出处说明所载原文链接，无则为 null", "出所表記のURL。なければ null")
    source_note: str | None = doc("出处说明，原文照录（日文），无则为 null", "出所表記（原文のまま、日本語）。なければ null")
    items: int = doc("可引用条目数", "引用可能な項目の数")


class AgencyRow(Row):
    id: str = doc("机构 id", "機関のid")
    name: str = doc("中文全称（本版本的字形）", "中国語の正式名称（この版の字体）")
    names: list[str] = doc("文中出现的其他称谓", "本文に現れる他の表記")
    name_ja: str = doc("日文名称", "日本語名")
    kind: str = doc("机构类别", "機関の種別")
    parent: str | None = doc("上级机构 id，无则为 null", "上位機関のid。なければ null")


class ThemeRow(Row):
    id: str = doc("主题 id", "テーマのid")
    name: str = doc("中文名称（本版本的字形）", "中国語名（この版の字体）")
    name_ja: str = doc("日文名称", "日本語名")


# file stem -> the model of one row; the file holds a list of them
FILES: dict[str, type[Row]] = {"plans": PlanRow, "tasks": TaskRow, "agencies": AgencyRow, "themes": ThemeRow}
# file stem -> the list of rows the file holds (a type checker takes no `list[model]` of a variable `model`)
ADAPTERS: dict[str, TypeAdapter[Any]] = {
    "plans": TypeAdapter(list[PlanRow]), "tasks": TypeAdapter(list[TaskRow]),
    "agencies": TypeAdapter(list[AgencyRow]), "themes": TypeAdapter(list[ThemeRow]),
}


def schema(stem: str) -> dict[str, Any]:
    """The JSON Schema of `data/<stem>.json`, whose root validates the whole file."""
    generated = ADAPTERS[stem].json_schema(mode="serialization")
    return {"$schema": SCHEMA_DIALECT, "title": f"data/{stem}.json", **generated}


def bundle() -> dict[str, Any]:
    """`data/schema.json`: the four schemas in one file; its root accepts any one of the four files."""
    defs: dict[str, Any] = {}
    for stem in FILES:
        generated = ADAPTERS[stem].json_schema(mode="serialization")
        defs.update(generated.pop("$defs", {}))  # references are #/$defs/<Model>: they hold at the top
        defs[stem] = generated
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "Open data of the China IP policy plans reference",
        "description": "data/<name>.json follows #/$defs/<name> (plans, tasks, agencies, themes); "
        "data/<name>.schema.json is the same schema on its own.",
        "anyOf": [{"$ref": f"#/$defs/{stem}"} for stem in FILES],
        "$defs": defs,
    }


def numbered_by(kind: str, number: str | None) -> Literal["document", "site"] | None:
    """Whether an anchor's ordinal is the document's own (t18, s2-1) or the site's (s1-t1, s5-m3)."""
    if kind in ("section", "subsection") or (kind == "task" and number):
        return "document"
    if kind in ("task", "measure"):
        return "site"
    return None


def tasks(corpus: Corpus, convert: Callable[[str], str]) -> list[TaskRow]:
    """One row per citable item, in document order; `text` in the edition's script."""
    return [
        TaskRow(
            plan=entry.plan.id,
            anchor=entry.item.anchor,
            url=entry.url,
            number=entry.item.number,
            numbered_by=numbered_by(entry.item.kind, entry.item.number),
            kind=entry.item.kind,
            text=convert(entry.text),
            text_ja=corpus.translation_of(entry) or None,
            lead=list(entry.lead),
            participants=list(entry.participants),
            mode=entry.item.mode,
            themes=list(entry.themes),
            duties=[Duty(level=o.level, scope=convert(o.scope), duty=o.duty) for o in entry.item.obligations],
        )
        for entry in corpus.entries
    ]


def plans(corpus: Corpus, convert: Callable[[str], str]) -> list[PlanRow]:
    rows = []
    for plan in corpus.plans:
        note = plan.source.parsed
        issuer = corpus.agencies[plan.issuer].name if plan.issuer else None
        rows.append(PlanRow(
            id=plan.id, title=convert(plan.title), title_ja=plan.title_ja, short=convert(plan.short or plan.title),
            short_ja=plan.short_ja or plan.title_ja or plan.title, series=plan.series or plan.id, year=plan.year,
            issuer=plan.issuer, issuer_name=convert(issuer) if issuer else None,
            doc_number=convert(plan.doc_number) if plan.doc_number else None,
            issued=plan.issued, published=plan.published, source_date=note.date if note else None,
            source_url=note.url if note else None, source_note=plan.source.note,
            items=len(corpus.plan_entries(plan.id)),
        ))
    return rows


def agencies(corpus: Corpus, convert: Callable[[str], str]) -> list[AgencyRow]:
    return [
        AgencyRow(id=agency.id, name=convert(agency.name), names=[convert(name) for name in agency.names],
                  name_ja=agency.name_ja, kind=agency.kind, parent=agency.parent)
        for agency in corpus.agencies.values()
    ]


def themes(corpus: Corpus, convert: Callable[[str], str]) -> list[ThemeRow]:
    return [ThemeRow(id=theme.id, name=convert(theme.name), name_ja=theme.name_ja) for theme in corpus.themes.values()]


# OWASP, CSV injection: a cell starting with one of these is read as a formula; a leading ' makes it text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BYTE_ORDER_MARK = "\ufeff"  # Excel reads a CSV as UTF-8 only when it starts with one


def csv_cell(value: Any) -> str:
    """A value as a spreadsheet cell: lists joined with ';', null empty, no cell read as a formula."""
    if value is None:
        text = ""
    elif isinstance(value, list):
        text = ";".join(":".join(map(str, part.values())) if isinstance(part, dict) else str(part) for part in value)
    else:
        text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def tasks_csv(rows: list[TaskRow]) -> str:
    """tasks.json as CSV: one row per item, UTF-8 with a byte-order mark; duties as level:scope:duty."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(TaskRow.model_fields)
    for row in rows:
        writer.writerow(csv_cell(value) for value in row.model_dump(mode="json").values())
    return BYTE_ORDER_MARK + buffer.getvalue()


def fields() -> dict[str, list[tuple[str, str, str]]]:
    """File stem -> [(field, Chinese description, Japanese description)], for the page that documents them."""
    documented: dict[str, type[BaseModel]] = {**FILES, "duties": Duty}
    return {
        stem: [(name, info.description or "", _japanese(info)) for name, info in model.model_fields.items()]
        for stem, model in documented.items()
    }


def _japanese(info: FieldInfo) -> str:
    """A field's Japanese description (`doc` puts it in the field's JSON Schema extras)."""
    extra = info.json_schema_extra
    description = extra.get("x-description-ja", "") if isinstance(extra, dict) else ""
    return description if isinstance(description, str) else ""


def pages(renderer: Renderer) -> dict[str, str]:
    """The page that documents every file and field of the open data, in Chinese and Japanese."""
    return {"data/index.md": renderer.page("data.md.j2", "data/", files=list(FILES), fields=fields())}


def files(corpus: Corpus, edition: Edition, convert: Callable[[str], str]) -> dict[str, str]:
    """Path under the edition root -> file content."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, indent=1) + "\n"

    task_rows = tasks(corpus, convert)
    rows: dict[str, list[Any]] = {"plans": plans(corpus, convert), "tasks": task_rows,
                                  "agencies": agencies(corpus, convert), "themes": themes(corpus, convert)}
    written = {f"data/{stem}.json": dump(ADAPTERS[stem].dump_python(rows[stem], mode="json")) for stem in FILES}
    written.update({f"data/{stem}.schema.json": dump(schema(stem)) for stem in FILES})
    written["data/schema.json"] = dump(bundle())
    written["data/tasks.csv"] = tasks_csv(task_rows)
    return written
