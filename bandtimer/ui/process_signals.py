"""What the app does when the system signals the process: SIGTERM, and SIGCONT after a stop.

SIGTERM (`kill PID`, a logout, a shutdown) ends the app at once, and cleanly: a workout under way
stays saved as in progress, to be offered for resuming, and Textual puts the terminal back (no
raw mode, alternate screen, mouse tracking or hidden cursor left behind). Python's default would
end the process on the spot and leave the terminal unusable.

SIGCONT arrives when a stopped process goes on (SIGSTOP then SIGCONT, ctrl+z then `fg`); the
app then asks the workout screen how long it was away (coach/stopped_process.py). Textual's own
SIGCONT handler, which redraws the screen after ctrl+z, is kept and called after.

SIGHUP (the terminal went away) keeps Python's default: there is no terminal left to restore
and nobody to see a screen, and every finished set is already on disk.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable
from types import FrameType
from typing import Any


class ProcessSignals:
    """Installed while the app runs, on the main thread's event loop; removed at its end."""

    def __init__(self, on_terminate: Callable[[], None], on_continue: Callable[[], None]) -> None:
        self._on_terminate = on_terminate
        self._on_continue = on_continue
        self._loop: asyncio.AbstractEventLoop | None = None
        self._previous_sigcont: Any = None

    def install(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            loop.add_signal_handler(signal.SIGTERM, self._on_terminate)
        except (NotImplementedError, RuntimeError, ValueError):
            return  # not the main thread, or a platform without these signals
        self._loop = loop
        self._previous_sigcont = signal.getsignal(signal.SIGCONT)
        signal.signal(signal.SIGCONT, self._continued)

    def remove(self) -> None:
        if self._loop is None:
            return
        with contextlib.suppress(RuntimeError, ValueError):
            self._loop.remove_signal_handler(signal.SIGTERM)
            signal.signal(signal.SIGCONT, self._previous_sigcont)
        self._loop = None

    def _continued(self, signum: int, frame: FrameType | None) -> None:
        """Runs between two bytecodes of the main thread, whatever it was doing: `on_continue`
        must only note the moment and schedule the rest."""
        if self._loop is not None:
            self._on_continue()
        if callable(self._previous_sigcont):
            self._previous_sigcont(signum, frame)
