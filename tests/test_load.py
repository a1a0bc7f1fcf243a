"""Golden tests of bad input: each case edits the fixture content and expects one line of error."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.content.corpus import load_corpus
from generator.content.errors import ContentError
from generator.publish.check import check
from generator.publish.site import EditionSite

FIXTURE = Path(__file__).parent / "fixtures" / "content"
CASES = sorted((Path(__file__).parent / "cases" / "bad").glob("*.yaml"))
ROOT = Path(__file__).parent.parent
README = ROOT / "README.md"
CATALOGUE_START, CATALOGUE_END = "<!-- catalogue of tests/cases/bad: UPDATE_CASES=1 rewrites it -->", "<!-- end of catalogue -->"


def apply_case(case: dict, content: Path) -> None:
    """A case replaces lines of fixture files (`replace: {file: [[old, new], …]}`), writes files, copies a
    file (`copy: {from: to}`), repeats a piece (`repeat: {file: [[old, open, count, close]]}`), deletes files (`delete: [file]`), makes folders (`folders: [path]`), makes a symbolic link (`symlink: {file: target}`), saves a file in another encoding (`encode: {file: codec}`) or writes
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
    for name, runs in case.get("repeat", {}).items():  # long or deeply nested values: [old, open, count, close]
        path = content / name
        text = path.read_text(encoding="utf-8")
        for old, opening, count, closing in runs:
            assert old in text, f"{name}: {old!r} not in the fixture"
            text = text.replace(old, opening * count + closing * count, 1)
        path.write_text(text, encoding="utf-8")
    for name in case.get("folders", []):
        (content / name).mkdir()
    for name in case.get("delete", []):
        (content / name).unlink()
    for name, target in case.get("symlink", {}).items():
        (content / name).symlink_to(target)
    for name, codec in case.get("encode", {}).items():
        path = content / name
        path.write_bytes(path.read_text(encoding="utf-8").encode(codec))
    for name, text in case.get("templates", {}).items():
        (content.parent / "templates").mkdir(exist_ok=True)
        (content.parent / "templates" / name).write_text(text, encoding="utf-8")


def write_error(case_path: Path, message: str) -> None:
    """Replace the case's `error:` line (a JSON string is a YAML double-quoted scalar)."""
    lines = case_path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = [f"error: {json.dumps(message, ensure_ascii=False)}\n" if line.startswith("error:") else line
             for line in lines]
    case_path.write_text("".join(lines), encoding="utf-8")


def build_pages(content: Path, templates: Path | None) -> None:
    """What a build does with the content: load it and each edition's dictionaries, then its navigation and
    every generated file (pages, open data, citations)."""
    corpus = load_corpus(content)
    for edition in corpus.editions:
        site = EditionSite.load(content, edition.code, templates, corpus=corpus)
        site.nav()
        site.files()
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
    if os.environ.get("UPDATE_CASES") == "1" and message != case["error"]:  # refresh the expected lines
        write_error(case_path, message)
        case["error"] = message
    assert message == case["error"]
    assert message.endswith(")") and " (hint: " in message, "every error tells what to do"


CONTENT_CASES = [path for path in CASES if "templates" not in path.read_text(encoding="utf-8")]


@pytest.mark.parametrize("case_path", CONTENT_CASES, ids=[path.stem for path in CONTENT_CASES])
def test_the_check_command_stops_at_the_same_line(case_path: Path, tmp_path: Path) -> None:
    """`python -m generator check` runs the build's validation pass: every bad content file stops it with
    the line the build prints, before anything renders."""
    case = yaml.safe_load(case_path.read_text(encoding="utf-8"))
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    apply_case(case, content)
    done = subprocess.run([sys.executable, "-m", "generator", "check", "--content", "content"], cwd=tmp_path,
                          capture_output=True, text=True, check=False, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert (done.returncode, done.stdout, done.stderr) == (1, "", case["error"] + "\n")


@pytest.mark.parametrize(("case_name", "fields"), [
    ("edition-unknown-citation", ("citation", "'gb-t-7714' or 'japanese'", "'apa'")),
    ("glossary-definition-alone", ("definition_ja", "a definition in both languages or in neither", "one")),
    ("catalog-missing-label", ("see_also", "a label", "none")),
])
def test_errors_carry_their_parts_as_fields(case_name: str, fields: tuple[str, str, str], tmp_path: Path) -> None:
    """A model validator's error (a PydanticCustomError with its ctx) and the loader's own reach the
    ContentError as key, expected and found, not only as its text."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    apply_case(yaml.safe_load((CASES[0].parent / f"{case_name}.yaml").read_text(encoding="utf-8")), content)
    with pytest.raises(ContentError) as raised:
        check(content)
    assert (raised.value.key, raised.value.expected, raised.value.found) == fields


def test_the_check_command_passes_good_content() -> None:
    done = subprocess.run([sys.executable, "-m", "generator", "check", "--content", str(FIXTURE)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stderr == "" and "1 plans, 3 items, 3 editions checked" in done.stdout


def catalogue() -> str:
    """The README's table of the cases: the case, the file it breaks, the line the build prints."""
    rows = ["| case | file | the line the build prints |", "|---|---|---|"]
    for path in CASES:
        error = yaml.safe_load(path.read_text(encoding="utf-8"))["error"]
        file = error.split(":", 1)[0]
        code = error.replace("|", "\\|")
        rows.append(f"| `{path.stem}` | `{file}` | ``{code}`` |" if "`" in code else f"| `{path.stem}` | `{file}` | `{code}` |")
    return "\n".join([CATALOGUE_START, *rows, CATALOGUE_END])


def test_the_readme_lists_every_case() -> None:
    text = README.read_text(encoding="utf-8")
    start, end = text.index(CATALOGUE_START), text.index(CATALOGUE_END) + len(CATALOGUE_END)
    if os.environ.get("UPDATE_CASES") == "1":
        text = text[:start] + catalogue() + text[end:]
        README.write_text(text, encoding="utf-8")
        end = start + len(catalogue())
    assert text[start:end] == catalogue(), "the README's catalogue is out of date: run UPDATE_CASES=1 pytest tests/test_load.py"
    assert len(CASES) >= 60
