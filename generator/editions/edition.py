"""The editions of the site (content/editions.yaml) and the catalogs of their interface labels
(content/catalogs/<catalog>.yaml): a new edition is an entry and a catalog, no code."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from generator.content.errors import ContentError
from generator.content.load import Document, validate
from generator.content.models import Model, Text

EDITIONS_FILE = Path("editions.yaml")
CATALOGS = Path("catalogs")
Code = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]+(-[A-Za-z0-9]+)*$")]  # a language tag: zh-Hant, ja


class EditionEntry(Model):
    """An entry of content/editions.yaml (its header says what each key means)."""

    code: Code
    root: Annotated[str, StringConstraints(pattern=r"^([a-z0-9]+(-[A-Za-z0-9]+)*/)?$")]
    name: Text
    catalog: Code
    theme_language: Code
    html_lang: Code
    body_lang: Code
    translation: Code | None = None
    conversion: Code | None = None
    citation: Literal["gb-t-7714", "japanese"]
    chart_fonts: Text


class EditionsFile(Model):
    editions: list[EditionEntry] = Field(min_length=1)


@dataclass(frozen=True)
class Edition:
    code: str  # the edition's id
    root: str  # its root folder ('' for the original)
    name: str  # the edition's own name, for the switcher
    catalog: str  # the catalog of its interface labels
    theme_language: str  # Material's language pack (its interface strings); the page's lang is html_lang
    html_lang: str  # lang of the page
    body_lang: str  # lang of the Chinese body text
    translation: str | None = None  # language of the reference translation shown beside the original
    conversion: str | None = None  # folder of content/ with the dictionaries that convert the original
    citation: str = "gb-t-7714"  # how its citations read
    chart_fonts: str = ""  # CSS font families of its charts
    labels: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)  # its catalog

    @property
    def original(self) -> bool:
        return self.root == ""


def load_editions(content: Path) -> tuple[Edition, ...]:
    """The editions of content/editions.yaml with their catalogs, checked: one original, unique codes and
    roots, every catalog and conversion folder present, and every catalog with the same keys."""
    document = Document.read(content / EDITIONS_FILE)
    entries = validate(document, EditionsFile).editions
    if entries[0].root:
        raise document.mismatch(("editions", 0, "root"), "root", "'' (the first edition is the original, at the "
                                "site's root)", repr(entries[0].root), hint="list the original edition first")
    for key in ("code", "root"):
        seen: dict[str, int] = {}
        for index, entry in enumerate(entries):
            value = getattr(entry, key)
            if value in seen:
                raise document.mismatch(("editions", index, key), key, f"a {key} no other edition has",
                                        f"{value!r} again",
                                        hint=f"line {document.line(('editions', seen[value], key))} has it already")
            seen[value] = index
    catalogs: dict[str, dict[str, str]] = {}
    for index, entry in enumerate(entries):
        path = content / CATALOGS / f"{entry.catalog}.yaml"
        if not path.is_file():
            raise document.mismatch(("editions", index, "catalog"), "catalog", f"a catalog of content/{CATALOGS}/",
                                    repr(entry.catalog),
                                    hint=f"copy a catalog to content/{CATALOGS}/{entry.catalog}.yaml and translate it")
        if entry.conversion and not (content / entry.conversion).is_dir():
            raise document.mismatch(("editions", index, "conversion"), "conversion",
                                    "a folder of content/ with the edition's dictionaries", repr(entry.conversion),
                                    hint="its phrases.txt and interface.txt convert the original; or write `conversion: null`")
        if entry.catalog not in catalogs:
            catalogs[entry.catalog] = load_catalog(path)
    reference = entries[0].catalog
    for name, catalog in catalogs.items():
        _check_keys(content / CATALOGS / f"{name}.yaml", catalog, catalogs[reference], reference)
    return tuple(Edition(**entry.model_dump(), labels=catalogs[entry.catalog]) for entry in entries)


def load_catalog(path: Path) -> dict[str, str]:
    """A catalog: label key -> the label's text ('' where the language shows none)."""
    document = Document.read(path)
    if not isinstance(document.data, dict):
        raise ContentError(path, 1, "expected a mapping of label keys to texts, found another value",
                           hint="one `key: text` per line")
    for key, text in document.data.items():
        if not isinstance(key, str) or not isinstance(text, str):
            raise document.mismatch((key,), str(key), "a text", repr(text),
                                    hint="quote the label if YAML reads it as a number, a date or true/false")
    return dict(document.data)


def _check_keys(path: Path, catalog: Mapping[str, str], reference: Mapping[str, str], name: str) -> None:
    missing = [key for key in reference if key not in catalog]
    if missing:
        raise ContentError(path, None, key=missing[0], expected="a label", found="none",
                           hint=f"every catalog has the keys of {name}.yaml; add `{missing[0]}:`")
    unknown = [key for key in catalog if key not in reference]
    if unknown:
        document = Document.read(path)
        raise document.error((unknown[0],), f"unknown key {unknown[0]!r}: expected the keys of {name}.yaml, "
                             f"found {unknown[0]!r}", hint=f"add it to {name}.yaml too, or remove it")


def label(key: str, edition: Edition) -> str:
    """The label in the edition's catalog; a converted edition receives the original's text and converts
    it with the page."""
    return edition.labels[key]
