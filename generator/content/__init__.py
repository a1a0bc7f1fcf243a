"""Content: the models, the one loader, the corpus and the reference data derived from it."""
