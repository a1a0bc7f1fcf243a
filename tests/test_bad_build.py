"""The real command line on bad input: a non-zero exit, one line of error, no traceback, and the last
good site left as it was (by `mkdocs build` itself, by `make site`'s swap, and under `mkdocs serve`)."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.publish.plugin import _reported
from scripts.build_site import publish
from tests.conftest import CONTENT, ENV, MKDOCS, ROOT, mkdocs_build, site_config

BROKEN_PLAN = "plans/cnipa-work-points-2023.yaml"
CONTENT_ERROR = (f"content/{BROKEN_PLAN}:3: key 'title_ja': expected a text, not an empty one, found '' "
                 "(hint: write the text, or remove the key)")
TEMPLATE_ERROR = ("templates/plan.md.j2:4: template: 'generator.content.models.Plan object' has no attribute 'issuer_name' "
                  "(hint: while rendering plan.md.j2 for /plans/admin-protection-plan-2023/)")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture
def previous_site(tmp_path: Path) -> Path:
    """A site folder as a previous build left it."""
    site = tmp_path / "site"
    for name, text in {"index.html": "<h1>last good build</h1>", "ja/index.html": "<h1>前回</h1>",
                       "data/tasks.json": "[]"}.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    return site


@pytest.fixture
def broken_content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    plan = content / BROKEN_PLAN
    lines = plan.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[2].startswith("title_ja: ")
    lines[2] = "title_ja: ''\n"
    plan.write_text("".join(lines), encoding="utf-8")
    return content


def assert_one_line_error(stderr: str, expected: str) -> None:
    errors = [line for line in stderr.splitlines() if line.startswith("ERROR")]
    assert errors == [f"ERROR   -  {expected}"], stderr
    assert "Traceback" not in stderr


def test_cli_build_of_bad_content_fails_in_one_line_and_keeps_the_site(broken_content: Path,
                                                                       previous_site: Path) -> None:
    before = snapshot(previous_site)
    result = mkdocs_build(site_config(broken_content, previous_site), previous_site)
    assert result.returncode != 0
    assert_one_line_error(result.stderr, CONTENT_ERROR)
    assert snapshot(previous_site) == before


def test_cli_build_with_a_broken_template_fails_in_one_line_and_keeps_the_site(tmp_path: Path,
                                                                               previous_site: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "plan.md.j2").write_text("{% import '_macros.j2' as m with context %}\n# {{ plan.title | md }}\n\n"
                                          "{{ plan.issuer_name }}\n", encoding="utf-8")
    before = snapshot(previous_site)
    config = site_config(CONTENT, previous_site, {"templates": str(templates)})
    result = mkdocs_build(config, previous_site)
    assert result.returncode != 0
    assert_one_line_error(result.stderr, TEMPLATE_ERROR)
    assert snapshot(previous_site) == before


def test_make_site_keeps_the_published_site_when_the_build_fails(broken_content: Path, previous_site: Path) -> None:
    before = snapshot(previous_site)
    config = site_config(broken_content, previous_site.parent / "unused")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_site.py"), str(previous_site),
                             "--config-file", str(config)], check=False, cwd=previous_site.parent,
                            capture_output=True, text=True, env=ENV)
    assert result.returncode != 0
    assert_one_line_error(result.stderr, CONTENT_ERROR)
    assert result.stderr.rstrip().endswith(f"build failed: {previous_site}/ left as it was")
    assert snapshot(previous_site) == before
    assert not (previous_site.parent / "site.new").exists() and not (previous_site.parent / "site.old").exists()


def test_publish_swaps_the_new_build_in_and_removes_the_old(tmp_path: Path, previous_site: Path) -> None:
    new = tmp_path / "site.new"
    (new / "plans").mkdir(parents=True)
    (new / "plans" / "index.html").write_text("new", encoding="utf-8")
    publish(new, previous_site)
    assert snapshot(previous_site) == {"plans/index.html": b"new"}
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_publish_into_an_empty_place(tmp_path: Path) -> None:
    new = tmp_path / "site.new"
    new.mkdir()
    (new / "index.html").write_text("first", encoding="utf-8")
    publish(new, tmp_path / "site")
    assert snapshot(tmp_path / "site") == {"index.html": b"first"}


def test_a_failed_rebuild_under_serve_is_one_line_and_keeps_serving(caplog: pytest.LogCaptureFixture) -> None:
    from mkdocs.exceptions import Abort

    def failing_build() -> None:
        raise Abort("Aborted with a BuildError!")

    with caplog.at_level(logging.ERROR, logger="mkdocs.plugins.ip-plans"):
        _reported(failing_build)()  # returns: MkDocs' rebuild loop goes on watching
    assert [record.getMessage() for record in caplog.records] == [
        "Not rebuilt: the last good build is still served; save a fix to rebuild"]


# One case of the catalogue per content file, through the real command line (each costs a MkDocs start).
CLI_CASES = ["lineage-unknown-anchor", "glossary-traditional-form", "laws-unknown-title", "phrases-markup",
             "interface-duplicate", "lock-missing", "lock-byte-order-mark", "yaml-nested-too-deep",
             "plan-symlink-loop", "line-separator-in-title", "theme-keyword-blank", "agency-name-bidi"]


@pytest.mark.parametrize("name", CLI_CASES)
def test_cli_build_of_a_catalogue_case_is_one_line(name: str, tmp_path: Path, previous_site: Path) -> None:
    from tests.test_load import CASES, FIXTURE, apply_case

    case = yaml.safe_load(next(path for path in CASES if path.stem == name).read_text(encoding="utf-8"))
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    apply_case(case, content)
    before = snapshot(previous_site)
    result = mkdocs_build(site_config(content, previous_site), previous_site)
    assert result.returncode != 0
    assert_one_line_error(result.stderr, case["error"])
    assert snapshot(previous_site) == before


@pytest.mark.build
def test_a_good_build_says_nothing_but_what_matters(tmp_path: Path) -> None:
    """No warning, and none of MkDocs' notes on each generated page that the navigation does not list."""
    from tests.test_load import FIXTURE

    site = tmp_path / "site"
    config = site_config(FIXTURE, site)
    result = subprocess.run([*MKDOCS, "build", "-f", str(config), "-d", str(site)], check=False, cwd=tmp_path,
                            capture_output=True, text=True, env=ENV)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert not [line for line in lines if line.startswith(("WARNING", "ERROR"))], result.stderr
    assert "not included in the \"nav\"" not in result.stderr
    assert len(lines) < 15, result.stderr
