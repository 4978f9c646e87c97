"""Opening the app: the only path that imports Textual."""

from __future__ import annotations

import sys

from bandtimer.domain.routine import Routine
from bandtimer.storage.locations import Locations
from bandtimer.storage.routine_lookup import RoutineNotFound, resolve_routine


def launch(locations: Locations, *, routine: str | None, mute: bool) -> int:
    """Open the menu, or with `routine` go straight into that workout."""
    start: Routine | None = None
    if routine is not None:
        try:
            start = resolve_routine(locations, routine)
        except RoutineNotFound as missing:
            print(missing, file=sys.stderr)
            return 1
    from bandtimer.ui.factory import create_app

    app = create_app(locations, start_routine=start, mute=mute)
    app.run()
    return app.return_code or 0
