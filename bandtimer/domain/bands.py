"""The bands a person owns, lightest first: what progression moves up through.

Kept apart from `progression` so that reading the settings (which name the bands) does not load
the workout history's types: the menu reads the settings before it is first drawn.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BandColour:
    """One band a person owns: its colour, as they call it, and how strong it is."""

    name: str
    strength: str = ""


DEFAULT_BANDS: tuple[BandColour, ...] = (
    BandColour("green", "extra light"),
    BandColour("blue", "light"),
    BandColour("yellow", "medium"),
    BandColour("red", "heavy"),
    BandColour("black", "extra heavy"),
)
"""The common colour code the articles give, lightest first. Brands differ, so it is a setting."""
