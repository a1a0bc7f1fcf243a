"""The cited-documents pages: the index of the documents the plans cite, by kind, and one page per
document with every item that cites it."""

from __future__ import annotations

from generator.content.corpus import Corpus, Entry, per_corpus
from generator.content.laws import FILE, Laws, load_laws
from generator.render.renderer import LISTING_CHARS, Renderer, paged, pager

INDEX = "laws/index.md"
URL = "laws/"


@per_corpus
def laws_of(corpus: Corpus) -> Laws | None:
    """The reviewed registry of the corpus's content folder; None when the folder has none."""
    path = corpus.file(FILE)
    return load_laws(path, corpus) if path.exists() else None


def pages(renderer: Renderer) -> dict[str, str]:
    """The index of cited documents and a page per document (its citing items over pages of at most
    LISTING_CHARS characters of text, a plan's items on one page)."""
    corpus = renderer.corpus
    laws = laws_of(corpus)
    if laws is None:
        return {INDEX: renderer.page("laws.md.j2", URL, laws=None)}
    citing_plans = {law.id: [renderer.plan_short(plan) for plan in corpus.plans
                             if any(entry.plan.id == plan.id for entry in laws.cited_by[law.id])]
                    for law in laws.entries}
    result = {INDEX: renderer.page("laws.md.j2", URL, laws=laws, citing_plans=citing_plans)}
    for law in laws.entries:
        entries = laws.cited_by[law.id]
        base = f"laws/{law.id}/"
        citing: dict[str, list[Entry]] = {}
        for entry in entries:
            citing.setdefault(entry.plan.id, []).append(entry)
        groups = [(plan, citing[plan.id]) for plan in corpus.plans if plan.id in citing]
        shares = paged(groups, LISTING_CHARS, lambda group: sum(len(entry.text) for entry in group[1]))
        urls = [base, *(f"{base}{number}/" for number in range(2, len(shares) + 1))]
        for url, share in zip(urls, shares, strict=True):
            result[f"{url.removesuffix('/')}.md" if url == base else f"{url}index.md"] = renderer.page(
                "law.md.j2", url, law=law, total=len(entries), by_plan=share, pager=pager(urls, shares, url))
    return result
