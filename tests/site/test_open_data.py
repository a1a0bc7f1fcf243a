"""The open data of the built site: every file valid against its own schema, plans as the sources state
them, a CSV a spreadsheet opens, citation files for reference managers."""

from __future__ import annotations

import copy
import csv
import json
import shutil
import subprocess
from html import escape as html_escape
from pathlib import Path

import jsonschema
import pytest

from generator.content.corpus import Corpus
from generator.publish.opendata import FILES, fields
from tests.conftest import ROOT
from tests.site.pages import EDITION_ROOTS, page_file

CSL_SCHEMA = json.loads((ROOT / "tests" / "schemas" / "csl-data.json").read_text(encoding="utf-8"))


def data(site: Path, root: str, name: str) -> object:
    return json.loads((site / root / "data" / name).read_text(encoding="utf-8"))


def validator(schema: object) -> jsonschema.protocols.Validator:
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@pytest.mark.parametrize("root", EDITION_ROOTS)
@pytest.mark.parametrize("stem", list(FILES))
def test_every_data_file_validates_against_its_own_schema_and_the_bundle(site: Path, root: str, stem: str) -> None:
    rows = data(site, root, f"{stem}.json")
    own = validator(data(site, root, f"{stem}.schema.json"))
    own.validate(rows)
    validator(data(site, root, "schema.json")).validate(rows)
    assert isinstance(rows, list) and rows


@pytest.mark.parametrize("stem", list(FILES))
def test_a_broken_row_is_rejected(site: Path, stem: str) -> None:
    rows = data(site, "", f"{stem}.json")
    own = validator(data(site, "", f"{stem}.schema.json"))
    assert isinstance(rows, list)
    for key in rows[0]:
        broken = copy.deepcopy(rows)
        del broken[-1][key]
        assert not own.is_valid(broken), f"{stem}.json without {key!r} passes"
    broken = copy.deepcopy(rows)
    broken[0]["unknown"] = 1
    assert not own.is_valid(broken)
    broken = copy.deepcopy(rows)
    broken[0]["id" if "id" in broken[0] else "plan"] = 7
    assert not own.is_valid(broken)
    assert not own.is_valid({"rows": rows})  # the root is the list: a file of another shape fails


def test_plans_state_what_the_sources_state_and_nothing_else(site: Path) -> None:
    plans = {plan["id"]: plan for plan in data(site, "", "plans.json")}  # type: ignore[union-attr]
    for plan_id in ("high-quality-development-tasks-2023", "strong-ip-implementation-plan-2023"):
        plan = plans[plan_id]
        assert [plan[key] for key in ("issuer", "doc_number", "issued", "published", "source_url", "source_note")] == [None] * 6
    admin = plans["admin-protection-plan-2023"]
    assert (admin["issuer"], admin["doc_number"], admin["issued"]) == ("cnipa", "国知发保字〔2023〕4号", "2023-03-01")
    points = plans["cnipa-work-points-2023"]
    assert (points["published"], points["source_date"]) == (None, "2023-05-26")
    assert points["source_url"] == "https://www.cnipa.gov.cn/art/2023/5/26/art_92_185374.html"
    assert (points["series"], points["year"]) == ("cnipa-work-points", 2023)
    hant = {plan["id"]: plan for plan in data(site, "zh-Hant/", "plans.json")}  # type: ignore[union-attr]
    assert hant["admin-protection-plan-2023"]["doc_number"] == "國知發保字〔2023〕4號"


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_the_metadata_box_says_what_the_source_does_not_state(site: Path, root: str) -> None:
    not_stated = {"": "原文未写明", "zh-Hant/": "原文未寫明", "ja/": "原文に記載なし"}[root]
    html = page_file(site, root, "plans/strong-ip-implementation-plan-2023").read_text(encoding="utf-8")
    meta = html[html.index('<div class="ip-plan-meta">') :]
    meta = meta[: meta.index("</div>")]
    assert meta.count(not_stated) == 5  # issuer, number, issued, published, source date
    html = page_file(site, root, "plans/cnipa-work-points-2023").read_text(encoding="utf-8")
    meta = html[html.index('<div class="ip-plan-meta">') :]
    assert '<time datetime="2023-05-26">' in meta[: meta.index("</div>")]


