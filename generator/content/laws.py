"""The documents the plans cite in 《…》, as reviewed in `content/laws.yaml`: one entry per document,
with every form its title takes in the plans (short forms such as 《纲要》 included). Every title in
the plans must resolve to exactly one entry; one that does not stops the build at its plan and item.

    python -m generator.content.laws --extract   # draft entries for the titles the registry does not know yet
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field, model_validator

from generator.content.corpus import Corpus, Entry
from generator.content.errors import ContentError, command, field_error
from generator.content.load import Document, load_list
from generator.content.models import Id, RegistryEntry, Text
from generator.content.titles import Title, normal, titles

FILE = "laws.yaml"
KINDS = ("law", "regulation", "rule", "guideline", "standard", "treaty", "plan", "other")
# `《full title》（以下简称《short》）`, also with 004's stray 《 before 以下简称.
_SHORT_FORM = re.compile(r"《([^《》]+)》[（(]《?以下简称《([^《》]+)》")
_SPACES = re.compile(r"\s+")


class Law(RegistryEntry):
    """A cited document: its full title, what kind of document it is, and every form of its title."""

    title: Text
    kind: Literal["law", "regulation", "rule", "guideline", "standard", "treaty", "plan", "other"]
    forms: list[Text] = Field(min_length=1)
    name_ja: Text | None = None
    # The Japanese of short forms the texts define (纲要: 綱要), as the reference translation writes them.
    short_ja: dict[Text, Text] = Field(default_factory=dict)
    plan: Id | None = None  # the plan of this site that is this document

    @model_validator(mode="after")
    def _short_forms_are_forms(self) -> Law:
        unknown = [form for form in self.short_ja if form not in self.forms]
        if unknown:
            raise field_error("short_ja", "forms of this entry", repr(unknown[0]), "add it to `forms` or correct it")
        return self


@dataclass(frozen=True)
class Laws:
    """The registry and, for each of its documents, the items that cite it."""

    entries: tuple[Law, ...]
    cited_by: dict[str, tuple[Entry, ...]]  # law id -> citing items, in corpus order

    def by_kind(self) -> list[tuple[str, list[Law]]]:
        return [(kind, [law for law in self.entries if law.kind == kind]) for kind in KINDS
                if any(law.kind == kind for law in self.entries)]

    def citing(self, laws: list[Law] | tuple[Law, ...]) -> int:
        """How many items cite at least one of `laws`."""
        return len({(e.plan.id, e.item.anchor) for law in laws for e in self.cited_by[law.id]})


def load_laws(path: Path, corpus: Corpus) -> Laws:
    """Read the registry, check it, and resolve every title of the plans; ContentError on the first problem."""
    entries = load_list(path, "laws", Law)
    document = Document.read(path)
    plans = {plan.id for plan in corpus.plans}
    owner: dict[str, str] = {}
    for index, law in enumerate(entries):
        if law.plan is not None and law.plan not in plans:
            raise document.error(("laws", index, "plan"), f"key 'plan': expected a known plan id, found {law.plan!r}",
                                 hint="known: " + ", ".join(sorted(plans)))
        for position, form in enumerate(law.forms):
            if form in owner:
                where = "twice in this entry" if owner[form] == law.id else f"also in {owner[form]!r}"
                raise document.error(("laws", index, "forms", position), f"key 'forms': expected each form in one "
                                     f"entry, found {form!r} {where}", hint="a form must name one document")
            owner[form] = law.id
    cited: dict[str, list[Entry]] = defaultdict(list)
    for entry in corpus.entries:
        for title in titles(entry.text):
            law_id = owner.get(title.form)
            if law_id is None:
                raise _unresolved(path, corpus, entry, title, entries)
            if not cited[law_id] or cited[law_id][-1] is not entry:
                cited[law_id].append(entry)
    return Laws(tuple(entries), {law.id: tuple(cited[law.id]) for law in entries})


def registered_forms(content: Path) -> list[str]:
    """Every form of every registered title, for word lists such as the search dictionary; none when
    the content has no registry."""
    path = content / FILE
    return [form for law in load_list(path, "laws", Law) for form in law.forms] if path.exists() else []


def _unresolved(path: Path, corpus: Corpus, entry: Entry, title: Title, entries: list[Law]) -> ContentError:
    """The error for a title no entry lists, at the item's line of its plan file."""
    plan_file = corpus.file(f"plans/{entry.plan.id}.yaml")
    same = [law.id for law in entries if any(normal(form) == normal(title.form) for form in law.forms)]
    hint = (f"add {title.form!r} to the forms of {same[0]!r} in {path.name}" if same
            else f"add {title.form!r} to the forms of its entry in {path.name}, or a new entry")
    message = f"title {title.printed}: expected a title listed in {path.name}, found none"
    document = Document.read(plan_file)
    loc = document.item_loc(entry.item.anchor)
    if loc is None:
        return ContentError(plan_file, None, message, where=f"item {entry.item.anchor}", hint=hint)
    return document.error((*loc, "anchor"), message, hint)


