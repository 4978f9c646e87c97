"""What the history says about routines before one starts: when each was last done, and how
each exercise's dose moves this time.

The menu shows both; the summary shows the doses again. The dates are one listing of the
history's folders, read once the menu is drawn and again after a workout, and kept here between.
The doses are the `DoseBook`'s, read per routine from that routine's own history.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from bandtimer.domain.bands import BandColour

if TYPE_CHECKING:
    from bandtimer.coach.plan_doses import PlanDoseBook
    from bandtimer.storage.history import HistoryStore

class HistoryGlance:
    """Last-done dates and each routine's doses (`doses`), both read from the history store.

    `open_store` is called on first use: the history's modules are not loaded for the menu's
    first frame.
    """

    def __init__(
        self, open_store: Callable[[], HistoryStore], bands: Sequence[BandColour]
    ) -> None:
        self._open_store = open_store
        self._bands = tuple(bands)
        self._last_done: Callable[[str], date | None] | None = None

    @cached_property
    def doses(self) -> PlanDoseBook:
        """Each routine's doses this time, and how they moved from last time (with the plan's
        week over them, while a plan is followed); loaded on first use, after the menu's first
        frame."""
        from bandtimer.coach.plan_doses import PlanDoseBook

        return PlanDoseBook(self._open_store, self._bands)

    def read_last_done(self) -> bool:
        """List the history's folders again; True when any routine has a date."""
        from bandtimer.storage.history import routine_slug

        days = self._open_store().last_done()
        self._last_done = lambda name: days.get(routine_slug(name))
        return bool(days)

    def last_done(self, routine_name: str) -> date | None:
        """The day `routine_name` was last done, once `read_last_done` has run."""
        return self._last_done(routine_name) if self._last_done is not None else None

