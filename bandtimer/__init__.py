"""bandtimer: a terminal workout timer for resistance-band strength training for runners.

The packages, bottom to top (import-linter holds the order, see pyproject.toml and
docs/architecture.md): `domain`, `storage`, `coach`, then `ui` and `cli`.
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
