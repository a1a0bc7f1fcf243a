"""The glossary pages: the glossary, and a page for each term used by too many items to list in its row."""

from __future__ import annotations

from generator.content.glossary import TERM_PAGE_AT, checked_usages
from generator.render.renderer import Renderer, paged, pager

# A term's page lists at most this many items (a plan's items on one page), the further ones on its next pages.
TERM_PAGE_ITEMS = 600


def pages(renderer: Renderer) -> dict[str, str]:
    """The glossary page, and a page for each term used by too many items to list in its row (over pages of at
    most TERM_PAGE_ITEMS items)."""
    plans = {plan.id: plan for plan in renderer.corpus.plans}
    found = checked_usages(renderer.corpus)
    apart = [usage for usage in found if usage.count > TERM_PAGE_AT]
    result = {"glossary/index.md": renderer.page("glossary.md.j2", "glossary/", usages=found, plans=plans,
                                                 apart={usage.term.id for usage in apart})}
    for usage in apart:
        base = f"glossary/{usage.term.id}/"
        shares = paged(usage.by_plan, TERM_PAGE_ITEMS, lambda plan: len(plan[1]))
        urls = [base, *(f"{base}{number}/" for number in range(2, len(shares) + 1))]
        for url, share in zip(urls, shares, strict=True):
            result[f"{url.removesuffix('/')}.md" if url == base else f"{url}index.md"] = renderer.page(
                "glossary_term.md.j2", url, usage=usage, by_plan=share, plans=plans, pager=pager(urls, shares, url))
    return result
