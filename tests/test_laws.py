"""The registry of cited documents: every title in the plans resolves to one entry in its plan, short forms
join their full titles (in each plan, when next year's plan defines a short form anew), the extraction script
reproduces the registry's grouping, and a title the registry lacks stops the build at its plan and item."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import cast

import pytest
import yaml

from generator.content.corpus import Corpus, load_corpus
from generator.content.errors import ContentError
from generator.content.laws import FILE, Law, Laws, Owners, draft, load_laws, main, registry_of
from generator.content.load import load_list
from generator.content.titles import Title, normal, titles
from tests.conftest import CONTENT, NEXT_YEAR, ROOT

REGISTRY = CONTENT / FILE
# Next year's admin-protection plan, in a year no plan of the content has: its notice defines 《工作方案》 again,
# as the plan of its own year.
TEMPLATE, YEAR = "admin-protection-plan-2023", 2023
NEW = TEMPLATE.replace(str(YEAR), str(NEXT_YEAR))
NEW_TITLE, NAME_JA = f"{NEXT_YEAR} 年全国知识产权行政保护工作方案", f"{NEXT_YEAR}年全国知的財産権行政保護業務方案"
TITLES = {f"{YEAR} 年全国知识产权行政保护工作方案": NEW_TITLE, f"{YEAR}年全国知的財産権行政保護業務方案": NAME_JA}  # as printed, in Japanese
NEW_ENTRY = f"""- id: {NEW}
  title: {NEW_TITLE.replace(" ", "")}
  kind: plan
  plan: {NEW}
  name_ja: {NAME_JA}
  forms:
  - {NEW_TITLE}
"""
FORMS_IN = f"  forms_in:\n    {NEW}:\n    - 工作方案\n"


@pytest.fixture(scope="module")
def registry() -> list[Law]:
    return load_list(REGISTRY, "laws", Law)


@pytest.fixture(scope="module")
def laws(corpus: Corpus) -> Laws:
    return load_laws(REGISTRY, corpus)


def add_next_admin_protection_plan(content: Path, entry: str = NEW_ENTRY) -> None:
    """NEW in a copy of the content, as a maintainer adds it: TEMPLATE's source, YAML and Japanese translation
    with the year of its title changed, and `entry` for it in the registry."""
    plan = content / "plans" / f"{TEMPLATE}.yaml"
    source = yaml.safe_load(plan.read_text(encoding="utf-8"))["source"]["file"]

    def next_year(text: str) -> str:
        for old, new in TITLES.items():
            text = text.replace(old, new)
        return (text.replace(f"file: {source}", f"file: {NEW}.txt").replace(TEMPLATE, NEW)
                .replace(f"year: {YEAR}", f"year: {NEXT_YEAR}"))

    for old, new in ((f"sources/{source}", f"sources/{NEW}.txt"), (f"plans/{TEMPLATE}.yaml", f"plans/{NEW}.yaml"),
                     (f"translations/ja/{TEMPLATE}.yaml", f"translations/ja/{NEW}.yaml")):
        (content / new).write_text(next_year((content / old).read_text(encoding="utf-8")), encoding="utf-8")
    with (content / FILE).open("a", encoding="utf-8") as registry:
        registry.write(entry)


@pytest.fixture
def grown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the content, with errors shown from the folder that holds it (content/plans/…)."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    monkeypatch.chdir(tmp_path)
    return content


def cited(laws: Laws, law_id: str) -> list[str]:
    return [f"{entry.plan.id}#{entry.item.anchor}" for entry in laws.cited_by[law_id]]


def notice_line(content: Path) -> int:
    """The line of NEW's notice, the item that defines 《工作方案》."""
    text = (content / "plans" / f"{NEW}.yaml").read_text(encoding="utf-8")
    return text.splitlines().index("- anchor: notice") + 1


def test_titles_are_read_with_nested_titles_and_without_stray_brackets() -> None:
    assert titles("贯彻落实《纲要（2021—2035 年）》（《以下简称《纲要》）") == [
        Title("纲要（2021—2035 年）"), Title("纲要")]
    assert titles("推进落实《深入实施〈关于强化知识产权保护的意见〉推进计划》。") == [
        Title("深入实施〈关于强化知识产权保护的意见〉推进计划"), Title("关于强化知识产权保护的意见", nested=True)]
    assert normal("中华人民共和国专利法实施细则") == normal("专利法实施细则")
    assert normal("纲要（2021-2035 年）") == normal("纲要（2021—2035年）")


