"""`python -m generator check`: the build's validation pass alone, without rendering; exit 1 with the
first problem's one line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.content.errors import ContentError
from generator.publish.check import check


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    checking = commands.add_parser("check", help="load and cross-check every content file, as the build does")
    checking.add_argument("--content", type=Path, default=Path("content"))
    args = parser.parse_args(argv)
    try:
        corpus = check(args.content)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"{args.content}: {len(corpus.plans)} plans, {len(corpus.entries)} items, {len(corpus.editions)} editions "
          "checked: no problem found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
