"""Everything Textual: the app, which routes between screens, its screens, widgets and
messages. `create_app` builds it, for the command line and the tests alike.

Callers import from here; each name is imported on first use (see `bandtimer.lazy_face`), so
importing the package costs nothing until something is asked for.
"""

from __future__ import annotations

from bandtimer.lazy_face import lazy_face

_WHERE = {
    "create_app": "factory",
}

__all__ = [
    "create_app",
]

__getattr__ = lazy_face(__name__, _WHERE)
