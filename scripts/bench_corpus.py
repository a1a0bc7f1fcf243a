"""Synthetic corpora for the build benchmark: the real plans repeated under new plan ids.

A copy of a plan keeps its items, anchors and text; only its id (and so its file name and its
URLs) changes, so each copy is a plan of its own and every anchor stays valid.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

_ID_LINE = re.compile(r"^id:[ \t]*(\S+)[ \t]*$", re.MULTILINE)
_PLAN_LINE = re.compile(r"^plan:[ \t]*(\S+)[ \t]*$", re.MULTILINE)  # of a plan's translation


def copy_id(plan_id: str, copy: int) -> str:
    """The id of the `copy`-th copy of a plan (copies count from 2: the original is the first)."""
    return f"{plan_id}-copy-{copy}"


def renamed(text: str, plan_id: str, new_id: str, line: re.Pattern[str] = _ID_LINE) -> str:
    """The plan YAML `text` with its top-level `id` (or the `line` given) replaced by `new_id`."""
    found = line.findall(text)
    key = line.pattern[1:].partition(":")[0]
    if found != [plan_id]:
        raise ValueError(f"expected one top-level line '{key}: {plan_id}', found {found!r}")
    return line.sub(f"{key}: {new_id}", text, count=1)


def synthetic_content(content: Path, dest: Path, factor: int) -> list[str]:
    """Write into `dest` a copy of `content` whose plans appear `factor` times: each original plan, then
    `<id>-copy-2` … `<id>-copy-<factor>`, each with the plan's translations. Agencies, themes, the phrase dictionary and the sources are
    shared unchanged. Returns the plan ids in the order the loader reads them (by file name)."""
    if factor < 1:
        raise ValueError(f"expected a factor of 1 or more, found {factor}")
    shutil.copytree(content, dest)
    plans = dest / "plans"
    translations = sorted((dest / "translations").glob("*/")) if (dest / "translations").is_dir() else []
    for path in sorted((content / "plans").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        for copy in range(2, factor + 1):
            new_id = copy_id(path.stem, copy)
            (plans / f"{new_id}.yaml").write_text(renamed(text, path.stem, new_id), encoding="utf-8")
            for folder in translations:  # each copy keeps the plan's translation
                translated = (folder / path.name).read_text(encoding="utf-8")
                (folder / f"{new_id}.yaml").write_text(renamed(translated, path.stem, new_id, _PLAN_LINE), encoding="utf-8")
    return [path.stem for path in sorted(plans.glob("*.yaml"))]