def test_every_title_in_the_plans_resolves_to_exactly_one_entry(corpus: Corpus, registry: list[Law],
                                                                  laws: Laws) -> None:
    """In its plan: the entry whose forms_in list it for the plan, else the one whose forms list it."""
    seen = 0
    for entry in corpus.entries:
        for title in titles(entry.text):
            scoped = [law.id for law in registry if title.form in law.forms_in.get(entry.plan.id, [])]
            owners = scoped or [law.id for law in registry if title.form in law.forms]
            assert len(owners) == 1, f"{entry.plan.id}#{entry.item.anchor}: {title.printed} → {owners}"
            assert laws.owners.owner(entry.plan.id, title.form) == owners[0]
            seen += 1
    assert seen > len(registry)


def test_every_form_occurs_in_the_plans_and_every_entry_is_cited(corpus: Corpus, registry: list[Law],
                                                                  laws: Laws) -> None:
    printed = {title.form for entry in corpus.entries for title in titles(entry.text)}
    for law in registry:
        assert set(law.forms) <= printed, law.id
        for plan, forms in law.forms_in.items():
            assert set(forms) <= {title.form for entry in corpus.entries if entry.plan.id == plan
                                  for title in titles(entry.text)}, (law.id, plan)
    assert all(laws.cited_by[law.id] for law in registry)


def test_a_short_form_the_texts_define_resolves_to_its_full_title(corpus: Corpus, laws: Laws) -> None:
    defined = [(entry.plan.id, full, short) for entry in corpus.entries
               for full, short in re.findall(r"《([^《》]+)》[（(]《?以下简称《([^《》]+)》", entry.text)]
    assert len(defined) >= 5
    for plan, full, short in defined:
        assert laws.owners.owner(plan, short) == laws.owners.owner(plan, full) is not None, (plan, full, short)
        assert len(short) < len(full)


def test_a_form_means_one_document_in_every_plan_unless_a_plan_has_its_own() -> None:
    owners = Owners({"纲要": "outline"}, {(NEW, "纲要"): "other"})
    assert [owners.owner(plan, "纲要") for plan in ("high-quality-development-tasks-2023", NEW)] == ["outline", "other"]
    assert owners.owner(NEW, "规划") is None


def test_treaties_and_agreements_are_filed_as_treaties(registry: list[Law]) -> None:
    for law in registry:
        if re.search(r"(条约|协定)$", law.title):
            assert law.kind == "treaty", law.id


def test_the_extraction_script_reproduces_the_registry_grouping(corpus: Corpus, registry: list[Law]) -> None:
    """Drafting from the texts alone, with no registry, groups the forms as the registry does: each entry's forms
    and forms_in together, a short form that several plans define as different documents (each year's 《工作方案》)
    drafted under forms_in of each, for the plans that define it so, and a plan of this site by its id. What the
    texts cannot tell is the reviewer's: whether a short form one plan alone defines goes under forms (in every
    plan, as the registry keeps 《纲要》) or forms_in, the id of any other document, its kind and its Japanese."""
    drafts = draft(corpus, Owners())
    assert {drafted_forms(entry) for entry in drafts} == {frozenset(law.all_forms) for law in registry}
    plans = {law.id: law.plan for law in registry}
    assert all(plans[str(entry["id"])] == entry["plan"] for entry in drafts if "plan" in entry)
    assert draft(corpus, load_laws(REGISTRY, corpus).owners) == []


def drafted_forms(entry: dict[str, object]) -> frozenset[str]:
    """Every form of a drafted entry: its forms and those of its forms_in."""
    scoped = cast(dict[str, list[str]], entry.get("forms_in", {}))
    return frozenset([*cast(list[str], entry["forms"]), *(form for forms in scoped.values() for form in forms)])


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


def test_next_year_s_short_form_needs_forms_in_and_then_names_next_year_s_plan(grown: Path, laws: Laws) -> None:
    """Without forms_in, 《工作方案》 of NEW would be credited to TEMPLATE's document: the load stops at NEW's
    notice with what to write; with it, each year's 《工作方案》 is its own year's plan."""
    add_next_admin_protection_plan(grown)
    with pytest.raises(ContentError) as raised:
        load_laws(grown / FILE, load_corpus(grown))
    assert str(raised.value) == (
        f"content/plans/{NEW}.yaml:{notice_line(grown)}: item notice: title 《工作方案》: expected the document this "
        f"plan defines it as, '{NEW}' (《{NEW_TITLE}》), found '{TEMPLATE}', whose forms list it "
        f"for every plan (hint: add forms_in: {{{NEW}: [工作方案]}} to the entry '{NEW}' in laws.yaml)")

    (grown / FILE).write_text((grown / FILE).read_text(encoding="utf-8") + FORMS_IN, encoding="utf-8")
    grown_laws = load_laws(grown / FILE, load_corpus(grown))
    assert cited(grown_laws, NEW) == [f"{NEW}#notice"]
    assert cited(grown_laws, TEMPLATE) == cited(laws, TEMPLATE)
    assert [law.all_forms for law in grown_laws.entries if law.id == NEW] == [[NEW_TITLE, "工作方案"]]


