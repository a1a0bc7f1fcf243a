"""Parse the five source texts into one YAML file per plan (run once; kept for the record).

    python -m generator.tools.ingest            # writes content/plans/<plan-id>.yaml
    python -m generator.tools.ingest --check    # exits 1 if the committed YAML differs

After ingest the YAML is the source of truth and is edited by hand; `--check` only
tells whether it still equals a fresh parse.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.content.text import join_lines, numeral, sentences

CONTENT = Path(__file__).resolve().parents[2] / "content"

_SOURCE_NOTE = re.compile(r"^出所：")
_URL = re.compile(r"https?://\S+")
_SECTION = re.compile(rf"^([{'一二三四五六七八九十'}]+)、(.*)$")
_SUBSECTION = re.compile(rf"^（([{'一二三四五六七八九十'}]+)）(.*)$")
_TASK = re.compile(r"^(\d+)([．.])\s*(.*)$")
_RESPONSIBILITY = re.compile(r"（([^（）]+?)(按职责分工负责|负责)）$")


@dataclass
class Paragraph:
    """A paragraph of the source: its lines joined, with the line it starts on."""

    text: str
    line: int


@dataclass
class Source:
    """One source file: its non-empty lines (number, raw text) and the parts found in it."""

    file: str
    lines: list[tuple[int, str]] = field(default_factory=list)

    @classmethod
    def read(cls, file: str) -> Source:
        raw = (CONTENT / "sources" / file).read_text(encoding="utf-8").split("\n")
        return cls(file, [(n, line) for n, line in enumerate(raw, 1) if line.strip()])

    def split_note(self) -> str | None:
        """Remove the trailing Japanese source note (出所：… and its URL) and return it verbatim."""
        for index, (_, line) in enumerate(self.lines):
            if _SOURCE_NOTE.match(line.strip()):
                note = "\n".join(text.strip() for _, text in self.lines[index:])
                del self.lines[index:]
                return note
        return None


def paragraphs(lines: list[tuple[int, str]], starts: Callable[[str], bool]) -> Iterator[Paragraph]:
    """Group wrapped lines into paragraphs, lazily (`starts` may look at what was consumed).

    A paragraph ends where the PDF line carries trailing white space (the extraction's
    mark of a hard return) or where the next line opens a numbered part (`starts`).
    """
    current: list[str] = []
    first = 0
    for number, line in lines:
        if current and starts(line.strip()):
            yield Paragraph(join_lines(current), first)
            current = []
        if not current:
            first = number
        current.append(line)
        if line != line.rstrip():
            yield Paragraph(join_lines(current), first)
            current = []
    if current:
        yield Paragraph(join_lines(current), first)


class Outline:
    """Builds the nested item tree of a plan with sections, sub-sections and numbered tasks."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []
        self.section: dict[str, Any] | None = None
        self.subsection: dict[str, Any] | None = None
        self.sections = 0
        self.subsections = 0
        self.tasks = 0

    def expects(self, text: str) -> bool:
        """Whether `text` opens the next section, sub-section or task."""
        return (
            text.startswith((numeral(self.sections + 1) + "、", f"（{numeral(self.subsections + 1)}）"))
            or bool(re.match(rf"{self.tasks + 1}[．.]", text))
        )

    def add(self, paragraph: Paragraph) -> dict[str, Any]:
        text = paragraph.text
        if text.startswith(numeral(self.sections + 1) + "、"):
            self.sections += 1
            self.subsections = 0
            match = _SECTION.match(text)
            assert match
            self.section = item(f"s{self.sections}", "section", marker=f"{match[1]}、", title=match[2])
            self.subsection = None
            self.items.append(self.section)
            return self.section
        match = _SUBSECTION.match(text)
        if match and match[1] == numeral(self.subsections + 1) and self.section is not None:
            self.subsections += 1
            self.subsection = item(
                f"s{self.sections}-{self.subsections}", "subsection", marker=f"（{match[1]}）", title=match[2]
            )
            self.section.setdefault("items", []).append(self.subsection)
            return self.subsection
        match = _TASK.match(text)
        if match and int(match[1]) == self.tasks + 1:
            self.tasks += 1
            task = item(f"t{self.tasks}", "task", marker=match[1] + match[2], text=match[3])
            parent = self.subsection or self.section
            assert parent is not None, f"task {self.tasks} outside a section"
            parent.setdefault("items", []).append(task)
            return task
        parent = self.subsection or self.section
        assert parent is not None, f"line {paragraph.line}: text outside a section: {text[:20]}"
        parent["text"] = (parent.get("text", "") + "\n\n" + text).strip()
        return parent


def item(anchor: str, kind: str, **fields: Any) -> dict[str, Any]:
    return {"anchor": anchor, "kind": kind, **fields}


