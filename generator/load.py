"""YAML files to validated models; every error names the file, the line and the key."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from generator.errors import ContentError
from generator.models import Agency, Plan, Theme

M = TypeVar("M", bound=BaseModel)
_FIELD_MESSAGE = re.compile(r"^(\w+): (expected .*)$")


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, so that an impossible date is a validation error."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Document:
    """A parsed YAML file: its data and its node tree, kept to find the line of any key."""

    path: Path
    data: Any
    root: yaml.Node

    @classmethod
    def read(cls, path: Path) -> Document:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ContentError(path, None, f"cannot read the file: {error}") from None
        try:
            root = yaml.compose(text, Loader=_Loader)
            data = yaml.load(text, Loader=_Loader)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = mark.line + 1 if mark else None
            problem = " ".join(filter(None, [error.context, error.problem]))
            raise ContentError(path, line, f"YAML syntax: {problem}", hint="check indentation and quoting") from None
        except yaml.YAMLError as error:
            raise ContentError(path, None, f"YAML syntax: {error}") from None
        if root is None:
            raise ContentError(path, 1, "expected a YAML mapping, found an empty file")
        return cls(path, data, root)

    def line(self, loc: tuple[int | str, ...]) -> int:
        """The line of the key at the end of `loc` (or of the node, for a list entry)."""
        node, line = self.root, self.root.start_mark.line
        for step in loc:
            if isinstance(node, yaml.MappingNode):
                pair = next(((k, v) for k, v in node.value if k.value == step), None)
                if pair is None:
                    break
                line, node = pair[0].start_mark.line, pair[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
                node = node.value[step]
                line = node.start_mark.line
            else:
                break
        return line + 1

    def where(self, loc: tuple[int | str, ...]) -> str | None:
        """`item s3-m2` for a key path inside a plan's items, None elsewhere."""
        node, where = self.root, None
        for step in loc:
            child = _child(node, step)
            if child is None:
                break
            node = child
            anchor = _child(node, "anchor") if isinstance(node, yaml.MappingNode) else None
            if isinstance(anchor, yaml.ScalarNode):
                where = f"item {anchor.value}"
        return where

    def error(self, loc: tuple[int | str, ...], message: str, hint: str | None = None) -> ContentError:
        return ContentError(self.path, self.line(loc), message, where=self.where(loc), hint=hint)


def _child(node: yaml.Node, step: int | str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == step:
                return value
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
        return node.value[step]
    return None


def validate(document: Document, model: type[M], loc: tuple[int | str, ...] = ()) -> M:
    """Validate `document` (or the part at `loc`) as `model`; the first error becomes a ContentError."""
    data = document.data
    for step in loc:
        data = data[step]
    if not isinstance(data, dict):
        raise document.error(loc, f"expected a mapping of keys, found {type(data).__name__}")
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise _content_error(document, model, loc, error) from None


def _content_error(document: Document, model: type[BaseModel], base: tuple[int | str, ...], error: ValidationError) -> ContentError:
    detail = error.errors(include_url=False)[0]
    loc = base + tuple(detail["loc"])
    key = next((str(step) for step in reversed(loc) if isinstance(step, str)), "(top)")
    found = detail.get("input")
    kind = detail["type"]
    if kind == "missing":
        return document.error(loc[:-1], f"key {key!r}: expected a value, found none", hint=f"add `{key}:`")
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, detail["loc"][:-1])
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.4)
        hint = f"did you mean {close[0]!r}?" if close else "known keys: " + ", ".join(allowed)
        return document.error(loc, f"unknown key {key!r}: expected one of the known keys, found {key!r}", hint)
    message = detail["msg"].removeprefix("Value error, ")
    field_message = _FIELD_MESSAGE.match(message)
    if field_message:  # raised by a model validator about one of its fields
        field, expected = field_message.groups()
        return document.error((*loc, field), f"key {field!r}: {expected}")
    expected = message.removeprefix("Input should be ").removeprefix("String should ")
    return document.error(loc, f"key {key!r}: expected {expected}, found {_short(found)}")


def _allowed_keys(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    """The field names of the model that owns the unknown key."""
    current: type[BaseModel] = model
    for step in loc:
        if isinstance(step, int):
            continue
        annotation = current.model_fields[str(step)].annotation
        inner = getattr(annotation, "__args__", (annotation,))
        nested = [arg for arg in inner if isinstance(arg, type) and issubclass(arg, BaseModel)]
        if not nested:
            break
        current = nested[0]
    return sorted(current.model_fields)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def load_list(path: Path, key: str, model: type[M]) -> list[M]:
    """A registry file: a mapping whose `key` holds a list of entries of `model`."""
    document = Document.read(path)
    if not isinstance(document.data, dict) or not isinstance(document.data.get(key), list):
        raise ContentError(path, 1, f"key {key!r}: expected a list of entries, found {_short(document.data)}")
    unknown = sorted(set(document.data) - {key})
    if unknown:
        raise document.error((unknown[0],), f"unknown key {unknown[0]!r}: expected only {key!r}")
    entries = [validate(document, model, (key, index)) for index in range(len(document.data[key]))]
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        entry_id = entry.id
        if entry_id in seen:
            raise document.error((key, index, "id"), f"key 'id': expected a unique id, found {entry_id!r} again")
        seen[entry_id] = index
    return entries


def load_plan(path: Path) -> tuple[Plan, Document]:
    document = Document.read(path)
    plan = validate(document, Plan)
    if plan.id != path.stem:
        raise document.error(("id",), f"key 'id': expected {path.stem!r} (the file name), found {plan.id!r}",
                             hint="rename the file or the id")
    return plan, document


def load_agencies(path: Path) -> list[Agency]:
    return load_list(path, "agencies", Agency)


def load_themes(path: Path) -> list[Theme]:
    return load_list(path, "themes", Theme)
