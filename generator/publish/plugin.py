"""The thin MkDocs boundary: wires MkDocs events to the generator's plain functions."""

from __future__ import annotations

import copy
import logging
import threading
import time
import zlib
from collections.abc import Callable, Iterable
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
from generator.editions.edition import Edition
from generator.publish import forked, raw_html, site
from generator.render.renderer import CompiledTemplates

log = logging.getLogger("mkdocs.plugins.ip-plans")
THEME_TEMPLATES = CompiledTemplates()
SIDEBAR_GROUP = 16  # pages a section of the sidebar lists at most: its index page and 15 plans of a year


class SiteConfig(Config):
    content = c.Dir(exists=True, default="content")
    """Folder of the data: plans/, agencies.yaml, themes.yaml, zh-Hant/."""
    edition = c.Optional(c.Type(str))
    """The code of the edition this build renders (content/editions.yaml; the original when unset); the
    original also builds the others after itself."""
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
    held: dict[str, bytes]  # source path -> the page's HTML, compressed, until the page is written
    serving = False  # under `mkdocs serve`: the original edition first, the others after, each put in place whole
    server: Any = None  # the live-reload server, under `mkdocs serve`
    waiting: threading.Thread | None = None  # under `mkdocs serve`, waits for the other editions, then reloads

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # With this event, MkDocs keeps the plugin across the rebuilds of `mkdocs serve`: so are the children.
        self.serving = command == "serve"

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
        if unlocked and self.edition_site.edition.original:
            log.info("%d anchors not in the lock yet (run `make lock`): %s", len(unlocked), ", ".join(unlocked[:5]))
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if not self.serving and self._forks_others():
            # Before this edition renders its pages, so that the children do not inherit them.
            self.others = forked.OtherEditions.start(config, self.edition_site.corpus)
        # Rendered before MkDocs cleans the site folder: a template error leaves the last build intact.
        try:
            self.held = {}
            self.generated = self.edition_site.files()
            self.edition_site.search_records  # noqa: B018 (its data files are checked before anything is written)
        except ContentError as error:
            raise PluginError(str(error)) from None
        if self.serving and self._builds_others():
            self._stop_others()  # the last edit's builds are out of date
            self._keep_others(config, aside=True)  # the other editions' last build stays while MkDocs cleans

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        listed = set(_nav_paths(config.nav))
        for path, content in self.generated.items():
            # Pages reached through the index pages, not the navigation: said so, so that MkDocs does not
            # list each of them at every build.
            inclusion = InclusionLevel.INCLUDED if path in listed or not path.endswith(".md") else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, path, content=content, inclusion=inclusion))
        self.generated = {}  # the files hold them now
        if self.serving and self._builds_others():
            self._keep_others(config, aside=False)
        return files

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # MkDocs holds every page's HTML until the last page is written: held compressed until its page is
        # written, a page's Markdown dropped once converted, so that a build's memory grows with the corpus by a
        # fraction of its text rather than by its text three times over.
        self.held[page.file.src_uri] = zlib.compress(html.encode("utf-8"), 1)
        page.markdown = ""
        page.file.content_string = ""
        return ""

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env.bytecode_cache = THEME_TEMPLATES  # each edition's build makes a new environment of the same theme
        return env

    def on_page_context(self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> SiteContext:
        context["nav"] = _sidebar(nav, page)
        page.content = zlib.decompress(self.held.pop(page.file.src_uri)).decode("utf-8")
        _retitle(page.toc, self.edition_site.toc_titles(page.url))
        return SiteContext(**context, ip=self.edition_site.page_context(page.url))

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        page.content = None  # written: not needed again
        return output

    def on_template_context(self, context: TemplateContext, /, *, template_name: str,
                            config: MkDocsConfig) -> SiteContext:
        # Static templates (the 404 page) show the edition's notice and labels like every page.
        return SiteContext(**context, ip=self.edition_site.page_context("", static=True))

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(self.config.content)
        if self.config.templates:
            server.watch(self.config.templates)
        server.builder = _reported(server.builder)
        self.server = server
        return server

    # Last of every plugin's: the other editions are built or awaited once this edition's folder is complete.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        try:
            size = self.edition_site.write_search_index(Path(config.site_dir))
            log.debug("search bundle of %s: %d bytes", self.edition_site.edition.code, size)
            if self.serving and self._forks_others():
                # The original is served as soon as it is built; the other editions replace theirs when done.
                self.others = forked.OtherEditions.start(config, self.edition_site.corpus, publish=True)
                self.waiting = threading.Thread(target=self._reload_after_others, args=(self.others,), daemon=True)
                self.waiting.start()
            elif self.others:
                others, self.others = self.others, None
                failed = others.wait()
                if failed:
                    others.discard()
                    raise PluginError(f"the {' and '.join(failed)} edition failed: see the messages above")
                others.put_in_place()
            elif self._builds_others():
                site.build_other_editions(config, self.edition_site.corpus)
        except ContentError as error:
            raise PluginError(str(error)) from None

    def on_build_error(self, *, error: Exception) -> None:
        if self.serving:
            self._keep_others(config=None, aside=False)
            return
        if self.others:
            self.others.stop()
            self.others.discard()
            self.others = None

    def on_shutdown(self) -> None:
        self._stop_others()

    def _stop_others(self) -> None:
        if self.waiting and self.others:
            self.others.kill()
            self.waiting.join()
        self.waiting = self.others = None

    def _reload_after_others(self, others: forked.OtherEditions) -> None:
        failed = others.wait()
        if others is not self.others:
            return  # stopped: a newer build is on its way
        if failed:
            log.error("Not rebuilt: the %s edition (its last good build is still served)", " and ".join(failed))
        else:
            _reload(self.server)

    def _keep_others(self, config: MkDocsConfig | None, aside: bool) -> None:
        """Move the other editions' folders out of the site folder (`aside`) or back into it."""
        if config is not None:
            self.kept = Path(config.site_dir)
        site_dir = getattr(self, "kept", None)
        if site_dir is not None:
            keep_others(site_dir, [e for e in self.edition_site.corpus.editions if not e.original], aside)

    def _builds_others(self) -> bool:
        return self.edition_site.edition.original and self.config.editions

    def _forks_others(self) -> bool:
        """Whether the other editions build in child processes beside this one."""
        return self._builds_others() and self.config.parallel and forked.CAN_FORK


def keep_others(site_dir: Path, others: Iterable[Edition], aside: bool) -> None:
    """Move the folders of the editions `others` out of `site_dir` (`aside`), next to it, or back into it."""
    for edition in others:
        inside, outside = site_dir / edition.root, Path(f"{site_dir}.{edition.code}.kept")
        source, target = (inside, outside) if aside else (outside, inside)
        if source.exists() and not target.exists():
            source.rename(target)


def _sidebar(nav: Navigation, page: Page, limit: int = SIDEBAR_GROUP) -> Navigation:
    """The navigation as `page`'s sidebar shows it. Material lists the pages of the page's own section only (a
    year's plans); a section of more than `limit` pages lists its index page and `page` alone, so that no sidebar
    grows with the corpus (the year's page lists all its plans)."""
    section = page.parent
    if section is None or len(section.children) <= limit:
        return nav
    shown: Any = copy.copy(section)
    shown.children = [child for child in section.children if child is page or getattr(child, "is_index", False)]
    while section.parent is not None:  # the same sections above it, each holding the shortened one
        parent = copy.copy(section.parent)
        parent.children = [shown if child is section else child for child in section.parent.children]
        section, shown = section.parent, parent
    sidebar = copy.copy(nav)
    sidebar.items = [shown if item is section else item for item in nav.items]
    return sidebar


def _reload(server: Any) -> None:
    """Have the pages open in a browser reload, as after a rebuild: MkDocs' live-reload server has no public call
    for it, so this uses its build epoch when it has one (nothing happens otherwise, or while a build runs)."""
    condition = getattr(server, "_epoch_cond", None)
    if condition is None or not hasattr(server, "_visible_epoch"):
        return
    with condition:
        if server._visible_epoch == server._wanted_epoch:
            server._visible_epoch = server._wanted_epoch = round(time.monotonic() * 1000)
            condition.notify_all()


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
