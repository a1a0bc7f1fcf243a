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

# A block the generator writes: after a blank line and with none inside, block-level elements one after the
# other, each from its start tag at the start of a line to its end tag at the end of a line.
_START = re.compile(r"<([a-z][a-z0-9]*)[\s>]")
_TAG_LINE = re.compile(r" {0,3}<")  # where Python-Markdown may start a block of HTML


class RawBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        index = 0
        while index < len(lines):
            line = lines[index]
            if _START.match(line) and not (out and out[-1].strip()):
                end = index + 1
                while end < len(lines) and lines[end].strip():
                    end += 1
                elements = self._elements(lines[index:end])
                if elements:
                    # Python-Markdown keeps the newline after an element only where a blank line follows: the last one's
                    for number, element in enumerate(elements, start=1):
                        stored = element + "\n" if number == len(elements) else element
                        out.extend(["", self.md.htmlStash.store(stored), ""])
                    index = end
                    continue
            if _TAG_LINE.match(line):
                # HTML this does not know how Python-Markdown ends (it may run on past blank lines): from
                # here on, the text is all Python-Markdown's.
                return out + lines[index:]
            out.append(line)
            index += 1
        return out

    def _elements(self, block: list[str]) -> list[str] | None:
        """The block-level elements a block of lines holds one after the other, each from a start tag at the
        start of a line to its end tag at the end of a line (Python-Markdown stashes each as it is); None when
        the block is anything else."""
        elements: list[str] = []
        first, tag = 0, None
        for last, line in enumerate(block):
            if tag is None:  # a line that must start the next element
                start = _START.match(line)
                if start is None or not self.md.is_block_level(start[1]):
                    return None
                first, tag = last, start[1]
            if line.endswith(f"</{tag}>"):  # a candidate end: joined and checked only here
                element = "\n".join(block[first:last + 1])
                if _closed(element, tag):
                    elements.append(element)
                    tag = None
        return elements if tag is None else None


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
