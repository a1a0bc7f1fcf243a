"""The duties pages: the index of what the task list asks of provinces and cities, and one page per level."""

from __future__ import annotations

from generator.content.duties import LEVELS, PAGES, PLAN, WHO, duties, groups, overview
from generator.render.renderer import Renderer


def pages(renderer: Renderer) -> dict[str, str]:
    """The duties index and one page per level."""
    corpus = renderer.corpus
    plan = next((plan for plan in corpus.plans if plan.id == PLAN), None)
    if plan is None:  # content without the task list: the index says so
        return {"duties/index.md": renderer.page("duties.md.j2", "duties/", plan=None)}
    all_duties = duties(corpus)
    by_level = {level: groups(all_duties, level) for level in LEVELS}
    result = {
        "duties/index.md": renderer.page(
            "duties.md.j2", "duties/", plan=plan, groups=by_level, rows=overview(corpus, all_duties),
            parties=[(level, who) for level in LEVELS for who in WHO[level]], pages=PAGES,
        ),
    }
    for level in LEVELS:
        obligations = {d.key for d in all_duties if d.obligation.level == level}
        result[f"duties/{PAGES[level]}.md"] = renderer.page(
            "duties_level.md.j2", f"duties/{PAGES[level]}/", plan=plan, level=level, pages=PAGES,
            obligations=len(obligations),
            parties=[(who, [g for g in by_level[level] if g.who == who]) for who in WHO[level]],
        )
    return result

