"""A built page as a tree of elements, to compare the text content of an element with the data."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def iter(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Element]:
        return [e for e in self.iter() if (tag is None or e.tag == tag) and (cls is None or cls in e.classes)]

    def select(self, predicate: Callable[[Element], bool]) -> list[Element]:
        return [e for e in self.iter() if predicate(e)]

    def links(self) -> list[str]:
        return [e.attrs["href"] for e in self.iter() if e.tag == "a" and "href" in e.attrs]

    def by_id(self, element_id: str) -> Element:
        return next(e for e in self.iter() if e.attrs.get("id") == element_id)

    def text(self, skip: Callable[[Element], bool] = lambda element: False) -> str:
        """The text content (character references decoded), leaving out the elements `skip` selects."""
        return "".join(child if isinstance(child, str) else "" if skip(child) else child.text(skip)
                       for child in self.children)

    def heading_text(self) -> str:
        """A heading's text without its permalink (¶)."""
        return self.text(skip=lambda element: "headerlink" in element.classes)


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


@dataclass
class Document:
    root: Element
    comments: list[str]


def read(path: Path) -> Document:
    builder = _Builder()
    builder.feed(path.read_text(encoding="utf-8"))
    builder.close()
    return Document(builder.root, builder.comments)
