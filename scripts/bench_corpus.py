"""Synthetic corpora for the build benchmark: the real plans repeated under new plan ids.

A copy of a plan keeps its items, anchors and text; only its id (and so its file name and its
URLs) changes, so each copy is a plan of its own and every anchor stays valid. A short form the registry of
cited documents scopes to a plan (`forms_in` of content/laws.yaml) is scoped to each of its copies too, so
that a copy's 《工作方案》 names the document its original's does.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from generator.content.laws import FILE as LAWS

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
    `<id>-copy-2` … `<id>-copy-<factor>`, each with the plan's translations and the short forms scoped to the
    plan in the registry of cited documents. Agencies, themes, the phrase dictionary and the sources are shared
    unchanged. Returns the plan ids in the order the loader reads them (by file name)."""
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
    if factor > 1 and (dest / LAWS).exists():
        scope_to_copies(dest / LAWS, factor)
    return [path.stem for path in sorted(plans.glob("*.yaml"))]


def scope_to_copies(registry: Path, factor: int) -> None:
    """Give every copy of a plan the forms that `forms_in` of the registry lists for the plan, in the same entry
    (the file is rewritten without its comments when any entry has `forms_in`)."""
    data = yaml.safe_load(registry.read_text(encoding="utf-8"))
    scoped = [law for law in data.get("laws") or [] if law.get("forms_in")]
    for law in scoped:
        law["forms_in"] = {copy_id(plan, copy) if copy > 1 else plan: list(forms)  # no YAML aliases
                           for plan, forms in law["forms_in"].items() for copy in range(1, factor + 1)}
    if scoped:
        registry.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1 << 16), encoding="utf-8")
