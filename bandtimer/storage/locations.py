"""Where bandtimer keeps things on disk.

Config and the user's own routines go in the platform's config dir, history in its data dir,
and what can always be made again (the routine cache) in its cache dir, as platformdirs decides
for this system. `BANDTIMER_HOME=DIR` puts all of them under one folder, which is what tests and
isolated runs use. Nothing here creates a folder: a path is only made when something is written
to it, so starting bandtimer leaves nothing but its cache, which may be deleted at any time.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "bandtimer"
PACKAGE_DIR = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Locations:
    """Every path bandtimer reads or writes, decided once at start-up and passed around."""

    config_dir: Path
    data_dir: Path
    cache_dir: Path | None = None
    """Where the routine cache goes; None keeps no cache (each start parses every file)."""

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.toml"

    @property
    def user_routines_dir(self) -> Path:
        return self.config_dir / "routines"

    @property
    def user_plans_dir(self) -> Path:
        """The person's own plans over weeks; one named as a shipped plan replaces it."""
        return self.config_dir / "plans"

    @property
    def active_plan_file(self) -> Path:
        """Which plan is being followed and since when (`storage.plans.state`)."""
        return self.data_dir / "active-plan.toml"

    @property
    def custom_sounds_dir(self) -> Path:
        """`<cue>.wav` here replaces a shipped cue."""
        return self.config_dir / "sounds"

    @property
    def history_dir(self) -> Path:
        return self.data_dir / "history"

    @property
    def routine_cache_file(self) -> Path | None:
        return self.cache_dir / "routines.json" if self.cache_dir is not None else None

    @property
    def history_index_file(self) -> Path | None:
        """The history index (`storage.history.index`): like the routine cache, safe to delete."""
        return self.cache_dir / "history-index.sqlite3" if self.cache_dir is not None else None

    @classmethod
    def under(cls, home: Path) -> Locations:
        """Everything in one folder: `home/config.toml`, `home/routines/`, `home/history/`,
        `home/cache/`."""
        return cls(config_dir=home, data_dir=home, cache_dir=home / "cache")

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Locations:
        environ = os.environ if environ is None else environ
        home = environ.get("BANDTIMER_HOME")
        if home:
            return cls.under(Path(home).expanduser())
        return cls(
            config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            cache_dir=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        )


def _bundled(name: str) -> Path:
    """A folder shipped with bandtimer: inside the installed package, or at the checkout's top.

    The wheel carries `routines/` and `sounds/` inside the package; an editable install or a run
    from the source tree finds them next to the package instead.
    """
    inside = PACKAGE_DIR / name
    if inside.is_dir():
        return inside
    return PACKAGE_DIR.parent / name


def shipped_routines_dir() -> Path:
    return _bundled("routines")


def shipped_plans_dir() -> Path:
    return _bundled("plans")


def sounds_dir() -> Path:
    return _bundled("sounds")
