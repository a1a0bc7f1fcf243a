"""Golden tests of bad input: each case edits the fixture content and expects one line of error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.corpus import load_corpus
from generator.editions import EDITIONS
from generator.errors import ContentError
from generator.render import Renderer
from generator.site import EditionSite

FIXTURE = Path(__file__).parent / "fixtures" / "content"
CASES = sorted((Path(__file__).parent / "cases" / "bad").glob("*.yaml"))


def apply_case(case: dict, content: Path) -> None:
    """A case replaces lines of fixture files (`replace: {file: [[old, new], …]}`), writes files, copies a
    file (`copy: {from: to}`), deletes files (`delete: [file]`), saves a file in another encoding (`encode: {file: codec}`) or writes
    templates into an override folder beside the content (`templates: {name: text}`)."""
    for name, pairs in case.get("replace", {}).items():
        path = content / name
        text = path.read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text, f"{name}: {old!r} not in the fixture"
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    for name, text in case.get("write", {}).items():
        (content / name).write_text(text, encoding="utf-8")
    for source, target in case.get("copy", {}).items():
        shutil.copyfile(content / source, content / target)
    for name in case.get("delete", []):
        (content / name).unlink()
    for name, codec in case.get("encode", {}).items():
        path = content / name
        path.write_bytes(path.read_text(encoding="utf-8").encode(codec))
    for name, text in case.get("templates", {}).items():
        (content.parent / "templates").mkdir(exist_ok=True)
        (content.parent / "templates" / name).write_text(text, encoding="utf-8")


def build_pages(content: Path, templates: Path | None) -> None:
    """What a build does with the content: load it and each edition's dictionaries, then render every page."""
    corpus = load_corpus(content)
    for edition in EDITIONS:
        site = EditionSite.load(content, edition.code, corpus=corpus)
        Renderer(corpus, edition, site.convert, templates=templates, interface=site.interface).pages()
        site.search_records  # noqa: B018 (the search's own data files are read and checked too)


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
        build_pages(Path("content"), Path("templates") if "templates" in case else None)
    message = str(raised.value)
    assert "\n" not in message
    assert message == case["error"]
    assert message.endswith(")") and " (hint: " in message, "every error tells what to do"
