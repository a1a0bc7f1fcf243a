"""The open data of an edition: tasks, agencies and themes as JSON and CSV, with a JSON Schema."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from generator.corpus import Corpus
from generator.editions import Edition

TASK_FIELDS = ["plan", "anchor", "url", "number", "kind", "text", "lead", "participants", "themes"]
LIST_FIELDS = {"lead", "participants", "themes"}


def tasks(corpus: Corpus, convert: Callable[[str], str]) -> list[dict[str, Any]]:
    """One row per citable item, in document order; `text` in the edition's script."""
    return [
        {
            "plan": entry.plan.id,
            "anchor": entry.item.anchor,
            "url": entry.url,
            "number": entry.item.number,
            "kind": entry.item.kind,
            "text": convert(entry.text),
            "lead": list(entry.lead),
            "participants": list(entry.participants),
            "themes": list(entry.themes),
        }
        for entry in corpus.entries
    ]


def agencies(corpus: Corpus, convert: Callable[[str], str]) -> list[dict[str, Any]]:
    return [
        {
            "id": agency.id,
            "name": convert(agency.name),
            "names": [convert(name) for name in agency.names],
            "name_ja": agency.name_ja,
            "kind": agency.kind,
            "parent": agency.parent,
        }
        for agency in corpus.agencies.values()
    ]


def themes(corpus: Corpus, convert: Callable[[str], str]) -> list[dict[str, Any]]:
    return [{"id": theme.id, "name": convert(theme.name), "name_ja": theme.name_ja} for theme in corpus.themes.values()]


def tasks_csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=TASK_FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: ";".join(value) if key in LIST_FIELDS else value for key, value in row.items()})
    return buffer.getvalue()


def _string_list() -> dict[str, Any]:
    return {"type": "array", "items": {"type": "string"}}


SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Open data of the China IP policy plans reference",
    "$defs": {
        "tasks": {
            "type": "array",
            "items": {
                "type": "object",
                "required": TASK_FIELDS,
                "additionalProperties": False,
                "properties": {
                    "plan": {"type": "string", "description": "plan id"},
                    "anchor": {"type": "string", "description": "anchor of the item in its plan page"},
                    "url": {"type": "string", "description": "relative URL: plans/<plan-id>/#<anchor>"},
                    "number": {"type": ["string", "null"], "description": "number as printed, or null"},
                    "kind": {"enum": ["notice", "preamble", "section", "subsection", "task", "measure", "closing"]},
                    "text": {"type": "string", "description": "full text in the edition's script"},
                    "lead": {**_string_list(), "description": "agency ids of the lead"},
                    "participants": {**_string_list(), "description": "agency ids of the participants"},
                    "themes": {**_string_list(), "description": "theme ids"},
                },
            },
        },
        "agencies": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "name", "names", "name_ja", "kind", "parent"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string"},
                    "name": {"type": "string", "description": "full Chinese name"},
                    "names": {**_string_list(), "description": "every other form in the sources"},
                    "name_ja": {"type": "string"},
                    "kind": {"type": "string"},
                    "parent": {"type": ["string", "null"], "description": "agency id or null"},
                },
            },
        },
        "themes": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "name", "name_ja"],
                "additionalProperties": False,
                "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "name_ja": {"type": "string"}},
            },
        },
    },
    "description": "data/tasks.json follows #/$defs/tasks, data/agencies.json #/$defs/agencies, "
    "data/themes.json #/$defs/themes; data/tasks.csv has the task fields, lists joined with ';'.",
}


def files(corpus: Corpus, edition: Edition, convert: Callable[[str], str]) -> dict[str, str]:
    """Path under the edition root -> file content."""

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, indent=1) + "\n"

    rows = tasks(corpus, convert)
    return {
        "data/tasks.json": dump(rows),
        "data/tasks.csv": tasks_csv(rows),
        "data/agencies.json": dump(agencies(corpus, convert)),
        "data/themes.json": dump(themes(corpus, convert)),
        "data/schema.json": dump(SCHEMA),
    }
