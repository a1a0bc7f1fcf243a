"""Parse a source text into the YAML of a plan: the first draft of a new plan, never a rewrite of an edited one.

    python -m generator.tools.ingest <plan-id> --source <file> --shape <shape>   # a new plan from content/sources/<file>
    python -m generator.tools.ingest <plan-id> …        # parse again the plans named, by the source and shape their YAML records
    python -m generator.tools.ingest <plan-id> --force  # replace the plan's file with the fresh parse
    python -m generator.tools.ingest --check [<plan-id> …]   # exit 1 when a plan's YAML differs from a fresh parse
    python -m generator.tools.ingest --shapes           # the shapes of document the ingest reads

After ingest the YAML is the source of truth and is edited by hand (Japanese title, short names, theme
overrides…): the ingest writes only the plans named on its command line, and refuses to overwrite an existing
file, printing how the fresh parse differs from it (a unified diff); `--force` replaces it.

A new shape of document is one parser, `(plan_id, source file, agency resolver) -> plan`, registered in
SHAPES below.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.content.errors import command
from generator.content.models import by_convention
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
    def read(cls, path: Path) -> Source:
        raw = path.read_text(encoding="utf-8").split("\n")
        return cls(path.name, [(n, line) for n, line in enumerate(raw, 1) if line.strip()])

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
    series, year = by_convention(plan_id, title)
    header: dict[str, Any] = {"id": plan_id, "title": title, "series": series, "year": year}
    header.update(meta)
    header["source"] = {"file": source.file, "shape": None, "note": note}
    if layout:
        header["source"]["layout"] = list(layout)
    return header


# --- 000 and 002: the CNIPA work points -------------------------------------------------


Resolve = Callable[[str], str]  # an agency's name as printed -> its id (content/agencies.yaml)


def work_points(plan_id: str, path: Path, resolve: Resolve) -> dict[str, Any]:
    """CNIPA's yearly work points (000, 002): a preamble and numbered sections; a section's first sentence is
    its heading, the rest its measures."""
    source = Source.read(path)
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


def admin_protection(plan_id: str, path: Path, resolve: Resolve) -> dict[str, Any]:
    """A plan with its covering notice (001): notice, preamble, sections, sub-sections, numbered tasks."""
    source = Source.read(path)
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


def task_list(plan_id: str, path: Path, resolve: Resolve) -> dict[str, Any]:
    """A three-column task list (003): task rows with measures per level, internal departments, duties."""
    source = Source.read(path)
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


def implementation_plan(plan_id: str, path: Path, resolve: Resolve) -> dict[str, Any]:
    """Numbered tasks with their agencies in parentheses (004), a closing rule on lead agencies."""
    source = Source.read(path)
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


# --- the shapes, and the command ---------------------------------------------------------------

Parser = Callable[[str, Path, Resolve], dict[str, Any]]

# Every shape of document the ingest reads: a plan's YAML records its shape under `source:`.
SHAPES: dict[str, Parser] = {
    "work-points": work_points,
    "notice-and-plan": admin_protection,
    "task-list": task_list,
    "numbered-tasks": implementation_plan,
}


def agency_resolver(content: Path) -> Resolve:
    registry = yaml.safe_load((content / "agencies.yaml").read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    for agency in registry["agencies"]:
        for name in [agency["name"], *agency.get("names", [])]:
            names[name] = agency["id"]

    def resolve(name: str) -> str:
        if name not in names:
            raise SystemExit(f"{content / 'agencies.yaml'}: no agency is named {name!r} "
                             "(hint: add it, or add the form to the `names` of its agency)")
        return names[name]

    return resolve


def parse(content: Path, plan_id: str, file: str, shape: str) -> dict[str, Any]:
    """The plan `plan_id` as the parser of `shape` reads content/sources/`file`."""
    plan = SHAPES[shape](plan_id, content / "sources" / file, agency_resolver(content))
    plan["source"]["shape"] = shape
    return plan


class _Dumper(yaml.SafeDumper):
    """Block style, keys in the order written, long lines unwrapped."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump(plan: dict[str, Any]) -> str:
    return yaml.dump(plan, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)


def recorded(path: Path) -> tuple[str, str | None]:
    """The source file and shape an existing plan's YAML records."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    source = data.get("source") if isinstance(data, dict) else None
    if not isinstance(source, dict) or not isinstance(source.get("file"), str):
        raise SystemExit(f"{path}: expected `source: {{file: …}}`, found none (hint: pass --source and --shape)")
    return source["file"], source.get("shape")


def difference(path: Path, text: str) -> str:
    """How the fresh parse `text` differs from the file at `path`, as a unified diff."""
    old = path.read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(difflib.unified_diff(old, text.splitlines(keepends=True), str(path), "fresh parse"))


@command
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.tools.ingest", description=__doc__.splitlines()[0])
    parser.add_argument("plans", nargs="*", metavar="plan-id", help="the plans to write (the file names' stems)")
    parser.add_argument("--source", help="a new plan's source text, a file name in content/sources/")
    parser.add_argument("--shape", choices=sorted(SHAPES), help="a new plan's shape of document")
    parser.add_argument("--force", action="store_true", help="replace an existing plan file (hand edits are lost)")
    parser.add_argument("--check", action="store_true", help="compare with the plans' YAML, write nothing")
    parser.add_argument("--shapes", action="store_true", help="list the shapes of document and exit")
    parser.add_argument("--content", type=Path, default=CONTENT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    content = args.content
    if args.shapes:
        for name, read in SHAPES.items():
            print(f"{name}: {' '.join((read.__doc__ or '').split())}")
        return 0
    plan_ids = args.plans
    if args.check and not plan_ids:  # every plan whose YAML records its shape
        plan_ids = [path.stem for path in sorted((content / "plans").glob("*.yaml")) if recorded(path)[1]]
    if not plan_ids:
        parser.error("name the plans to write (plan ids); nothing else is written")
    if (args.source or args.shape) and len(plan_ids) != 1:
        parser.error("--source and --shape describe one new plan: name exactly one")
    status = 0
    for plan_id in plan_ids:
        path = content / "plans" / f"{plan_id}.yaml"
        file, shape = recorded(path) if path.exists() else (None, None)
        file, shape = args.source or file, args.shape or shape
        if file is None or shape is None:
            parser.error(f"{plan_id}: no {'shape' if file else 'source'} known: pass --source <file> and "
                         f"--shape ({', '.join(SHAPES)})")
        text = dump(parse(content, plan_id, file, shape))
        if path.exists() and path.read_text(encoding="utf-8") == text:
            print(f"{path}: equals a fresh parse")
        elif args.check:
            print(f"{path}: edited since ingest")
            status = 1
        elif path.exists() and not args.force:
            sys.stdout.write(difference(path, text))
            print(f"{path}: not written: the file exists and may hold hand edits; the diff above is what a fresh "
                  "parse would change (--force replaces the file)")
            status = 1
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    return status


if __name__ == "__main__":
    sys.exit(main())
