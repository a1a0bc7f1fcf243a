"""The reference features beyond the plans' own text, in navigation order."""

from __future__ import annotations

from generator.content import duties, glossary
from generator.content.corpus import Corpus
from generator.publish import opendata
from generator.render import charts, duties_pages, glossary_pages, laws_pages, lineage_pages
from generator.render.renderer import Feature

FEATURES: list[Feature] = [
    Feature(label="lineage", index=lineage_pages.INDEX, pages=lineage_pages.pages,
            template_globals=lineage_pages.template_globals),
    Feature(label="laws", index=laws_pages.INDEX, pages=laws_pages.pages),
    Feature(label="duties", index="duties/index.md", pages=duties_pages.pages),
    Feature(label="glossary", index="glossary/index.md", pages=glossary_pages.pages),
    Feature(label="charts", index="charts/index.md", pages=charts.pages),
    Feature(label="open_data", index="data/index.md", pages=opendata.pages),
]


def check(corpus: Corpus) -> None:
    """Load and check every reference file (lineage, cited documents, duties, glossary) before anything
    renders, so that its errors stop the build at their line whichever page would have read it first;
    each is computed once per corpus, so the pages reuse what this loads."""
    lineage_pages.lineage_of(corpus)
    laws_pages.laws_of(corpus)
    duties.duties(corpus)
    glossary.checked_usages(corpus)
