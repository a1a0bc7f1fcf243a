"""YAML files to validated models; every error names the file, the line and the key."""

from __future__ import annotations

import difflib
import errno
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from generator.content.errors import FIELD_ERROR, ContentError
from generator.content.models import Agency, Plan, RegistryEntry, Theme
from generator.content.text import position, refused_character

M = TypeVar("M", bound=BaseModel)
R = TypeVar("R", bound=RegistryEntry)


class _Problem(yaml.MarkedYAMLError):
    """A YAML construct the content files refuse, with its own hint."""

    def __init__(self, problem: str, mark: yaml.Mark, hint: str) -> None:
        super().__init__(problem=problem, problem_mark=mark)
        self.hint = hint


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, so that an impossible date is a validation error; refuses
    aliases (one value, one place: no hidden sharing, no exponential expansion) and repeated keys
    (YAML would keep the last one silently)."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _Problem(f"expected a plain value, found the alias *{event.anchor}", event.start_mark,
                           "write the value out in full; content files use no anchors or aliases")
        node = super().compose_node(parent, index)
        if isinstance(node, yaml.MappingNode):
            _check_keys(node)
        return node


def _check_keys(node: yaml.MappingNode) -> None:
    """A mapping's keys, each once."""
    seen: dict[object, int] = {}
    for key, _ in node.value:
        if isinstance(key, yaml.ScalarNode):
            if key.value in seen:
                raise _Problem(f"key {key.value!r}: expected each key once in a mapping, found it again",
                               key.start_mark, f"line {seen[key.value]} has it already; keep one")
            seen[key.value] = key.start_mark.line + 1


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _FastLoader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):  # type: ignore[misc]
    """libyaml's parser with _Loader's resolvers (dates left as text); it does not refuse anything."""


_FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


@lru_cache(maxsize=64)  # editions and features read the same small files again; keyed by the text, so an edit is seen
def _parse(text: str) -> tuple[bool, Any]:
    """Whether the document has a node at all, and its data. Shared by every read of the same text: read it,
    never change it. The node tree is checked here and then dropped (it weighs several times the data):
    `nodes` builds it again only when an error needs a line."""
    root, data = _fast_parse(text) or _checked_parse(text)
    if root is not None:
        deep = _too_deep(root)
        if deep is not None:
            raise _Problem(f"expected values nested at most {MAX_DEPTH} deep, found deeper ones", deep.start_mark,
                           "look for unclosed or repeated brackets")
    return root is not None, data


def nodes(text: str) -> yaml.Node | None:
    """The node tree of a text that `_parse` has read: libyaml's when it reads it, else _Loader's."""
    return (_fast_parse(text) or _checked_parse(text))[0]


