"""Charts as static SVG, written at build time: items per agency, agency × theme, themes per plan.

Each chart is inline SVG (no script, no external file) with a title and a description for assistive
technology, and the page gives its data as a table under it. Labels are in the edition's language;
the Traditional edition converts them with the rest of the page.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from generator.content.corpus import Corpus
from generator.content.models import Plan
from generator.editions.convert import keep
from generator.render.renderer import Renderer, paged, pager, relative

TOP_AGENCIES = 20
PLANS_PER_CHART = 15  # columns of the themes by plan: one page of the chart stays the same size as plans accumulate
FONT_SIZE = 12
LINE = 15  # line height of wrapped labels
INK, MUTED, GRID = "#1f2330", "#5c6370", "#d9dce3"
LEAD_COLOUR, PARTICIPANT_COLOUR = "#303f9f", "#9fa8da"  # Material indigo 700 and 200
HEAT_LOW, HEAT_HIGH = (232, 234, 246), (26, 35, 126)  # indigo 50 to indigo 900


# --- measuring and wrapping text ---------------------------------------------------------------


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """Width of `text` in px: full-width characters take one em, the others a little over half."""
    return sum(size if unicodedata.east_asian_width(ch) in "WF" else size * 0.6 for ch in text)


def wrap(text: str, width: float, size: float = FONT_SIZE) -> list[str]:
    """Lines of at most `width` px, as even as possible; CJK text breaks between any two characters,
    ASCII runs stay whole."""
    tokens: list[str] = []
    for ch in text:
        if tokens and ch.isascii() and ch != " " and tokens[-1][-1:].isascii() and tokens[-1][-1:] != " ":
            tokens[-1] += ch
        else:
            tokens.append(ch)

    def greedy(limit: float) -> list[str]:
        lines = [""]
        for token in tokens:
            if lines[-1] and text_width(lines[-1] + token, size) > limit:
                lines.append(token.lstrip())
            else:
                lines[-1] += token
        return [line.strip() for line in lines if line.strip()]

    result = greedy(width)
    limit = text_width(text, size) / len(result)
    while limit < width:  # the narrowest width that needs no more lines: no orphan character
        even = greedy(limit)
        if len(even) == len(result):
            return even
        limit += size / 2
    return result


# --- SVG pieces ----------------------------------------------------------------------------------


def attrs(**values: object) -> str:
    """XML attributes; `class_` and `font_size` style names become `class` and `font-size`."""
    return "".join(f' {name.rstrip("_").replace("_", "-")}="{escape(str(value), quote=True)}"'
                   for name, value in values.items() if value is not None)


def text(x: float, y: float, content: str, **values: object) -> str:
    return f"<text{attrs(x=_n(x), y=_n(y), **values)}>{escape(content, quote=False)}</text>"


def lines(x: float, y: float, rows: list[str], **values: object) -> str:
    """A label of several lines, the first baseline at `y`."""
    spans = "".join(f"<tspan{attrs(x=_n(x), dy=LINE if i else None)}>{escape(row, quote=False)}</tspan>"
                    for i, row in enumerate(rows))
    return f"<text{attrs(x=_n(x), y=_n(y), **values)}>{spans}</text>"


# Characters whose vertical form differs: punctuation has its own code points, the long vowel mark stands up.
_VERTICAL = {"、": "\ufe11", "。": "\ufe12", "，": "\ufe10", "（": "\ufe35", "）": "\ufe36", "“": "\ufe41",
             "”": "\ufe42", "ー": "\uff5c", "—": "\ufe31"}


def stacked(x: float, bottom: float, content: str, **values: object) -> str:
    """Vertical text, one character under the other, its last character's baseline at `bottom`."""
    spans = "".join(
        f"<tspan{attrs(x=_n(x), dy=FONT_SIZE + 1 if i else None)}>"
        f"{escape(_VERTICAL.get(ch, ch), quote=False)}</tspan>"
        for i, ch in enumerate(content)
    )
    top = bottom - (len(content) - 1) * (FONT_SIZE + 1)
    return f"<text{attrs(x=_n(x), y=_n(top), text_anchor='middle', **values)}>{spans}</text>"


