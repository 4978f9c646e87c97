"""A progress bar on stderr while the history index is built, for a person at a terminal.

Only when stderr is a terminal: piped or redirected, stderr gets nothing but the problems it
always reported, and stdout (an export) never gets anything but data. The bar redraws in place
(`\\r`) when its width in characters changes, so ten thousand files cost a few hundred writes, and
is wiped when the work is done.
"""

from __future__ import annotations

import sys
from typing import TextIO

from bandtimer.storage.history.index import Progress

BAR_WIDTH = 30
SHOWN_FROM = 50
"""Fewer files than this take well under a second: a bar would only flicker."""


def stderr_progress(label: str = "Indexing the history", stream: TextIO | None = None
                    ) -> Progress | None:
    """A `Progress` drawing on `stream` (stderr), or None when it is not a terminal."""
    out = stream if stream is not None else sys.stderr
    try:
        if not out.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    drawn = [-1]

    def show(done: int, total: int) -> None:
        if total < SHOWN_FROM:
            return
        filled = BAR_WIDTH * done // total
        if done == total:
            out.write("\r" + " " * (len(label) + BAR_WIDTH + 30) + "\r")
        elif filled != drawn[0]:
            bar = "#" * filled + "." * (BAR_WIDTH - filled)  # ASCII: any locale can print it
            out.write(f"\r{label} [{bar}] {done:,} of {total:,} files")
        else:
            return
        drawn[0] = filled
        out.flush()

    return show
