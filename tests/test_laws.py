"""The registry of cited documents: every title in the plans resolves to one entry, short forms join
their full titles, the extraction script reproduces the registry's grouping, and a title the registry
lacks stops the build at its plan and item."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.content.corpus import Corpus
from generator.content.errors import ContentError
from generator.content.laws import FILE, Law, draft, load_laws
from generator.content.load import load_list
from generator.content.titles import Title, normal, titles
from tests.conftest import CONTENT, ROOT

REGISTRY = CONTENT / FILE


@pytest.fixture(scope="module")
def registry() -> list[Law]:
    return load_list(REGISTRY, "laws", Law)


def test_titles_are_read_with_nested_titles_and_without_stray_brackets() -> None:
    assert titles("贯彻落实《纲要（2021—2035 年）》（《以下简称《纲要》）") == [
        Title("纲要（2021—2035 年）"), Title("纲要")]
    assert titles("推进落实《深入实施〈关于强化知识产权保护的意见〉推进计划》。") == [
        Title("深入实施〈关于强化知识产权保护的意见〉推进计划"), Title("关于强化知识产权保护的意见", nested=True)]
    assert normal("中华人民共和国专利法实施细则") == normal("专利法实施细则")
    assert normal("纲要（2021-2035 年）") == normal("纲要（2021—2035年）")


def test_every_title_in_the_plans_resolves_to_exactly_one_entry(corpus: Corpus, registry: list[Law]) -> None:
    seen = 0
    for entry in corpus.entries:
        for title in titles(entry.text):
            owners = [law.id for law in registry if title.form in law.forms]
            assert len(owners) == 1, f"{entry.plan.id}#{entry.item.anchor}: {title.printed} → {owners}"
            seen += 1
    assert seen > len(registry)


def test_every_form_occurs_in_the_plans_and_every_entry_is_cited(corpus: Corpus, registry: list[Law]) -> None:
    printed = {title.form for entry in corpus.entries for title in titles(entry.text)}
    for law in registry:
        assert set(law.forms) <= printed, law.id
    laws = load_laws(REGISTRY, corpus)
    assert all(laws.cited_by[law.id] for law in registry)


def test_a_short_form_the_texts_define_resolves_to_its_full_title(corpus: Corpus, registry: list[Law]) -> None:
    owner = {form: law.id for law in registry for form in law.forms}
    defined = [pair for entry in corpus.entries
               for pair in re.findall(r"《([^《》]+)》[（(]《?以下简称《([^《》]+)》", entry.text)]
    assert len(defined) >= 5
    for full, short in defined:
        assert owner[short] == owner[full], (full, short)
        assert len(short) < len(full)


def test_treaties_and_agreements_are_filed_as_treaties(registry: list[Law]) -> None:
    for law in registry:
        if re.search(r"(条约|协定)$", law.title):
            assert law.kind == "treaty", law.id


def test_the_extraction_script_reproduces_the_registry_grouping(corpus: Corpus, registry: list[Law]) -> None:
    drafted = {frozenset(entry["forms"]) for entry in draft(corpus, known=set())}  # type: ignore[arg-type]
    assert drafted == {frozenset(law.forms) for law in registry}
    known = {form for law in registry for form in law.forms}
    assert draft(corpus, known) == []


def test_a_title_the_registry_lacks_stops_the_build_at_its_plan_and_item(
        corpus: Corpus, registry: list[Law], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = yaml.safe_load(REGISTRY.read_text(encoding="utf-8"))
    rules = next(law for law in data["laws"] if "专利法实施细则" in law["forms"])
    rules["forms"].remove("专利法实施细则")
    rules.pop("short_ja", None)
    path = tmp_path / FILE
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    first = next(entry for entry in corpus.entries if any(t.form == "专利法实施细则" for t in titles(entry.text)))
    plan_file = CONTENT / "plans" / f"{first.plan.id}.yaml"
    line = next(number for number, text in enumerate(plan_file.read_text(encoding="utf-8").splitlines(), start=1)
                if text.strip() == f"- anchor: {first.item.anchor}")
    monkeypatch.chdir(ROOT)
    with pytest.raises(ContentError) as raised:
        load_laws(path, corpus)
    assert str(raised.value) == (
        f"content/plans/{first.plan.id}.yaml:{line}: item {first.item.anchor}: title 《专利法实施细则》: expected a "
        f"title listed in laws.yaml, found none (hint: add '专利法实施细则' to the forms of {rules['id']!r} in laws.yaml)")


def test_a_form_in_two_entries_stops_at_its_second_line(corpus: Corpus, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    text = REGISTRY.read_text(encoding="utf-8").replace("  - 海牙协定\n", "  - 海牙协定\n  - 纲要\n", 1)
    (tmp_path / FILE).write_text(text, encoding="utf-8")
    line = [number for number, row in enumerate(text.splitlines(), start=1) if row == "  - 纲要"][-1]
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ContentError) as raised:
        load_laws(Path(FILE), corpus)
    assert str(raised.value) == (f"laws.yaml:{line}: key 'forms': expected each form in one entry, found '纲要' "
                                 "also in 'hague-agreement' (hint: a form must name one document)")
