"""Everything the app needs from outside, handed in at construction.

The command line builds these from the real world (platformdirs, the monotonic clock, the sound
card, the wall clock); tests build them from a temporary folder, a fake clock, a fixed date and
a player that writes down what it was asked to play, and then construct the app through the
same `create_app` as the CLI.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bandtimer.domain.clock import Clock
from bandtimer.sound import Cue, CuePlayer
from bandtimer.storage.config import Config
from bandtimer.storage.history import HistoryStore
from bandtimer.storage.locations import Locations, shipped_routines_dir
from bandtimer.storage.routines import RoutineEntry, discover_routines

PlayerFactory = Callable[[Callable[[Cue], None]], tuple[CuePlayer, str | None]]
"""Given the app's visual fallback, returns a player and why sound is unavailable, if it is."""


@dataclass(frozen=True)
class Services:
    locations: Locations
    clock: Clock
    """Monotonic time for countdowns; never the wall clock."""
    open_player: PlayerFactory
    history: HistoryStore
    config: Config
    config_problems: tuple[str, ...] = ()
    """What was wrong with config.toml, said once at start-up."""
    wall_clock: Callable[[], datetime] = lambda: datetime.now().astimezone()
    """Local, aware date and time: what a workout record is dated with and what "today" is."""

    def routines(self) -> list[RoutineEntry]:
        """The shipped routines and the user's own, read afresh so edits show on return."""
        return discover_routines(shipped_routines_dir(), self.locations.user_routines_dir)