def link(href: str, content: str) -> str:
    """A label of the chart that leads to its page (the chart is a graphics document, not an image, so that
    its links stay reachable; the data table under it holds the same links)."""
    return f"<a{attrs(href=href)}>{content}</a>"


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def svg(chart_id: str, width: float, height: float, title: str, desc: str, body: list[str], font: str) -> Markup:
    """The whole chart, labelled for assistive technology by its title and description. Its text comes
    converted into the edition's script already, so the page's conversion leaves the chart alone."""
    head = (f'<svg xmlns="http://www.w3.org/2000/svg"{attrs(id=chart_id, class_="ip-chart-svg", role="graphics-document")}'
            f'{attrs(viewBox=f"0 0 {_n(width)} {_n(height)}", width=_n(width), height=_n(height))}'
            f'{attrs(aria_labelledby=f"{chart_id}-title {chart_id}-desc", font_family=f"{font}, sans-serif")}'
            f'{attrs(font_size=FONT_SIZE, fill=INK)}>')
    parts = [head, f'<title id="{chart_id}-title">{escape(title)}</title>',
             f'<desc id="{chart_id}-desc">{escape(desc)}</desc>', *body, "</svg>"]
    return Markup(keep("\n".join(parts)))


def heat(value: int, top: int) -> tuple[str, str]:
    """Fill and text colour of a heat-map cell: a square-root scale, so that small counts still show."""
    if value == 0:
        return "#ffffff", MUTED
    share = math.sqrt(value / top) if top else 0.0
    rgb = tuple(round(low + (high - low) * (0.15 + 0.85 * share)) for low, high in zip(HEAT_LOW, HEAT_HIGH))
    return "#{:02x}{:02x}{:02x}".format(*rgb), ("#ffffff" if share > 0.45 else INK)


def ticks(top: int, count: int = 5) -> list[int]:
    """Round axis ticks from 0 to at least `top`."""
    raw = max(top, 1) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = max(1, next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw))  # counts: whole steps
    return [round(step * i) for i in range(math.ceil(top / step) + 1)]


# --- the data ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgencyLoad:
    agency: str
    lead: int
    participant: int

    @property
    def total(self) -> int:
        return self.lead + self.participant


def agency_loads(corpus: Corpus, top: int = TOP_AGENCIES) -> list[AgencyLoad]:
    """The agencies with the most items (lead + participant), heaviest first."""
    loads = []
    for agency, roles in corpus.by_agency().items():
        counts = Counter(role for _, role in roles)
        loads.append(AgencyLoad(agency, counts["lead"], counts["participant"]))
    return sorted(loads, key=lambda load: (-load.total, load.agency))[:top]


def agency_themes(corpus: Corpus, agencies: list[str]) -> dict[str, Counter[str]]:
    """agency -> theme -> items the agency leads or takes part in that carry the theme."""
    matrix: dict[str, Counter[str]] = {agency: Counter() for agency in agencies}
    for entry in corpus.entries:
        for agency in {*entry.lead, *entry.participants} & matrix.keys():
            matrix[agency].update(entry.themes)
    return matrix


def plan_themes(corpus: Corpus) -> dict[str, Counter[str]]:
    """theme -> plan -> items of the plan that carry the theme."""
    matrix: dict[str, Counter[str]] = {theme: Counter() for theme in corpus.themes}
    for entry in corpus.entries:
        for theme in entry.themes:
            matrix[theme][entry.plan.id] += 1
    return matrix


# --- the charts ----------------------------------------------------------------------------------


