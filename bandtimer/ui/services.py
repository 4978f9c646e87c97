"""Everything the app needs from outside, handed in at construction.

The command line builds these from the real world (platformdirs, the monotonic clock, the sound
card, the wall clock); tests build them from a temporary folder, a fake clock, a fixed date and
a player that writes down what it was asked to play, and then construct the app through the
same `create_app` as the CLI.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from bandtimer.domain.clock import Clock
from bandtimer.storage.config import Config
from bandtimer.storage.locations import Locations, shipped_routines_dir
from bandtimer.storage.routines import RoutineCache, RoutineEntry, discover_routines

if TYPE_CHECKING:
    from bandtimer.coach import Phrases
    from bandtimer.sound import Clip, Cue, CuePlayer
    from bandtimer.storage.config import SoundSettings
    from bandtimer.storage.history import HistoryStore

PlayerFactory = Callable[[Callable[["Cue"], None]], tuple["CuePlayer", "str | None"]]
"""Given the app's visual fallback, returns a player and what to tell the person about sound
(why it is the bell, a custom sound that cannot be used: one line each), if anything."""
VoiceFactory = Callable[
    ["SoundSettings", Callable[["Clip"], None], Callable[[str], None]],
    tuple["Phrases | None", "str | None"],
]
"""Given the settings, what to do with each phrase made ready (the player scales it) and where
to report a problem found later, returns the phrase book, or None and why there is no voice."""


def no_voice(
    settings: SoundSettings, prepare: Callable[[Clip], None], on_problem: Callable[[str], None]
) -> tuple[Phrases | None, str | None]:
    """The voice of a player handed in by a test or a benchmark: none, and nothing to say."""
    return None, None


class OpenedOnFirstUse:
    """`Services.history`: the store handed in, or else this device's, opened on first use.

    The history's modules load only once the menu is on screen (the app asks for the "last
    done" dates right after the first frame): nothing the menu first shows needs them, and a
    person waits for every module loaded before that. Two threads asking first at the same
    moment could each open one; both read and write the same folder, so either serves.
    """

    def __get__(self, services: Services | None, owner: type | None = None) -> HistoryStore:
        if services is None:
            return None  # type: ignore[return-value]  # the field's default: open when asked
        store = services.__dict__.get("_history")
        if store is None:
            from bandtimer.storage.history import HistoryStore, default_device_name

            device = services.config.device or default_device_name()
            store = services.__dict__["_history"] = HistoryStore.at(services.locations, device)
        return store

    def __set__(self, services: Services, store: HistoryStore | None) -> None:
        services.__dict__["_history"] = store


@dataclass(frozen=True)
class Services:
    locations: Locations
    clock: Clock
    """Monotonic time for countdowns; never the wall clock."""
    open_player: PlayerFactory
    config: Config
    open_voice: VoiceFactory = no_voice
    config_problems: tuple[str, ...] = ()
    """What was wrong with config.toml, said once at start-up."""
    wall_clock: Callable[[], datetime] = lambda: datetime.now().astimezone()
    """Local, aware date and time: what a workout record is dated with and what "today" is."""
    history: OpenedOnFirstUse = OpenedOnFirstUse()
    """The workout history; tests hand in their own store, the app opens this device's."""

    def first_start(self) -> bool:
        """No workout has been recorded here yet: the history folder is missing or empty.
        One listing, before the history's modules are loaded, so the menu's first frame can
        depend on it."""
        try:
            with os.scandir(self.locations.history_dir) as found:
                return next(found, None) is None
        except OSError:  # missing, or unreadable: either way nothing to build on
            return True

    def routines(self) -> list[RoutineEntry]:
        """The shipped routines and the user's own, read afresh so edits show on return (the
        cache only skips parsing files that have not changed since)."""
        cache_file = self.locations.routine_cache_file
        cache = RoutineCache(cache_file) if cache_file is not None else None
        return discover_routines(shipped_routines_dir(), self.locations.user_routines_dir, cache)
