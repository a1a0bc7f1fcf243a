"""The anchor lock: every published anchor, kept forever, so that no citation breaks.

`content/anchors.lock` lists one `plan-id#anchor` per line. The build fails when a locked anchor
resolves to nothing: neither an item of its plan (or of the plan that took the plan's id as an
alias) nor an item's alias. New anchors enter the lock only through `python -m generator.content.lock --write`.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.content.errors import ContentError, command
from generator.content.models import Plan
from generator.content.text import read_text, refuse_invisible

LOCK = "anchors.lock"
HEADER = (
    "# Every published anchor of every plan, one `plan-id#anchor` per line. Never delete a line:\n"
    "# an anchor that must change is declared in `aliases` of the item that replaces it.\n"
    "# New anchors are added with `make lock`.\n"
)


@dataclass(frozen=True)
class LockedAnchor:
    plan: str
    anchor: str
    line: int

    @property
    def key(self) -> str:
        return f"{self.plan}#{self.anchor}"


def read(path: Path) -> list[LockedAnchor]:
    """The locked anchors of `path`; an absent lock file locks nothing (see `check`, which refuses one)."""
    if not path.exists():
        return []
    locked = []
    text = read_text(path)
    if text.startswith("\ufeff"):
        raise ContentError(path, 1, "expected UTF-8 text without a byte-order mark, found U+FEFF at the start",
                           hint="save the file as UTF-8 without BOM")
    refuse_invisible(path, text)
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        plan, sep, anchor = line.partition("#")
        if not sep or not plan or not anchor or not line.isascii():
            raise ContentError(path, number, f"expected `plan-id#anchor`, found {line!r}",
                               hint="one ASCII anchor per line, e.g. strong-ip-implementation-plan-2023#t18")
        locked.append(LockedAnchor(plan, anchor, number))
    return locked


def resolve(plans: list[Plan]) -> dict[str, str]:
    """Every anchor that reaches an item (its own, its aliases, under the plan's id and its aliases)
    -> the item's current `plan-id#anchor`."""
    targets: dict[str, str] = {}
    for plan in plans:
        for item in plan.walk():
            for plan_id in (plan.id, *plan.aliases):
                for anchor in (item.anchor, *item.aliases):
                    targets[f"{plan_id}#{anchor}"] = f"{plan.id}#{item.anchor}"
    return targets


def current(plans: list[Plan]) -> list[str]:
    """The current anchors in document order."""
    return [f"{plan.id}#{item.anchor}" for plan in plans for item in plan.walk()]


def check(path: Path, plans: list[Plan], *, required: bool = True) -> None:
    """Raise ContentError on the first locked anchor that no item answers any more, and on a missing lock
    file unless not `required` (`make lock` creates it)."""
    if required and not path.is_file():
        raise ContentError(path, None, "expected the lock of published anchors, found no file",
                           hint="restore it from version control; `make lock` writes a new one on purpose")
    targets = resolve(plans)
    for locked in read(path):
        if locked.key not in targets:
            raise ContentError(
                path, locked.line,
                f"anchor {locked.key}: expected an item of plan {locked.plan!r} with this anchor or alias, "
                "found none",
                hint=f"published anchors never disappear: restore the item, or add `aliases: [{locked.anchor}]` "
                "to the item that replaces it",
            )


def missing(path: Path, plans: list[Plan]) -> list[str]:
    """Current anchors that the lock does not list yet."""
    locked = {entry.key for entry in read(path)}
    return [key for key in current(plans) if key not in locked]


def write(path: Path, plans: list[Plan]) -> list[str]:
    """Append the new anchors to the lock (it only ever grows); returns them."""
    check(path, plans, required=False)
    new = missing(path, plans)
    text = path.read_text(encoding="utf-8") if path.exists() else HEADER
    if new:
        path.write_text(text + "".join(f"{key}\n" for key in new), encoding="utf-8")
    return new


@command
def main(argv: list[str] | None = None) -> int:
    # The whole validation pass, which reads the lock: run by this command, never imported by the build's steps.
    from generator.publish.check import check as check_content

    parser = argparse.ArgumentParser(prog="python -m generator.content.lock", description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=Path("content"))
    parser.add_argument("--write", action="store_true", help="add the new anchors to the lock file")
    args = parser.parse_args(argv)
    path = args.content / LOCK
    corpus = check_content(args.content, lock_required=not args.write)
    new = write(path, corpus.plans) if args.write else missing(path, corpus.plans)
    if args.write:
        print(f"{path}: {len(new)} anchors added" + "".join(f"\n  {key}" for key in new))
        return 0
    if new:
        print(f"{path}: {len(new)} anchors not locked yet (run `make lock`):"
              + "".join(f"\n  {key}" for key in new))
        return 1
    print(f"{path}: all {len(current(corpus.plans))} anchors locked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
