"""Build every edition beside the published folder, then swap: a failed build leaves the folder intact.

    python scripts/build_site.py [SITE_DIR] [--config-file mkdocs.yml]

MkDocs empties its site folder before it writes; building into `<SITE_DIR>.new` and renaming keeps the
last good site in place whatever goes wrong (bad content, a template error, a strict-mode warning).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from generator.publish.site import publish


def build(site: Path, config_file: Path) -> int:
    """Build into `<site>.new` and publish it; returns MkDocs' exit status (0 when published)."""
    new = site.with_name(site.name + ".new")
    shutil.rmtree(new, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config_file),
               "--site-dir", str(new.resolve())]
    status = subprocess.run(command, check=False).returncode
    if status != 0:
        shutil.rmtree(new, ignore_errors=True)
        print(f"build failed: {site}/ left as it was", file=sys.stderr)
        return status
    publish(new, site)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=Path("site"), help="the published folder")
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    arguments = parser.parse_args()
    return build(arguments.site, arguments.config_file)


if __name__ == "__main__":
    sys.exit(main())
