"""A new edition is data only: an entry of content/editions.yaml and a catalog of content/catalogs/."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from generator.content.corpus import load_corpus
from generator.publish.search import BUNDLE
from tests.conftest import CONTENT, build_site

SITE_NAME = "中国知財政策計画リファレンス（第四版）"


def test_a_fourth_edition_from_data_only(tmp_path: Path) -> None:
    """A copy of the Japanese catalog under another code, with one label of its own, and its entry: the build
    writes the fourth edition beside the three, in its own labels, and every edition links to it."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    catalog = (content / "catalogs" / "ja.yaml").read_text(encoding="utf-8")
    (content / "catalogs" / "ja-x-fourth.yaml").write_text(
        catalog.replace("site_name: 中国知的財産権政策計画リファレンス", f"site_name: {SITE_NAME}", 1), encoding="utf-8")
    editions = yaml.safe_load((content / "editions.yaml").read_text(encoding="utf-8"))
    japanese = next(entry for entry in editions["editions"] if entry["code"] == "ja")
    editions["editions"].append({**japanese, "code": "ja-x-fourth", "root": "fourth/", "name": "第四版",
                                 "catalog": "ja-x-fourth"})
    (content / "editions.yaml").write_text(yaml.safe_dump(editions, allow_unicode=True), encoding="utf-8")
    plans = [plan.id for plan in load_corpus(content).plans]

    site = build_site(content, tmp_path / "site")

    home = (site / "fourth" / "index.html").read_text(encoding="utf-8")
    assert f"<title>{SITE_NAME}</title>" in home and 'lang="ja"' in home
    for plan_id in plans:
        page = (site / "fourth" / "plans" / plan_id / "index.html").read_text(encoding="utf-8")
        assert 'class="translation"' in page and SITE_NAME in page  # the reference translation, the new labels
    assert (site / "fourth" / "data" / "tasks.json").is_file() and (site / "fourth" / BUNDLE / "manifest.json").is_file()
    for root in ("", "zh-Hant/", "ja/", "fourth/"):  # every edition's switcher offers the new one
        assert re.search(r'class="md-select__link ip-edition-link"[^>]*>第四版</a>',
                         (site / root / "index.html").read_text(encoding="utf-8"))
    # The Japanese edition itself is unchanged by its copy.
    assert SITE_NAME not in (site / "ja" / "index.html").read_text(encoding="utf-8")
