"""The glossary (`content/glossary.yaml`): key terms in Simplified, Traditional and Japanese, with the
items that use them. Each term must occur in the plans, and its Traditional form must be what the
Traditional edition prints."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import model_validator

from generator.content.corpus import Corpus, Entry, per_corpus
from generator.content.errors import field_error
from generator.content.load import Document, load_list
from generator.content.models import RegistryEntry, Text
from generator.editions.convert import converter

FILE = "glossary.yaml"
PHRASES = Path("zh-Hant") / "phrases.txt"
# A term used by more items than this lists them on a page of its own, so that the glossary page stays
# light however many plans use its terms.
TERM_PAGE_AT = 20


class Term(RegistryEntry):
    """A glossary entry: the term as printed, its Traditional form, the usual Japanese legal term."""

    simplified: Text
    traditional: Text
    japanese: Text
    definition: Text | None = None
    definition_ja: Text | None = None

    @model_validator(mode="after")
    def _definitions_in_pairs(self) -> Term:
        if (self.definition is None) != (self.definition_ja is None):
            missing = "definition_ja" if self.definition_ja is None else "definition"
            raise field_error(missing, "a definition in both languages or in neither", "one",
                              f"add `{missing}:`, or remove the other definition")
        return self

    def definition_in(self, translation: str | None) -> str | None:
        """The definition in an edition with a translation (its language), or in the original's."""
        return self.definition_ja if translation else self.definition


@dataclass(frozen=True)
class Usage:
    """A term and the items whose text contains it, by plan in document order."""

    term: Term
    by_plan: list[tuple[str, list[Entry]]]  # (plan id, entries)

    @property
    def count(self) -> int:
        return sum(len(entries) for _, entries in self.by_plan)


def load_glossary(content: Path) -> list[Term]:
    """The terms of `content/glossary.yaml` (none when the file is absent), validated one by one."""
    path = content / FILE
    return load_list(path, "terms", Term) if path.exists() else []


def glossary_pairs(content_dir: Path) -> list[tuple[str, str]]:
    """(Simplified, Japanese) of every term: the Japanese edition's search finds an item by either."""
    return [(term.simplified, term.japanese) for term in load_glossary(content_dir)]


def check_glossary(content: Path, terms: list[Term], corpus: Corpus) -> None:
    """Every term occurs in the plans, once in the glossary, and its Traditional form is the converted one."""
    if not terms:
        return
    document = Document.read(content / FILE)
    convert = converter((content / PHRASES).resolve())
    seen: dict[str, str] = {}
    for index, term in enumerate(terms):
        if term.simplified in seen:
            raise document.error(("terms", index, "simplified"), f"key 'simplified': expected each term once, "
                                 f"found {term.simplified!r} again", hint=f"already in entry {seen[term.simplified]!r}")
        seen[term.simplified] = term.id
        if not any(term.simplified in entry.text for entry in corpus.entries):
            raise document.error(("terms", index, "simplified"), f"key 'simplified': expected a term that occurs in "
                                 f"the plans, found {term.simplified!r} in none", hint="check the characters")
        printed = convert(term.simplified)
        if term.traditional != printed:
            raise document.error(("terms", index, "traditional"), f"key 'traditional': expected {printed!r} "
                                 f"(as the Traditional edition prints it), found {term.traditional!r}",
                                 hint="correct the entry, or add a phrase to zh-Hant/phrases.txt")


def usages(terms: list[Term], corpus: Corpus) -> list[Usage]:
    """Each term with the items whose own text contains its Simplified form."""
    result = []
    for term in terms:
        entries = [entry for entry in corpus.entries if term.simplified in entry.text]
        by_plan = [(plan.id, [e for e in entries if e.plan.id == plan.id]) for plan in corpus.plans]
        result.append(Usage(term, [(plan_id, found) for plan_id, found in by_plan if found]))
    return result


@per_corpus
def checked_usages(corpus: Corpus) -> list[Usage]:
    """The glossary of the corpus's content folder, checked against the plans, with each term's items."""
    terms = load_glossary(corpus.folder)
    check_glossary(corpus.folder, terms, corpus)
    return usages(terms, corpus)

