"""Audit of the Traditional edition: every Simplified character with more than one Traditional form, in context.

OpenCC (s2tw) picks the Traditional form of an ambiguous character such as 发 (發/髮), 制 (制/製), 系 (系/係/繫)
from its phrase dictionaries, falling back to a default form per character. The choice is usually right and
sometimes wrong (发布 → 發佈, 系 as a copula → 系). This module lists every occurrence of such a character in
every string the Traditional edition shows (plan text, names, labels, glossary, cited titles, lineage notes,
the theme's interface strings), with the form shown there, so that each distinct context is reviewed once in
`content/zh-Hant/audit.yaml`; corrections go into the project dictionary `content/zh-Hant/phrases.txt`
(body) or `content/zh-Hant/interface.txt` (interface labels). Characters with a single OpenCC form that
Taiwan writes otherwise in some words (账: 賬, 帳) are audited too when `content/zh-Hant/characters.txt`
lists them.

    python -m generator.tools.audit            summary of occurrences and review state
    python -m generator.tools.audit --check    exit 1 listing contexts not reviewed (or whose form changed)
    python -m generator.tools.audit --write    add the new contexts to audit.yaml as `todo`, keeping every row
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import material  # type: ignore[import-untyped]  # mkdocs-material ships no type information
import yaml

from generator.content.corpus import Corpus, load_corpus
from generator.content.errors import ContentError, command
from generator.content.text import read_text, refuse_invisible
from generator.editions.convert import converter, interface, opencc_dictionary, phrase_converter, simplified

CONTENT = Path(__file__).resolve().parents[2] / "content"
WINDOW = 3  # characters of context on each side
REVIEWED = ("ok", "fixed")  # verdicts of a reviewed context; `todo` marks one written but not yet reviewed

# The Simplified characters with more than one Traditional counterpart in OpenCC's STCharacters
# (OpenCC 1.4.2), for when the dictionary cannot be read (see `_derive_ambiguous`).
FALLBACK_AMBIGUOUS = (
    "㐹万丑个丰了于云亘仆仇仑价仿伙余佛佣俊修借僵克党具冢冬冲凄准凌几凶出划别刮制勋千升卜占卤卷厂历厘参发只台叶叹吁吃"
    "合吊同后向吣呆周咨咸咽哄哗唇啮喂噪回团困坐坛坝坯埙堤复夫夸夹奸姜娘娴宁它家尝尸尽局岩岳巨布帘席干并幸广庵弥弦当录"
    "彩征径御志念恤恶愈愿戚扇才扎托扣折抵拐拿挂挨挽捆捍据搜摆斗斤斫旋昆暗曲札术朱朴杆杠杯杰松板极果枪柜栗核梁棱檗欲毁"
    "汇沈沾泛注浚涂涌淀游溪滟漓澄炼烟焰熏狸玩琅璇症皂矩确硷私秋种穗筑筱签糊系累纤绱绷耇胄背胜胡脏腊腌膻致舍艳芸苏苔苹"
    "范荐荡荫药获蒙蔑藤虫蚝蜡蝎表袅裥证谥谷豆象赝赞跖辟迹适郁酸采里鉴针钟钥钫钻铲链锄锫镋镎镢镰闲雇雕面须饥鹇"
)


@cache
def _derive_ambiguous() -> frozenset[str]:
    """The characters whose STCharacters entry lists more than one Traditional form, read from OpenCC's own
    dictionary (`convert.opencc_dictionary`)."""
    try:
        characters = opencc_dictionary("STCharacters")
    except (OSError, subprocess.SubprocessError):
        return frozenset(FALLBACK_AMBIGUOUS)
    return frozenset(key for key, forms in characters.items() if len(forms) > 1)


AMBIGUOUS: frozenset[str] = _derive_ambiguous()


@dataclass(frozen=True)
class Occurrence:
    char: str  # the Simplified character
    context: str  # the character with up to WINDOW characters on each side, on its line, in Simplified
    chosen: str  # the Traditional form the converter gives it in place
    where: str  # `plan-id#anchor`, `plan:<id>`, `agency:<id>`, `theme:<id>` or `label:<key>`
    at: int  # the character's index in the context (a context may hold it twice: 局商标局)

    @property
    def place(self) -> tuple[str, str, int]:
        return (self.char, self.context, self.at)

    @property
    def key(self) -> tuple[str, str, int, str]:
        return (*self.place, self.chosen)


def place(row: dict[str, Any]) -> tuple[str, str, int]:
    """(char, context, index) of an audit.yaml row; `at` is written only where the context holds the character twice."""
    return (row["char"], row["context"], row.get("at", row["context"].find(row["char"])))


def row_key(row: dict[str, Any]) -> tuple[str, str, int, str]:
    return (*place(row), row["chosen"])


@dataclass(frozen=True)
class Shown:
    """A string the Traditional edition shows, and how it gets there."""

    where: str  # see Occurrence.where
    text: str  # in Simplified; a theme string's Simplified as OpenCC's t2s gives it
    kind: str = "body"  # body: converted with the page; label: interface phrases, then converted; theme: as it is
    traditional: str | None = None  # a theme string as the pack writes it


def texts(corpus: Corpus) -> Iterator[Shown]:
    """Every string the Traditional edition shows: the content it converts, the interface labels and the
    theme's strings. The first five kinds in the order of the first audit, so that its rows keep their `where`."""
    for plan in corpus.plans:  # the source note is Japanese and kept as it is (convert.keep)
        yield Shown(f"plan:{plan.id}", plan.title)
    for entry in corpus.entries:  # keyed by the text, not its number: renumbering asks for no review
        where = f"{entry.plan.id}#{entry.item.anchor}"
        if entry.item.marker:
            yield Shown(where, entry.item.marker)
        yield Shown(where, "\n".join(entry.item.wording()))
    for agency in corpus.agencies.values():
        for name in [agency.name, *agency.names]:
            yield Shown(f"agency:{agency.id}", name)
    for theme in corpus.themes.values():
        yield Shown(f"theme:{theme.id}", theme.name)
        if theme.description:
            yield Shown(f"theme:{theme.id}", theme.description)
    converted = [edition for edition in corpus.editions if edition.conversion]
    for key, label in (converted[0].labels if converted else {}).items():
        if label:  # fields such as {count_zh} as they are: their values (digits, 五) convert alike in every context
            yield Shown(f"label:{key}", label, "label")
    for plan in corpus.plans:  # short names, converted like labels (Renderer.plan_short)
        if plan.short:
            yield Shown(f"plan:{plan.id}", plan.short, "label")
    yield from reference_texts(corpus)
    for edition in converted[:1]:
        for key, text in theme_strings(edition.theme_language).items():
            yield Shown(f"material:{key}", simplified(text), "theme", text)


