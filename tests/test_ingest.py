"""The ingest drafts a new plan from its source and never overwrites a plan file unless told to."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
import yaml

from generator.content.corpus import Corpus
from generator.content.load import load_plan
from generator.content.models import Plan
from generator.tools import ingest
from tests.conftest import CONTENT, NEXT_YEAR

NEW = f"cnipa-work-points-{NEXT_YEAR}"  # the id of no plan of the content


@pytest.fixture
def content(tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(CONTENT, copy)
    return copy


def plan_files(content: Path) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted((content / "plans").glob("*.yaml"))}


@pytest.mark.parametrize("plan_id", [path.stem for path in sorted((CONTENT / "plans").glob("*.yaml"))])
def test_each_plan_parses_again_into_its_items_and_text(corpus: Corpus, plan_id: str) -> None:
    """The shape each plan records still reads its source: the same anchors and the same printed text."""
    plan = next(plan for plan in corpus.plans if plan.id == plan_id)
    assert plan.source.shape in ingest.SHAPES
    fresh = ingest.parse(CONTENT, plan_id, plan.source.file, plan.source.shape)
    parsed = load_plan_text(f"{plan_id}.yaml", ingest.dump(fresh))
    assert [item.anchor for item in parsed.walk()] == [item.anchor for item in plan.walk()]
    assert list(parsed.printed()) == list(plan.printed())
    assert (parsed.series, parsed.year) == (plan.series, plan.year)


def load_plan_text(name: str, text: str) -> Plan:
    """A parse, checked by the loader like any plan file."""
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / name
        file.write_text(text, encoding="utf-8")
        return load_plan(file)[0]


def test_a_new_plan_is_written_and_no_other_file(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(content / "sources" / "000_d348e9b8fb5a9850.txt", content / "sources" / "new.txt")
    before = plan_files(content)
    assert ingest.main([NEW, "--source", "new.txt", "--shape", "work-points", "--content", str(content)]) == 0
    after = plan_files(content)
    assert {name: text for name, text in after.items() if name in before} == before
    data = yaml.safe_load(after[f"{NEW}.yaml"])
    assert (data["id"], data["series"], data["year"]) == (NEW, "cnipa-work-points", NEXT_YEAR)
    assert data["source"] == {**data["source"], "file": "new.txt", "shape": "work-points"}
    assert f"wrote {content / 'plans' / f'{NEW}.yaml'}" in capsys.readouterr().out


def test_an_existing_plan_is_not_overwritten_and_the_diff_is_shown(content: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = content / "plans" / "cnipa-work-points-2023.yaml"
    edited = path.read_text(encoding="utf-8")
    assert "title_ja: " in edited  # a hand edit the source does not hold
    assert ingest.main(["cnipa-work-points-2023", "--content", str(content)]) == 1
    assert path.read_text(encoding="utf-8") == edited
    out = capsys.readouterr().out
    assert f"--- {path}\n+++ fresh parse\n" in out
    assert "\n-title_ja: 国家知識産権局2023年業務要点\n" in out
    assert "not written: the file exists" in out and "--force" in out


def test_force_replaces_only_the_plan_named(content: Path) -> None:
    before = plan_files(content)
    assert ingest.main(["cnipa-work-points-2023", "--force", "--content", str(content)]) == 0
    after = plan_files(content)
    assert after["cnipa-work-points-2023.yaml"] != before["cnipa-work-points-2023.yaml"]
    assert "title_ja" not in after["cnipa-work-points-2023.yaml"]
    assert {k: v for k, v in after.items() if k != "cnipa-work-points-2023.yaml"} == {
        k: v for k, v in before.items() if k != "cnipa-work-points-2023.yaml"}
    # the replaced file is still a plan the site loads
    assert load_plan(content / "plans" / "cnipa-work-points-2023.yaml")[0].series == "cnipa-work-points"


def test_nothing_is_written_without_a_plan_named(content: Path) -> None:
    before = plan_files(content)
    with pytest.raises(SystemExit):
        ingest.main(["--content", str(content)])
    assert plan_files(content) == before


def test_check_writes_nothing_and_tells_which_plans_differ(content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = plan_files(content)
    assert ingest.main(["--check", "--content", str(content)]) == 1
    assert plan_files(content) == before
    assert "cnipa-work-points-2022.yaml: edited since ingest" in capsys.readouterr().out


def test_the_shapes_are_listed_with_what_they_read(capsys: pytest.CaptureFixture[str]) -> None:
    assert ingest.main(["--shapes"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.partition(":")[0] for line in out] == list(ingest.SHAPES)
    assert all(line.partition(": ")[2] for line in out)


def test_a_new_plan_from_the_ingest_loads_with_the_content(content: Path) -> None:
    shutil.copy(content / "sources" / "004_7eb8a8e758457245.txt", content / "sources" / "new.txt")
    plan_id = f"strong-ip-implementation-plan-{NEXT_YEAR}"
    assert ingest.main([plan_id, "--source", "new.txt", "--shape", "numbered-tasks", "--content", str(content)]) == 0
    plan, _ = load_plan(content / "plans" / f"{plan_id}.yaml")
    assert (plan.series, plan.year, plan.source.shape) == ("strong-ip-implementation-plan", NEXT_YEAR, "numbered-tasks")
    assert [item.anchor for item in plan.walk() if item.kind == "task"][-1] == "t139"
