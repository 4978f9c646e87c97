"""Opening the app: the only path that imports Textual."""

from __future__ import annotations

import gc
import sys

from bandtimer.domain.routine import Routine
from bandtimer.storage.locations import Locations
from bandtimer.storage.routines import RoutineNotFound, resolve_routine


def launch(locations: Locations, *, routine: str | None, mute: bool) -> int:
    """Open the menu, or with `routine` go straight into that workout."""
    start: Routine | None = None
    if routine is not None:
        try:
            start = resolve_routine(locations, routine)
        except RoutineNotFound as missing:
            print(missing, file=sys.stderr)
            return 1
    # Importing Textual makes a great many objects that live as long as the app. Collecting
    # garbage among them while importing finds none, and a full collection later would walk
    # them all again in the middle of drawing the first frame: so no collection until they are
    # all made, and then they are set aside (frozen) for good.
    gc.disable()
    try:
        from bandtimer.ui.factory import create_app

        app = create_app(locations, start_routine=start, mute=mute)
    finally:
        gc.freeze()
        gc.enable()
    app.run()
    return app.return_code or 0