def reference_texts(corpus: Corpus) -> Iterator[Shown]:
    """The reference pages' own text: the scope of the task list's duties as printed, glossary terms and
    definitions, cited titles, lineage notes and works."""
    from generator.content import glossary
    from generator.render import laws_pages, lineage_pages  # they render pages; the audit only reads their data

    for entry in corpus.entries:
        for obligation in entry.item.obligations:
            yield Shown(f"{entry.plan.id}#{entry.item.anchor}", obligation.scope)
    for usage in glossary.checked_usages(corpus):
        term = usage.term
        yield Shown(f"glossary:{term.id}", term.simplified)
        if term.definition:
            yield Shown(f"glossary:{term.id}", term.definition)
    cited = laws_pages.laws_of(corpus)
    for law in cited.entries if cited else ():
        for title in dict.fromkeys([law.title, *law.all_forms]):
            yield Shown(f"law:{law.id}", title)
    lineage = lineage_pages.lineage_of(corpus)
    if lineage:
        for link in lineage.links:
            if link.note:
                yield Shown(f"lineage:{link.later.plan.id}#{link.later.item.anchor}", link.note)
        for work in lineage.works:
            yield Shown(f"lineage:{work.id}", work.work)


_PACK_ENTRY = re.compile(r'^\s*("[^"]+"): ("(?:[^"\\]|\\.)*"),?$', re.MULTILINE)


def theme_strings(language: str) -> dict[str, str]:
    """The strings of Material's language pack `language` that a page can show (not its name or search settings)."""
    pack = Path(material.__file__).resolve().parent / "templates" / "partials" / "languages" / f"{language}.html"
    strings = {json.loads(key): json.loads(value) for key, value in _PACK_ENTRY.findall(pack.read_text(encoding="utf-8"))}
    return {key: text for key, text in strings.items() if key != "language" and not key.startswith("search.config.")}


def characters(content: Path = CONTENT) -> frozenset[str]:
    """The audited characters: OpenCC's ambiguous ones and those `zh-Hant/characters.txt` adds."""
    path = content / "zh-Hant" / "characters.txt"
    if not path.exists():
        return AMBIGUOUS
    text = read_text(path)
    refuse_invisible(path, text)
    added = set()
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        char, _, forms = line.partition("\t")
        if len(char) != 1 or len(forms.split()) < 2:
            raise ContentError(path, number, f"expected `character<TAB>its Traditional forms`, found {line!r}")
        added.add(char)
    return AMBIGUOUS | added


class NotLengthPreserving(AssertionError):
    pass


