"""The data types of the site: plans and their items, agencies, themes."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from generator.content.errors import field_error

# A text longer than this is a paste gone wrong: the longest item of the plans of 2022 and 2023 has 344 characters.
MAX_TEXT = 20_000


def _visible(value: str) -> str:
    if not value.strip():  # spaces only, ASCII or full-width (U+3000)
        raise PydanticCustomError("text_blank", "a text with visible characters")
    return value


Text = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT, strip_whitespace=False),
                 AfterValidator(_visible)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Kind = Literal["notice", "preamble", "section", "subsection", "task", "measure", "closing"]

# CONTRACT.md: the anchor forms each kind of item may take; ASCII digits only ([0-9], never \d, which
# also matches full-width and Arabic-Indic digits).
ANCHOR_FORMS: dict[str, str] = {
    "notice": r"notice",
    "preamble": r"preamble",
    "closing": r"closing",
    "section": r"s[1-9][0-9]*",
    "subsection": r"s[1-9][0-9]*-[1-9][0-9]*",
    "task": r"t[1-9][0-9]*|s[1-9][0-9]*-t[1-9][0-9]*",
    "measure": r"s[1-9][0-9]*-m[1-9][0-9]*",
}
ANY_ANCHOR = re.compile("|".join(f"(?:{form})" for form in ANCHOR_FORMS.values()))


class Model(BaseModel):
    """Unknown keys are errors: a typo such as `lead_agencys` must not pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class RegistryEntry(Model):
    """An entry of a registry file (agencies, themes, glossary, laws, synonyms), named by its unique id."""

    id: Id


class LevelMeasure(Model):
    """A measure of the task list (003) for one level: national, all regions, regions concerned."""

    level: Literal["national", "all-regions", "regions-concerned"]
    text: Text


class Obligation(Model):
    """What provinces or cities must (required) or may (optional) do for a task row (003)."""

    level: Literal["province", "city"]
    scope: Text
    duty: Literal["required", "optional"]
    text: Text


class ThemeOverride(Model):
    """Per-item corrections of the keyword rules."""

    add: list[Id] = []
    remove: list[Id] = []


class Item(Model):
    """A citable unit of a plan: notice, preamble, section, sub-section, task, measure, closing."""

    anchor: str
    kind: Kind
    marker: Text | None = None
    title: Text | None = None
    text: Text | None = None
    aliases: list[str] = []
    # The covering notice (001).
    doc_number: Text | None = None
    addressees: Text | None = None
    signatory: Text | None = None
    date: Text | None = None
    # A row of the task list (003).
    measures: list[LevelMeasure] = []
    departments_text: Text | None = None
    obligations: list[Obligation] = []
    # Responsibility (004 as printed, 003's internal departments).
    lead: list[Id] = []
    participants: list[Id] = []
    mode: Literal["joint", "by-remit"] | None = None
    themes: ThemeOverride = ThemeOverride()
    items: list[Item] = []

    @model_validator(mode="after")
    def _anchor_fits_kind(self) -> Item:
        form = ANCHOR_FORMS[self.kind]
        if not re.fullmatch(form, self.anchor):
            raise field_error("anchor", f"the {self.kind} form {form}", repr(self.anchor),
                              "the forms of the contract: preamble, s3, s2-1, t18, s3-t2, s5-m3, closing")
        for alias in self.aliases:
            if not ANY_ANCHOR.fullmatch(alias):
                raise field_error("aliases", "an anchor of CONTRACT.md's forms", repr(alias),
                                  "former anchors have the same ASCII forms: s3, s2-1, t18, s3-t2, s5-m3")
        if not (self.title or self.text or self.measures):
            raise field_error("text", "the item's text", "none")
        return self

    @property
    def number(self) -> str | None:
        """The enumerator as printed, without its punctuation: 一, 一 (of （一）), 18."""
        return self.marker.strip("、．.（）") if self.marker else None

    @property
    def heading(self) -> str:
        """The item's own heading line: marker and title, as printed."""
        return f"{self.marker or ''}{self.title or ''}"

    def printed(self) -> Iterator[str]:
        """The item's own text pieces in document order (children excluded)."""
        if self.kind == "notice":
            yield from (self.title or "", self.doc_number or "", self.addressees or "")
            yield from (self.text or "").split("\n\n")
            yield from (self.signatory or "", self.date or "")
            return
        if self.title:
            yield self.heading
        if self.text:
            yield from self.text.split("\n\n") if self.kind != "task" else [f"{self.marker or ''}{self.text}"]
        for measure in self.measures:
            yield measure.text
        if self.departments_text:
            yield self.departments_text
        for obligation in self.obligations:
            yield obligation.text

    def wording(self) -> Iterator[str]:
        """The pieces of `printed` without the enumerator (一、, （一）, 18．) that the item's place in its plan
        gives it: the same text reads the same after a renumbering, and a review of it holds there."""
        marker = self.marker or ""
        for piece in self.printed():
            yield piece[len(marker):] if marker and piece.startswith(marker) else piece

    def walk(self) -> Iterator[Item]:
        yield self
        for child in self.items:
            yield from child.walk()


