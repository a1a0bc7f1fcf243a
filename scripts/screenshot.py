"""Screenshots of built pages in headless Chromium: python scripts/screenshot.py PATH[#anchor] ... OUT_DIR"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.site.server import serve

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def main(paths: list[str], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with serve(Path("site")) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for path in paths:
            page.goto(base + path)
            page.wait_for_timeout(300)
            name = path.strip("/").replace("/", "_").replace("#", "__") or "home"
            page.screenshot(path=str(out / f"{name}.png"))
            print(out / f"{name}.png")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1:-1], Path(sys.argv[-1]))
