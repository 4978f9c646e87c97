"""What the history says about routines before one starts: when each was last done, and
advice for next time.

The menu shows both; the summary shows the advice again. The dates are one listing of the
history's folders, read once the menu is drawn and again after a workout, and kept here between.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from bandtimer.domain.bands import BandColour
from bandtimer.domain.routine import Routine
from bandtimer.domain.text import visible_controls

if TYPE_CHECKING:
    from bandtimer.storage.history import HistoryStore

ADVICE_LOOKBACK = 30
"""Workouts read for band advice: the latest time each exercise was done is in these."""


class HistoryGlance:
    """Last-done dates and next-time advice, both read from the history store.

    `open_store` is called on first use: the history's modules are not loaded for the menu's
    first frame.
    """

    def __init__(
        self, open_store: Callable[[], HistoryStore], bands: Sequence[BandColour]
    ) -> None:
        self._open_store = open_store
        self._bands = tuple(bands)
        self._last_done: Callable[[str], date | None] | None = None

    def read_last_done(self) -> bool:
        """List the history's folders again; True when any routine has a date."""
        from bandtimer.storage.history import routine_slug

        days = self._open_store().last_done()
        self._last_done = lambda name: days.get(routine_slug(name))
        return bool(days)

    def last_done(self, routine_name: str) -> date | None:
        """The day `routine_name` was last done, once `read_last_done` has run."""
        return self._last_done(routine_name) if self._last_done is not None else None

    def advice(self, routine: Routine) -> list[str]:
        """Next-time suggestions for `routine`'s exercises, from the recent history."""
        from bandtimer.domain.progression import advise

        history = self._open_store().latest(ADVICE_LOOKBACK).records
        # A band's name comes from a history or settings file: shown, never obeyed.
        return [
            visible_controls(f"{name}: {suggestion.text}")
            for name, suggestion in advise(routine, history, self._bands)
        ]
