"""Determinism: a second clean build, through `make site`'s own script, equals the first byte for byte.

Each build runs in its own process, so with its own string-hash seed: an order taken from a set
or a dict of strings would show here. Dates come from SOURCE_DATE_EPOCH (tests/conftest.py pins it,
the Makefile sets it to the last commit's time), so the sitemaps match too: no exception is needed.
"""

from __future__ import annotations

import datetime
import gzip
import hashlib
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ENV, ROOT


def digests(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_two_clean_builds_are_byte_identical(site: Path, tmp_path: Path) -> None:
    second = tmp_path / "site"
    second.mkdir()
    (second / "stale.html").write_text("from an earlier build", encoding="utf-8")
    result = subprocess.run([sys.executable, "scripts/build_site.py", str(second)], check=False, cwd=ROOT,
                            capture_output=True, text=True, env=ENV)
    assert result.returncode == 0, result.stderr
    first_files, second_files = digests(site), digests(second)
    assert sorted(set(first_files) ^ set(second_files)) == []  # the swap left nothing stale
    assert [name for name in first_files if first_files[name] != second_files[name]] == []
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_build_dates_come_from_source_date_epoch(site: Path) -> None:
    """The only dated files: the sitemap (its <lastmod>, listed once site_url is set) and its gzip header."""
    epoch = int(ENV["SOURCE_DATE_EPOCH"])
    day = datetime.datetime.fromtimestamp(epoch, datetime.UTC).date().isoformat()
    for root in ("", "zh-Hant/", "ja/"):
        sitemap = (site / root / "sitemap.xml").read_text(encoding="utf-8")
        assert set(re.findall(r"<lastmod>(.*?)</lastmod>", sitemap)) <= {day}
        packed = (site / root / "sitemap.xml.gz").read_bytes()
        assert int.from_bytes(packed[4:8], "little") == epoch - epoch % 86400  # gzip's MTIME: that day
        assert gzip.decompress(packed).decode("utf-8") == sitemap
