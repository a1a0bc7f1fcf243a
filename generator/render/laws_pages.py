"""The cited-documents pages: the index of the documents the plans cite, by kind, and one page per
document with every item that cites it."""

from __future__ import annotations

from generator.content.corpus import Corpus, per_corpus
from generator.content.laws import FILE, Laws, load_laws
from generator.render.renderer import Renderer

INDEX = "laws/index.md"
URL = "laws/"


@per_corpus
def laws_of(corpus: Corpus) -> Laws | None:
    """The reviewed registry of the corpus's content folder; None when the folder has none."""
    path = corpus.file(FILE)
    return load_laws(path, corpus) if path.exists() else None


def pages(renderer: Renderer) -> dict[str, str]:
    """The index of cited documents and a page per document."""
    corpus = renderer.corpus
    laws = laws_of(corpus)
    if laws is None:
        return {INDEX: renderer.page("laws.md.j2", URL, laws=None)}
    citing_plans = {law.id: [renderer.plan_short(plan) for plan in corpus.plans
                             if any(entry.plan.id == plan.id for entry in laws.cited_by[law.id])]
                    for law in laws.entries}
    result = {INDEX: renderer.page("laws.md.j2", URL, laws=laws, citing_plans=citing_plans)}
    for law in laws.entries:
        result[f"laws/{law.id}.md"] = renderer.page("law.md.j2", f"laws/{law.id}/", law=law,
                                                    entries=laws.cited_by[law.id])
    return result
