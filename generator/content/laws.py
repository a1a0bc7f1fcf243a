"""The documents the plans cite in 《…》, as reviewed in `content/laws.yaml`: one entry per document,
with every form its title takes in the plans (short forms such as 《纲要》 included), in every plan or, for a
short form a plan defines for itself (《工作方案》), in that plan only. Every title in the plans must resolve
to exactly one entry in its plan, and a short form to the entry of the title it abbreviates; a title that
does not stops the build at its plan and item.

    python -m generator.content.laws --extract   # draft entries for the titles the registry does not know yet
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeVar

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
K = TypeVar("K")


class Law(RegistryEntry):
    """A cited document: its full title, what kind of document it is, and every form of its title, in every
    plan or in the plans listed."""

    title: Text
    kind: Literal["law", "regulation", "rule", "guideline", "standard", "treaty", "plan", "other"]
    forms: list[Text] = Field(min_length=1)  # in every plan
    # Forms that name this document only in the plans listed (plan id: its forms): a short form a plan defines
    # for itself, such as 《工作方案》, which each year's admin-protection plan defines as that year's plan.
    forms_in: dict[Id, list[Text]] = Field(default_factory=dict)
    name_ja: Text | None = None
    # The Japanese of short forms the texts define (纲要: 綱要), as the reference translation writes them.
    short_ja: dict[Text, Text] = Field(default_factory=dict)
    plan: Id | None = None  # the plan of this site that is this document

    @property
    def all_forms(self) -> list[str]:
        """Every form of the title, each once: those of every plan, then those of one plan."""
        return list(dict.fromkeys([*self.forms, *(form for forms in self.forms_in.values() for form in forms)]))

    @model_validator(mode="after")
    def _short_forms_are_forms(self) -> Law:
        unknown = [form for form in self.short_ja if form not in self.all_forms]
        if unknown:
            raise field_error("short_ja", "forms of this entry", repr(unknown[0]),
                              "add it to `forms` or `forms_in`, or correct it")
        return self


@dataclass(frozen=True)
class Owners:
    """Which entry a form of a title names in a plan: the entry whose `forms_in` list it for that plan,
    else the entry whose `forms` list it."""

    everywhere: Mapping[str, str] = field(default_factory=dict)  # form -> law id
    in_plan: Mapping[tuple[str, str], str] = field(default_factory=dict)  # (plan id, form) -> law id

    def owner(self, plan: str, form: str) -> str | None:
        return self.in_plan.get((plan, form)) or self.everywhere.get(form)


@dataclass(frozen=True)
class Laws:
    """The registry and, for each of its documents, the items that cite it."""

    entries: tuple[Law, ...]
    cited_by: dict[str, tuple[Entry, ...]]  # law id -> citing items, in corpus order
    owners: Owners

    def by_kind(self) -> list[tuple[str, list[Law]]]:
        return [(kind, [law for law in self.entries if law.kind == kind]) for kind in KINDS
                if any(law.kind == kind for law in self.entries)]

    def citing(self, laws: list[Law] | tuple[Law, ...]) -> int:
        """How many items cite at least one of `laws`."""
        return len({(e.plan.id, e.item.anchor) for law in laws for e in self.cited_by[law.id]})


def read_registry(path: Path, corpus: Corpus) -> tuple[list[Law], Owners]:
    """The registry's entries and the owner of each of their forms, checked: each form in one entry, for
    every plan or for one plan, and every plan id a plan of `corpus`; ContentError at the first problem's line."""
    entries = load_list(path, "laws", Law)
    document = Document.read(path)
    plans = {plan.id for plan in corpus.plans}
    known = "known: " + ", ".join(sorted(plans))
    everywhere: dict[str, str] = {}
    in_plan: dict[tuple[str, str], str] = {}
    for index, law in enumerate(entries):
        if law.plan is not None and law.plan not in plans:
            raise document.error(("laws", index, "plan"), f"key 'plan': expected a known plan id, found {law.plan!r}",
                                 hint=known)
        for position, form in enumerate(law.forms):
            if taken := _claim(everywhere, form, law):
                raise document.error(("laws", index, "forms", position), f"key 'forms': expected each form in one "
                                     f"entry, found {form!r} {taken}", hint="a form must name one document")
        for plan, forms in law.forms_in.items():
            if plan not in plans:
                raise document.error(("laws", index, "forms_in", plan),
                                     f"key 'forms_in': expected a known plan id, found {plan!r}", hint=known)
            for position, form in enumerate(forms):
                if taken := _claim(in_plan, (plan, form), law):
                    raise document.error(("laws", index, "forms_in", plan, position), f"key 'forms_in': expected "
                                         f"each form of a plan in one entry, found {form!r} for {plan!r} {taken}",
                                         hint="a form must name one document in a plan")
    return entries, Owners(everywhere, in_plan)


def _claim(owners: dict[K, str], key: K, law: Law) -> str | None:
    """`law` owns `key`, unless an entry owns it already: then where (also in 'x', twice in this entry)."""
    if key in owners:
        return "twice in this entry" if owners[key] == law.id else f"also in {owners[key]!r}"
    owners[key] = law.id
    return None


def load_laws(path: Path, corpus: Corpus) -> Laws:
    """Read the registry, check it, and resolve every title of the plans in its plan; ContentError on the
    first problem."""
    entries, owners = read_registry(path, corpus)
    by_id = {law.id: law for law in entries}
    cited: dict[str, list[Entry]] = defaultdict(list)
    for entry in corpus.entries:
        for title in titles(entry.text):
            law_id = owners.owner(entry.plan.id, title.form)
            if law_id is None:
                raise _unresolved(path, corpus, entry, title, entries)
            if not cited[law_id] or cited[law_id][-1] is not entry:
                cited[law_id].append(entry)
        for full, short in _SHORT_FORM.findall(entry.text):  # every title of the item resolved above
            meant, found = owners.owner(entry.plan.id, full), owners.owner(entry.plan.id, short)
            if meant is not None and found is not None and found != meant:
                raise _misdefined(path, corpus, entry, (full, short), by_id[meant], found, owners)
    return Laws(tuple(entries), {law.id: tuple(cited[law.id]) for law in entries}, owners)


