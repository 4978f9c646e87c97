"""The printing commands (`list`, `show`, `check`, `history`, `stats`) and `launch`, which
starts the app. Each is imported only when its command runs, so none of them loads Textual
unless it starts the app.

Callers import from here; each name is imported on first use (see `bandtimer.lazy_face`), so
importing the package costs nothing until something is asked for.
"""

from __future__ import annotations

from bandtimer.lazy_face import lazy_face

_WHERE = {
    "check_files": "check",
    "show_history": "history",
    "launch": "launch",
    "list_routines": "listing",
    "show_routine": "show",
    "show_stats": "stats",
}

__all__ = [
    "check_files",
    "launch",
    "list_routines",
    "show_history",
    "show_routine",
    "show_stats",
]

__getattr__ = lazy_face(__name__, _WHERE)
