"""The other editions built in child processes: each edition in its own process, failures reported."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.content.corpus import Corpus
from generator.editions.edition import Edition
from generator.publish import forked, site

pytestmark = pytest.mark.skipif(not forked.CAN_FORK, reason="the editions build one after another here")


def test_each_other_edition_builds_in_its_own_child(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                    corpus: Corpus) -> None:
    def record(config: object, edition: Edition, given: Corpus | None = None) -> None:
        (tmp_path / edition.code).write_text(f"{os.getpid()} {given is corpus}", encoding="utf-8")

    monkeypatch.setattr(site, "build_edition", record)
    assert forked.OtherEditions.start(object(), corpus).wait() == []  # type: ignore[arg-type]
    built = {path.name: path.read_text(encoding="utf-8").split() for path in tmp_path.iterdir()}
    assert sorted(built) == ["ja", "zh-Hant"]
    pids = {pid for pid, _ in built.values()}
    assert len(pids) == 2 and str(os.getpid()) not in pids
    assert all(same == "True" for _, same in built.values())  # the corpus loaded once, inherited


def test_a_failed_edition_is_named_to_the_parent(monkeypatch: pytest.MonkeyPatch, corpus: Corpus) -> None:
    def fail_in_japanese(config: object, edition: Edition, given: Corpus | None = None) -> None:
        if edition.code == "ja":
            raise RuntimeError("a template error in the Japanese edition")

    monkeypatch.setattr(site, "build_edition", fail_in_japanese)
    assert forked.OtherEditions.start(object(), corpus).wait() == ["ja"]  # type: ignore[arg-type]
