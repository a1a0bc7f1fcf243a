"""Synthetic corpora for the build benchmark: the real plans repeated under new plan ids.

A copy of a plan keeps its items, anchors and text; only its id (and so its file name and its
URLs) changes, so each copy is a plan of its own and every anchor stays valid.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

_ID_LINE = re.compile(r"^id:[ \t]*(\S+)[ \t]*$", re.MULTILINE)


def copy_id(plan_id: str, copy: int) -> str:
    """The id of the `copy`-th copy of a plan (copies count from 2: the original is the first)."""
    return f"{plan_id}-copy-{copy}"


def renamed(text: str, plan_id: str, new_id: str) -> str:
    """The plan YAML `text` with its top-level `id` replaced by `new_id`."""
    found = _ID_LINE.findall(text)
    if found != [plan_id]:
        raise ValueError(f"expected one top-level line 'id: {plan_id}', found {found!r}")
    return _ID_LINE.sub(f"id: {new_id}", text, count=1)


def synthetic_content(content: Path, dest: Path, factor: int) -> list[str]:
    """Write into `dest` a copy of `content` whose plans appear `factor` times: each original plan, then
    `<id>-copy-2` … `<id>-copy-<factor>`. Agencies, themes, the phrase dictionary and the sources are
    shared unchanged. Returns the plan ids in the order the loader reads them (by file name)."""
    if factor < 1:
        raise ValueError(f"expected a factor of 1 or more, found {factor}")
    shutil.copytree(content, dest, ignore=lambda folder, names: ["plans"] if Path(folder) == content else [])
    plans = dest / "plans"
    plans.mkdir()
    for path in sorted((content / "plans").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        shutil.copy2(path, plans / path.name)
        for copy in range(2, factor + 1):
            new_id = copy_id(path.stem, copy)
            (plans / f"{new_id}.yaml").write_text(renamed(text, path.stem, new_id), encoding="utf-8")
    return [path.stem for path in sorted(plans.glob("*.yaml"))]
