"""Audit of the Traditional edition: every Simplified character with more than one Traditional form, in context.

OpenCC (s2tw) picks the Traditional form of an ambiguous character such as 发 (發/髮), 制 (制/製), 系 (系/係/繫)
from its phrase dictionaries, falling back to a default form per character. The choice is usually right and
sometimes wrong (发布 → 發佈, 系 as a copula → 系). This module lists every occurrence of such a character in
the text the Traditional edition converts, with the form chosen there, so that each distinct context is
reviewed once in `content/zh-Hant/audit.yaml`; corrections go into the project dictionary
`content/zh-Hant/phrases.txt`.

    python -m generator.audit            summary of occurrences and review state
    python -m generator.audit --check    exit 1 listing contexts not reviewed (or whose form changed)
    python -m generator.audit --write    rewrite audit.yaml, keeping the verdicts already given
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from generator.convert import converter, opencc_dictionary
from generator.corpus import Corpus, load_corpus
from generator.editions import LABELS

CONTENT = Path(__file__).resolve().parent.parent / "content"
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


def texts(corpus: Corpus) -> Iterator[tuple[str, str]]:
    """(where, Simplified text) for everything the Traditional edition converts from the content."""
    for plan in corpus.plans:  # the source note is Japanese and kept as it is (convert.keep)
        yield f"plan:{plan.id}", plan.title
    for entry in corpus.entries:
        yield f"{entry.plan.id}#{entry.item.anchor}", entry.text
    for agency in corpus.agencies.values():
        for name in [agency.name, *agency.names]:
            yield f"agency:{agency.id}", name
    for theme in corpus.themes.values():
        yield f"theme:{theme.id}", theme.name
        if theme.description:
            yield f"theme:{theme.id}", theme.description
    for key, (simplified, _) in LABELS.items():
        if simplified:
            yield f"label:{key}", simplified


class NotLengthPreserving(AssertionError):
    pass


def convert_aligned(text: str, convert: Callable[[str], str]) -> str:
    """Convert `text`; the audit reads the result character by character, so its length must be the same."""
    result = convert(text)
    if len(result) != len(text):
        raise NotLengthPreserving(f"conversion changed the length ({len(text)} → {len(result)}): {text[:40]!r}")
    return result


def occurrences(corpus: Corpus, convert: Callable[[str], str]) -> list[Occurrence]:
    """Every occurrence of an ambiguous character in the converted text, in document order."""
    found = []
    for where, text in texts(corpus):
        converted = convert_aligned(text, convert)
        start = 0
        for line in text.split("\n"):
            for index, char in enumerate(line):
                if char in AMBIGUOUS:
                    left = max(0, index - WINDOW)
                    context = line[left: index + WINDOW + 1]
                    found.append(Occurrence(char, context, converted[start + index], where, index - left))
            start += len(line) + 1
    return found


def unique(found: list[Occurrence]) -> dict[tuple[str, str, int, str], Occurrence]:
    """The first occurrence of each (character, context, chosen form), sorted by character then context."""
    first: dict[tuple[str, str, int, str], Occurrence] = {}
    for occurrence in found:
        first.setdefault(occurrence.key, occurrence)
    return dict(sorted(first.items()))


# --- audit.yaml ---------------------------------------------------------------------------------------------------

HEADER = """\
# Review of every context of a Simplified character with more than one Traditional form (OpenCC's
# STCharacters), as converted for the Traditional edition (s2tw + content/zh-Hant/phrases.txt).
# Generated by `python -m generator.audit --write`, which keeps the verdicts given here;
# `python -m generator.audit --check` (and tests/test_convert.py) fail on a context not reviewed here.
#   context  the character with up to 3 characters on each side, in Simplified
#   chosen   the Traditional form of the character in that context, as the site prints it
#   s2tw     OpenCC's own form, where the project dictionary changed it
#   verdict  ok: reviewed, correct (Taiwan Ministry of Education standard forms)
#            fixed: reviewed, corrected by an entry of phrases.txt
#            todo: not yet reviewed; a correction is requested with `correct: <form>`
#   where    the first occurrence
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
    result = []
    for key, occurrence in unique(found).items():
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
    return result


def dump(rows: list[dict[str, Any]]) -> str:
    body = yaml.safe_dump(rows, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=None)
    return HEADER + body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.audit", description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=CONTENT)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="rewrite audit.yaml, keeping the verdicts given")
    mode.add_argument("--check", action="store_true", help="exit 1 when a context is not reviewed")
    args = parser.parse_args(argv)

    content = args.content.resolve()
    corpus = load_corpus(content)
    convert = converter(content / "zh-Hant" / "phrases.txt")
    found = occurrences(corpus, convert)
    path = audit_path(content)
    rows = read_audit(path)
    distinct = unique(found)
    by_char = Counter(occurrence.char for occurrence in found)
    print(f"{len(found)} occurrences of {len(by_char)} ambiguous characters "
          f"({len(AMBIGUOUS)} in OpenCC's STCharacters), {len(distinct)} distinct contexts")
    print("most frequent: " + " ".join(f"{char}{count}" for char, count in by_char.most_common(12)))
    if args.write:
        rows = merge(found, occurrences(corpus, plain_converter()), rows)
        path.write_text(dump(rows), encoding="utf-8")
        verdicts = Counter(row["verdict"] for row in rows)
        print(f"wrote {path}: " + ", ".join(f"{count} {verdict}" for verdict, count in sorted(verdicts.items())))
        return 0
    issues = problems(found, rows)
    current = set(distinct)
    stale = [row for row in rows if row_key(row) not in current]
    print(f"{len(distinct) - len(issues)} of {len(distinct)} contexts reviewed in {path.name}"
          + (f"; {len(stale)} entries no longer occur (drop them with --write)" if stale else ""))
    if args.check and issues:
        print(f"{len(issues)} contexts to review:", file=sys.stderr)
        for issue in issues:
            print("  " + issue, file=sys.stderr)
        return 1
    return 0


@cache
def plain_converter() -> Callable[[str], str]:
    """OpenCC's s2tw with an empty project dictionary: the forms before the project's corrections."""
    empty = Path(tempfile.mkdtemp(prefix="opencc-plain-")) / "phrases.txt"
    empty.write_text("# empty\n", encoding="utf-8")
    return converter(empty)


if __name__ == "__main__":
    sys.exit(main())