# 出所：2023年 5月 26日付け中国国家知識産権局ウェブサイト / 出所：国家知识产权局ウェブサイト 2022 年 6 月 21 日付け
_NOTE_DATE = re.compile(r"([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日\s*付け")
_NOTE_LINK = re.compile(r"\]\((\S+?)\)")  # a Markdown link's target
_NOTE_URL = re.compile(r"\S+")
_MARKDOWN_LINK = re.compile(r"\[[^\]\n]*\]\((https?://[^\s)]+)\)")


class SourceNote(Model):
    """The Japanese source note of a plan, parsed: date, publisher as written, URL."""

    date: datetime.date
    publisher: str
    url: str


def parse_source_note(note: str) -> SourceNote:
    """Parse `出所：<date>付け<publisher>` (or publisher first) followed by the URL (plain or Markdown)."""
    head, _, rest = note.partition("\n")
    match = _NOTE_DATE.search(head)
    if not head.startswith("出所：") or not match:
        raise field_error("note", "出所：<date>付け<publisher> on the first line", repr(head))
    year, month, day = (int(part) for part in match.groups())
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        raise field_error("note", "a real date", repr(match[0])) from None
    publisher = (head[len("出所：") : match.start()] + head[match.end() :]).strip()
    link = _NOTE_LINK.search(rest) or _NOTE_URL.search(rest)
    url = link[link.lastindex or 0].replace("\\", "") if link else ""
    if not re.match(r"https?://", url):
        raise field_error("note", "an http(s) URL on the second line", repr(rest.strip()[:60]),
                          "the address of the source as published, https://…")
    return SourceNote(date=date, publisher=publisher, url=url)


class Source(Model):
    file: Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z_.-]+\.txt$")]
    shape: Id | None = Field(default=None, description="the ingest's parser of the source (generator/tools/ingest.py SHAPES)")
    note: Text | None = None
    layout: list[Text] = Field(default=[], description="source lines that are layout, not text")
    head: list[Text] = Field(default=[], description="lines printed above the title, as printed (附件)")
    columns: list[Text] = Field(default=[], description="column headers of a plan printed as a table, as printed")

    @model_validator(mode="after")
    def _note_parses(self) -> Source:
        if self.note:
            parse_source_note(self.note)
        return self

    @property
    def note_shown(self) -> str | None:
        """The note as a reader sees it: a Markdown link of the extracted text ([https\\://…](https://…)) shown
        as its address."""
        return _MARKDOWN_LINK.sub(r"\1", self.note) if self.note else None

    @property
    def parsed(self) -> SourceNote | None:
        return parse_source_note(self.note) if self.note else None


# What a plan's YAML may switch on beyond its text: `duties`, the pages of what a task list asks of provinces
# and cities (generator/content/duties.py, generator/render/duties_pages.py).
# duties: the task list's duties pages; lineage: its series compared year by year (sections and measures)
PlanFeature = Literal["duties", "lineage"]
_ID_YEAR = re.compile(r"-(20[0-9]{2})$")


def by_convention(plan_id: str, title: str) -> tuple[str, int | None]:
    """A plan's series and year by the ids' convention: cnipa-work-points-2023 is the 2023 plan of the series
    cnipa-work-points; an id without a year is its own series, and its year the one its title names."""
    found = _ID_YEAR.search(plan_id)
    in_title = re.search(r"(?<![0-9])[0-9]{4}(?![0-9])", title)
    year = found[1] if found else in_title[0] if in_title else None
    return (plan_id[: found.start()] if found else plan_id), (int(year) if year else None)