def _fast_parse(text: str) -> tuple[yaml.Node, Any] | None:
    """libyaml parses a file that has nothing _Loader refuses ten times faster; anything else goes to _Loader,
    whose errors name the problem."""
    loader = _FastLoader(text)
    try:
        root = loader.get_single_node()
        if root is None or not _plain(root):
            return None
        return root, loader.construct_document(root)
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def _plain(root: yaml.Node) -> bool:
    """No node reached twice (an alias) and no key repeated in a mapping."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return False
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys = [key.value for key, _ in node.value if isinstance(key, yaml.ScalarNode)]
            if len(keys) != len(set(keys)):
                return False
            stack.extend(child for pair in node.value for child in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return True


# The deepest content file nests about ten levels (a plan's items in sections); far deeper is a mistake.
MAX_DEPTH = 64


def _too_deep(root: yaml.Node) -> yaml.Node | None:
    """The first node nested deeper than MAX_DEPTH, found without recursion."""
    stack = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return node
        if isinstance(node, yaml.MappingNode):
            stack.extend((child, depth + 1) for pair in node.value for child in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
    return None


def _checked_parse(text: str) -> tuple[yaml.Node | None, Any]:
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        return root, (loader.construct_document(root) if root is not None else None)
    finally:
        loader.dispose()


_UNREADABLE = {
    errno.ELOOP: ("a symbolic link that leads back to itself", "replace the link with the file itself"),
    errno.ENOENT: ("a symbolic link to nothing", "replace the link with the file itself"),
    errno.EISDIR: ("a folder", "a plan is one file, <plan-id>.yaml; rename the folder"),
    errno.EACCES: ("a file this user may not read", "check the file's permissions"),
}


@dataclass(frozen=True)
class Document:
    """A parsed YAML file: its data, and its text, whose node tree finds the line of any key."""

    path: Path
    data: Any
    text: str

    @cached_property
    def root(self) -> yaml.Node:
        """The node tree, built when an error needs a line (a build that has none never holds one)."""
        root = nodes(self.text)
        assert root is not None, "read() refuses an empty document"
        return root

    @classmethod
    def read(cls, path: Path) -> Document:
        try:
            raw = path.read_bytes()
        except OSError as error:
            found, hint = _UNREADABLE.get(error.errno or 0, (f"an unreadable file ({error.strerror})",
                                                             "check the file's permissions"))
            if error.errno == errno.ENOENT and not path.is_symlink():
                found, hint = "no such file", "check the name, or create the file"
            raise ContentError(path, None, f"expected a readable file, found {found}", hint=hint) from None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            raise ContentError(path, line, f"expected UTF-8 text, found the byte 0x{raw[error.start]:02x}",
                               hint="save the file as UTF-8") from None
        refused = refused_character(text, 1 if text.startswith("\ufeff") else 0)
        if refused is not None:
            raise cls._refused(path, text, *refused)
        try:
            present, data = _parse(text)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            at_line = mark.line + 1 if mark else None
            problem = " ".join(filter(None, [error.context, error.problem]))
            if isinstance(error, _Problem):
                raise ContentError(path, at_line, problem, hint=error.hint) from None
            hint = ("indent with spaces, not tabs" if "'\\t'" in problem
                    else "plain YAML only: remove the tag" if "for the tag" in problem
                    else "check indentation and quoting")
            raise ContentError(path, at_line, f"YAML syntax: {problem}", hint=hint) from None
        except yaml.reader.ReaderError as error:
            line = text[: error.position].count("\n") + 1
            raise ContentError(path, line, f"expected printable text, found the control character U+{error.character:04X}",
                               hint="delete it; it is invisible in most editors") from None
        except yaml.YAMLError as error:
            raise ContentError(path, None, f"YAML syntax: {error}") from None
        except RecursionError:
            raise ContentError(path, None, "expected a YAML document of reasonable depth, found one nested too deep",
                               hint="look for an unclosed bracket") from None
        if not present:
            raise ContentError(path, 1, "expected a YAML mapping, found an empty file",
                               hint="restore the file, or delete it if it is no longer wanted")
        return cls(path, data, text)

    @classmethod
    def _refused(cls, path: Path, text: str, offset: int, found: str) -> ContentError:
        """A refused character, at its line and column, under the key whose value holds it when the rest parses."""
        line, column = position(text, offset)
        message = f"expected visible text, found {found} at column {column}"
        hint = "delete it; it is invisible in most editors"
        blanked = text[:offset] + " " + text[offset + 1 :]
        try:
            present, data = _parse(blanked)
            document = cls(path, data, blanked) if present else None
            loc = _loc_at(document.root, (line - 1, column - 1)) if document else None
        except (yaml.YAMLError, RecursionError):
            document = loc = None
        if document is None or not loc:
            return ContentError(path, line, message, hint=hint)
        key = next((str(step) for step in reversed(loc) if isinstance(step, str)), None)
        where = document.where(loc)
        return ContentError(path, line, f"key {key!r}: {message}" if key else message, where=where, hint=hint)

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

    def item_loc(self, anchor: str) -> tuple[int | str, ...] | None:
        """The key path of the item with `anchor` among a plan file's items (nested ones too)."""
        stack: list[tuple[yaml.Node, tuple[int | str, ...]]] = [(self.root, ())]
        while stack:
            node, loc = stack.pop()
            if isinstance(node, yaml.MappingNode):
                anchor_node = _child(node, "anchor")
                if isinstance(anchor_node, yaml.ScalarNode) and anchor_node.value == anchor:
                    return loc
                stack.extend((value, (*loc, key.value)) for key, value in reversed(node.value))
            elif isinstance(node, yaml.SequenceNode):
                stack.extend((value, (*loc, index)) for index, value in reversed(list(enumerate(node.value))))
        return None

    def error(self, loc: tuple[int | str, ...], message: str, hint: str | None = None) -> ContentError:
        return ContentError(self.path, self.line(loc), message, where=self.where(loc), hint=hint)

    def mismatch(self, loc: tuple[int | str, ...], key: str | None, expected: str, found: str,
                 hint: str | None = None) -> ContentError:
        """The error of the value at `loc`: what its key expected and what it found, as fields."""
        return ContentError(self.path, self.line(loc), where=self.where(loc), hint=hint, key=key, expected=expected,
                            found=found)


