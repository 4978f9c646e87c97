"""The Rich console the printing commands share."""

from __future__ import annotations

import errno

from rich.console import Console


class _CommandConsole(Console):
    """Rich's console, leaving a closed pipe to `cli.streams.quiet_when_the_reader_leaves`.

    Rich's own answer (point stdout at /dev/null and exit 1) would give the printing commands
    a second, different way to end when a reader such as `head` has seen enough."""

    def on_broken_pipe(self) -> None:
        self.quiet = True  # nothing more to write to a reader who has gone
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")


def make_console() -> Console:
    """Markup and emoji codes off: routine text is data and must print exactly as written."""
    return _CommandConsole(markup=False, emoji=False, highlight=False)
