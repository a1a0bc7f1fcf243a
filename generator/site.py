"""One edition of the site: its pages, navigation and open data; and the build of every edition."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from generator import opendata, search
from generator.convert import converter, identity
from generator.corpus import Corpus, load_corpus
from generator.editions import BY_CODE, EDITIONS, Edition, label
from generator.reference import FEATURES
from generator.render import Renderer, relative

PLUGIN = "ip-plans"
log = logging.getLogger("mkdocs.plugins.ip-plans")


@dataclass
class EditionSite:
    corpus: Corpus
    edition: Edition
    convert: Callable[[str], str]
    templates: Path | None

    @classmethod
    def load(cls, content: Path, code: str, templates: Path | None = None) -> EditionSite:
        edition = BY_CODE[code]
        convert = converter(content.resolve() / "zh-Hant" / "phrases.txt") if code == "zh-Hant" else identity
        return cls(load_corpus(content), edition, convert, templates)

    @cached_property
    def renderer(self) -> Renderer:
        return Renderer(self.corpus, self.edition, self.convert, self.templates, FEATURES)

    def label(self, key: str) -> str:
        return self.convert(label(key, self.edition))

    def configure(self, config: MkDocsConfig) -> None:
        """Interface language, site name, navigation and the edition switcher of this edition."""
        config.theme["language"] = self.edition.theme_language
        config.site_name = self.label("site_name")
        config.nav = self.nav()
        config.extra["alternate"] = [
            {"name": other.name, "link": "/" + other.root, "lang": other.html_lang} for other in EDITIONS
        ]

    def nav(self) -> list[Any]:
        title = self.convert
        return [
            {self.label("home"): "index.md"},
            {self.label("plans"): ["plans/index.md", *[{title(p.title): f"plans/{p.id}.md"} for p in self.corpus.plans]]},
            {self.label("agencies"): "agencies/index.md"},
            {self.label("themes"): ["themes/index.md", *[
                {title(t.name_ja if self.edition.code == "ja" else t.name): f"themes/{t.id}.md"}
                for t in self.corpus.themes.values()
            ]]},
            *([{self.label("reference"): [{self.label(f.label): f.index} for f in FEATURES]}] if FEATURES else []),
        ]

    def files(self) -> dict[str, str]:
        """Every generated file of the edition: Markdown pages and open data."""
        pages = self.renderer.pages()
        return {**pages, **opendata.files(self.corpus, self.edition, self.convert)}

    def write_search_index(self, site_dir: Path) -> int:
        """One search entry per item, agency and theme; returns the index size in bytes."""
        docs = search.entries(self.corpus, self.edition, self.convert, self.label, self.renderer.agency_name,
                              self.renderer.theme_name)
        search.patch_worker(site_dir)
        return search.rewrite_index(site_dir / "search" / "search_index.json", ("plans/", "agencies/", "themes/"),
                                    docs)

    def page_context(self, page_url: str) -> dict[str, Any]:
        """What the theme overrides need: the same page in every edition, and the edition notice."""
        here = self.edition.root + page_url
        return {
            "edition": self.edition.code,
            "body_lang": self.edition.body_lang,
            "alternates": [
                {"name": other.name, "lang": other.html_lang, "href": relative(here, other.root + page_url),
                 "current": other == self.edition}
                for other in EDITIONS
            ],
            "original_href": relative(here, page_url),
            "notice": self.label("original_prevails") if self.edition.code == "zh-Hant" else label("body_is_original", self.edition),
            "original_link": self.label("original_link"),
        }


def build_other_editions(config: MkDocsConfig) -> None:
    """Build the Traditional and Japanese editions into their folders of the original's site_dir."""
    for edition in EDITIONS:
        if edition.original:
            continue
        edition_config = load_config(config_file=config.config_file_path, site_dir=os.path.join(config.site_dir, edition.root))
        edition_config.plugins[PLUGIN].config.edition = edition.code
        edition_config.dev_addr = config.dev_addr
        log.info("Building the %s edition", edition.code)
        build(edition_config, serve_url=None)
