"""Text rules shared by the ingest, the loader and the fidelity test."""

from __future__ import annotations

import re

CHINESE_NUMERALS = "一二三四五六七八九十"
_SENTENCE_END = re.compile(r"[。！？][”’」』）)]*")
_WHITESPACE = re.compile(r"\s+")


def numeral(n: int) -> str:
    """Chinese numeral for 1..99 as printed in section markers (一, 十一, 二十)."""
    if not 0 < n < 100:
        raise ValueError(n)
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CHINESE_NUMERALS[tens - 1] + "十")
    return head + ("" if units == 0 else CHINESE_NUMERALS[units - 1])


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
