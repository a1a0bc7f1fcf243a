"""Reading the built site: pages, ids and links of the HTML files."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

EDITION_ROOTS = ["", "zh-Hant/", "ja/"]


class PageParser(HTMLParser):
    """Collects ids, hrefs and the attributes of elements with an id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.elements: dict[str, dict[str, str | None]] = {}
        self.html_lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.html_lang = attributes.get("lang")
        if attributes.get("id"):
            self.ids.add(str(attributes["id"]))
            self.elements[str(attributes["id"])] = {"tag": tag, **attributes}
        if tag == "a" and attributes.get("href"):
            self.hrefs.append(str(attributes["href"]))


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page_file(site: Path, edition_root: str, url: str) -> Path:
    return site / edition_root / url / "index.html"