def test_tasks_carry_mode_duties_and_numbering(site: Path, corpus: Corpus) -> None:
    rows = {(r["plan"], r["anchor"]): r for r in data(site, "", "tasks.json")}  # type: ignore[union-attr]
    t18 = rows[("strong-ip-implementation-plan-2023", "t18")]
    assert (t18["number"], t18["numbered_by"]) == ("18", "document")
    assert "データ知的財産権" in t18["text_ja"]
    assert t18["mode"] in ("joint", "by-remit")
    assert {r["mode"] for r in rows.values() if r["plan"] == "strong-ip-implementation-plan-2023" and r["kind"] == "task"} \
        == {"joint", "by-remit"}
    row = rows[("high-quality-development-tasks-2023", "s1-t1")]
    assert row["numbered_by"] == "site" and row["number"] is None
    assert row["duties"] == [
        {"level": "province", "scope": "各省", "duty": "required"},
        {"level": "city", "scope": "国家知识产权强市建设（以下统称“强市建设”）示范城市", "duty": "optional"},
    ]
    assert rows[("cnipa-work-points-2023", "s5-m3")]["numbered_by"] == "site"
    printed = sum(len(entry.item.obligations) for entry in corpus.entries)
    assert sum(len(r["duties"]) for r in rows.values()) == printed == 39


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_the_csv_has_a_byte_order_mark_and_the_rows_of_the_json(site: Path, root: str) -> None:
    raw = (site / root / "data" / "tasks.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfplan,anchor,")
    with (site / root / "data" / "tasks.csv").open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.DictReader(handle))
    rows = data(site, root, "tasks.json")
    assert isinstance(rows, list) and len(table) == len(rows)
    assert [(r["plan"], r["anchor"], r["text"]) for r in table] == [(r["plan"], r["anchor"], r["text"]) for r in rows]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for r in table for cell in r.values())


def test_the_csv_opens_in_libreoffice_with_the_chinese_intact(site: Path, tmp_path: Path) -> None:
    """LibreOffice reads the file as UTF-8 CSV and writes back the very same cells (the byte-order mark consumed)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is needed (make test installs libreoffice-calc-nogui)"
    result = subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
         "--infilter=CSV:44,34,76,1", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1",
         "--outdir", str(tmp_path / "out"), str(site / "data" / "tasks.csv")],
        capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    with (tmp_path / "out" / "tasks.csv").open(encoding="utf-8", newline="") as handle:
        converted = list(csv.reader(handle))
    with (site / "data" / "tasks.csv").open(encoding="utf-8-sig", newline="") as handle:
        original = list(csv.reader(handle))
    assert converted[0][0] == "plan"
    assert converted == original
    assert any("强化知识产权法治保障" in cell for row in converted for cell in row)


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_reference_manager_files_validate_against_the_csl_schema(site: Path, corpus: Corpus, root: str) -> None:
    csl = validator(CSL_SCHEMA)
    for plan in corpus.plans:
        items = data(site, root, f"cite/{plan.id}.json")
        csl.validate(items)
        bib = (site / root / "data" / "cite" / f"{plan.id}.bib").read_text(encoding="utf-8")
        assert bib.startswith(f"@misc{{{plan.id},") and bib.count("{") == bib.count("}")
        assert isinstance(items, list)
        assert ("author" in items[0]) == bool(plan.issuer) == ("author = " in bib)
        html = page_file(site, root, f"plans/{plan.id}").read_text(encoding="utf-8")
        assert f'href="../../data/cite/{plan.id}.json"' in html and f'href="../../data/cite/{plan.id}.bib"' in html
    admin = data(site, root, "cite/admin-protection-plan-2023.json")
    assert isinstance(admin, list)
    assert admin[0]["issued"] == {"date-parts": [[2023, 3, 1]]}


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_the_data_page_documents_every_field_in_both_languages(site: Path, root: str) -> None:
    html = page_file(site, root, "data").read_text(encoding="utf-8")
    for stem, documented in fields().items():
        for name, zh, ja in documented:
            assert f"<code>{name}</code>" in html, (stem, name)
            assert zh and ja, (stem, name)
            assert html_escape(ja, quote=False) in html