# --- drafting entries for new titles ------------------------------------------------------------

_KIND_BY_ENDING = [  # the first ending that matches guesses the kind; the reviewer decides
    (("协定", "条约"), "treaty"),
    (("纲要", "规划", "计划", "方案"), "plan"),
    (("实施细则", "条例"), "regulation"),
    (("规定", "办法"), "rule"),
    (("法",), "law"),
    (("指南", "指引", "判断标准"), "guideline"),
    (("规范", "要求", "管理"), "standard"),
]


def guess_kind(title: str) -> str:
    bare = re.sub(r"（[^（）]*）$", "", normal(title))
    return next((kind for endings, kind in _KIND_BY_ENDING if bare.endswith(endings)), "other")


def draft(corpus: Corpus, known: set[str]) -> list[dict[str, object]]:
    """Draft entries for the titles outside `known`: forms grouped by `normal`, defined short forms
    (以下简称《…》) joined to their full title."""
    groups: dict[str, list[str]] = defaultdict(list)
    short: dict[str, str] = {}
    for entry in corpus.entries:
        for full, abbreviation in _SHORT_FORM.findall(entry.text):
            short[abbreviation] = normal(full)
        for title in titles(entry.text):
            if title.form not in known and title.form not in groups[normal(title.form)]:
                groups[normal(title.form)].append(title.form)
    for abbreviation, full in short.items():
        if abbreviation in groups.get(normal(abbreviation), []) and normal(abbreviation) != full:
            groups[full].extend(groups.pop(normal(abbreviation)))
    return [{"id": f"todo-{number}", "title": _SPACES.sub("", max(forms, key=len)), "kind": guess_kind(key),
             "forms": forms} for number, (key, forms) in enumerate(sorted(groups.items()), start=1) if forms]


@command
def main(argv: list[str] | None = None) -> int:
    from generator.content.corpus import load_corpus

    parser = argparse.ArgumentParser(prog="python -m generator.content.laws", description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=Path("content"))
    parser.add_argument("--extract", action="store_true", help="print draft entries for titles not in the registry")
    args = parser.parse_args(argv)
    path = args.content / FILE
    corpus = load_corpus(args.content)
    if args.extract:
        known = {form for law in load_list(path, "laws", Law) for form in law.forms} if path.exists() else set()
        entries = draft(corpus, known)
        print(yaml.safe_dump({"laws": entries}, allow_unicode=True, sort_keys=False) if entries
              else f"{path}: every title of the plans is in the registry")
        return 0
    laws = load_laws(path, corpus)
    pairs = sum(len(items) for items in laws.cited_by.values())
    print(f"{path}: {len(laws.entries)} documents; {laws.citing(laws.entries)} items cite them ({pairs} item-document pairs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
