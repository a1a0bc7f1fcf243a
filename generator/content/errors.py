"""The one error type of the generator: a message a maintainer can act on."""

from __future__ import annotations

import os
from pathlib import Path


class ContentError(Exception):
    """`file:line: where: key: expected …, found … (hint)` on one line."""

    def __init__(
        self,
        path: Path | str,
        line: int | None,
        message: str,
        *,
        where: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.path = Path(path)
        self.line = line
        self.where = where
        self.message = message
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        location = f"{_display(self.path)}:{self.line}" if self.line else _display(self.path)
        where = f" {self.where}:" if self.where else ""
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"{location}:{where} {self.message}{hint}".replace("\n", " ")


def _display(path: Path) -> str:
    # os.path.abspath, not Path.resolve: a symlink loop must not turn the error into another one.
    try:
        return str(Path(os.path.abspath(path)).relative_to(Path.cwd()))
    except ValueError:
        return str(path)
