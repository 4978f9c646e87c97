"""The Rich console the printing commands share."""

from __future__ import annotations

from rich.console import Console


def make_console() -> Console:
    """Markup and emoji codes off: routine text is data and must print exactly as written."""
    return Console(markup=False, emoji=False, highlight=False)