def occurrences(corpus: Corpus, convert: Callable[[str], str], wording: Callable[[str], str] = lambda text: text,
                audited: frozenset[str] = AMBIGUOUS) -> list[Occurrence]:
    """Every occurrence of an audited character in what the Traditional edition shows, in document order;
    `wording` is the edition's interface wording of a label (convert.interface)."""
    found = []
    for piece in texts(corpus):
        if piece.kind == "theme":
            text, shown = piece.text, piece.traditional or ""
            if len(text) != len(shown):
                raise NotLengthPreserving(f"t2s changed the length of {shown!r}")
        else:
            text = piece.text
            shown = convert(wording(text)) if piece.kind == "label" else convert(text)
            if len(shown) != len(text):
                raise NotLengthPreserving(f"conversion changed the length ({len(text)} → {len(shown)}): {text[:40]!r}")
        start = 0
        for line in text.split("\n"):
            for index, char in enumerate(line):
                if char in audited:
                    left = max(0, index - WINDOW)
                    context = line[left: index + WINDOW + 1]
                    found.append(Occurrence(char, context, shown[start + index], piece.where, index - left))
            start += len(line) + 1
    return found


def current(content: Path, corpus: Corpus | None = None) -> list[Occurrence]:
    """The occurrences in the content at `content` as the Traditional edition shows it now."""
    corpus = corpus or load_corpus(content)
    return occurrences(corpus, converter(content / "zh-Hant" / "phrases.txt"),
                       interface(content / "zh-Hant" / "interface.txt"), characters(content))


def unique(found: list[Occurrence]) -> dict[tuple[str, str, int, str], Occurrence]:
    """The first occurrence of each (character, context, chosen form), sorted by character then context."""
    first: dict[tuple[str, str, int, str], Occurrence] = {}
    for occurrence in found:
        first.setdefault(occurrence.key, occurrence)
    return dict(sorted(first.items()))


# --- audit.yaml ---------------------------------------------------------------------------------------------------

HEADER = """\
# Review of every context of a Simplified character with more than one Traditional form (OpenCC's
# STCharacters, and the characters of content/zh-Hant/characters.txt) in every string the Traditional
# edition shows: content converted with s2tw + content/zh-Hant/phrases.txt, interface labels with
# content/zh-Hant/interface.txt first, and the theme's strings as its language pack writes them.
# `python -m generator.tools.audit --write` adds new contexts as `todo` and never drops or changes a verdict;
# `python -m generator.tools.audit --check` (and tests/test_convert.py) fail on a context not reviewed here.
#   context  the character with up to 3 characters on each side, in Simplified; an item's number (一、,
#            18．) apart from its text, so a decision holds wherever the same text occurs
#   chosen   the Traditional form of the character in that context, as the site prints it
#   s2tw     OpenCC's own form, where the project's dictionaries changed it
#   verdict  ok: reviewed, correct (Taiwan Ministry of Education standard forms; Taiwan usage in the interface)
#            fixed: reviewed, corrected by an entry of phrases.txt or interface.txt
#            todo: not yet reviewed; a correction is requested with `correct: <form>`
#   note     the reason of the decision (every fixed row, every row reviewed since the second review)
#   now      written by --write where the row no longer describes the site: the form printed in this
#            context today (a later decision, whose own row follows), or `none` where the context is gone
#   where    the first occurrence: plan-id#anchor, plan:, agency:, theme: (a theme of the site), label:,
#            glossary:, law:, lineage:, material: (a string of the theme's language pack)
"""


def audit_path(content: Path = CONTENT) -> Path:
    return content / "zh-Hant" / "audit.yaml"