def test_the_extraction_drafts_next_year_s_plan_with_its_short_form_for_it_alone(
        grown: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """What the maintainer completes with name_ja and short_ja: the entry of the load's hint above. The command
    reads the plans alone, so it runs before the new plan is translated."""
    add_next_admin_protection_plan(grown, entry="")
    corpus = load_corpus(grown)
    expected = [{"id": NEW, "title": NEW_TITLE.replace(" ", ""), "kind": "plan", "plan": NEW, "forms": [NEW_TITLE],
                 "forms_in": {NEW: ["工作方案"]}}]
    assert draft(corpus, registry_of(grown, corpus)[1]) == expected
    (grown / "translations" / "ja" / f"{NEW}.yaml").unlink()
    assert main(["--content", str(grown), "--extract"]) == 0
    assert yaml.safe_load(capsys.readouterr().out) == {"laws": expected}


def test_a_short_form_another_document_has_for_the_plan_is_moved(grown: Path) -> None:
    """forms_in on the wrong entry: the hint moves the form rather than list it for the plan twice."""
    text = (grown / FILE).read_text(encoding="utf-8")
    (grown / FILE).write_text(text.replace(f"  plan: {TEMPLATE}\n", f"  plan: {TEMPLATE}\n{FORMS_IN}"), encoding="utf-8")
    add_next_admin_protection_plan(grown)
    with pytest.raises(ContentError) as raised:
        load_laws(grown / FILE, load_corpus(grown))
    assert str(raised.value) == (
        f"content/plans/{NEW}.yaml:{notice_line(grown)}: item notice: title 《工作方案》: expected the document this "
        f"plan defines it as, '{NEW}' (《{NEW_TITLE}》), found '{TEMPLATE}', whose forms_in list "
        f"it for this plan (hint: move '工作方案' from the forms_in of '{TEMPLATE}' to those of '{NEW}' in laws.yaml)")


HAGUE, TEMPLATE_ENTRY = "  - 海牙协定\n", f"  plan: {TEMPLATE}\n"  # a line of two entries, forms_in goes below
UNKNOWN = f"cnipa-work-points-{NEXT_YEAR}"  # the id of no plan of the content


@pytest.mark.parametrize(("added", "at", "expected"), [
    ({HAGUE: f"  forms_in:\n    {UNKNOWN}:\n    - 海牙协定\n"}, (HAGUE, 2),
     f"key 'forms_in': expected a known plan id, found '{UNKNOWN}' (hint: known: {{known}})"),
    ({HAGUE: f"  forms_in:\n    {TEMPLATE}:\n    - 工作方案\n", TEMPLATE_ENTRY: FORMS_IN.replace(NEW, TEMPLATE)},
     (TEMPLATE_ENTRY, 3),
     (f"key 'forms_in': expected each form of a plan in one entry, found '工作方案' for '{TEMPLATE}' also in "
      "'hague-agreement' (hint: a form must name one document in a plan)")),
    ({HAGUE: f"  forms_in:\n    {TEMPLATE}:\n    - 海牙协定\n    - 海牙协定\n"},
     (HAGUE, 4),
     (f"key 'forms_in': expected each form of a plan in one entry, found '海牙协定' for '{TEMPLATE}' twice in this "
      "entry (hint: a form must name one document in a plan)")),
], ids=["unknown-plan", "in-two-entries", "twice-in-one-entry"])
def test_a_bad_forms_in_stops_at_its_line(corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         added: dict[str, str], at: tuple[str, int], expected: str) -> None:
    """An unknown plan at its key (the hint lists the plans of the content); a form for one plan in two entries
    at its second line, as one of forms. `at` is the line of the error: which line of the text added below which."""
    text = REGISTRY.read_text(encoding="utf-8")
    for after, lines in added.items():
        assert text.count(after) == 1
        text = text.replace(after, after + lines)
    (tmp_path / FILE).write_text(text, encoding="utf-8")
    below, offset = at
    line = text[:text.index(below + added[below])].count("\n") + below.count("\n") + offset
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ContentError) as raised:
        load_laws(Path(FILE), corpus)
    known = ", ".join(sorted(plan.id for plan in corpus.plans))
    assert str(raised.value) == f"laws.yaml:{line}: {expected.format(known=known)}"
