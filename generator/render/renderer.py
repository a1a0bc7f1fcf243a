"""Models to Markdown pages of one edition, through the Jinja2 templates."""

from __future__ import annotations

import datetime
import html
import os
import re
import traceback
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TypeVar

from jinja2 import (
    BytecodeCache,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
)
from jinja2.bccache import Bucket
from jinja2.ext import Extension
from markupsafe import Markup

from generator.content.corpus import Corpus, Entry, printed_translation
from generator.content.coverage import described
from generator.content.errors import ContentError
from generator.content.models import Agency, Item, Plan, Theme, translatable
from generator.editions.convert import keep
from generator.editions.edition import Edition, label
from generator.editions.page_text import convert_page
from generator.render import citation

TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass(frozen=True)
class Feature:
    """A family of reference pages (lineage, cited laws, duties, glossary, charts…): its navigation
    entry and the function that renders its pages, {source path: Markdown}."""

    label: str  # label key of its navigation entry
    index: str  # source path of its index page
    pages: Callable[[Renderer], dict[str, str]]
    # Names the feature adds to every template, the plans' own pages included (a "see also" line).
    template_globals: Callable[[Renderer], dict[str, object]] | None = None


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept for the whole process: every edition, and every rebuild under `mkdocs serve`,
    renders the same templates. An edited template has another checksum, so it is compiled again."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED = CompiledTemplates()  # the generator's own templates (one Environment configuration)
_CONTINUED = re.compile(r"\\\n[ \t]*")


