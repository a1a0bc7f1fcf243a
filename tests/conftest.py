from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from filelock import FileLock

from generator.content.corpus import Corpus, load_corpus
from generator.content.load import load_plan
from generator.editions.edition import load_editions

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
EDITIONS = load_editions(CONTENT)  # the site's editions with their catalogs
BY_CODE = {edition.code: edition for edition in EDITIONS}
MKDOCS = [sys.executable, "-m", "mkdocs"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
ENV.setdefault("SOURCE_DATE_EPOCH", "1700000000")  # reproducible builds: every test build carries one date
SITE_TESTS = ROOT / "tests" / "site"
PLANS = [load_plan(path)[0] for path in sorted((CONTENT / "plans").glob("*.yaml"))]
# The year after the latest plan's: a test that adds next year's plan to a copy of the content gives it this year,
# which no plan of the content has, however many years are added.
NEXT_YEAR = max(plan.year or 0 for plan in PLANS) + 1
# The latest work points (the series compared year by year) and the id of the year after them: the tests that
# add next year's work points to a copy of the content copy the one under the other. The series' next year, not
# NEXT_YEAR: the lineage and the review join consecutive years of a series, and another series may be ahead.
LATEST_WORK_POINTS = max((plan for plan in PLANS if plan.series == "cnipa-work-points"), key=lambda plan: plan.year or 0)
NEXT_WORK_POINTS_YEAR = (LATEST_WORK_POINTS.year or 0) + 1
NEXT_WORK_POINTS = f"{LATEST_WORK_POINTS.series}-{NEXT_WORK_POINTS_YEAR}"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests of the built site (tests/site/, or any test of the `site` fixture) are marked `build`, like the
    tests outside it that build a whole site: `make check` leaves them out (`-m "not build"`)."""
    for item in items:
        if SITE_TESTS in item.path.parents or "site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.build)


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return load_corpus(CONTENT)


def mkdocs_build(config: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*MKDOCS, "build", "--quiet", "-f", str(config), "-d", str(site_dir)],
                          check=False, cwd=config.parent, capture_output=True, text=True, env=ENV)


def site_config(content: Path, site_dir: Path, plugin_options: dict[str, object] | None = None,
                **settings: object) -> Path:
    """The project's own mkdocs.yml, written beside `site_dir`, for `content` (and `settings` on top)."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(docs_dir=str(ROOT / "docs"), site_dir=str(site_dir), **settings)
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    plugin = next(p for p in config["plugins"] if isinstance(p, dict) and "ip-plans" in p)
    plugin["ip-plans"].update(content=str(content), **(plugin_options or {}))
    config_file = site_dir.parent / f"{site_dir.name}.mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return config_file


def build_site(content: Path, site_dir: Path, **settings: object) -> Path:
    """Build all editions of `content` with the project's own configuration (and `settings` on top)."""
    result = mkdocs_build(site_config(content, site_dir, **settings), site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The real site, built once for the whole run with all three editions (the first of the parallel
    workers builds it, the others wait for it and share it)."""
    shared = tmp_path_factory.getbasetemp() if worker_id == "master" else tmp_path_factory.getbasetemp().parent
    site_dir, built = shared / "site", shared / "site.built"
    with FileLock(shared / "site.lock"):
        if not built.exists():
            result = mkdocs_build(ROOT / "mkdocs.yml", site_dir)
            assert result.returncode == 0, result.stderr
            built.touch()
    return site_dir


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    from tests.site.server import serve

    with serve(site) as url:
        yield url
