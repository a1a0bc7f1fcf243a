"""The term base governs the reference translation: where the original of an item names a cited document,
an agency or a glossary term, the translation uses its Japanese name, and every number survives.

`python -m generator.content.termbase` lists what the translation misses; tests/test_termbase.py fails on any
finding that `content/translations/<language>-terms.yaml` does not allow with a reason.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from generator.content.corpus import Corpus
from generator.content.errors import command
from generator.content.glossary import load_glossary
from generator.content.laws import FILE as LAWS
from generator.content.laws import Law, registry_of
from generator.content.load import Document, validate
from generator.content.models import Model, Text
from generator.content.titles import normal, titles
from generator.content.translations import FOLDER

_NUMBER = re.compile(r"[0-9]+")
_MASK = "\u25a1"  # what a matched name leaves behind, so that no shorter term matches inside it


class Name(Model):
    """A proper name's rendering the check knows besides the glossary (知识产权局 of a province: 知識産権局)."""

    simplified: Text
    japanese: Text
    reason: Text


class Allowed(Model):
    """A reviewed exception: in this item, the original's `term` is rightly not rendered as the term base says."""

    item: Text = Field(pattern=r"^[a-z0-9-]+#[a-z0-9-]+$")
    term: Text
    reason: Text


class TermRules(Model):
    names: list[Name] = Field(default_factory=list)
    allowed: list[Allowed] = Field(default_factory=list)


@dataclass(frozen=True)
class Finding:
    """Something of the original the translation of one field does not carry as the term base says."""

    plan: str
    anchor: str
    field: str
    kind: str  # title, agency, term, number
    original: str
    expected: tuple[str, ...]  # any one of them will do; none where the term base has no name for it yet
    hint: str = ""  # where the fix may lie instead, such as a name the registry of cited documents lacks

    @property
    def item(self) -> str:
        return f"{self.plan}#{self.anchor}"

    def __str__(self) -> str:
        said = f"expects {' or '.join(self.expected)!r} in the translation" if self.expected else "has no Japanese name"
        return f"{self.item} {self.field}: {self.kind} {self.original!r} {said}" + (f" (hint: {self.hint})" if self.hint else "")


def rules_path(content: Path, language: str) -> Path:
    return content / FOLDER / f"{language}-terms.yaml"


def load_rules(content: Path, language: str) -> TermRules:
    path = rules_path(content, language)
    return validate(Document.read(path), TermRules) if path.exists() else TermRules()


def findings(corpus: Corpus, content: Path, language: str = "ja") -> list[Finding]:
    """Every place where the translation into `language` departs from the term base (allowed ones included)."""
    rules = load_rules(content, language)
    laws, owners = registry_of(content, corpus)
    by_id = {law.id: law for law in laws}
    agency_names = sorted(((form, _agency_names(corpus, agency_id)) for form, agency_id in corpus.names().items()
                           if len(form) >= 3), key=lambda pair: -len(pair[0]))
    terms = sorted([(t.simplified, t.japanese) for t in load_glossary(content)]
                   + [(n.simplified, n.japanese) for n in rules.names], key=lambda pair: -len(pair[0]))
    result = []
    for entry in corpus.entries:
        translated = corpus.translated(entry, language)
        if translated is None:
            continue
        for field, original in translated.zh.items():
            text = translated.ja[field]

            def find(kind: str, name: str, expected: tuple[str, ...], hint: str = "", where: tuple[str, str, str] =
                     (entry.plan.id, entry.item.anchor, field), text: str = text) -> None:
                if not any(form in text for form in expected):
                    result.append(Finding(*where, kind, name, expected, hint))

            masked = original
            for title in dict.fromkeys(titles(original)):
                law_id = owners.owner(entry.plan.id, title.form)  # a short form may name another document in each plan
                if law_id is not None:
                    law = by_id[law_id]
                    find("title", title.form, _law_names(law, title.form), _law_hint(law, title.form))
                masked = masked.replace(title.form, _MASK)
            for form, names in agency_names:
                if form in masked:
                    find("agency", form, names)
                    masked = masked.replace(form, _MASK)
            for simplified, japanese in terms:
                if simplified in masked:
                    find("term", simplified, (japanese,))
                    masked = masked.replace(simplified, _MASK)
            for number in dict.fromkeys(_NUMBER.findall(original)):
                find("number", number, (number,))
    return result


def _law_names(law: Law, form: str) -> tuple[str, ...]:
    """A cited title in the translation: 「name_ja」, titles inside it in 『』; a short form the text defines
    (纲要) as its own Japanese short name (「綱要」); either may stand inside another title, in 『』. None while the
    entry has no name_ja."""
    if law.name_ja is None:
        return ()
    inner = law.name_ja.replace("「", "『").replace("」", "』")
    names = [f"「{inner}」", f"『{inner}』"]
    if form in law.short_ja:
        names += [f"「{law.short_ja[form]}」", f"『{law.short_ja[form]}』"]
    return tuple(names)


def _law_hint(law: Law, form: str) -> str:
    """What the entry of laws.yaml may lack for the translation to name the document: its name_ja, and the
    short_ja of a short form (工作方案: 業務方案)."""
    short = f"short_ja: {{{form}: …}}" if normal(form) != normal(law.title) and form not in law.short_ja else ""
    if law.name_ja is None:
        return f"add name_ja{f' and {short}' if short else ''} to the entry {law.id!r} in {LAWS}"
    return f"or, where the translation writes the short form, add {short} to the entry {law.id!r} in {LAWS}" if short else ""


def _agency_names(corpus: Corpus, agency_id: str) -> tuple[str, ...]:
    """An agency's Japanese name; a department of another agency may go by its own part of it (条法司 for
    国家知識産権局条法司), as the task list's 局内 lists write it."""
    agency = corpus.agencies[agency_id]
    names = [agency.name_ja]
    if agency.parent:
        parent = corpus.agencies[agency.parent].name_ja
        if agency.name_ja.startswith(parent) and len(agency.name_ja) > len(parent):
            names.append(agency.name_ja.removeprefix(parent))
    return tuple(names)


def unexplained(found: list[Finding], rules: TermRules) -> tuple[list[Finding], list[Allowed]]:
    """The findings no rule allows, and the rules that allow nothing (out of date: remove them)."""
    allowed = {(rule.item, rule.term): rule for rule in rules.allowed}
    used = {(finding.item, finding.original) for finding in found} & set(allowed)
    return ([finding for finding in found if (finding.item, finding.original) not in allowed],
            [rule for key, rule in allowed.items() if key not in used])


@command
def main() -> int:
    from generator.content.corpus import load_corpus

    content = Path("content")
    corpus = load_corpus(content)
    rules = load_rules(content, "ja")
    left, stale = unexplained(findings(corpus, content), rules)
    for finding in left:
        print(finding)
    for rule in stale:
        print(f"{rule.item}: the allowed exception {rule.term!r} no longer occurs: remove it")
    # An exception names its item, so next year's copy of a measure needs its own (the finding's line says which).
    hint = (" (correct the translation, or add the item and term with the reason under `allowed` in "
            "content/translations/ja-terms.yaml)") if left else ""
    print(f"{len(left)} findings not allowed, {len(stale)} exceptions out of date{hint}", file=sys.stderr)
    return 1 if left or stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