class Charts:
    """The charts of one edition: names, labels and links in its language and script, relative to the page."""

    URL = "charts/"

    def __init__(self, renderer: Renderer, url: str = URL) -> None:
        self.renderer = renderer
        self.url = url  # the page the chart is on: its links are relative to it
        self.corpus = renderer.corpus
        self.font = renderer.edition.chart_fonts  # CJK families of the common systems, the edition's script first
        self.say = renderer.convert  # into the edition's script: the chart is kept out of the page's conversion

    def label(self, key: str, **values: object) -> str:
        text_ = self.renderer.label(key)
        for name, value in values.items():
            text_ = text_.replace("{" + name + "}", str(value))
        return text_

    def href(self, target: str) -> str:
        return relative(self.url, target)

    def plan_title(self, plan_id: str) -> str:
        plan = next(plan for plan in self.corpus.plans if plan.id == plan_id)
        return self.renderer.plan_title(plan)

    def agency_bars(self, loads: list[AgencyLoad]) -> Markup:
        """Stacked horizontal bars: lead and participant items of each agency."""
        label_width, left, bar_width, width = 200.0, 214.0, 400.0, 690.0
        axis = ticks(max((load.total for load in loads), default=1))
        scale = bar_width / max(axis[-1], 1)
        body, y = [self._legend(left)], 44.0
        rows = []
        for load in loads:
            name = wrap(self.say(self.renderer.agency_name(load.agency)), label_width)
            height = max(26.0, len(name) * LINE + 10)
            rows.append((load, name, y, height))
            y += height
        for value in axis:
            x = left + value * scale
            body.append(f'<line{attrs(x1=_n(x), x2=_n(x), y1=40, y2=_n(y + 4), stroke=GRID)}/>')
            body.append(text(x, y + 18, str(value), text_anchor="middle", fill=MUTED))
        for load, name, top, height in rows:
            middle = top + height / 2
            baseline = middle - (len(name) - 1) * LINE / 2 + 4
            body.append(link(self.href(f"agencies/{load.agency}/"), lines(left - 10, baseline, name, text_anchor="end")))
            x = left
            for role, value, colour in (("lead", load.lead, LEAD_COLOUR),
                                        ("participant", load.participant, PARTICIPANT_COLOUR)):
                if value:
                    body.append(f'<rect{attrs(x=_n(x), y=_n(middle - 8), width=_n(value * scale), height=16)}'
                                f'{attrs(fill=colour, data_agency=load.agency, data_role=role, data_value=value)}/>')
                x += value * scale
            body.append(text(x + 6, middle + 4, f"{load.lead} / {load.participant}", data_agency=load.agency,
                             class_="ip-chart-value"))
        return svg("chart-agencies", width, y + 28, self.say(self.label("charts.agencies")),
                   self.say(self.label("charts.agencies_desc", n=len(loads))), body, self.font)

    def _legend(self, left: float) -> str:
        items, x = [], left
        for colour, key in ((LEAD_COLOUR, "lead"), (PARTICIPANT_COLOUR, "participants")):
            name = self.say(self.label(key))
            items.append(f'<rect{attrs(x=_n(x), y=10, width=14, height=14, fill=colour)}/>')
            items.append(text(x + 20, 22, name))
            x += 20 + text_width(name) + 18
        items.append(text(x + 6, 22, self.say(self.label("charts.values")), fill=MUTED))
        return "\n".join(items)

    def heat_map(self, chart_id: str, rows: list[tuple[str, str, str]], columns: list[tuple[str, str, str]],
                 values: dict[str, Counter[str]], title: str, desc: str, *, label_width: float, cell: float,
                 vertical: bool, total: bool = False) -> Markup:
        """A matrix of counts; rows and columns are (id, name, link target); `values[row][column]`.
        Column names stand vertically (`vertical`) or wrap over lines under the column's width."""
        left = label_width + 18
        names = {cid: self.say(name) for cid, name, _ in columns}
        wrapped = {cid: wrap(name, cell - 6, FONT_SIZE - 1) for cid, name in names.items()}
        if vertical:
            header = max(len(name) for name in names.values()) * (FONT_SIZE + 1) + 14
        else:
            header = max(len(rows_) for rows_ in wrapped.values()) * LINE + 12
        top_value = max((v for counts in values.values() for v in counts.values()), default=0)
        body: list[str] = []
        for index, (cid, _, target) in enumerate(columns):
            x = left + index * cell + cell / 2
            if vertical:
                head = stacked(x, header - 10, names[cid])
            else:
                head = lines(x, header - 8 - (len(wrapped[cid]) - 1) * LINE, wrapped[cid], text_anchor="middle",
                             font_size=FONT_SIZE - 1)
            body.append(link(self.href(target), head))
        if total:
            body.append(text(left + len(columns) * cell + 30, header - 8, self.say(self.label("total")),
                             text_anchor="middle", font_weight="bold"))
        y: float = header
        for rid, name, target in rows:
            label_lines = wrap(self.say(name), label_width)
            height = max(cell if vertical else 24.0, len(label_lines) * LINE + 8)
            baseline = y + height / 2 - (len(label_lines) - 1) * LINE / 2 + 4
            body.append(link(self.href(target), lines(left - 10, baseline, label_lines, text_anchor="end")))
            for index, (cid, _, _) in enumerate(columns):
                body.append(self._cell(left + index * cell, y, cell, height, values[rid][cid], top_value,
                                       data_row=rid, data_column=cid))
            if total:
                body.append(text(left + len(columns) * cell + 30, y + height / 2 + 4, str(sum(values[rid][cid] for cid, _, _ in columns)),
                                 text_anchor="middle", font_weight="bold", data_row=rid, data_column="total"))
            y += height
        width = left + len(columns) * cell + (60 if total else 0) + 8
        return svg(chart_id, width, y + 8, self.say(title), self.say(desc), body, self.font)

    @staticmethod
    def _cell(x: float, y: float, width: float, height: float, value: int, top: int, **data: str) -> str:
        fill, ink = heat(value, top)
        rect = f'<rect{attrs(x=_n(x + 1), y=_n(y + 1), width=_n(width - 2), height=_n(height - 2), fill=fill)}'
        rect += f'{attrs(stroke=GRID if not value else None, data_value=value, **data)}/>'
        number = text(x + width / 2, y + height / 2 + 4, str(value), text_anchor="middle", fill=ink) if value else ""
        return rect + number


