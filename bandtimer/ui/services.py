"""Everything the app needs from outside, handed in at construction.

The command line builds these from the real world (platformdirs, the monotonic clock, the sound
card); tests build them from a temporary folder, a fake clock and a player that writes down what
it was asked to play, and then construct the app through the same `create_app` as the CLI.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bandtimer.domain.clock import Clock
from bandtimer.sound import Cue, CuePlayer
from bandtimer.storage.locations import Locations, shipped_routines_dir
from bandtimer.storage.routines import RoutineEntry, discover_routines

PlayerFactory = Callable[[Callable[[Cue], None]], tuple[CuePlayer, str | None]]
"""Given the app's visual fallback, returns a player and why sound is unavailable, if it is."""


@dataclass(frozen=True)
class Services:
    locations: Locations
    clock: Clock
    open_player: PlayerFactory

    def routines(self) -> list[RoutineEntry]:
        """The shipped routines and the user's own, read afresh so edits show on return."""
        return discover_routines(shipped_routines_dir(), self.locations.user_routines_dir)
