"""Tests of the built site: pages of every edition, contract anchors, open data."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from generator.content.corpus import Corpus
from tests.site.pages import EDITION_ROOTS, page_file, parse

CONTRACT_ANCHORS = {
    ("strong-ip-implementation-plan-2023", "t18"): "加快数据知识产权保护规则构建",
    ("cnipa-work-points-2023", "s3-m2"): "研究完善大数据、人工智能、基因技术等新领域新业态审查标准。",
    ("high-quality-development-tasks-2023", "s1-t2"): "提高知识产权审查授权质量和效率",
    ("admin-protection-plan-2023", "t5"): "持续加大专利侵权纠纷行政裁决办案力度",
}


def site_pages(corpus: Corpus) -> list[str]:
    urls = ["", "plans/", "agencies/", "themes/"]
    urls += [f"plans/{plan.id}/" for plan in corpus.plans]
    urls += [f"agencies/{agency}/" for agency in corpus.agencies]
    urls += [f"themes/{theme}/" for theme in corpus.themes]
    return urls


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_every_page_exists_in_every_edition(site: Path, corpus: Corpus, root: str) -> None:
    missing = [url for url in site_pages(corpus) if not page_file(site, root, url).exists()]
    assert not missing


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_every_item_carries_its_anchor_in_every_edition(site: Path, corpus: Corpus, root: str) -> None:
    for plan in corpus.plans:
        ids = parse(page_file(site, root, f"plans/{plan.id}/")).ids
        missing = [item.anchor for item in plan.walk() if item.anchor not in ids]
        assert not missing, f"{root}plans/{plan.id}/: {missing[:5]}"


@pytest.mark.parametrize(("key", "text"), CONTRACT_ANCHORS.items())
def test_contract_examples_land_on_the_right_item(site: Path, key: tuple[str, str], text: str) -> None:
    plan_id, anchor = key
    html = page_file(site, "", f"plans/{plan_id}/").read_text(encoding="utf-8")
    start = html.index(f'id="{anchor}"')
    following = html[start : start + 2000]
    assert text in following


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_open_data_has_every_citable_item(site: Path, corpus: Corpus, root: str) -> None:
    rows = json.loads((site / root / "data/tasks.json").read_text(encoding="utf-8"))
    assert len(rows) == len(corpus.entries)
    for row in rows:
        assert set(row) >= {"plan", "anchor", "url", "number", "kind", "text", "lead", "participants", "themes"}
        assert row["url"] == f"plans/{row['plan']}/#{row['anchor']}"
    with (site / root / "data/tasks.csv").open(encoding="utf-8-sig") as handle:
        assert len(list(csv.DictReader(handle))) == len(rows)
    agencies = json.loads((site / root / "data/agencies.json").read_text(encoding="utf-8"))
    assert {a["id"] for a in agencies} == set(corpus.agencies)
    schema = json.loads((site / root / "data/schema.json").read_text(encoding="utf-8"))
    assert set(schema["$defs"]) >= {"plans", "tasks", "agencies", "themes"}


def test_task_18_in_open_data_names_its_agencies(site: Path) -> None:
    rows = json.loads((site / "data/tasks.json").read_text(encoding="utf-8"))
    row = next(r for r in rows if r["plan"] == "strong-ip-implementation-plan-2023" and r["anchor"] == "t18")
    assert row["number"] == "18"
    assert row["lead"] == ["cpd"] and row["participants"] == ["cnipa"]
    assert "data-ip" in row["themes"]


@pytest.mark.parametrize(("root", "lang", "body_lang"), [("", "zh-Hans", "zh-Hans"), ("zh-Hant/", "zh-Hant", "zh-Hant"),
                                                         ("ja/", "ja", "zh-Hans")])
def test_lang_of_page_and_of_body_text(site: Path, root: str, lang: str, body_lang: str) -> None:
    page = parse(page_file(site, root, "plans/strong-ip-implementation-plan-2023/"))
    assert page.html_lang == lang
    html = page_file(site, root, "plans/strong-ip-implementation-plan-2023/").read_text(encoding="utf-8")
    assert f'<div class="ip-text" lang="{body_lang}">' in html
    # With a translation, the heading holds the original (lang of the body) beside it; else it is the original.
    assert page.elements["s1"].get("lang") == (None if lang == "ja" else body_lang)


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_each_edition_has_its_own_search_bundle_with_a_record_per_item(site: Path, corpus: Corpus, root: str) -> None:
    bundle = site / root / "search-index"
    manifest = json.loads((bundle / "manifest.json").read_text(encoding="utf-8"))
    records = sorted(int(path.stem) for path in (bundle / "records").iterdir())
    assert records == list(range(manifest["records"])) and len(manifest["lengths"]) == manifest["records"]
    assert manifest["records"] >= len(corpus.entries) + len(corpus.agencies) + len(corpus.themes)
    assert sorted(int(path.stem) for path in (bundle / "shards").iterdir()) == list(range(manifest["shards"]))
    assert not (site / root / "search" / "search_index.json").exists()  # Material's search is left out


