"""Privacy: a reader's browser asks nothing of any host but the site's own, on every kind of page, in
every edition (scripts, styles, fonts, images, the search index and worker included)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Page, Request

from generator.content.corpus import Corpus
from generator.publish.reference import FEATURES
from tests.conftest import ROOT
from tests.site.pages import EDITION_ROOTS

THIRD_PARTY_FONTS = ("fonts.googleapis.com", "fonts.gstatic.com")


def page_families(site: Path, corpus: Corpus) -> dict[str, str]:
    """One page of each kind: the site's own families, each reference feature's index and a page of it."""
    plan, agency, theme = corpus.plans[0].id, next(iter(corpus.agencies)), next(iter(corpus.themes))
    pages = {"home": "", "plans": "plans/", "plan": f"plans/{plan}/", "agencies": "agencies/",
             "agency": f"agencies/{agency}/", "themes": "themes/", "theme": f"themes/{theme}/", "404": "404.html"}
    for feature in FEATURES:
        index = feature.index.removesuffix("index.md")
        pages[feature.label] = index
        inner = sorted(path.parent for path in (site / index).glob("*/index.html"))
        if inner:
            pages[f"{feature.label} page"] = inner[0].relative_to(site).as_posix() + "/"
    return pages


@pytest.mark.parametrize("root", EDITION_ROOTS)
def test_no_request_leaves_the_site(page: Page, base_url: str, site: Path, corpus: Corpus, root: str) -> None:
    origin = urlsplit(base_url).netloc
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("worker", lambda worker: requests.append(worker.url))
    visited = page_families(site, corpus)
    for family, url in visited.items():
        response = page.goto(f"{base_url}{root}{url}", wait_until="load")
        assert response is not None and response.status == 200, (family, url)
    page.locator(".ip-searchbox__input").fill("专利")  # the search index: its manifest, shards and records
    page.locator(".ip-quick .ip-hit").first.wait_for()
    page.wait_for_load_state("networkidle")
    assert any(f"/{root}search-index/shards/" in url for url in requests)
    elsewhere = sorted({url for url in requests if urlsplit(url).netloc != origin and urlsplit(url).scheme != "data"})
    print(f"privacy {root or '/'}: {len(visited)} pages ({', '.join(visited)}), {len(requests)} requests")
    assert elsewhere == []
    assert len(requests) > len(visited) * 3  # pages, styles, scripts and the search index were seen


def test_material_is_told_not_to_load_web_fonts() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"]["font"] is False


def test_no_built_file_names_a_font_service(site: Path) -> None:
    naming = [path.relative_to(site).as_posix() for path in site.rglob("*")
              if path.suffix in {".html", ".css", ".js", ".json"}
              and any(host in path.read_text(encoding="utf-8", errors="replace") for host in THIRD_PARTY_FONTS)]
    assert naming == []


def test_a_request_to_another_host_would_be_seen(page: Page, base_url: str) -> None:
    """The listener itself: a page that asks another host is caught (the request fails offline)."""
    requests: list[Request] = []
    page.on("request", lambda request: requests.append(request))
    page.goto(f"{base_url}404.html")
    page.evaluate("() => { const img = new Image(); img.src = 'http://203.0.113.9/pixel.png'; }")
    page.wait_for_timeout(200)
    assert "http://203.0.113.9/pixel.png" in [request.url for request in requests]