def pages(renderer: Renderer) -> dict[str, str]:
    """The charts page; beyond PLANS_PER_CHART plans, the further pages of the themes by plan."""
    charts, corpus = Charts(renderer), renderer.corpus
    loads = agency_loads(corpus)
    agencies = [load.agency for load in loads]
    themes = list(corpus.themes)
    agency_matrix = agency_themes(corpus, agencies)
    theme_matrix = plan_themes(corpus)
    theme_links = [(t, renderer.theme_name(t), f"themes/{t}/") for t in themes]
    matrix = charts.heat_map(
        "chart-agency-themes", [(a, renderer.agency_name(a), f"agencies/{a}/") for a in agencies], theme_links,
        agency_matrix, charts.label("charts.matrix"),
        charts.label("charts.matrix_desc", n=len(agencies), m=len(themes)), label_width=180, cell=22, vertical=True,
    )
    # The themes by plan have a column per plan: at most PLANS_PER_CHART plans a page, the first on the charts page.
    shares = paged(corpus.plans, PLANS_PER_CHART)
    urls = [Charts.URL, *(f"{Charts.URL}plans-{number}/" for number in range(2, len(shares) + 1))]

    def per_plan(url: str, share: list[Plan]) -> Markup:
        return Charts(renderer, url).heat_map(
            "chart-plan-themes", theme_links,
            [(p.id, charts.plan_title(p.id), f"plans/{p.id}/") for p in share], theme_matrix,
            charts.label("charts.themes"), charts.label("charts.themes_desc"), label_width=170, cell=86,
            vertical=False, total=True,
        )

    def page(template: str, url: str, share: list[Plan], **context: object) -> str:
        return renderer.page(template, url, per_plan=per_plan(url, share), plans=share, themes=themes,
                             theme_matrix=theme_matrix, plan_title=charts.plan_title,
                             totals={t: sum(theme_matrix[t][plan.id] for plan in share) for t in themes},
                             pager=pager(urls, shares, url), **context)

    pages = {"charts/index.md": page("charts.md.j2", Charts.URL, shares[0], bars=charts.agency_bars(loads),
                                     matrix=matrix, loads=loads, agencies=agencies, agency_matrix=agency_matrix)}
    for url, share in zip(urls[1:], shares[1:], strict=True):
        pages[f"{url}index.md"] = page("charts_plans.md.j2", url, share)
    return pages
