"""How to cite a plan or one of its items, in the convention of each edition, and the same data for
reference managers (CSL-JSON, BibTeX).

- Simplified and Traditional: GB/T 7714-2015, electronic resource of an official document:
  `发布机关. 题名: 文号[EB/OL]. (发布日期)[引用日期]. 第18项. URL`; without a known issuer the
  entry opens with the title (GB/T 7714-2015 8.1.1), without a date the parenthesis is left out.
- Japanese: `発出機関「題名」（文書番号、日付）第18項、URL`.

Metadata the source does not state is left out, never guessed. The accessed date is the reader's:
the text carries ACCESSED, which the cite button replaces with the day of copying. The URL is not part
of the text: the button appends the item's absolute permalink after the edition's `url_separator`.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from generator.content.corpus import Corpus, Entry
from generator.content.models import Plan
from generator.editions.edition import Edition, label

if TYPE_CHECKING:
    from generator.render.renderer import Renderer

ACCESSED = "{accessed}"  # replaced by the cite button with the day of copying (YYYY-MM-DD)


def site_numbered(entry: Entry) -> bool:
    """Whether the item's ordinal is the site's: the document does not number its measures (000, 002)
    or the rows of the task list (003)."""
    return entry.item.kind in ("task", "measure") and not entry.item.marker


def locator(entry: Entry, edition: Edition) -> str:
    """The item as the document numbers it: 第18项, 一、（一）…; the site's own ordinals are marked as such."""
    item, parent = entry.item, entry.parent
    if item.kind in ("notice", "preamble", "closing"):
        return label(f"kind.{item.kind}", edition)
    if item.kind == "section":
        return item.heading
    if item.kind == "subsection":
        return (parent.marker or "" if parent else "") + item.heading
    if item.kind == "task" and item.marker:
        return label("cite.task_number", edition).format(n=item.number)
    ordinal = item.anchor.rsplit("-", 1)[-1].lstrip("tm")
    key = "cite.row_number" if item.kind == "task" else "cite.measure_number"
    prefix = parent.marker if parent and parent.marker else ""
    return prefix + label(key, edition).format(n=ordinal) + label("cite.site_numbered", edition)


def _date_ja(date: datetime.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


def plan_citation(corpus: Corpus, plan: Plan, edition: Edition, place: str = "") -> str:
    """The citation of a plan, or of a place in it (a locator), without its URL."""
    issuer = corpus.agencies[plan.issuer] if plan.issuer else None
    date = plan.date
    if edition.citation == "japanese":
        details = "、".join(part for part in (plan.doc_number, _date_ja(date) if date else None) if part)
        return (f"{issuer.name_ja if issuer else ''}「{plan.title}」"
                f"{f'（{details}）' if details else ''}{place.removesuffix('、')}")
    head = f"{issuer.name}. " if issuer else ""
    number = f": {plan.doc_number}" if plan.doc_number else ""
    dates = f"({date.isoformat()})" if date else ""
    return f"{head}{plan.title}{number}[EB/OL]. {dates}[{ACCESSED}]." + (f" {place}." if place else "")


def item_citation(corpus: Corpus, entry: Entry, edition: Edition) -> str:
    return plan_citation(corpus, entry.plan, edition, locator(entry, edition))


# --- reference managers ----------------------------------------------------------------------


def csl_item(corpus: Corpus, plan: Plan, edition: Edition, convert: Callable[[str], str], url: str | None) -> dict[str, Any]:
    """The plan as a CSL-JSON item (Citation Style Language, csl-data.json): what the source states, no more."""
    issuer = corpus.agencies[plan.issuer].name if plan.issuer else None
    note = plan.source.parsed
    item: dict[str, Any] = {
        "id": plan.id,
        "type": "document",
        "title": convert(plan.title),
        "language": edition.body_lang,
        "genre": convert(label("cite.genre", edition)),
    }
    if plan.title_ja:
        item["translated-title"] = plan.title_ja
    if issuer:
        item["author"] = [{"literal": convert(issuer)}]
        item["authority"] = convert(issuer)
    if plan.doc_number:
        item["number"] = convert(plan.doc_number)
    if plan.date:
        item["issued"] = {"date-parts": [[plan.date.year, plan.date.month, plan.date.day]]}
    if url:
        item["URL"] = url
    if note:
        item["note"] = f"{convert(label('source', edition))}: {note.url}"
    return item


_BIBTEX_SPECIAL = re.compile(r"([\\{}%&#$_^~])")


def _bibtex_text(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(lambda m: "\\textbackslash{}" if m[1] == "\\" else "\\" + m[1], text)


def bibtex(item: dict[str, Any]) -> str:
    """A CSL-JSON item (csl_item) as a BibTeX @misc entry (biblatex fields date, langid, url)."""
    fields: list[tuple[str, str]] = [("title", "{" + _bibtex_text(item["title"]) + "}")]
    if "author" in item:
        fields.append(("author", "{" + _bibtex_text(item["author"][0]["literal"]) + "}"))
    if "number" in item:
        fields.append(("number", _bibtex_text(item["number"])))
    if "issued" in item:
        year, month, day = item["issued"]["date-parts"][0]
        fields += [("date", f"{year:04d}-{month:02d}-{day:02d}"), ("year", str(year))]
    if "translated-title" in item:
        fields.append(("titleaddon", _bibtex_text(item["translated-title"])))
    fields.append(("langid", "chinese"))
    if "URL" in item:
        fields.append(("url", item["URL"]))
    if "note" in item:
        fields.append(("note", _bibtex_text(item["note"])))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{item['id']},\n{body}\n}}\n"


def files(renderer: Renderer) -> dict[str, str]:
    """data/cite/<plan-id>.json (CSL-JSON) and .bib (BibTeX) of every plan, for reference managers."""
    written = {}
    for plan in renderer.corpus.plans:
        item = csl_item(renderer.corpus, plan, renderer.edition, renderer.convert,
                        renderer.cite_url(f"plans/{plan.id}/"))
        written[f"data/cite/{plan.id}.json"] = json.dumps([item], ensure_ascii=False, indent=1) + "\n"
        written[f"data/cite/{plan.id}.bib"] = bibtex(item)
    return written
