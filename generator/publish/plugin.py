"""The thin MkDocs boundary: wires MkDocs events to the generator's plain functions."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from generator.content import lock
from generator.content.corpus import Corpus
from generator.content.errors import ContentError
from generator.publish import forked, raw_html, site
from generator.render.renderer import CompiledTemplates

log = logging.getLogger("mkdocs.plugins.ip-plans")
THEME_TEMPLATES = CompiledTemplates()


class SiteConfig(Config):
    content = c.Dir(exists=True, default="content")
    """Folder of the data: plans/, agencies.yaml, themes.yaml, zh-Hant/."""
    edition = c.Choice(["zh-Hans", "zh-Hant", "ja"], default="zh-Hans")
    """The edition this build renders; the original also builds the others after itself."""
    editions = c.Type(bool, default=True)
    """Whether the original edition's build also builds the other editions."""
    templates = c.Optional(c.Dir(exists=True))
    """A folder of templates that override the generator's own, file by file."""
    parallel = c.Type(bool, default=True)
    """Whether the other editions build in child processes beside the original (on Linux)."""


class SiteContext(TemplateContext):
    """A template's context with what the theme overrides read from `ip` (EditionSite.page_context)."""

    ip: dict[str, Any]


class SitePlugin(BasePlugin[SiteConfig]):
    corpus: Corpus | None = None  # the original edition's, handed to the other editions it builds
    others: forked.OtherEditions | None = None  # the other editions building beside this one

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            self.edition_site = site.EditionSite.load(
                Path(self.config.content), self.config.edition,
                Path(self.config.templates) if self.config.templates else None, self.corpus,
            )
            self.edition_site.configure(config)
        except ContentError as error:
            raise PluginError(str(error)) from None
        config.markdown_extensions.append(raw_html.__name__)  # Python-Markdown calls its makeExtension()
        unlocked = lock.missing(Path(self.config.content) / lock.LOCK, self.edition_site.corpus.plans)
        if unlocked and self.config.edition == "zh-Hans":
            log.info("%d anchors not in the lock yet (run `make lock`): %s", len(unlocked), ", ".join(unlocked[:5]))
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # Rendered before MkDocs cleans the site folder: a template error leaves the last build intact.
        try:
            self.generated = self.edition_site.files()
            self.edition_site.search_records  # noqa: B018 (its data files are checked before anything is written)
        except ContentError as error:
            raise PluginError(str(error)) from None

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        listed = set(_nav_paths(config.nav))
        for path, content in self.generated.items():
            # Pages reached through the index pages, not the navigation: said so, so that MkDocs does not
            # list each of them at every build.
            inclusion = InclusionLevel.INCLUDED if path in listed or not path.endswith(".md") else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, path, content=content, inclusion=inclusion))
        if self._builds_others() and self.config.parallel and forked.CAN_FORK:  # site_dir is emptied by now
            self.others = forked.OtherEditions.start(config, self.edition_site.corpus)
        return files

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env.bytecode_cache = THEME_TEMPLATES  # each edition's build makes a new environment of the same theme
        return env

    def on_page_context(self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> SiteContext:
        _retitle(page.toc, self.edition_site.toc_titles(page.url))
        return SiteContext(**context, ip=self.edition_site.page_context(page.url))

    def on_template_context(self, context: TemplateContext, /, *, template_name: str,
                            config: MkDocsConfig) -> SiteContext:
        # Static templates (the 404 page) show the edition's notice and labels like every page.
        return SiteContext(**context, ip=self.edition_site.page_context("", static=True))

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(self.config.content)
        if self.config.templates:
            server.watch(self.config.templates)
        server.builder = _reported(server.builder)
        return server

    # Last of every plugin's: the other editions are built or awaited once this edition's folder is complete.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        try:
            size = self.edition_site.write_search_index(Path(config.site_dir))
            log.debug("search bundle of %s: %d bytes", self.config.edition, size)
            if self.others:
                failed, self.others = self.others.wait(), None
                if failed:
                    raise PluginError(f"the {' and '.join(failed)} edition failed: see the messages above")
            elif self._builds_others():
                site.build_other_editions(config, self.edition_site.corpus)
        except ContentError as error:
            raise PluginError(str(error)) from None

    def on_build_error(self, *, error: Exception) -> None:
        if self.others:
            self.others.stop()
            self.others = None

    def _builds_others(self) -> bool:
        return self.config.edition == "zh-Hans" and self.config.editions


def _retitle(toc: Any, titles: dict[str, str]) -> None:
    """Give the entries of a table of contents the titles `titles` has for their anchors."""
    for link in toc:
        if link.id in titles:
            link.title = titles[link.id]
        _retitle(link.children, titles)


def _reported(builder: Callable[..., None]) -> Callable[..., None]:
    """Under `mkdocs serve`, a failed rebuild ends in one line instead of a traceback (MkDocs has logged
    the cause); content and template errors stop the build before the site folder is touched, so the
    server keeps serving the last good site until the next rebuild succeeds."""

    def rebuild(*args: Any, **kwargs: Any) -> None:
        try:
            builder(*args, **kwargs)
        except Abort:
            log.error("Not rebuilt: the last good build is still served; save a fix to rebuild")

    return rebuild


def _nav_paths(nav: Any) -> list[str]:
    """Every page path of a MkDocs `nav` setting."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [path for value in nav.values() for path in _nav_paths(value)]
    if isinstance(nav, list):
        return [path for value in nav for path in _nav_paths(value)]
    return []
