"""The anchor lock: published anchors never disappear; new ones enter only through `--write`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.content import lock
from generator.content.corpus import Corpus, load_corpus
from generator.content.errors import ContentError

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "content"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """The fixture before its anchors were published: a lock that lists none."""
    folder = tmp_path / "content"
    shutil.copytree(FIXTURE, folder)
    (folder / lock.LOCK).write_text(lock.HEADER, encoding="utf-8")
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_real_lock_lists_every_current_anchor(corpus: Corpus) -> None:
    path = ROOT / "content" / lock.LOCK
    assert lock.missing(path, corpus.plans) == [], "new anchors: run `make lock` and commit content/anchors.lock"
    locked = lock.read(path)
    assert len(locked) == len({entry.key for entry in locked}), "each anchor once in the lock"
    assert len(locked) >= 425


def test_write_appends_new_anchors_and_never_drops_one(content: Path) -> None:
    path = content / lock.LOCK
    plans = load_corpus(content).plans
    assert lock.write(path, plans) == ["mini-plan-2024#preamble", "mini-plan-2024#s1", "mini-plan-2024#t1"]
    assert lock.write(path, plans) == []
    # t1 becomes t2 with t1 as its alias: the old line stays, the new anchor is added.
    edit(content / "plans" / "mini-plan-2024.yaml", "- anchor: t1\n", "- anchor: t2\n    aliases: [t1]\n")
    edit(content / "translations" / "ja" / "mini-plan-2024.yaml", "- anchor: t1\n", "- anchor: t2\n")
    plans = load_corpus(content).plans
    assert lock.write(path, plans) == ["mini-plan-2024#t2"]
    assert [entry.key for entry in lock.read(path)][-2:] == ["mini-plan-2024#t1", "mini-plan-2024#t2"]


def test_a_removed_anchor_without_alias_stops_the_build(content: Path) -> None:
    lock.write(content / lock.LOCK, load_corpus(content).plans)
    edit(content / "plans" / "mini-plan-2024.yaml", "- anchor: t1\n", "- anchor: t2\n")
    with pytest.raises(ContentError, match=r"anchors\.lock:\d+: anchor mini-plan-2024#t1: .*aliases: \[t1\]"):
        load_corpus(content)


def test_a_renamed_plan_keeps_its_anchors_through_its_former_id(content: Path) -> None:
    lock.write(content / lock.LOCK, load_corpus(content).plans)
    plans = content / "plans"
    (plans / "mini-plan-2024.yaml").rename(plans / "mini-plan-2024-rev.yaml")
    edit(plans / "mini-plan-2024-rev.yaml", "id: mini-plan-2024\n", "id: mini-plan-2024-rev\naliases: [mini-plan-2024]\n")
    translations = content / "translations" / "ja"
    (translations / "mini-plan-2024.yaml").rename(translations / "mini-plan-2024-rev.yaml")
    edit(translations / "mini-plan-2024-rev.yaml", "plan: mini-plan-2024\n", "plan: mini-plan-2024-rev\n")
    corpus = load_corpus(content)
    assert lock.resolve(corpus.plans)["mini-plan-2024#t1"] == "mini-plan-2024-rev#t1"


def test_the_command_reports_unlocked_anchors(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert lock.main(["--content", str(content)]) == 1
    assert "3 anchors not locked yet" in capsys.readouterr().out
    assert lock.main(["--content", str(content), "--write"]) == 0
    assert lock.main(["--content", str(content)]) == 0


def test_a_missing_lock_stops_the_build_and_make_lock_creates_it(content: Path) -> None:
    (content / lock.LOCK).unlink()
    with pytest.raises(ContentError, match=r"anchors\.lock: expected the lock of published anchors, found no file"):
        load_corpus(content)
    assert lock.main(["--content", str(content)]) == 1
    assert lock.main(["--content", str(content), "--write"]) == 0
    assert [entry.key for entry in lock.read(content / lock.LOCK)] == [
        "mini-plan-2024#preamble", "mini-plan-2024#s1", "mini-plan-2024#t1"]
