"""A Markdown extension that passes the generator's blocks of HTML through without parsing them.

The generated pages are mostly HTML blocks, each written without blank lines (templates/_macros.j2).
Python-Markdown parses every tag of every block with its pure-Python HTML parser only to stash the
block unchanged; this extension stashes such a block whole first, as that parser would (the built
pages are the same, byte for byte), and leaves everything else, Markdown or other HTML, to it.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

# A block the generator writes: one block-level element, from its start tag at the start of a line to its
# end tag at the end of the block's last line, after a blank line and with none inside.
_START = re.compile(r"<([a-z][a-z0-9]*)[\s>]")
_TAG_LINE = re.compile(r" {0,3}<")  # where Python-Markdown may start a block of HTML


class RawBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        index = 0
        while index < len(lines):
            line = lines[index]
            start = _START.match(line)
            if start and self.md.is_block_level(start[1]) and not (out and out[-1].strip()):
                end = index + 1
                while end < len(lines) and lines[end].strip():
                    end += 1
                block = "\n".join(lines[index:end])
                if _closed(block, start[1]):
                    out.extend(["", self.md.htmlStash.store(block + "\n"), ""])
                    index = end
                    continue
            if _TAG_LINE.match(line):
                # HTML this does not know how Python-Markdown ends (it may run on past blank lines): from
                # here on, the text is all Python-Markdown's.
                return out + lines[index:]
            out.append(line)
            index += 1
        return out


def _closed(block: str, tag: str) -> bool:
    """Whether the block is one `tag` element: it ends with its end tag, and the start and end tags of
    that name pair up, the first start tag closing only at the end."""
    if not block.endswith(f"</{tag}>"):
        return False
    depth = 0
    for match in re.finditer(rf"<(/?){tag}[\s>]", block):
        depth += -1 if match[1] else 1
        if depth == 0 and match.end() < len(block):
            return False
    return depth == 0


class RawBlocksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(RawBlocks(md), "ip_raw_blocks", 25)  # before html_block (20)


def makeExtension(**kwargs: Any) -> RawBlocksExtension:  # the name Python-Markdown looks up
    return RawBlocksExtension(**kwargs)
