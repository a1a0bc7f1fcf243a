"""The other editions built in child processes: each edition in its own process, failures reported."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.content.corpus import Corpus
from generator.editions.edition import Edition
from generator.publish import forked, site

pytestmark = pytest.mark.skipif(not forked.CAN_FORK, reason="the editions build one after another here")


def record(config: object, edition: Edition, given: Corpus | None = None, site_dir: str | None = None) -> None:
    """A build that writes, into the folder it is given, which process built it and whether with the corpus."""
    assert site_dir is not None
    Path(site_dir).mkdir()
    (Path(site_dir) / "built").write_text(f"{os.getpid()} {given is not None}", encoding="utf-8")


def test_each_other_edition_builds_in_its_own_child_beside_the_site(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                                   corpus: Corpus) -> None:
    monkeypatch.setattr(site, "build_edition", record)
    config = SimpleNamespace(site_dir=str(tmp_path / "site"))
    (tmp_path / "site").mkdir()
    others = forked.OtherEditions.start(config, corpus)  # type: ignore[arg-type]
    assert others.wait() == []
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site", "site.ja.new", "site.zh-Hant.new"]
    others.put_in_place()  # once the original's folder is complete
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]
    built = {path.parent.name: path.read_text(encoding="utf-8").split() for path in tmp_path.glob("site/*/built")}
    assert sorted(built) == ["ja", "zh-Hant"]
    pids = {pid for pid, _ in built.values()}
    assert len(pids) == 2 and str(os.getpid()) not in pids
    assert all(given == "True" for _, given in built.values())  # the corpus loaded once, inherited


def test_what_the_children_built_is_removed_when_the_build_fails(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                                 corpus: Corpus) -> None:
    monkeypatch.setattr(site, "build_edition", record)
    others = forked.OtherEditions.start(SimpleNamespace(site_dir=str(tmp_path / "site")), corpus)  # type: ignore[arg-type]
    others.wait()
    others.discard()
    assert list(tmp_path.iterdir()) == []


def test_a_failed_edition_is_named_to_the_parent(monkeypatch: pytest.MonkeyPatch, corpus: Corpus) -> None:
    def fail_in_japanese(config: object, edition: Edition, given: Corpus | None = None, site_dir: str | None = None) -> None:
        if edition.code == "ja":
            raise RuntimeError("a template error in the Japanese edition")

    monkeypatch.setattr(site, "build_edition", fail_in_japanese)
    config = SimpleNamespace(site_dir="site")
    assert forked.OtherEditions.start(config, corpus).wait() == ["ja"]  # type: ignore[arg-type]


def say_and_fail(config: object, edition: Edition, given: Corpus | None = None, site_dir: str | None = None) -> None:
    """A build that fails as MkDocs does, its error line written to the process's stderr."""
    os.write(2, f"ERROR   -  the {edition.code} edition's error\n".encode())
    raise SystemExit(1)


@pytest.mark.parametrize("original_failed", [False, True])
def test_what_a_child_says_is_written_once_the_original_is_built(monkeypatch: pytest.MonkeyPatch, corpus: Corpus,
                                                                  capfd: pytest.CaptureFixture[str],
                                                                  original_failed: bool) -> None:
    """Held until the original's build is over: written out then, or dropped when the original's build failed
    (the children would repeat its error, once per edition)."""
    monkeypatch.setattr(site, "build_edition", say_and_fail)
    others = forked.OtherEditions.start(SimpleNamespace(site_dir="site"), corpus)  # type: ignore[arg-type]
    for pid in others.children:
        os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)  # each child has said its line (and is not reaped)
    assert capfd.readouterr().err == ""
    if original_failed:
        others.stop()
        assert capfd.readouterr().err == ""
    else:
        assert sorted(others.wait()) == ["ja", "zh-Hant"]
        assert sorted(capfd.readouterr().err.splitlines()) == [
            "ERROR   -  the ja edition's error", "ERROR   -  the zh-Hant edition's error"]
