"""What a new plan still needs a person to review, in one list: the Traditional audit's contexts, the
theme tagging of texts no one has read, the lineage pairs to add or to review, the 《…》 titles outside the
registry of cited documents, the names of agencies outside the agency registry, and the generated reports
that are out of date.

    python -m generator.tools.review            # print the to-do list and write content/reports/review.md
    python -m generator.tools.review --check    # the same, and exit 1 while anything is left to review

Reviews are keyed by content: a text reviewed once (an audit context, a theme decision, the tagging of an
item) counts as reviewed wherever it occurs again, in a later year or after a renumbering.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.content import laws
from generator.content.corpus import Corpus, load_corpus, wording
from generator.content.errors import ContentError, command
from generator.content.lineage import FILE as LINEAGE_FILE
from generator.content.lineage import load_lineage
from generator.tools import audit, lineage_candidates, tagging

CONTENT = Path(__file__).resolve().parents[2] / "content"
REPORT = Path("reports") / "review.md"
NOT_AGENCIES = "not-agencies.txt"
# A name of a state or party body: a national prefix, up to ten characters, the ending of a body's name
# (部 not of 部署, 部门, 部际).
AGENCY_NAME = re.compile(r"(?:国家|国务院|中央|最高人民|全国|中国)[\u4e00-\u9fff]{0,10}?"
                         r"(?:总局|局|部(?![署门际])|委员会|总署|法院|检察院|办公室)")
_TAGGED_ROW = re.compile(r"^\| (?P<plan>[a-z0-9-]+) \| (?P<anchor>[A-Za-z0-9-]+) \|", re.MULTILINE)


@dataclass(frozen=True)
class Todo:
    """One kind of review: its title, what to do, and one line per thing to review."""

    title: str
    how: str
    lines: list[str]


def audit_todo(content: Path, corpus: Corpus) -> Todo:
    title = "Traditional audit: contexts not reviewed"
    how = "`python -m generator.tools.audit --write`, then review each `todo` row of content/zh-Hant/audit.yaml"
    try:  # the audit reads the reference files too (cited titles, lineage notes, glossary)
        found = audit.current(content, corpus)
    except ContentError as error:
        return Todo(title, how, [f"listed once this is fixed: {error}"])
    return Todo(title, how, audit.problems(found, audit.read_audit(audit.audit_path(content))))


def tagging_todo(content: Path, corpus: Corpus) -> Todo:
    """Items whose text is in no item of the committed tagging report (the items read for tagging)."""
    report = content / "reports" / "tagging.md"
    listed = set(_TAGGED_ROW.findall(report.read_text(encoding="utf-8"))) if report.exists() else set()
    read = {wording(entry.item) for entry in corpus.entries if (entry.plan.id, entry.item.anchor) in listed}
    lines = [f"{entry.plan.id}#{entry.item.anchor}: {', '.join(entry.themes) or '—'}"
             for entry in corpus.entries if wording(entry.item) not in read]
    return Todo("Theme tagging: items whose text no one has read for tagging",
                "read each item and its themes; correct `themes:` in its plan file or the rules in themes.yaml, "
                "then `python -m generator.tools.tagging --out content/reports/tagging.md`", lines)


def lineage_todo(content: Path, corpus: Corpus) -> Todo:
    """Plans compared year by year (the `lineage` feature) with no pair to the year before, and pairs
    without a reviewed link."""
    path = content / LINEAGE_FILE
    lines: list[str] = []
    if path.exists():
        lineage = load_lineage(path, corpus)
        compared = {pair.later for pair in lineage.pairs}
        years = {(plan.series, plan.year): plan for plan in corpus.plans
                 if plan.series and plan.year and "lineage" in plan.features}
        for (series, year), plan in years.items():
            before = years.get((series, year - 1))
            if before is not None and plan.id not in compared:
                lines.append(f"{before.id} → {plan.id}: no comparison (append it to `comparisons`)")
        lines += [f"{pair.earlier} → {pair.later}: no reviewed link yet" for pair in lineage.pairs if not pair.links]
    return Todo("Lineage: pairs of years to review",
                "add the pair to content/lineage.yaml, `python -m generator.content.lineage --candidates`, and keep the "
                "links you confirm by reading both texts", lines)


def laws_todo(content: Path, corpus: Corpus) -> Todo:
    drafts = laws.draft(corpus, laws.registry_of(content, corpus)[1])
    lines = [f"《{draft['title']}》 ({draft['kind']}?): {draft['forms']}" for draft in drafts]
    return Todo("Cited documents: 《…》 titles not in content/laws.yaml",
                "`python -m generator.content.laws --extract`, check each kind, add the entries to content/laws.yaml", lines)


def agencies_todo(content: Path, corpus: Corpus) -> Todo:
    known = set(corpus.names()) | _not_agencies(content)
    seen: dict[str, str] = {}
    for entry in corpus.entries:
        for match in AGENCY_NAME.finditer(entry.text):
            seen.setdefault(match[0], f"{entry.plan.id}#{entry.item.anchor}")
    lines = [f"{name} ({where})" for name, where in seen.items()
             if name not in known and not any(name.startswith(other) and name != other for other in known)]
    return Todo("Agencies: names not in content/agencies.yaml",
                f"add the agency (or the form to its `names`) to content/agencies.yaml, or the name to "
                f"content/{NOT_AGENCIES} with the reason it is none", lines)


def _not_agencies(content: Path) -> set[str]:
    path = content / NOT_AGENCIES
    if not path.exists():
        return set()
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def reports_todo(content: Path, corpus: Corpus) -> Todo:
    """The generated reports whose committed text is no longer what their command writes (a test checks each):
    any new plan changes the lineage candidates, whose scores are computed over the whole corpus."""
    title = "Reports: generated reports out of date"
    how = "run the command of each, read what changed, and commit the report"
    tagged = ("reports/tagging.md", "python -m generator.tools.tagging --out content/reports/tagging.md")
    candidates = ("reports/lineage-candidates.md", "python -m generator.content.lineage --candidates")
    try:  # the candidates read the lineage file, which names plans and items
        written = {tagged: f"{tagging.MARKER}\n\n{tagging.report(corpus)}"}
        if (content / LINEAGE_FILE).exists():
            written[candidates] = lineage_candidates.report(corpus, load_lineage(content / LINEAGE_FILE, corpus))
    except ContentError as error:
        return Todo(title, how, [f"listed once this is fixed: {error}"])
    return Todo(title, how, [f"content/{path}: `{run}`" for (path, run), text in written.items()
                             if _generated_part(content / path, text.partition("\n")[0]) != text])


def _generated_part(path: Path, marker: str) -> str | None:
    """A report from its marker line on (what its command writes below the hand-written head), or None without
    the file or the marker."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    return text[text.index(marker):] if marker in text else None