def _loc_at(root: yaml.Node, point: tuple[int, int]) -> tuple[int | str, ...] | None:
    """The key path of the last scalar value that starts at or before `point` (line, column from 0)."""
    best: tuple[tuple[int, int], tuple[int | str, ...]] | None = None
    stack: list[tuple[yaml.Node, tuple[int | str, ...]]] = [(root, ())]
    while stack:
        node, loc = stack.pop()
        if isinstance(node, yaml.MappingNode):
            stack.extend((value, (*loc, key.value)) for key, value in node.value if isinstance(key, yaml.ScalarNode))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((value, (*loc, index)) for index, value in enumerate(node.value))
        else:
            start = (node.start_mark.line, node.start_mark.column)
            if start <= point and (best is None or start > best[0]):
                best = (start, loc)
    return best[1] if best else None


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
        raise document.error(loc, f"expected a mapping of keys, found {_kind(data)}",
                             hint="required keys: " + ", ".join(k for k, f in model.model_fields.items() if f.is_required()))
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
        return document.mismatch(loc[:-1], key, "a value", "none", hint=f"add `{key}:`")
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, detail["loc"][:-1])
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.4)
        hint = f"did you mean {close[0]!r}?" if close else "known keys: " + ", ".join(allowed)
        return document.error(loc, f"unknown key {key!r}: expected one of the known keys, found {key!r}", hint)
    if kind == FIELD_ERROR:  # raised by a model validator about one of its keys (errors.field_error)
        ctx = detail["ctx"]
        return document.mismatch((*loc, ctx["key"]), ctx["key"], ctx["expected"], ctx["found"], ctx["hint"])
    message = detail["msg"].removeprefix("Value error, ")
    expected = message.removeprefix("Input should be ").removeprefix("String should ")
    if kind == "string_too_short":
        expected = "a text, not an empty one"
    elif kind == "string_too_long":
        expected = f"a text of at most {detail['ctx']['max_length']:,} characters"
        found = f"{len(found):,} characters"
        return document.mismatch(loc, key, expected, found, _type_hint(detail))
    elif kind == "too_short":
        return document.mismatch(loc, key, "at least one entry", "an empty list",
                                 "write the entries, or remove the key if it may be left out")
    return document.mismatch(loc, key, expected, _short(found), _type_hint(detail))


_TYPE_HINTS = {
    "string_too_short": "write the text, or remove the key",
    "string_too_long": "a content text is a sentence or a paragraph; look for a paste gone wrong",
    "text_blank": "write the text, or remove the key; spaces alone, ASCII or full-width, are not a text",
    "string_type": "write a text; quote it if YAML reads it as a number, a date or true/false",
    "list_type": "write a list: `[a, b]`, or one `- a` per line",
    "literal_error": "write one of the listed values",
    "date_from_datetime_parsing": "write a real date as YYYY-MM-DD",
    "date_parsing": "write a real date as YYYY-MM-DD",
    "date_type": "write a real date as YYYY-MM-DD",
    "dict_type": "write a mapping of keys",
    "model_type": "write a mapping of keys",
}


def _type_hint(detail: Any) -> str | None:
    if detail["type"] == "string_pattern_mismatch":
        pattern = detail.get("ctx", {}).get("pattern", "")
        if pattern.endswith(r"\.txt$"):
            return "the file name of the source text in content/sources/"
        return "ids are lowercase ASCII words joined by hyphens, e.g. data-ip"
    return _TYPE_HINTS.get(detail["type"])


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


def _kind(value: Any) -> str:
    kinds = {list: "a list", dict: "a mapping", str: "a text", int: "a number", float: "a number", bool: "true/false"}
    return kinds.get(type(value), "nothing" if value is None else type(value).__name__)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def load_list(path: Path, key: str, model: type[R]) -> list[R]:
    """A registry file: a mapping whose `key` holds a list of entries of `model`."""
    document = Document.read(path)
    hint = f"the file holds one key, `{key}:`, followed by entries `- id: …`"
    if not isinstance(document.data, dict):
        raise ContentError(path, 1, f"expected a mapping with the key {key!r}, found {_kind(document.data)}", hint=hint)
    if not isinstance(document.data.get(key), list):
        raise document.error((key,), f"key {key!r}: expected a list of entries, found {_short(document.data.get(key))}",
                             hint=hint)
    unknown = sorted(set(document.data) - {key}, key=str)
    if unknown:
        raise document.error((unknown[0],), f"unknown key {unknown[0]!r}: expected only {key!r}")
    entries = [validate(document, model, (key, index)) for index in range(len(document.data[key]))]
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        entry_id = entry.id
        if entry_id in seen:
            raise document.error((key, index, "id"), f"key 'id': expected a unique id, found {entry_id!r} again",
                                 hint=f"line {document.line((key, seen[entry_id], 'id'))} has it already; an id names one entry")
        seen[entry_id] = index
    return entries


def load_plan(path: Path) -> tuple[Plan, Document]:
    document = Document.read(path)
    plan = validate(document, Plan)
    if plan.id != path.stem:
        taken = (path.parent / f"{plan.id}.yaml").exists()
        hint = f"{plan.id!r} is the id of {plan.id}.yaml: give this plan its own id" if taken else "rename the file or the id"
        raise document.error(("id",), f"key 'id': expected {path.stem!r} (the file name), found {plan.id!r}", hint=hint)
    return plan, document


def load_agencies(path: Path) -> list[Agency]:
    return load_list(path, "agencies", Agency)


def load_themes(path: Path) -> list[Theme]:
    return load_list(path, "themes", Theme)