class LineContinuation(Extension):
    """A backslash at the end of a template line joins the next line to it, without the next line's
    indentation: long HTML is written over several lines and rendered as the one line Markdown needs."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return _CONTINUED.sub("", source)


# Item references an agency's or a theme's page lists in full (about 1 KB each): above, the page gives
# each plan's count and a link to the plan's own listing, so that no page grows with the corpus.
T = TypeVar("T")
LISTING_LIMIT = 150
# Characters of original text one listing page holds; the Japanese edition shows about as much again in
# translation, so a page stays under 400 KB. Counted on the original text, so every edition splits alike.
LISTING_CHARS = 30_000


def too_long(entries: Sequence[Entry]) -> bool:
    """Whether a listing of `entries` goes on pages per plan: too many items, or too much text."""
    return len(entries) > LISTING_LIMIT or sum(len(entry.text) for entry in entries) > LISTING_CHARS

# Python-Markdown's escapable characters: backslash-escaped in headings, so text stays text.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def md_inline(text: str) -> Markup:
    """Text for a Markdown heading: HTML-escaped, then every Markdown mark escaped."""
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False)))


def relative(page_url: str, target: str) -> str:
    """Relative link from a page at `page_url` (directory URL) to `target` (site path, may hold #)."""
    path, _, fragment = target.partition("#")
    return _relative_path(page_url, path) + (f"#{fragment}" if fragment else "")


@lru_cache(maxsize=1 << 16)  # a page links to the same few pages many times, at different anchors
def _relative_path(page_url: str, path: str) -> str:
    """posixpath.relpath's answer for two site paths, without its look at the working folder."""
    here, there = page_url.split("/"), path.split("/")
    here, there = [part for part in here if part], [part for part in there if part]
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    link = "/".join([".."] * (len(here) - common) + there[common:])
    return link + "/" if link and path.endswith("/") else link or "./"


def item_label(entry: Entry, edition: Edition, full: bool = False) -> str:
    """How a reader names an item, in the edition's words (labels `locator.*`): 第18项, 五、第3项举措, 一、第2项任务;
    第18項, 第5章第3措置, 第1章第2タスク. `full` names a sub-section with its section (一、（二）, 第1章第2節)."""
    item, parent = entry.item, entry.parent
    if item.kind in ("notice", "preamble", "closing"):
        return label(f"kind.{item.kind}", edition)
    numbers = [int(n) for n in re.findall(r"\d+", item.anchor)]
    kind: str = "row" if item.kind == "task" and not item.marker else item.kind
    if kind == "subsection" and full:
        kind = "subsection_full"
    return label(f"locator.{kind}", edition).format(
        marker=item.marker or item.anchor, parent=parent.marker if parent and parent.marker else "",
        section=numbers[0], number=numbers[-1],
    )


def template_error(error: Exception, template_dirs: Sequence[str], template: str, url: str) -> ContentError | None:
    """The template file and line where rendering failed, as a ContentError; None for an error outside
    the templates. Jinja maps the frames of compiled templates onto their source lines."""
    line: int | None
    if isinstance(error, TemplateSyntaxError):
        path, line = error.filename or template, error.lineno
    else:
        frames = [frame for frame in traceback.extract_tb(error.__traceback__)
                  if os.path.abspath(frame.filename).startswith(tuple(template_dirs))]
        if not frames and not isinstance(error, TemplateError):
            return None
        path, line = (frames[-1].filename, frames[-1].lineno) if frames else (template, None)
    if isinstance(error, TemplateNotFound):
        message = f"expected a template named {error.name!r}, found none"
    elif isinstance(error, TemplateError):
        message = str(error.message)
    else:
        message = f"{type(error).__name__}: {error}"
    return ContentError(Path(path), line, f"template: {message}", hint=f"while rendering {template} for /{url}")


class Renderer:
    """Renders every page of one edition; `convert` turns Simplified output into the edition's script."""

    def __init__(self, corpus: Corpus, edition: Edition, convert: Callable[[str], str] = lambda text: text,
                 templates: Path | None = None, features: Sequence[Feature] = (), site_url: str = "",
                 interface: Callable[[str], str] = lambda text: text) -> None:
        self.corpus = corpus
        self.interface = interface  # the edition's interface wording of a label, before `convert`
        self.features = features
        self.site_url = site_url
        self.edition = edition
        self.convert = convert
        self.template_dirs = [os.path.join(os.path.abspath(folder), "") for folder in (templates, TEMPLATES) if folder]
        loaders = [FileSystemLoader(str(templates))] if templates else []
        self.env = Environment(
            # An override named like a template replaces it; `default:<name>` is always the generator's own, so
            # that an override can extend it ({% extends "default:plan.md.j2" %}) and replace only its blocks.
            loader=ChoiceLoader([*loaders, FileSystemLoader(str(TEMPLATES)),
                                 PrefixLoader({"default": FileSystemLoader(str(TEMPLATES))}, delimiter=":")]),
            extensions=[LineContinuation],
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            bytecode_cache=COMPILED,
        )
        self.env.filters["md"] = md_inline
        self.env.filters["by_plan"] = self.by_plan
        self.env.filters["keep"] = lambda text: Markup(keep(str(html.escape(text, quote=True))))
        self.env.globals.update(
            label=self.label,
            edition=edition,
            corpus=corpus,
            agency_name=self.agency_name,
            theme_name=self.theme_name,
            plan_title=self.plan_title,
            plan_short=self.plan_short,
            year_name=self.year_name,
            year_page=year_page,
            title_lang=edition.translation or edition.body_lang,
            item_label=lambda entry, full=False: item_label(entry, edition, full),
            citation=self.citation,
            citation_preview=self.citation_preview,
            fields=translatable,
            translated=self.translated,
            translation_pieces=self.translation_pieces,
            cite_url=self.cite_url,
            site_numbered=citation.site_numbered,
        )
        self._entries = {(e.plan.id, e.item.anchor): e for e in corpus.entries}
        self._labels: dict[str, str] = {}  # key -> the label as `label` gives it (pages ask for the same few)
        for feature in features:
            if feature.template_globals:
                self.env.globals.update(feature.template_globals(self))

    # --- names in the edition's language -------------------------------------------------

    def label(self, key: str) -> str:
        """An interface label in the edition's language and wording (the page's conversion follows); the
        fields of what the site covers (generator/content/coverage.py) filled in."""
        text = self._labels.get(key)
        if text is None:
            text = self._labels[key] = self.interface(
                described(label(key, self.edition), self.corpus.plans, label("year_range", self.edition)))
        return text

    def agency_name(self, agency: Agency | str) -> str:
        agency = self.corpus.agencies[agency] if isinstance(agency, str) else agency
        return agency.name_ja if self.edition.translation else agency.name

    def theme_name(self, theme: Theme | str) -> str:
        theme = self.corpus.themes[theme] if isinstance(theme, str) else theme
        return theme.name_ja if self.edition.translation else theme.name

    def plan_title(self, plan: Plan) -> str:
        """A plan's name outside its own text: translated in an edition with a translation (lang: `title_lang`)."""
        return plan.title_ja if self.edition.translation and plan.title_ja else plan.title

    def plan_short(self, plan: Plan) -> str:
        """A plan's short name (2023年工作要点, `short` in its YAML; `short_ja` where the edition shows the
        Japanese translation); else its name as plan_title gives it."""
        if self.edition.translation:
            return plan.short_ja or self.plan_title(plan)
        return self.interface(plan.short) if plan.short else self.plan_title(plan)

    # --- the reference translation, where the edition shows one ---------------------------

    def translated(self, entry: Entry) -> dict[str, str] | None:
        """The item's translated fields (the keys of `translatable`), or None in an edition without translation."""
        language = self.edition.translation
        found = self.corpus.translated(entry, language) if language else None
        return found.ja if found else None

    def translation_pieces(self, entry: Entry) -> list[str]:
        """The translation piece by piece, as `Item.printed` gives the original; [] without translation."""
        ja = self.translated(entry)
        return printed_translation(entry.item, ja) if ja else []

    def toc_titles(self, plan: Plan) -> dict[str, str]:
        """Anchor -> the heading of a section or sub-section as the table of contents names it: the translated
        heading where the edition shows a translation (the heading itself holds both)."""
        titles = {}
        for entry in self.corpus.plan_entries(plan.id):
            ja = self.translated(entry) if entry.item.kind in ("section", "subsection") else None
            if ja:
                titles[entry.item.anchor] = f"{entry.item.marker or ''}{ja['title']}"
        return titles

    # --- citations ------------------------------------------------------------------------

    def citation(self, target: Entry | Plan) -> str:
        """How to cite an item or a plan in the edition's convention, without its URL (generator/render/citation.py)."""
        if isinstance(target, Plan):
            return citation.plan_citation(self.corpus, target, self.edition)
        return citation.item_citation(self.corpus, target, self.edition)

    def citation_preview(self, plan: Plan) -> Markup:
        """The plan's citation as the page shows it: the accessed date named, title and document number marked
        as the original's language (the Japanese edition's citation quotes them in Chinese)."""
        accessed = f'<span class="ip-accessed">{html.escape(label("cite.accessed", self.edition))}</span>'
        text = html.escape(self.citation(plan)).replace(html.escape(citation.ACCESSED), accessed)
        for original in (plan.title, plan.doc_number):  # the original's words, in its language
            if original:
                escaped = html.escape(original)
                text = text.replace(escaped, f'<span lang="{self.edition.body_lang}">{escaped}</span>', 1)
        return Markup(text)

    def published_url(self, path: str) -> str:
        """A site path of this edition as published: absolute under `site_url`, else relative to the site root."""
        path = self.edition.root + path
        return f"{self.site_url.rstrip('/')}/{path}" if self.site_url else path

    def cite_url(self, path: str) -> str | None:
        """The absolute permalink of a site path under `site_url`; None without it (the cite button then
        resolves the page-relative link against the address the page was loaded from)."""
        return self.published_url(path) if self.site_url else None

    @cached_property
    def plans_by_date(self) -> list[Plan]:
        """Plans by the date they are listed by (issued, else published, else the source note's); undated last."""
        return sorted(self.corpus.plans, key=lambda plan: (plan.date is None, plan.date or datetime.date.min, plan.id))

    @cached_property
    def plans_by_year(self) -> list[tuple[int | None, list[Plan]]]:
        """The plans grouped by year, the latest year first and plans without one last; each group by date."""
        groups: dict[int | None, list[Plan]] = {}
        for plan in self.plans_by_date:
            groups.setdefault(plan.year, []).append(plan)
        return sorted(groups.items(), key=lambda group: (group[0] is None, -(group[0] or 0)))

    def year_name(self, year: int | None) -> str:
        """A year group's name: 2023 年, 2023年; or the label of plans without a year."""
        return self.label("year").format(year=year) if year else self.label("year.none")

    # --- pages ----------------------------------------------------------------------------

    def pages(self) -> dict[str, str]:
        """Every page of the edition: source path (as MkDocs sees it) -> Markdown."""
        corpus = self.corpus
        pages = {
            "index.md": self.page("home.md.j2", "", plans=self.plans_by_date),
            "plans/index.md": self.page("plans.md.j2", "plans/", years=self.plans_by_year),
            "agencies/index.md": self.page("agencies.md.j2", "agencies/", loads=self.agency_loads()),
            "themes/index.md": self.page("themes.md.j2", "themes/", counts=self.theme_counts()),
        }
        for year, plans in self.plans_by_year:
            pages[f"{year_page(year)}index.md"] = self.page("plans_year.md.j2", year_page(year), year=year, plans=plans)
        for plan in corpus.plans:
            pages[f"plans/{plan.id}.md"] = self.page("plan.md.j2", f"plans/{plan.id}/", plan=plan,
                                                     entries=corpus.plan_entries(plan.id))
        by_agency = corpus.by_agency()
        for agency in corpus.agencies.values():
            listing = f"agencies/{agency.id}/"
            apart = self.listings_apart.get(listing, [])
            pages[f"agencies/{agency.id}.md"] = self.page(
                "agency.md.j2", listing, agency=agency, roles=by_agency.get(agency.id, []), plans_apart=bool(apart),
                partners=self.partners(agency.id),
                children=[a for a in corpus.agencies.values() if a.parent == agency.id],
            )
            plans = [plan for plan, _ in apart]
            for plan, plan_roles in apart:
                pages[f"{listing}{plan.id}.md"] = self.page("agency_plan.md.j2", f"{listing}{plan.id}/", agency=agency,
                                                            plan=plan, roles=plan_roles, plans=plans)
        by_theme = corpus.by_theme()
        for theme in corpus.themes.values():
            listing = f"themes/{theme.id}/"
            apart = self.listings_apart.get(listing, [])
            pages[f"themes/{theme.id}.md"] = self.page("theme.md.j2", listing, theme=theme,
                                                       entries=by_theme.get(theme.id, []), plans_apart=bool(apart))
            plans = [plan for plan, _ in apart]
            for plan, plan_entries in apart:
                pages[f"{listing}{plan.id}.md"] = self.page("theme_plan.md.j2", f"{listing}{plan.id}/", theme=theme,
                                                            plan=plan, entries=plan_entries, plans=plans)
        for feature in self.features:
            pages.update(feature.pages(self))
        return pages

    def page(self, template: str, url: str, **context: object) -> str:
        try:
            markdown = self.env.get_template(template).render(
                url=lambda target: relative(url, target), page_url=url, **context
            )
        except Exception as error:
            problem = template_error(error, self.template_dirs, template, url)
            if problem is None:
                raise
            raise problem from None
        return convert_page(markdown, self.convert)  # its text, never its markup

    # --- derived tables ------------------------------------------------------------------

    def agency_loads(self) -> list[tuple[Agency, int, int]]:
        """(agency, lead count, participant count), heaviest first."""
        by_agency = self.corpus.by_agency()
        loads = []
        for agency in self.corpus.agencies.values():
            roles = Counter(role for _, role in by_agency.get(agency.id, []))
            loads.append((agency, roles["lead"], roles["participant"]))
        return sorted(loads, key=lambda row: (-(row[1] + row[2]), row[0].id))

    def theme_counts(self) -> list[tuple[Theme, dict[str, int], int]]:
        by_theme = self.corpus.by_theme()
        rows = []
        for theme in self.corpus.themes.values():
            per_plan = Counter(entry.plan.id for entry in by_theme.get(theme.id, []))
            rows.append((theme, dict(per_plan), sum(per_plan.values())))
        return rows

    def partners(self, agency_id: str) -> list[tuple[str, int]]:
        """Agencies that share items with `agency_id`, with the number of shared items."""
        shared = self._shared.get(agency_id, Counter())
        return sorted(shared.items(), key=lambda pair: (-pair[1], pair[0]))

    @cached_property
    def _shared(self) -> dict[str, Counter[str]]:
        """agency id -> the agencies it shares items with and how many; one pass for every agency page."""
        shared: dict[str, Counter[str]] = defaultdict(Counter)
        for entry in self.corpus.entries:
            people = {*entry.lead, *entry.participants}
            for agency_id in people:
                shared[agency_id].update(people - {agency_id})
        return shared

    @cached_property
    def listings_apart(self) -> dict[str, list[tuple[Plan, list[object]]]]:
        """Page URL -> rows by plan, of each agency's or theme's page whose rows are too many for one page:
        each plan's go to a page of their own (`<page URL><plan id>/`), linked from it."""
        rows: dict[str, list[Entry] | list[tuple[Entry, str]]] = {
            **{f"agencies/{agency}/": roles for agency, roles in self.corpus.by_agency().items()},
            **{f"themes/{theme}/": entries for theme, entries in self.corpus.by_theme().items()},
        }
        return {url: self.by_plan(listed) for url, listed in rows.items()
                if too_long([row[0] if isinstance(row, tuple) else row for row in listed])}

    def by_plan(self, rows: Iterable[Entry] | Iterable[tuple[Entry, str]]) -> list[tuple[Plan, list[object]]]:
        """Entries, or (entry, role) rows, grouped by plan in the corpus' order (template filter `by_plan`):
        one pass over the rows instead of one per plan."""
        groups: dict[str, list[object]] = defaultdict(list)
        for row in rows:
            groups[(row[0] if isinstance(row, tuple) else row).plan.id].append(row)
        return [(plan, groups[plan.id]) for plan in self.corpus.plans if plan.id in groups]

    def entry(self, plan: Plan, item: Item) -> Entry:
        return self._entries[(plan.id, item.anchor)]


def year_page(year: int | None) -> str:
    """The path of the page listing a year's plans: plans/2023/; plans/undated/ for plans without a year."""
    return f"plans/{year or 'undated'}/"


def paged(groups: list[T], limit: int, size: Callable[[T], int] = lambda group: 1) -> list[list[T]]:
    """`groups` in order on pages of at most `limit` (by `size`), a group whole on one page (alone if larger)."""
    pages: list[list[T]] = [[]]
    filled = 0
    for group in groups:
        if pages[-1] and filled + size(group) > limit:
            pages.append([])
            filled = 0
        pages[-1].append(group)
        filled += size(group)
    return pages


def pager(urls: list[str], pages: list[list[T]], here: str) -> list[tuple[str, str, bool]]:
    """Links between the pages of a split list, as seen from `here`: (href, its groups' numbers first–last,
    whether it is `here`); none for a list on one page."""
    if len(pages) < 2:
        return []
    links, first = [], 1
    for url, page in zip(urls, pages, strict=True):
        links.append((relative(here, url), f"{first}–{first + len(page) - 1}", url == here))
        first += len(page)
    return links
