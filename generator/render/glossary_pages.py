"""The glossary pages: the glossary, and a page for each term used by too many items to list in its row."""

from __future__ import annotations

from generator.content.glossary import TERM_PAGE_AT, checked_usages
from generator.render.renderer import Renderer


def pages(renderer: Renderer) -> dict[str, str]:
    """The glossary page, and a page for each term used by too many items to list in its row."""
    plans = {plan.id: plan for plan in renderer.corpus.plans}
    found = checked_usages(renderer.corpus)
    apart = [usage for usage in found if usage.count > TERM_PAGE_AT]
    result = {"glossary/index.md": renderer.page("glossary.md.j2", "glossary/", usages=found, plans=plans,
                                                 apart={usage.term.id for usage in apart})}
    for usage in apart:
        result[f"glossary/{usage.term.id}.md"] = renderer.page("glossary_term.md.j2", f"glossary/{usage.term.id}/",
                                                               usage=usage, plans=plans)
    return result