def registry_of(content: Path, corpus: Corpus) -> tuple[list[Law], Owners]:
    """The registry of `content` and the owners of its forms (checked, as `read_registry`); empty when the
    content has no registry."""
    path = content / FILE
    return read_registry(path, corpus) if path.exists() else ([], Owners())


def _unresolved(path: Path, corpus: Corpus, entry: Entry, title: Title, entries: list[Law]) -> ContentError:
    """The error for a title no entry lists, at the item's line of its plan file."""
    same = [law.id for law in entries if any(normal(form) == normal(title.form) for form in law.all_forms)]
    hint = (f"add {title.form!r} to the forms of {same[0]!r} in {path.name}" if same
            else f"add {title.form!r} to the forms of its entry in {path.name}, or a new entry")
    return corpus.item_error(entry, ("anchor",), f"title {title.printed}: expected a title listed in {path.name}, found none",
                             hint)


def _misdefined(path: Path, corpus: Corpus, entry: Entry, definition: tuple[str, str], meant: Law, found: str,
                owners: Owners) -> ContentError:
    """The error for a short form the item defines (以下简称《short》) that names another document in its plan
    than the title it abbreviates, at the item's line of its plan file."""
    (full, short), plan = definition, entry.plan.id
    scoped = (plan, short) in owners.in_plan
    message = (f"title 《{short}》: expected the document this plan defines it as, {meant.id!r} (《{full}》), found "
               f"{found!r}, whose " + ("forms_in list it for this plan" if scoped else "forms list it for every plan"))
    hint = (f"move {short!r} from the forms_in of {found!r} to those of {meant.id!r} in {path.name}" if scoped
            else f"add forms_in: {{{plan}: [{short}]}} to the entry {meant.id!r} in {path.name}")
    return corpus.item_error(entry, ("anchor",), message, hint)


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


def draft(corpus: Corpus, known: Owners) -> list[dict[str, object]]:
    """Draft entries for the titles that no entry of `known` owns in their plan: forms grouped by `normal`, a
    defined short form (以下简称《…》) joined to its full title. A short form that plans define as different titles
    (each year's 《工作方案》) goes under `forms_in` of each title, for the plans that define it so. A document that
    is a plan of this site is drafted with the plan's id and `plan:`."""
    groups: dict[str, list[str]] = defaultdict(list)  # normal form -> forms as printed
    used: dict[str, set[str]] = defaultdict(set)  # form -> plans printing it, where no entry owns it
    meanings: dict[str, dict[str, list[str]]] = defaultdict(dict)  # short form -> normal full title -> its plans
    for entry in corpus.entries:
        plan = entry.plan.id
        for full, abbreviation in _SHORT_FORM.findall(entry.text):
            if plan not in (plans := meanings[abbreviation].setdefault(normal(full), [])):
                plans.append(plan)
        for title in titles(entry.text):
            if known.owner(plan, title.form) is None:
                used[title.form].add(plan)
                if title.form not in groups[normal(title.form)]:
                    groups[normal(title.form)].append(title.form)
    scoped: dict[str, dict[str, list[str]]] = defaultdict(dict)  # normal full title -> plan -> its short forms
    for abbreviation, by_full in meanings.items():
        forms = groups.get(normal(abbreviation), [])
        if len(by_full) == 1:
            [full] = by_full
            if abbreviation in forms and normal(abbreviation) != full:
                groups[full].extend(groups.pop(normal(abbreviation)))
            continue
        for full, plans in by_full.items():
            if full in groups:
                for plan in plans:
                    scoped[full].setdefault(plan, []).append(abbreviation)
        if abbreviation in forms and used[abbreviation] <= {plan for plans in by_full.values() for plan in plans}:
            forms.remove(abbreviation)  # printed only where a plan defines it: drafted under forms_in
    plan_titles = {normal(plan.title): plan.id for plan in corpus.plans}
    drafts: list[dict[str, object]] = []
    for number, (key, forms) in enumerate(sorted(groups.items()), start=1):
        if not forms:
            continue
        plan_id = plan_titles.get(key)
        drafts.append({"id": plan_id or f"todo-{number}", "title": _SPACES.sub("", max(forms, key=len)),
                       "kind": guess_kind(key), **({"plan": plan_id} if plan_id else {}), "forms": forms,
                       **({"forms_in": scoped[key]} if key in scoped else {})})
    return drafts


@command
def main(argv: list[str] | None = None) -> int:
    from generator.content.corpus import load_corpus

    parser = argparse.ArgumentParser(prog="python -m generator.content.laws", description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=Path("content"))
    parser.add_argument("--extract", action="store_true", help="print draft entries for titles not in the registry")
    args = parser.parse_args(argv)
    path = args.content / FILE
    corpus = load_corpus(args.content, translated=not args.extract)  # a new plan's titles, before its translation
    if args.extract:
        entries = draft(corpus, registry_of(args.content, corpus)[1])
        print(yaml.safe_dump({"laws": entries}, allow_unicode=True, sort_keys=False) if entries
              else f"{path}: every title of the plans is in the registry")
        return 0
    laws = load_laws(path, corpus)
    pairs = sum(len(items) for items in laws.cited_by.values())
    print(f"{path}: {len(laws.entries)} documents; {laws.citing(laws.entries)} items cite them ({pairs} item-document pairs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
