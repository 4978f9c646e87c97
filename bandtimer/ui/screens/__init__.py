"""One module per screen; each sends what it wants done upward as a message (`ui/messages.py`).

Callers import from here; each name is imported on first use (see `bandtimer.lazy_face`), so
importing the package costs nothing until something is asked for.
"""

from __future__ import annotations

from bandtimer.lazy_face import lazy_face

_WHERE = {
    "HelpScreen": "help",
    "HistoryScreen": "history",
    "MenuScreen": "menu",
    "SummaryScreen": "summary",
    "WorkoutScreen": "workout",
}

__all__ = [
    "HelpScreen",
    "HistoryScreen",
    "MenuScreen",
    "SummaryScreen",
    "WorkoutScreen",
]

__getattr__ = lazy_face(__name__, _WHERE)
