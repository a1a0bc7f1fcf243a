"""Titles of documents cited in the plans' text: 《…》, with titles nested as 〈…〉 inside them."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A stray 《 before another title (004's preamble: （《以下简称《纲要》）) opens no title of its own.
_TITLE = re.compile(r"《([^《》]+)》")
_NESTED = re.compile(r"〈([^〈〉]+)〉")
_DASHES = re.compile(r"[-‐‑–—―－~～]+")
_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({"\"": "“", "＂": "“", "”": "“", "「": "“", "」": "“"})
STATE_PREFIX = "中华人民共和国"


@dataclass(frozen=True)
class Title:
    """One title as written between the brackets, and whether it stands inside another title."""

    form: str
    nested: bool = False

    @property
    def printed(self) -> str:
        return f"〈{self.form}〉" if self.nested else f"《{self.form}》"


def titles(text: str) -> list[Title]:
    """Every title in `text`, in order; a nested 〈title〉 follows the title that holds it."""
    found: list[Title] = []
    for match in _TITLE.finditer(text):
        found.append(Title(match[1]))
        found.extend(Title(inner[1], nested=True) for inner in _NESTED.finditer(match[1]))
    return found


def normal(form: str) -> str:
    """A key under which the same document written differently meets: no spaces, one dash, one kind
    of quotation mark, no leading 中华人民共和国."""
    key = _DASHES.sub("—", _SPACES.sub("", form)).translate(_QUOTES).replace("〈", "《").replace("〉", "》")
    return key.removeprefix(STATE_PREFIX)
