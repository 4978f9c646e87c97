"""Noticing that the whole process was stopped, so that a workout nobody saw does not count.

SIGSTOP, or ctrl+z in a shell, freezes bandtimer; SIGCONT (`fg`) lets it go on. Left alone, the
session would then catch up with the clock as after any stall, and every set whose time passed
meanwhile would end at its deadline, recorded as done: sets nobody did. A stop cannot be noticed
as it happens (SIGSTOP cannot be caught), so the app tells this watch when the process goes on,
and the watch compares the time with the last moment the running workout was drawn. Away for
longer than `STOP_GAP_SECONDS`, the person could not have followed it: the session is paused as
of that moment, and the screen says why. A shorter gap is an ordinary stall, which the session's
catching up is made for.

The check is driven by SIGCONT rather than by any long gap between redraws, so a slow frame or
a test that moves a fake clock by a minute is never mistaken for a stop.
"""

from __future__ import annotations

from bandtimer.domain.session import Session, SessionState

STOP_GAP_SECONDS = 2.0
"""Longer than any stall of a healthy event loop, short enough that little goes unseen."""


class StopWatch:
    """Remembers when the running workout was last drawn, and pauses it after a stop."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._last_seen: float | None = None

    def seen(self, as_of: float) -> None:
        """The workout has just been drawn as it stood at clock time `as_of` (when the screen
        asked the session). Not the time the drawing ended: a stop that lands mid-frame would
        then be taken for a moment after it. Only a running workout can miss anything."""
        running = self._session.state is SessionState.RUNNING
        self._last_seen = as_of if running else None

    def continued(self) -> float | None:
        """The process goes on after a stop: the seconds it was away, if the session was
        paused for them (as of the last moment it was seen), else None."""
        if self._last_seen is None or self._session.state is not SessionState.RUNNING:
            return None
        away = self._session.clock.now() - self._last_seen
        if away <= STOP_GAP_SECONDS:
            return None
        self._session.pause(as_of=self._last_seen)
        return away
