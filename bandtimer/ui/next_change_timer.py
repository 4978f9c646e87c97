"""One timer, always set for just after the next moment the workout screen has to redraw.

A steady interval redraws at moments that have nothing to do with the deadlines: at 10 Hz,
every second turned over and every segment ended on screen up to 100 ms late. The screen works
out when its next change falls due (`until_change`) and sets this timer for then, replacing the
one set before. Moments are read on the session's clock; the timer waits in real seconds, which
are the same with the real clock.

Textual's `set_timer` does not call back from the timer itself: the timer queues the callback
(`call_next`), so stopping a timer whose moment has come does not take back the call already
queued. Each call therefore carries the number of the timer that made it, and a call from a
timer since replaced is dropped; without that, every replaced timer went on to start a chain
of its own and the screen redrew two, three, four times at each change.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.message_pump import MessagePump
from textual.timer import Timer

LATE_SECONDS = 0.002
"""How long after the moment the timer fires. Textual's timers may fire up to half a millisecond
early, and a redraw a hair before a deadline would show nothing new."""


class NextChangeTimer:
    def __init__(self, owner: MessagePump, callback: Callable[[], None]) -> None:
        self._owner = owner
        self._callback = callback
        self._timer: Timer | None = None
        self._due = 0.0
        self._set_at: float | None = None
        self._number = 0
        """Counts the timers set and cancelled: only the newest one's call is acted on."""

    def set(self, now: float, wait: float | None) -> None:
        """Fire `wait` seconds after `now` (and a little); None: nothing is coming, so don't."""
        if wait is None:
            self.cancel()
            return
        due = now + wait
        if self._timer is not None and abs(due - self._due) < LATE_SECONDS / 2:
            return  # already set for this moment
        if self._timer is None and self._set_at == now:
            return  # fired, yet the clock has not moved since (only a test's fake clock does that)
        self.cancel()
        self._due, self._set_at = due, now
        self._number += 1
        fire = partial(self._fire, self._number)
        self._timer = self._owner.set_timer(wait + LATE_SECONDS, fire, name="next-change")

    def cancel(self) -> None:
        self._number += 1  # a call already queued by the timer stopped here is dropped
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._set_at = None

    def _fire(self, number: int) -> None:
        if number != self._number:
            return  # queued before its timer was replaced or cancelled
        self._timer = None
        self._callback()
