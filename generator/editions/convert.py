"""Simplified to Traditional script: OpenCC's character forms (s2tw), the project's phrases first."""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import opencc

from generator.content.errors import ContentError
from generator.content.text import read_text, refuse_invisible

OPENCC_SHARE = Path(opencc.__file__).resolve().parent / "clib" / "share" / "opencc"
BASE_CONFIG = "s2tw.json"  # character forms only; never s2twp, which renames laws and agencies
# A span between these private-use marks is kept as it is (the Japanese source notes, proper names).
KEEP_START, KEEP_END = "\ue000", "\ue001"
_KEPT = re.compile(f"({KEEP_START}.*?{KEEP_END})", re.DOTALL)


def keep(text: str) -> str:
    """Mark `text` so that no conversion touches it."""
    return f"{KEEP_START}{text}{KEEP_END}"


def _outside_kept(convert: Callable[[str], str]) -> Callable[[str], str]:
    def apply(text: str) -> str:
        if KEEP_START not in text:
            return convert(text)
        parts = _KEPT.split(text)
        return "".join(part[1:-1] if index % 2 else convert(part) for index, part in enumerate(parts))

    return apply


# A phrase is plain text, Chinese words only, no ASCII and no space. A page's markup never reaches the
# converter (generator/editions/page_text.py), and what it writes there is escaped; the text between its tags may still
# hold Markdown's marks, which are ASCII, so a phrase can neither match one nor write one.
_NOT_PLAIN = re.compile(r"[\x00-\x7f]|\s")


def _phrase_entries(path: Path, same_length: bool = False) -> list[tuple[str, str]]:
    """OpenCC's text format: `simplified<TAB>traditional`; `#` starts a comment line."""
    if not path.is_file():
        raise ContentError(path, None, "expected the phrase dictionary, found no file",
                           hint="restore it from version control; an empty dictionary holds only comments")
    text = read_text(path)
    refuse_invisible(path, text)
    entries = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0] or not parts[1].strip():
            raise ContentError(path, number, f"phrase: expected `simplified<TAB>traditional`, found {line!r}",
                               hint="one phrase per line, its two forms separated by one tab")
        simplified, traditional = parts[0], parts[1].split(" ")[0]
        for side, form in (("simplified", simplified), ("traditional", traditional)):
            bad = _NOT_PLAIN.search(form)
            if bad:
                raise ContentError(path, number, f"phrase {simplified!r}: expected Chinese words only on the {side} "
                                   f"side, found {bad.group()!r} in {form!r}",
                                   hint="no ASCII (markup, quotes, letters, digits) and no spaces in a phrase")
        if simplified in seen:
            raise ContentError(path, number, f"phrase {simplified!r}: expected each phrase once, found it again",
                               hint=f"line {seen[simplified]} has it already; keep one")
        seen[simplified] = number
        if same_length and len(simplified) != len(traditional):
            raise ContentError(path, number, f"phrase {simplified!r}: expected a Traditional form of "
                               f"{len(simplified)} characters, found {traditional!r}",
                               hint="an interface phrase keeps the length of its Simplified phrase; "
                               "take in a neighbouring character, or reword the label")
        entries.append((simplified, traditional))
    return entries


def _config(phrases: dict[str, str], workdir: Path) -> Path:
    """s2tw with the project dictionary placed before the built-in ones, in segmentation and conversion."""
    config: dict[str, Any] = json.loads((OPENCC_SHARE / BASE_CONFIG).read_text(encoding="utf-8"))
    # OpenCC's text dictionaries must be sorted by key.
    dictionary = workdir / "phrases.txt"
    dictionary.write_text("".join(f"{s}\t{t}\n" for s, t in sorted(phrases.items())), encoding="utf-8")
    project = {"type": "text", "file": str(dictionary)}

    def absolute(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: (str(OPENCC_SHARE / v) if k == "file" else absolute(v)) for k, v in node.items()}
        if isinstance(node, list):
            return [absolute(v) for v in node]
        return node

    config = absolute(config)
    segmentation = config["segmentation"]["dict"]
    segmentation["dicts"].insert(0, project)
    first = config["conversion_chain"][0]["dict"]
    first["dicts"].insert(0, project)
    path = workdir / "s2tw-project.json"
    path.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    return path


