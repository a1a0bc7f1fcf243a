"""Editions: the three editions of the site, their interface labels and OpenCC conversion."""
