"""The maintainer commands stop at bad content with the build's one line, never a traceback."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.content import laws, lineage, lock, termbase, translations
from generator.tools import audit, ingest, review, tagging
from tests.conftest import CONTENT


@pytest.fixture
def broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the content whose agencies file gives CNIPA a blank name; the working folder holds it."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content, symlinks=True)
    agencies = content / "agencies.yaml"
    text = agencies.read_text(encoding="utf-8")
    agencies.write_text(text.replace("    name: 国家知识产权局\n", "    name: ' '\n", 1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return content


@pytest.mark.parametrize(("name", "run"), [
    ("termbase", lambda content: termbase.main()),
    ("tagging", lambda content: tagging.main(["--content", str(content)])),
    ("audit", lambda content: audit.main(["--content", str(content), "--check"])),
    ("ingest", lambda content: ingest.main(["--check", "--content", str(content)])),
    ("translations", lambda content: translations.main(["--draft", "ja", "x", "--content", str(content)])),
    ("laws", lambda content: laws.main(["--content", str(content)])),
    ("lineage", lambda content: lineage.main(["--content", str(content)])),
    ("lock", lambda content: lock.main(["--content", str(content)])),
    ("review", lambda content: review.main(["--content", str(content), "--check"])),
])
def test_a_command_stops_with_one_line(broken: Path, capsys: pytest.CaptureFixture[str], name: str,
                                       run: Callable[[Path], int]) -> None:
    try:
        status, said = run(broken), capsys.readouterr().err.strip().splitlines()
    except SystemExit as stop:  # a command may stop with its message as the exit status (sys.exit(message))
        status, said = 1, str(stop.code).splitlines()
    assert status == 1 and len(said) == 1 and ("content/agencies.yaml" in said[0] or name == "translations"), said
    if name == "translations":  # the plan to draft does not exist
        assert said[0].endswith("content/plans/x.yaml: expected a readable file, found no such file "
                                "(hint: check the name, or create the file)"), said
