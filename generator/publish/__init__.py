"""Publish: the MkDocs boundary, the wiring of each edition's site, open data and the search index."""
