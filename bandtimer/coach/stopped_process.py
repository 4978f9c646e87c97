"""Noticing that the whole process was stopped, so that a workout nobody saw does not count.

SIGSTOP, or ctrl+z in a shell, freezes bandtimer; SIGCONT (`fg`) lets it go on. Left alone, the
session would then catch up with the clock as after any stall, and every set whose time passed
meanwhile would end at its deadline, recorded as done: sets nobody did. A stop cannot be noticed
as it happens (SIGSTOP cannot be caught), so the app tells this watch when the process goes on,
and before the session is next asked anything the watch compares that time with the last moment
the running workout was drawn. Away for
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
        self._went_on_at: float | None = None

    def seen(self, as_of: float) -> None:
        """The workout has just been drawn as it stood at clock time `as_of` (when the screen
        asked the session). Not the time the drawing ended: a stop that lands mid-frame would
        then be taken for a moment after it. Only a running workout can miss anything."""
        running = self._session.state is SessionState.RUNNING
        self._last_seen = as_of if running else None

    def went_on(self) -> None:
        """The process has just gone on after a stop. Called from the signal handler, which may
        interrupt any code, so it only notes the time; `check` acts on it."""
        self._went_on_at = self._session.clock.now()

    def check(self) -> float | None:
        """Before the session is asked anything: if the process went on after being away for
        longer than `STOP_GAP_SECONDS` since the workout was last seen running, pause it as of
        then and return the seconds away; else None."""
        went_on, self._went_on_at = self._went_on_at, None
        last_seen = self._last_seen
        if went_on is None or last_seen is None:
            return None
        if self._session.state is not SessionState.RUNNING:
            return None
        away = went_on - last_seen
        if away <= STOP_GAP_SECONDS:
            return None
        self._session.pause(as_of=last_seen)
        return away