def read_audit(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def reviewed(rows: list[dict[str, Any]]) -> dict[tuple[str, str, int, str], dict[str, Any]]:
    return {row_key(row): row for row in rows if row.get("verdict") in REVIEWED}


def problems(found: list[Occurrence], rows: list[dict[str, Any]]) -> list[str]:
    """The contexts of `found` that audit.yaml does not hold as reviewed with the same chosen form."""
    done = reviewed(rows)
    by_place = {place(row): row for row in rows}
    result = []
    for key, occurrence in unique(found).items():
        if key in done:
            continue
        row = by_place.get(occurrence.place)
        if row is None:
            state = "not in audit.yaml"
        elif row["chosen"] != occurrence.chosen:
            state = f"reviewed as {row['chosen']}, now {occurrence.chosen}"
        else:
            state = f"verdict {row.get('verdict')!r}"
        result.append(f"{occurrence.char} → {occurrence.chosen} in {occurrence.context!r} ({occurrence.where}): {state}")
    return result


def merge(found: list[Occurrence], baseline: list[Occurrence], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows for `found`, carrying over verdicts and notes; a requested correction (`correct:`) that the
    output now has becomes `fixed`. `baseline` is the same occurrences under plain s2tw, for the `s2tw` column."""
    if [o.context for o in baseline] != [o.context for o in found]:
        raise ValueError("baseline: expected the same occurrences as the audited conversion")
    plain: dict[tuple[str, str, int, str], str] = {}
    for occurrence, before in zip(found, baseline):
        plain.setdefault(occurrence.key, before.chosen)
    previous = {row_key(row): row for row in rows}
    requested = {(*place(row), row["correct"]): row for row in rows if row.get("correct")}
    distinct = unique(found)
    now_at = {occurrence.place: occurrence.chosen for occurrence in distinct.values()}
    result = []
    for key, occurrence in distinct.items():
        row: dict[str, Any] = {"char": occurrence.char, "context": occurrence.context}
        if occurrence.context.count(occurrence.char) > 1:
            row["at"] = occurrence.at
        row["chosen"] = occurrence.chosen
        if plain[key] != occurrence.chosen:
            row["s2tw"] = plain[key]
        old = previous.get(key)
        if old is not None and old.get("verdict") in REVIEWED:
            row["verdict"] = old["verdict"]
        elif key in requested:
            old = requested[key]
            row["verdict"] = "fixed"
        else:
            row["verdict"] = "todo"
            if old and old.get("correct"):
                row["correct"] = old["correct"]
        if old and old.get("note"):
            row["note"] = old["note"]
        row["where"] = occurrence.where
        result.append(row)
    # A reviewed row whose context is gone or now printed otherwise stays: the record of a decision.
    for key, old in previous.items():
        if key in distinct or old.get("verdict") not in REVIEWED:
            continue
        kept = {name: value for name, value in old.items() if name not in ("now", "where")}
        kept["now"] = now_at.get(place(old), "none")
        kept["where"] = old["where"]
        result.append(kept)
    return sorted(result, key=row_key)


def dump(rows: list[dict[str, Any]]) -> str:
    body = yaml.safe_dump(rows, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=None)
    return HEADER + body


def kind_of(where: str) -> str:
    """The kind of string a `where` names: plan text, label, glossary, law, lineage, material…"""
    return "plan text" if "#" in where and ":" not in where else where.partition(":")[0]


def summary(found: list[Occurrence], rows: list[dict[str, Any]]) -> list[str]:
    """Lines of the review state: contexts and decisions, by kind of string."""
    distinct = unique(found)
    done = reviewed(rows)
    kinds = Counter(kind_of(occurrence.where) for key, occurrence in distinct.items() if key in done)
    verdicts = Counter(done[key]["verdict"] for key in distinct if key in done)
    history = [row for row in rows if row.get("now")]
    noted = sum(1 for key in distinct if key in done and done[key].get("note"))
    return [
        (f"{len(found)} occurrences, {len(distinct)} distinct contexts; {sum(verdicts.values())} reviewed "
         f"({verdicts['ok']} ok, {verdicts['fixed']} fixed), {noted} with a note"),
        "reviewed by kind: " + ", ".join(f"{kind} {count}" for kind, count in kinds.most_common()),
        f"{len(history)} earlier decisions kept as the record (context gone or decided again)",
    ]


@command
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.tools.audit", description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=CONTENT)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="add new contexts to audit.yaml, keeping every row")
    mode.add_argument("--check", action="store_true", help="exit 1 when a context is not reviewed")
    args = parser.parse_args(argv)

    content = args.content.resolve()
    corpus = load_corpus(content)
    audited = characters(content)
    found = current(content, corpus)
    path = audit_path(content)
    rows = read_audit(path)
    by_char = Counter(occurrence.char for occurrence in found)
    print(f"{len(found)} occurrences of {len(by_char)} audited characters ({len(AMBIGUOUS)} ambiguous in OpenCC's "
          f"STCharacters, {len(audited - AMBIGUOUS)} added in characters.txt)")
    print("most frequent: " + " ".join(f"{char}{count}" for char, count in by_char.most_common(12)))
    if args.write:
        rows = merge(found, occurrences(corpus, plain_converter(), audited=audited), rows)
        path.write_text(dump(rows), encoding="utf-8")
        verdicts = Counter(row["verdict"] for row in rows)
        print(f"wrote {path}: " + ", ".join(f"{count} {verdict}" for verdict, count in sorted(verdicts.items())))
    for line in summary(found, rows):
        print(line)
    issues = problems(found, rows)
    if args.check and issues:
        print(f"{len(issues)} contexts to review:", file=sys.stderr)
        for issue in issues:
            print("  " + issue, file=sys.stderr)
        return 1
    return 0


@cache
def plain_converter() -> Callable[[str], str]:
    """OpenCC's s2tw with an empty project dictionary: the forms before the project's corrections."""
    return phrase_converter({})


if __name__ == "__main__":
    sys.exit(main())
