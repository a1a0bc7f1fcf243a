"""The renderer's pages, without MkDocs."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.content.corpus import Corpus
from generator.render import renderer as render
from tests.conftest import BY_CODE


@pytest.mark.parametrize("code", ["zh-Hans", "ja"])
def test_a_long_theme_listing_gets_a_page_per_plan(corpus: Corpus, code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "LISTING_LIMIT", 20)
    pages = render.Renderer(corpus, BY_CODE[code]).pages()
    patent = corpus.by_theme()["patent"]
    plans = list(dict.fromkeys(entry.plan.id for entry in patent))
    assert len(patent) > 20 and len(plans) > 1
    assert 'class="ip-ref"' not in pages["themes/patent.md"]
    for plan_id in plans:
        assert f'href="{plan_id}/"' in pages["themes/patent.md"]  # the link to the plan's page
        page = pages[f"themes/patent/{plan_id}.md"]
        anchors = [entry.item.anchor for entry in patent if entry.plan.id == plan_id]
        assert page.count('class="ip-ref"') == len(anchors)
        assert all(f'data-anchor="{anchor}"' in page for anchor in anchors)
    short = [name for name in corpus.themes if len(corpus.by_theme().get(name, [])) <= 20]
    assert short and not any(path.startswith(f"themes/{name}/") for name in short for path in pages)


def test_plans_are_listed_by_date_with_their_date(corpus: Corpus) -> None:
    """Issued, else published, else the source note's date; plans whose source states no date come last."""
    renderer = render.Renderer(corpus, BY_CODE["zh-Hans"])
    first = ["cnipa-work-points-2022", "admin-protection-plan-2023", "cnipa-work-points-2023",
             "high-quality-development-tasks-2023", "strong-ip-implementation-plan-2023"]
    assert [plan.id for plan in renderer.plans_by_date if plan.id in first] == first  # the plans of 2022 and 2023
    dated = [plan.date for plan in renderer.plans_by_date if plan.date]
    assert dated == sorted(dated)
    assert all(plan.date is None for plan in renderer.plans_by_date[len(dated):])
    # The plans page groups them by year, the latest first, each year's by date.
    years = [year for year, _ in renderer.plans_by_year]
    assert years == sorted(years, reverse=True)
    grouped = {year: [plan.id for plan in plans if plan.id in first] for year, plans in renderer.plans_by_year}
    assert grouped[2023] == first[1:] and grouped[2022] == first[:1]
    pages = renderer.pages()
    by_year = [plan for _, plans in renderer.plans_by_year for plan in plans]
    for page, order in (("index.md", renderer.plans_by_date), ("plans/index.md", by_year)):
        listed = pages[page]
        positions = [listed.index(f'{plan.id}/"') for plan in order]
        assert positions == sorted(positions)
        assert '印发日期 <time datetime="2023-03-01">' in listed
        assert '出处日期 <time datetime="2023-05-26">' in listed
        assert listed.count("原文未写明") == sum(1 for plan in corpus.plans if plan.date is None)  # 003 and 004


def test_an_override_extends_the_generator_s_template_and_replaces_one_block(corpus: Corpus, tmp_path: Path) -> None:
    (tmp_path / "plan.md.j2").write_text('{% extends "default:plan.md.j2" %}\n'
                                        "{% block meta %}\n<p>Reviewed by the editors.</p>\n\n{% endblock %}\n",
                                        encoding="utf-8")
    plan = "plans/strong-ip-implementation-plan-2023.md"
    default = render.Renderer(corpus, BY_CODE["zh-Hans"]).pages()[plan]
    overridden = render.Renderer(corpus, BY_CODE["zh-Hans"], templates=tmp_path).pages()[plan]
    assert "<p>Reviewed by the editors.</p>" in overridden
    assert 'class="ip-plan-meta"' in default and 'class="ip-plan-meta"' not in overridden
    heading = next(line for line in default.splitlines() if line.startswith("# "))
    assert heading in overridden  # the other blocks as they were: the heading, every item
    assert overridden.endswith(default[default.index("{ #s1 "):])


def test_a_backslash_at_the_end_of_a_template_line_joins_the_next_without_its_indentation(corpus: Corpus) -> None:
    env = render.Renderer(corpus, BY_CODE["zh-Hans"]).env
    assert env.from_string('<p class="x">\\\n    <span>{{ a }}</span>\\\n  </p>\n').render(a="<b>") == \
        '<p class="x"><span>&lt;b&gt;</span></p>\n'


SEGMENTS = st.sampled_from(["plans", "themes", "patent", "p", "2", "data", "tasks.json", "search", "?q=专利"])


@given(st.lists(SEGMENTS, max_size=3), st.lists(SEGMENTS, max_size=3), st.booleans())
def test_a_relative_link_is_the_one_relpath_gives(page: list[str], target: list[str], folder: bool) -> None:
    page_url = "".join(f"{segment}/" for segment in page)
    path = "/".join(target) + ("/" if target and folder else "")
    link = posixpath.relpath(path or ".", page_url or ".")
    expected = "./" if link == "." else link + ("/" if path.endswith("/") and not link.endswith("/") else "")
    assert render.relative(page_url, path) == expected
    assert render.relative(page_url, path + "#t18") == expected + "#t18"
