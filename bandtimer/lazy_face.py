"""A package face whose names are imported when first asked for, not when the package is.

Callers import from a package (`from bandtimer.coach import plural`), so its files can be
re-split without touching them. But the menu must appear quickly, and a face that imported all
of its modules up front would load the recorder, the history and the sound code just to format
a number. So a face lists where each name lives, and Python's module `__getattr__` (PEP 562)
imports that module on first use, as `textual.widgets` does.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping

# No `typing` import: this module is loaded before `bandtimer --help` prints, and typing alone
# costs more than everything else here.


def lazy_face(package: str, names: Mapping[str, str]) -> Callable[[str], object]:
    """The `__getattr__` for `package`: `names` maps each public name to its module's stem."""

    def __getattr__(name: str) -> object:
        try:
            stem = names[name]
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        value = getattr(importlib.import_module(f"{package}.{stem}"), name)
        importlib.import_module(package).__dict__[name] = value  # the next lookup is direct
        return value

    return __getattr__
