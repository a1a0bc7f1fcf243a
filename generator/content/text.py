"""Text rules shared by the ingest, the loader and the fidelity test."""

from __future__ import annotations

import re
from pathlib import Path

from generator.content.errors import ContentError

CHINESE_NUMERALS = "一二三四五六七八九十"
_SENTENCE_END = re.compile(r"[。！？][”’」』）)]*")
_WHITESPACE = re.compile(r"\s+")


def numeral(n: int) -> str:
    """Chinese numeral for 1..9999 as printed in section markers and counts (一, 十一, 二十, 一百零五, 一千一百)."""
    if not 0 < n < 10_000:
        raise ValueError(n)
    digits = [(n // 1000, "千"), (n // 100 % 10, "百"), (n // 10 % 10, "十"), (n % 10, "")]
    parts: list[str] = []
    for digit, unit in digits:
        if digit:
            parts.append(CHINESE_NUMERALS[digit - 1] + unit)
        elif parts and parts[-1] != "零":
            parts.append("零")
    text = "".join(parts).rstrip("零")
    return text[1:] if text.startswith("一十") else text  # 十一, not 一十一


def join_lines(lines: list[str]) -> str:
    """Join PDF-wrapped lines: wrap points carry no space, inline spaces stay as printed."""
    return _WHITESPACE.sub(" ", "".join(line.strip() for line in lines)).strip()


def squeeze(text: str) -> str:
    """The text without any whitespace: the form in which source and data are compared."""
    return _WHITESPACE.sub("", text)


def sentences(text: str) -> list[str]:
    """Split after 。！？ (with any closing quote or bracket); a trailing fragment is kept."""
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        parts.append(text[start : match.end()].strip())
        start = match.end()
    if text[start:].strip():
        parts.append(text[start:].strip())
    return [part for part in parts if part]


# Characters a content file may not hold: invisible in most editors, or able to reorder what a reader sees.
# C0 and C1 controls (tab, line feed and carriage return aside), bidirectional controls, zero-width
# characters, line and paragraph separators (YAML counts them as line breaks, editors do not), and the
# private-use area (the conversion's own marks live there).
_REFUSED = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064"
    "\u2066-\u2069\ufeff\ufff9-\ufffb\ue000-\uf8ff\U000f0000-\U0010ffff]"
)
_KINDS = [
    ("\x00\x1f\x7f\x9f", "control character"),
    ("\u061c\u061c\u200e\u200f\u202a\u202e\u2066\u2069", "bidirectional control"),
    ("\u2028\u2029", "line or paragraph separator"),
    ("\ue000\uf8ff\U000f0000\U0010ffff", "private-use character"),
]


def refused_character(text: str, start: int = 0) -> tuple[int, str] | None:
    """The first character of `text` (from `start`) that content may not hold: (offset, description)."""
    match = _REFUSED.search(text, start)
    if match is None:
        return None
    char = match.group()
    kind = "invisible formatting character"
    for bounds, name in _KINDS:
        if any(low <= char <= high for low, high in zip(bounds[::2], bounds[1::2])):
            kind = name
            break
    return match.start(), f"the {kind} U+{ord(char):04X}"


def position(text: str, offset: int) -> tuple[int, int]:
    """Line and column (both from 1) of `offset`, counting only line feeds as line breaks, as editors do."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def refuse_invisible(path: Path, text: str) -> None:
    """A ContentError naming the first character of `text` (read from `path`) that content may not hold."""
    refused = refused_character(text)
    if refused is not None:
        line, column = position(text, refused[0])
        raise ContentError(path, line, f"expected visible text, found {refused[1]} at column {column}",
                           hint="delete it; it is invisible in most editors")


def read_text(path: Path) -> str:
    """A content file that is not YAML (dictionaries, the lock): UTF-8, or a ContentError naming the byte."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ContentError(path, None, f"expected a readable file, found {(error.strerror or str(error)).lower()}",
                           hint="restore the file from version control") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentError(path, line, f"expected UTF-8 text, found the byte 0x{raw[error.start]:02x}",
                           hint="save the file as UTF-8") from None