def converter(phrases: Path) -> Callable[[str], str]:
    """The Traditional converter for the project dictionary at `phrases`: loaded once per process, and
    again when the dictionary changes (an edit under `mkdocs serve` takes effect at once)."""
    _phrase_entries(phrases)  # checked on every call: a broken dictionary stops the build at its line
    return _converter(phrases, phrases.stat().st_mtime_ns)


@cache
def _converter(phrases: Path, version: int) -> Callable[[str], str]:
    return phrase_converter(dict(_phrase_entries(phrases)))


def phrase_converter(phrases: dict[str, str]) -> Callable[[str], str]:
    """The Traditional converter with `phrases` (Simplified → Traditional) before OpenCC's own, as they are:
    `converter` gives it the checked phrases of a dictionary file."""
    # OpenCC reads its configuration and dictionaries when the engine is made: the folder can go at once.
    with tempfile.TemporaryDirectory(prefix="opencc-") as workdir:
        engine = opencc.OpenCC(str(_config(phrases, Path(workdir))))
    return _outside_kept(engine.convert)


identity = _outside_kept(lambda text: text)


def interface(phrases: Path) -> Callable[[str], str]:
    """The Traditional edition's interface wording (Taiwan usage) for a Simplified label: each phrase of the
    interface dictionary at `phrases` (剪贴板 → 剪貼簿) becomes its Traditional form, kept from the page's
    conversion; the rest of the label is converted with the page. No dictionary: the label as it is."""
    if not phrases.exists():
        return _unchanged
    return _interface(phrases, phrases.stat().st_mtime_ns)


def _unchanged(text: str) -> str:
    return text


@cache
def _interface(phrases: Path, version: int) -> Callable[[str], str]:
    entries = dict(_phrase_entries(phrases, same_length=True))  # the audit reads labels character by character
    if not entries:
        return _unchanged
    pattern = re.compile("|".join(re.escape(phrase) for phrase in sorted(entries, key=len, reverse=True)))
    return lambda text: pattern.sub(lambda match: keep(entries[match.group()]), text)


@cache
def opencc_dictionary(name: str) -> dict[str, tuple[str, ...]]:
    """One of OpenCC's own character dictionaries (`STCharacters`, `TSCharacters`, `TWVariants`) as
    {key: forms}, read from the package's binary file with its `opencc_dict` tool (ocd2 → text)."""
    tool = OPENCC_SHARE.parent.parent / "bin" / "opencc_dict"
    with tempfile.TemporaryDirectory(prefix="opencc-dict-") as workdir:
        text = Path(workdir) / f"{name}.txt"
        subprocess.run(
            [str(tool), "-i", str(OPENCC_SHARE / f"{name}.ocd2"), "-o", str(text), "-f", "ocd2", "-t", "text"],
            check=True, capture_output=True, timeout=60,
        )
        lines = text.read_text(encoding="utf-8").splitlines()
    return {key: tuple(values.split()) for key, _, values in (line.partition("\t") for line in lines)}


@cache
def simplified_only() -> frozenset[str]:
    """The characters s2t always changes and no OpenCC dictionary gives as a Traditional form: 个, 这, 国,
    not 台 (臺 or 台), 秘 or 群 (the Taiwan forms of 祕, 羣), 坏 (a Traditional character of its own)."""
    simplified = opencc_dictionary("STCharacters")
    variants = opencc_dictionary("TWVariants")
    traditional = {form for forms in [*simplified.values(), *variants.values()] for form in forms}
    traditional |= set(opencc_dictionary("TSCharacters"))
    return frozenset(key for key, forms in simplified.items() if key not in forms and key not in traditional)


@cache
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC(str(OPENCC_SHARE / "t2s.json"))


def simplified(text: str) -> str:
    """Traditional text in Simplified characters (for cutting it into words; never published)."""
    return _to_simplified().convert(text)
