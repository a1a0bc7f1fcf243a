"""One edition of the site: its pages, navigation and open data; and the build of every edition."""

from __future__ import annotations

import html
import json
import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from generator.content import glossary
from generator.content.corpus import Corpus
from generator.editions.convert import converter, identity, simplified
from generator.editions.edition import Edition
from generator.publish import opendata, search
from generator.publish.check import PHRASES, check, conversion
from generator.publish.reference import FEATURES
from generator.render import citation, laws_pages
from generator.render.renderer import Renderer, relative, year_page

if TYPE_CHECKING:  # the plugin imports this module
    from generator.publish.plugin import SitePlugin

PLUGIN = "ip-plans"
# Labels search.js shows (data-search-… of #ip-messages).
SEARCH_MESSAGES = ("search.results", "search.none", "search.loose", "search.lead", "search.loading", "search.failed",
                   "search.quick_all")
VIEWS = ("both", "translation", "original")  # the first is the default
log = logging.getLogger("mkdocs.plugins.ip-plans")


@dataclass
class EditionSite:
    content: Path
    corpus: Corpus
    edition: Edition
    convert: Callable[[str], str]
    templates: Path | None
    site_url: str = ""
    interface: Callable[[str], str] = identity  # the edition's interface wording, before the conversion

    @classmethod
    def load(cls, content: Path, code: str | None, templates: Path | None = None,
             corpus: Corpus | None = None) -> EditionSite:
        """The edition `code` of the content (the original when None); `corpus`, when given, is that content
        already loaded."""
        content = content.resolve()
        corpus = corpus or check(content)  # every content file is checked before anything renders
        edition = corpus.edition(code)
        convert, wording = conversion(content, edition)
        return cls(content, corpus, edition, convert, templates, interface=wording)

    @cached_property
    def renderer(self) -> Renderer:
        return Renderer(self.corpus, self.edition, self.convert, self.templates, FEATURES, self.site_url,
                        interface=self.interface)

    def label(self, key: str) -> str:
        return self.convert(self.renderer.label(key))

    def configure(self, config: MkDocsConfig) -> None:
        """Interface language, site name, navigation and the edition switcher of this edition."""
        # The site root's URL: each edition is published under it, at its own root (sitemap, canonical links).
        self.site_url = (config.site_url or "").removesuffix(self.edition.root)
        config.theme["language"] = self.edition.theme_language
        config.extra["html_lang"] = self.edition.html_lang  # the page's lang, whatever the language pack's name
        config.site_name = self.label("site_name")
        config.site_description = self.label("site_description")
        if "toc" in config.mdx_configs:  # the ¶ of headings, titled in the edition's language
            config.mdx_configs["toc"] = {**config.mdx_configs["toc"], "permalink_title": self.label("heading_permalink")}
        config.nav = self.nav()
        redirects = config.plugins.get("redirects")
        if redirects is not None:
            redirects.config["redirect_maps"].update(self.redirects())
        config.extra["alternate"] = [
            {"name": other.name, "link": "/" + other.root, "lang": other.html_lang} for other in self.corpus.editions
        ]

    def redirects(self) -> dict[str, str]:
        """The pages of plans known by a former id lead to the plan's page."""
        return {f"plans/{old}.md": f"plans/{plan.id}.md" for plan in self.corpus.plans for old in plan.aliases}

    def nav(self) -> list[Any]:
        """The navigation; its titles are HTML-escaped, since MkDocs and Material print them as markup."""

        def title(text: str) -> str:
            return html.escape(self.convert(text))

        names = self.renderer  # plan and theme names in the edition's language, as on the pages
        return [
            {self.label("home"): "index.md"},
            # A year's plans under its own page; the sidebar shows the plans of the page's year only.
            {self.label("plans"): ["plans/index.md", *[
                {title(names.year_name(year)): [f"{year_page(year)}index.md", *[
                    {title(names.plan_title(p)): f"plans/{p.id}.md"} for p in plans
                ]]} for year, plans in names.plans_by_year
            ]]},
            {self.label("agencies"): "agencies/index.md"},
            {self.label("themes"): ["themes/index.md", *[
                {title(names.theme_name(t)): f"themes/{t.id}.md"} for t in self.corpus.themes.values()
            ]]},
            *([{self.label("reference"): [{self.label(f.label): f.index} for f in FEATURES]}] if FEATURES else []),
        ]

    def files(self) -> dict[str, str]:
        """Every generated file of the edition: Markdown pages and open data."""
        pages = {**self.renderer.pages(), **search.pages(self.renderer)}
        return {**pages, **opendata.files(self.corpus, self.edition, self.convert), **citation.files(self.renderer)}

    @cached_property
    def search_records(self) -> list[search.Record]:
        """One search record per item, plan, agency, theme and cited document."""
        # The other Chinese script, for readers who type it: the original for a converted edition, else the
        # converted edition's script.
        folder = next((edition.conversion for edition in self.corpus.editions if edition.conversion), None)
        other = simplified if self.edition.conversion else converter(self.content / folder / PHRASES) if folder else identity
        laws = laws_pages.laws_of(self.corpus)
        documents = laws.entries if laws else ()
        language = self.edition.translation
        if not language:
            return search.records(self.renderer, other, documents)
        # Japanese readers find an item by the term base's words and by their own words for its terms.
        terms = glossary.glossary_pairs(self.content)
        readers = search.reader_words(self.content, self.corpus)

        def japanese_words(text: str) -> list[str]:
            return [*(japanese for chinese, japanese in terms if chinese in text), *readers(text)]

        return search.records(self.renderer, other, documents, extra=japanese_words,
                              translation=lambda entry: self.corpus.translation_of(entry, language))

    def write_search_index(self, site_dir: Path) -> int:
        """The edition's search index (search-index/); returns its size in bytes."""
        return search.write_bundle(site_dir, self.search_records)

    def page_context(self, page_url: str, static: bool = False) -> dict[str, Any]:
        """What the theme overrides need: the same page in every edition, and the edition notice. A static
        page (404) is at no path of its own: its links lead to each edition's home."""
        here = self.edition.root + page_url
        return {
            "edition": self.edition.code,
            "converted": bool(self.edition.conversion),
            "body_lang": self.edition.body_lang,
            "alternates": [
                {"name": other.name, "lang": other.html_lang, "href": relative(here, other.root + page_url),
                 "current": other == self.edition}
                for other in self.corpus.editions
            ],
            "original_href": relative(here, page_url),
            "notice": (self.label("original_prevails") if self.edition.conversion
                       else self.label("translation_notice") if self.edition.translation else ""),
            # The reader's choice of original and translation (kept across pages by ip.js).
            "views": {"legend": self.label("view"), "options": [(key, self.label(f"view.{key}")) for key in VIEWS]}
            if self.edition.translation else None,
            "original_link": self.label("original_link"),
            "messages": {key: self.label(key) for key in ("cite_copied", "cite_failed", "alias_notice", *SEARCH_MESSAGES)},
            "search": {key: self.label(f"search.{key}") for key in ("placeholder", "submit")},
            "not_found": {**{key: self.label(f"not_found.{key}") for key in ("title", "text", "home")},
                          # served at any missing path: the home page by its absolute address
                          "href": (self.site_url.rstrip("/") if self.site_url else "") + "/" + self.edition.root}
            if static else None,
            "meta": self.plan_meta(page_url),
            # A plan page's table of contents lists the plan's own headings, in the body's language.
            # With a translation, the headings of the table of contents are the translated ones.
            "toc_lang": (self.edition.translation or self.edition.body_lang)
            if page_url.startswith("plans/") and page_url != "plans/" else None,
        }

    def toc_titles(self, page_url: str) -> dict[str, str]:
        """Anchor -> HTML of its entry in the page's table of contents, where it differs from the heading's text."""
        plan = next((p for p in self.corpus.plans if page_url == f"plans/{p.id}/"), None)
        titles = self.renderer.toc_titles(plan) if plan else {}
        return {anchor: html.escape(self.convert(title)) for anchor, title in titles.items()}

    def plan_meta(self, page_url: str) -> dict[str, Any] | None:
        """Metadata of a plan page for citation managers: Dublin Core and schema.org Legislation."""
        plan = next((p for p in self.corpus.plans if page_url == f"plans/{p.id}/"), None)
        if plan is None:
            return None
        url = self.renderer.published_url(page_url) if self.site_url else None
        title = self.convert(plan.title)
        issuer = self.convert(self.corpus.agencies[plan.issuer].name) if plan.issuer else None
        doc_number = self.convert(plan.doc_number) if plan.doc_number else None
        note = plan.source.parsed
        date = plan.issued or plan.published or (note.date if note else None)
        source = note.url if note else None
        dublin_core = {
            "DC.title": title,
            "DC.creator": issuer,
            "DC.date": date.isoformat() if date else None,
            "DC.identifier": doc_number or url,
            "DC.language": self.edition.body_lang,
            "DC.type": "Text",
            "DC.source": source,
        }
        legislation = {
            "@context": "https://schema.org",
            "@type": "Legislation",
            "name": title,
            "alternateName": plan.title_ja if self.edition.translation and plan.title_ja else None,
            "legislationIdentifier": doc_number,
            "legislationDate": plan.issued.isoformat() if plan.issued else None,
            "datePublished": date.isoformat() if date else None,
            "legislationPassedBy": {"@type": "GovernmentOrganization", "name": issuer} if issuer else None,
            "legislationJurisdiction": "CN",
            "inLanguage": self.edition.body_lang,
            "url": url,
            "isBasedOn": source,
        }
        return {
            "dublin_core": {name: value for name, value in dublin_core.items() if value},
            "json_ld": json.dumps({k: v for k, v in legislation.items() if v}, ensure_ascii=False)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"),
        }


