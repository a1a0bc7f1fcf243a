"""Models to Markdown pages of one edition, through the Jinja2 templates."""

from __future__ import annotations

import html
import posixpath
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, TemplateError
from markupsafe import Markup

from generator.convert import keep
from generator.corpus import Corpus, Entry
from generator.editions import Edition, label
from generator.errors import ContentError
from generator.models import Agency, Item, Plan, Theme

TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass(frozen=True)
class Feature:
    """A family of reference pages (lineage, cited laws, duties, glossary, charts…): its navigation
    entry and the function that renders its pages, {source path: Markdown}."""

    label: str  # label key of its navigation entry
    index: str  # source path of its index page
    pages: Callable[[Renderer], dict[str, str]]


# Python-Markdown's escapable characters: backslash-escaped in headings, so text stays text.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def md_inline(text: str) -> Markup:
    """Text for a Markdown heading: HTML-escaped, then every Markdown mark escaped."""
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False)))


def relative(page_url: str, target: str) -> str:
    """Relative link from a page at `page_url` (directory URL) to `target` (site path, may hold #)."""
    path, _, fragment = target.partition("#")
    link = posixpath.relpath(path or ".", page_url or ".")
    link = "./" if link == "." else link + ("/" if path.endswith("/") and not link.endswith("/") else "")
    return link + (f"#{fragment}" if fragment else "")


def item_label(entry: Entry, edition: Edition) -> str:
    """How a reader names an item: 第18项, 五、第3项举措, 一、第2项任务 (Japanese in the ja edition)."""
    item, parent = entry.item, entry.parent
    ja = edition.code == "ja"
    if item.kind in ("notice", "preamble", "closing"):
        return label(f"kind.{item.kind}", edition)
    if item.kind in ("section", "subsection"):
        return item.marker or item.anchor
    ordinal = item.anchor.rsplit("-", 1)[-1].lstrip("tm")
    if item.kind == "task" and item.marker:
        return f"第{item.number}項" if ja else f"第{item.number}项"
    prefix = parent.marker if parent and parent.marker else ""
    if item.kind == "task":
        return f"{prefix}タスク{ordinal}" if ja else f"{prefix}第{ordinal}项任务"
    return f"{prefix}措置{ordinal}" if ja else f"{prefix}第{ordinal}项举措"


class Renderer:
    """Renders every page of one edition; `convert` turns Simplified output into the edition's script."""

    def __init__(self, corpus: Corpus, edition: Edition, convert: Callable[[str], str] = lambda text: text,
                 templates: Path | None = None, features: Sequence[Feature] = ()) -> None:
        self.corpus = corpus
        self.features = features
        self.edition = edition
        self.convert = convert
        loaders = [FileSystemLoader(str(templates))] if templates else []
        self.env = Environment(
            loader=ChoiceLoader([*loaders, FileSystemLoader(str(TEMPLATES))]),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters["md"] = md_inline
        self.env.filters["keep"] = lambda text: Markup(keep(str(html.escape(text, quote=True))))
        self.env.globals.update(
            label=lambda key: label(key, edition),
            edition=edition,
            corpus=corpus,
            agency_name=self.agency_name,
            theme_name=self.theme_name,
            plan_title=self.plan_title,
            item_label=lambda entry: item_label(entry, edition),
        )
        self._entries = {(e.plan.id, e.item.anchor): e for e in corpus.entries}

    # --- names in the edition's language -------------------------------------------------

    def agency_name(self, agency: Agency | str) -> str:
        agency = self.corpus.agencies[agency] if isinstance(agency, str) else agency
        return agency.name_ja if self.edition.code == "ja" else agency.name

    def theme_name(self, theme: Theme | str) -> str:
        theme = self.corpus.themes[theme] if isinstance(theme, str) else theme
        return theme.name_ja if self.edition.code == "ja" else theme.name

    def plan_title(self, plan: Plan) -> str:
        return plan.title

    # --- pages ----------------------------------------------------------------------------

    def pages(self) -> dict[str, str]:
        """Every page of the edition: source path (as MkDocs sees it) -> Markdown."""
        corpus = self.corpus
        pages = {
            "index.md": self.page("home.md.j2", "", plans=corpus.plans),
            "plans/index.md": self.page("plans.md.j2", "plans/", plans=corpus.plans),
            "agencies/index.md": self.page("agencies.md.j2", "agencies/", loads=self.agency_loads()),
            "themes/index.md": self.page("themes.md.j2", "themes/", counts=self.theme_counts()),
        }
        for plan in corpus.plans:
            pages[f"plans/{plan.id}.md"] = self.page("plan.md.j2", f"plans/{plan.id}/", plan=plan,
                                                     entries=corpus.plan_entries(plan.id))
        by_agency = corpus.by_agency()
        for agency in corpus.agencies.values():
            pages[f"agencies/{agency.id}.md"] = self.page(
                "agency.md.j2", f"agencies/{agency.id}/", agency=agency,
                roles=by_agency.get(agency.id, []), partners=self.partners(agency.id),
                children=[a for a in corpus.agencies.values() if a.parent == agency.id],
            )
        by_theme = corpus.by_theme()
        for theme in corpus.themes.values():
            pages[f"themes/{theme.id}.md"] = self.page("theme.md.j2", f"themes/{theme.id}/", theme=theme,
                                                       entries=by_theme.get(theme.id, []))
        for feature in self.features:
            pages.update(feature.pages(self))
        return pages

    def page(self, template: str, url: str, **context: object) -> str:
        try:
            markdown = self.env.get_template(template).render(
                url=lambda target: relative(url, target), page_url=url, **context
            )
        except TemplateError as error:
            where = getattr(error, "filename", None) or template
            line = getattr(error, "lineno", None)
            raise ContentError(Path(where), line, f"template: {error.message}",
                               hint="check the names the template uses") from None
        return self.convert(markdown)

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
        shared: Counter[str] = Counter()
        for entry in self.corpus.entries:
            people = {*entry.lead, *entry.participants}
            if agency_id in people:
                shared.update(people - {agency_id})
        return sorted(shared.items(), key=lambda pair: (-pair[1], pair[0]))

    def entry(self, plan: Plan, item: Item) -> Entry:
        return self._entries[(plan.id, item.anchor)]