def plan_header(
    plan_id: str, title: str, source: Source, note: str | None, layout: tuple[str, ...] = (), **meta: Any
) -> dict[str, Any]:
    header: dict[str, Any] = {"id": plan_id, "title": title}
    header.update(meta)
    header["source"] = {"file": source.file, "note": note}
    if layout:
        header["source"]["layout"] = list(layout)
    return header


# --- 000 and 002: the CNIPA work points -------------------------------------------------


def work_points(plan_id: str, file: str) -> dict[str, Any]:
    """Preamble and eight sections; a section's first sentence is its heading, the rest measures."""
    source = Source.read(file)
    note = source.split_note()
    published = None
    lines: list[str] = []
    for _, raw in source.lines:
        line = raw.strip()
        if line.startswith("发布时间："):
            published = line.removeprefix("发布时间：")
            continue
        # 002 is a Markdown rendering: a heading mark and bold section headings.
        lines.append(line.removeprefix("# ").replace("**", ""))
    title = lines.pop(0)
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.startswith(numeral(len(blocks)) + "、"):
            blocks.append([])
        blocks[-1].append(line)
    items = [item("preamble", "preamble", text=join_lines(blocks[0]))]
    for n, block in enumerate(blocks[1:], 1):
        marker = numeral(n) + "、"
        heading, *measures = sentences(join_lines(block).removeprefix(marker))
        section = item(f"s{n}", "section", marker=marker, title=heading)
        section["items"] = [item(f"s{n}-m{k}", "measure", text=text) for k, text in enumerate(measures, 1)]
        items.append(section)
    layout = (f"发布时间：{published}",) if published else ()
    header = plan_header(plan_id, title, source, note, layout, issuer="cnipa", published=published)
    return {**header, "lead": ["cnipa"], "items": items}


# --- 001: the administrative-protection plan with its covering notice -------------------


def admin_protection(plan_id: str, file: str) -> dict[str, Any]:
    source = Source.read(file)
    note = source.split_note()
    lines = source.lines
    doc_index = next(i for i, (_, line) in enumerate(lines) if line.strip().startswith("国知发"))
    notice_title = join_lines([line for _, line in lines[:doc_index]])
    doc_number = lines[doc_index][1].strip()
    rest = list(paragraphs(lines[doc_index + 1 :], lambda text: False))
    addressees = rest.pop(0).text
    body: list[str] = []
    while not body or body[-1] != "特此通知。":
        body.append(rest.pop(0).text)
    signatory = rest.pop(0).text
    date = rest.pop(0).text
    title = rest.pop(0).text
    notice = item(
        "notice",
        "notice",
        title=notice_title,
        doc_number=doc_number,
        addressees=addressees,
        text="\n\n".join(body),
        signatory=signatory,
        date=date,
    )
    first_line = rest[0].line
    outline = Outline()
    remaining = [(n, line) for n, line in lines if n >= first_line]
    parts = paragraphs(remaining, outline.expects)
    preamble = item("preamble", "preamble", text=next(parts).text)
    for part in parts:
        outline.add(part)
    header = plan_header(
        plan_id,
        title,
        source,
        note,
        issuer="cnipa",
        doc_number=squeeze_number(doc_number),
        issued=iso_date(date),
    )
    return {**header, "lead": ["cnipa"], "participants": ["provincial-ip-offices"],
            "items": [notice, preamble, *outline.items]}


def squeeze_number(doc_number: str) -> str:
    return doc_number.replace(" ", "")


