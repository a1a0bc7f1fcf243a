"""Under `mkdocs serve`, the other editions' last build stays served while the original is rebuilt."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.publish.plugin import keep_others
from generator.publish.site import publish
from tests.conftest import EDITIONS


def test_the_other_editions_stay_through_the_cleaning_of_the_site_folder(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for root in ("zh-Hant", "ja"):
        (site / root).mkdir(parents=True)
        (site / root / "index.html").write_text(root, encoding="utf-8")
    others = [edition for edition in EDITIONS if not edition.original]
    keep_others(site, others, aside=True)
    shutil.rmtree(site)  # what MkDocs does before it writes the original edition
    site.mkdir()
    keep_others(site, others, aside=False)
    assert {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
            for path in site.rglob("*.html")} == {"zh-Hant/index.html": "zh-Hant", "ja/index.html": "ja"}
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_an_edition_built_beside_replaces_its_folder_whole(tmp_path: Path) -> None:
    (tmp_path / "site" / "ja").mkdir(parents=True)
    (tmp_path / "site" / "ja" / "old.html").write_text("old", encoding="utf-8")
    new = tmp_path / "site.ja.new"
    new.mkdir()
    (new / "index.html").write_text("new", encoding="utf-8")
    publish(new, tmp_path / "site" / "ja")
    assert [path.name for path in (tmp_path / "site" / "ja").iterdir()] == ["index.html"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]