class Plan(Model):
    id: Id
    aliases: list[Id] = Field(default=[], description="former ids of the plan; their pages redirect here")
    title: Text
    title_ja: Text | None = None
    short: Text | None = Field(default=None, description="short name for lists naming items of several plans")
    short_ja: Text | None = None
    series: Id | None = Field(default=None, description="the plan's series: the same plan year after year "
                              "(cnipa-work-points); by default its id without the year")
    year: int | None = Field(default=None, ge=1949, le=2100, description="the year the plan is for")
    features: list[PlanFeature] = Field(default=[], description="reference pages built from this plan")
    issuer: Id | None = None
    doc_number: Text | None = None
    issued: datetime.date | None = None
    published: datetime.date | None = None
    source: Source
    lead: list[Id] = []
    participants: list[Id] = []
    items: list[Item] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _series_and_year_by_convention(cls, data: object) -> object:
        """A YAML without `series` or `year` takes them from `by_convention`."""
        if not isinstance(data, dict) or not isinstance(data.get("id"), str):
            return data
        title = data.get("title")
        series, year = by_convention(data["id"], title if isinstance(title, str) else "")
        return {"series": series, "year": year, **data}

    @model_validator(mode="after")
    def _former_ids_only(self) -> Plan:
        if self.id in self.aliases:
            raise field_error("aliases", "the plan's former ids", f"its own id {self.id!r}",
                              "a plan's current id is its file name; remove it from `aliases`")
        if self.short_ja and not self.short:
            raise field_error("short", "the short name beside short_ja", "none",
                              "the Chinese editions show `short`; add it")
        return self

    def walk(self) -> Iterator[Item]:
        for item in self.items:
            yield from item.walk()

    @property
    def date(self) -> datetime.date | None:
        """The date a plan is listed and cited by: issued, else published, else its source note's."""
        note = self.source.parsed
        return self.issued or self.published or (note.date if note else None)

    def printed(self) -> Iterator[str]:
        """All text of the plan in document order (the covering notice precedes the title)."""
        items = list(self.items)
        if items and items[0].kind == "notice":
            yield from items.pop(0).printed()
        yield from self.source.head
        yield self.title
        yield from self.source.columns
        for item in items:
            for entry in item.walk():
                yield from entry.printed()


class Agency(RegistryEntry):
    name: Text
    names: list[Text] = []
    name_ja: Text
    kind: Literal[
        "party",
        "state-council",
        "court",
        "procuratorate",
        "military",
        "people-organisation",
        "institution",
        "cnipa-department",
        "coordination-body",
        "local",
    ]
    parent: Id | None = None


class Theme(RegistryEntry):
    name: Text
    name_ja: Text
    description: Text | None = None
    description_ja: Text | None = None
    keywords: list[Text]
    exclude: list[Text] = []

    @model_validator(mode="after")
    def _description_translated(self) -> Theme:
        if self.description and not self.description_ja:
            raise field_error("description_ja", "the Japanese of the description", "none",
                              "the Japanese edition shows it; add `description_ja:`")
        return self


Item.model_rebuild()


# The fields of an item a translation renders, keyed as in the translation files: title, text, measures.1, …
FIELD = re.compile(r"title|text|departments_text|addressees|signatory|date|(?:measures|obligations)\.[1-9]\d*")
FieldKey = Annotated[str, StringConstraints(pattern=f"^(?:{FIELD.pattern})$")]


def translatable(item: Item) -> dict[str, str]:
    """The item's own fields a translation renders, keyed as in the translation files (document numbers
    and markers are printed as they are)."""
    fields = {key: value for key in ("title", "text") if (value := getattr(item, key))}
    fields.update({f"measures.{n}": measure.text for n, measure in enumerate(item.measures, 1)})
    if item.departments_text:
        fields["departments_text"] = item.departments_text
    fields.update({f"obligations.{n}": obligation.text for n, obligation in enumerate(item.obligations, 1)})
    fields.update({key: value for key in ("addressees", "signatory", "date") if (value := getattr(item, key))})
    return fields


class TranslatedItem(Model):
    """One item of a reference translation: the original's fields as translated, and their translation."""

    anchor: str
    review: Literal["draft", "reviewed"]
    zh: dict[FieldKey, Text]
    ja: dict[FieldKey, Text]

    @model_validator(mode="after")
    def _same_fields(self) -> TranslatedItem:
        if set(self.ja) != set(self.zh):
            raise field_error("ja", f"the fields of zh ({', '.join(self.zh)})", ", ".join(self.ja) or "none",
                              "translate each field of zh once")
        return self


class Translation(Model):
    """A plan's reference translation into one language: one entry per item, in document order."""

    plan: Id
    language: Id
    entries: list[TranslatedItem]
