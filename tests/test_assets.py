"""The site's own stylesheet: every block closes (an unclosed @media block swallows every rule after it)."""

from __future__ import annotations

import re
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "overrides" / "assets"


def test_every_block_of_the_stylesheet_closes_at_top_level() -> None:
    text = re.sub(r"/\*.*?\*/", "", (ASSETS / "ip.css").read_text(encoding="utf-8"), flags=re.DOTALL)
    depth = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(r"[.@:#\[a-z*]", line) and depth >= 1:
            raise AssertionError(f"ip.css:{number}: a top-level rule inside an open block: {line[:60]!r}")
        depth += line.count("{") - line.count("}")
        assert depth >= 0, f"ip.css:{number}: a block closes that was not open"
    assert depth == 0, "ip.css: a block is not closed"