def iso_date(printed: str) -> str:
    match = re.fullmatch(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", printed.strip())
    assert match, printed
    return f"{int(match[1]):04d}-{int(match[2]):02d}-{int(match[3]):02d}"


# --- 003: the task list, a three-column table ----------------------------------------------

_LEVELS = {"国家知识产权局": "national", "各地区": "all-regions", "涉及地区": "regions-concerned"}
_MEASURE = re.compile(r"^(国家知识产权局|各地区|涉及地区)：(.*)$")
_UNITS = re.compile(r"^(局内|省份|城市)：(.*)$")


def task_list(plan_id: str, file: str, resolve: Callable[[str], str]) -> dict[str, Any]:
    source = Source.read(file)
    note = source.split_note()
    lines = [(n, line.strip()) for n, line in source.lines]
    layout = ("附件", "任务清单", "落实举措", "执行部门")
    assert lines[0][1] == layout[0]
    title = lines[1][1]
    assert tuple(text for _, text in lines[2:5]) == layout[1:]
    items: list[dict[str, Any]] = []
    row: dict[str, Any] | None = None
    for number, line in lines[5:]:
        section = _SECTION.match(line)
        measure = _MEASURE.match(line)
        unit = _UNITS.match(line)
        if section and section[1] == numeral(len(items) + 1):
            items.append(item(f"s{len(items) + 1}", "section", marker=f"{section[1]}、", title=section[2], items=[]))
            row = None
        elif measure:
            assert row is not None, f"line {number}: measure outside a task row"
            row["measures"].append({"level": _LEVELS[measure[1]], "text": line})
        elif unit:
            assert row is not None, f"line {number}: executing unit outside a task row"
            if unit[1] == "局内":
                row["departments_text"] = line
                row["lead"] = [resolve(name) for name in re.split(r"\s*[、，,]\s*", unit[2].strip())]
            else:
                row.setdefault("obligations", []).append(obligation(unit[1], unit[2].strip()))
        else:
            assert items, f"line {number}: text before the first section"
            section_items = items[-1]["items"]
            row = item(f"{items[-1]['anchor']}-t{len(section_items) + 1}", "task", title=line, measures=[])
            section_items.append(row)
    header = plan_header(plan_id, title, source, note, issuer=None)
    header["source"].update(head=[layout[0]], columns=list(layout[1:]))  # printed, shown on the page
    return {**header, "items": items}


_DUTY = re.compile(r"^(?P<who>.*?)(?P<duty>必做|选做)$")


def obligation(level: str, printed: str) -> dict[str, Any]:
    """`省份：各省必做` → level province, scope 各省, duty required (the printed text kept)."""
    match = _DUTY.match(printed)
    assert match, printed
    return {
        "level": {"省份": "province", "城市": "city"}[level],
        "scope": match["who"],
        "duty": {"必做": "required", "选做": "optional"}[match["duty"]],
        "text": f"{level}：{printed}",
    }


# --- 004: the implementation plan with 139 numbered tasks ---------------------------------


def implementation_plan(plan_id: str, file: str, resolve: Callable[[str], str]) -> dict[str, Any]:
    source = Source.read(file)
    note = source.split_note()
    outline = Outline()
    parts = paragraphs(source.lines, outline.expects)
    title = next(parts).text + next(parts).text
    preamble = item("preamble", "preamble", text=next(parts).text)
    closing_text = ""
    for part in parts:
        if part.text.startswith("上述各项任务分工中"):
            closing_text = part.text
        else:
            assert not closing_text, f"line {part.line}: text after the closing rule"
            outline.add(part)
    for task in tasks_of(outline.items):
        match = _RESPONSIBILITY.search(task["text"])
        assert match, f"task {task['marker']} has no responsibility: {task['text'][-30:]}"
        names = [resolve(name) for name in match[1].split("、")]
        task["lead"] = names[:1]
        task["participants"] = names[1:]
        task["mode"] = "by-remit" if match[2] == "按职责分工负责" else "joint"
    closing = item("closing", "closing", text=closing_text)
    header = plan_header(plan_id, title, source, note, issuer=None)
    return {**header, "items": [preamble, *outline.items, closing]}


def tasks_of(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for entry in items:
        if entry["kind"] == "task":
            yield entry
        yield from tasks_of(entry.get("items", []))


# --- the whole corpus ------------------------------------------------------------------------


def agency_resolver() -> Callable[[str], str]:
    registry = yaml.safe_load((CONTENT / "agencies.yaml").read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    for agency in registry["agencies"]:
        for name in [agency["name"], *agency.get("names", [])]:
            names[name] = agency["id"]

    def resolve(name: str) -> str:
        if name not in names:
            raise SystemExit(f"content/agencies.yaml: no agency is named {name!r}")
        return names[name]

    return resolve


def parse_all() -> dict[str, dict[str, Any]]:
    resolve = agency_resolver()
    plans = [
        work_points("cnipa-work-points-2022", "002_90d91d2947538e52.txt"),
        work_points("cnipa-work-points-2023", "000_d348e9b8fb5a9850.txt"),
        admin_protection("admin-protection-plan-2023", "001_f9df04c0a23847dd.txt"),
        task_list("high-quality-development-tasks-2023", "003_ec2b166f5841acd5.txt", resolve),
        implementation_plan("strong-ip-implementation-plan-2023", "004_7eb8a8e758457245.txt", resolve),
    ]
    return {plan["id"]: plan for plan in plans}


class _Dumper(yaml.SafeDumper):
    """Block style, keys in the order written, long lines unwrapped."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump(plan: dict[str, Any]) -> str:
    return yaml.dump(plan, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed YAML, write nothing")
    args = parser.parse_args(argv)
    differ = []
    for plan_id, plan in parse_all().items():
        path = CONTENT / "plans" / f"{plan_id}.yaml"
        text = dump(plan)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                differ.append(path.name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(CONTENT.parent)}")
    if differ:
        print("edited since ingest: " + ", ".join(differ))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