def build_other_editions(config: MkDocsConfig, corpus: Corpus) -> None:
    """Build the editions other than the original into their folders of the original's site_dir; `corpus`
    is the original's, so that the content is read once per build."""
    for edition in corpus.editions:
        if not edition.original:
            build_edition(config, edition, corpus)


def build_edition(config: MkDocsConfig, edition: Edition, corpus: Corpus | None = None, site_dir: str | None = None) -> None:
    """Build one edition into its folder of the original's site_dir (`config` is the original's), or into `site_dir`."""
    edition_config = load_config(config_file=config.config_file_path,
                                 site_dir=site_dir or os.path.join(config.site_dir, edition.root),
                                 site_url=config.site_url + edition.root if config.site_url else None)
    plugin = cast("SitePlugin", edition_config.plugins[PLUGIN])  # registered under PLUGIN in pyproject.toml
    plugin.config.edition = edition.code
    plugin.corpus = corpus
    edition_config.dev_addr = config.dev_addr
    log.info("Building the %s edition", edition.code)
    build(edition_config, serve_url=None)


def aside(config: MkDocsConfig, edition: Edition) -> Path:
    """Where an edition builds beside the original's site_dir before it is put in its folder."""
    return Path(f"{config.site_dir}.{edition.code}.new")


def build_aside(config: MkDocsConfig, edition: Edition, corpus: Corpus | None = None, put_in_place: bool = True) -> None:
    """Build one edition beside the original's site_dir and, with `put_in_place`, then put it in its folder:
    its pages are never missing."""
    new = aside(config, edition)
    shutil.rmtree(new, ignore_errors=True)
    build_edition(config, edition, corpus, str(new))
    if put_in_place:
        publish(new, Path(config.site_dir) / edition.root)


def publish(new: Path, site: Path) -> None:
    """Put the finished build `new` in the place of `site` with two renames (the old one is removed last)."""
    old = site.with_name(site.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    try:
        new.rename(site)
    except OSError:
        if old.exists():
            old.rename(site)
        raise
    shutil.rmtree(old, ignore_errors=True)