def todos(content: Path, corpus: Corpus) -> list[Todo]:
    return [audit_todo(content, corpus), tagging_todo(content, corpus), lineage_todo(content, corpus),
            laws_todo(content, corpus), agencies_todo(content, corpus), reports_todo(content, corpus)]


def render(found: list[Todo]) -> str:
    lead = ("Generated by `python -m generator.tools.review`; each list is what a person still has to read. "
            "A text reviewed once counts wherever it occurs again.")
    lines = ["# To review", "", lead, ""]
    for todo in found:
        lines += [f"## {todo.title} ({len(todo.lines)})", "", f"How: {todo.how}.", ""]
        lines += [f"- {line}" for line in todo.lines] or ["Nothing."]
        lines.append("")
    return "\n".join(lines)


@command
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.tools.review", description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=CONTENT)
    parser.add_argument("--check", action="store_true", help="exit 1 while anything is left to review")
    args = parser.parse_args(argv)
    content = args.content.resolve()
    corpus = load_corpus(content)
    found = todos(content, corpus)
    out = content / REPORT
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(found), encoding="utf-8")
    for todo in found:
        print(f"{len(todo.lines):4}  {todo.title}")
        for line in todo.lines[:20]:
            print(f"      {line}")
    print(f"wrote {out}")
    left = sum(len(todo.lines) for todo in found)
    return 1 if args.check and left else 0


if __name__ == "__main__":
    sys.exit(main())
