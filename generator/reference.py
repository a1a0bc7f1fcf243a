"""The reference features beyond the plans' own text, in navigation order."""

from __future__ import annotations

from generator.render import Feature

FEATURES: list[Feature] = []
