"""The one validation pass: every content file loaded and cross-checked before anything renders, by the
build and by `python -m generator check`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.content.corpus import Corpus, load_corpus
from generator.editions.convert import converter, identity, interface
from generator.editions.edition import Edition
from generator.publish import reference, search

PHRASES = "phrases.txt"  # a converted edition's phrase dictionary (body and interface), in its conversion folder
INTERFACE = "interface.txt"  # its interface phrases in local usage (labels only)


def check(content: Path, *, lock_required: bool = True) -> Corpus:
    """Load and cross-check everything under `content/`: plans, registries, editions and their catalogs,
    translations and the anchor lock, each edition's dictionaries, the reference files (lineage, cited
    documents, duties, glossary) and the search words; raise ContentError on the first problem. What the
    reference pages need is kept with the corpus, so that rendering reuses it."""
    corpus = load_corpus(content, lock_required=lock_required)
    for edition in corpus.editions:
        conversion(content, edition)
    reference.check(corpus)
    if any(edition.translation for edition in corpus.editions):
        search.reader_words(content, corpus)
    return corpus


def conversion(content: Path, edition: Edition) -> tuple[Callable[[str], str], Callable[[str], str]]:
    """The edition's conversion of the original's text and its interface wording (both unchanged without
    a conversion folder)."""
    if not edition.conversion:
        return identity, identity
    return converter(content / edition.conversion / PHRASES), interface(content / edition.conversion / INTERFACE)
