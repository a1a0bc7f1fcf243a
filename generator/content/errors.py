"""The one error type of the generator: a message a maintainer can act on."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import ParamSpec

from pydantic_core import PydanticCustomError

FIELD_ERROR = "content_field"  # the type of a model validator's error about one of its keys
P = ParamSpec("P")


class ContentError(Exception):
    """`file:line: where: key: expected …, found … (hint)` on one line. A mismatch carries its parts as
    fields (`key`, `expected`, `found`) and its message is made from them; other errors give a message."""

    def __init__(
        self,
        path: Path | str,
        line: int | None,
        message: str = "",
        *,
        where: str | None = None,
        hint: str | None = None,
        key: str | None = None,
        expected: str | None = None,
        found: str | None = None,
    ) -> None:
        self.path = Path(path)
        self.line = line
        self.where = where
        self.key, self.expected, self.found = key, expected, found
        if expected is not None:
            message = f"key {key!r}: expected {expected}, found {found}" if key else f"expected {expected}, found {found}"
        self.message = message
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        location = f"{_display(self.path)}:{self.line}" if self.line else _display(self.path)
        where = f" {self.where}:" if self.where else ""
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"{location}:{where} {self.message}{hint}".replace("\n", " ")


def field_error(key: str, expected: str, found: str, hint: str | None = None) -> PydanticCustomError:
    """A model validator's error about its key `key`, with what was expected and found as fields (its ctx),
    which the loader places at the key's line as `key 'x': expected …, found …`."""
    return PydanticCustomError(FIELD_ERROR, "{key}: expected {expected}, found {found}",
                               {"key": key, "expected": expected, "found": found, "hint": hint})


def _display(path: Path) -> str:
    # os.path.abspath, not Path.resolve: a symlink loop must not turn the error into another one.
    try:
        return str(Path(os.path.abspath(path)).relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def command(main: Callable[P, int]) -> Callable[P, int]:
    """A maintainer command whose content errors end it with their one line and exit status 1, never a
    traceback."""

    @functools.wraps(main)
    def run(*args: P.args, **kwargs: P.kwargs) -> int:
        try:
            return main(*args, **kwargs)
        except ContentError as error:
            print(f"ERROR {error}", file=sys.stderr)
            return 1

    return run
