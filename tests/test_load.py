"""Golden tests of bad input: each case edits the fixture content and expects one line of error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.corpus import load_corpus
from generator.errors import ContentError

FIXTURE = Path(__file__).parent / "fixtures" / "content"
CASES = sorted((Path(__file__).parent / "cases" / "bad").glob("*.yaml"))


def apply_case(case: dict, content: Path) -> None:
    """A case replaces lines of fixture files (`replace: {file: [[old, new], …]}`) or writes files."""
    for name, pairs in case.get("replace", {}).items():
        path = content / name
        text = path.read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text, f"{name}: {old!r} not in the fixture"
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    for name, text in case.get("write", {}).items():
        (content / name).write_text(text, encoding="utf-8")


def test_the_fixture_itself_loads(tmp_path: Path) -> None:
    corpus = load_corpus(FIXTURE)
    assert [entry.item.anchor for entry in corpus.entries] == ["preamble", "s1", "t1"]


@pytest.mark.parametrize("case_path", CASES, ids=[path.stem for path in CASES])
def test_bad_input_gives_one_clear_line(case_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = yaml.safe_load(case_path.read_text(encoding="utf-8"))
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    apply_case(case, content)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ContentError) as raised:
        load_corpus(Path("content"))
    message = str(raised.value)
    assert "\n" not in message
    assert message == case["error"]
