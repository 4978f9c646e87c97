"""Opening the app: the only path that imports Textual."""

from __future__ import annotations

import gc
import sys

from bandtimer.cli.streams import ascii_fallback
from bandtimer.domain.routine import Routine
from bandtimer.storage.locations import Locations
from bandtimer.storage.routines import RoutineNotFound, resolve_routine

EXIT_NO_TERMINAL = 2
"""A usage error, as argparse's: the command cannot work the way it was started."""


def launch(locations: Locations, *, routine: str | None, mute: bool, voice: bool = True) -> int:
    """Open the menu, or with `routine` go straight into that workout; exit status 2 without
    a terminal to draw on and read keys from. `voice=False` is `--no-voice`."""
    start: Routine | None = None
    if routine is not None:
        try:
            start = resolve_routine(locations, routine)
        except RoutineNotFound as missing:
            print(missing, file=sys.stderr)
            return missing.exit_status
    streams = {"stdin": sys.stdin, "stderr": sys.stderr}  # keys come in, the screen goes out
    without = [name for name, stream in streams.items() if not _is_terminal(stream)]
    if without:
        print(no_terminal_message(without), file=sys.stderr)
        return EXIT_NO_TERMINAL
    ascii_fallback(sys.__stderr__, cells=True)  # type: ignore[arg-type]  # Textual draws there
    # Importing Textual makes a great many objects that live as long as the app. Collecting
    # garbage among them while importing finds none, and a full collection later would walk
    # them all again in the middle of drawing the first frame: so no collection until they are
    # all made, and then they are set aside (frozen) for good.
    gc.disable()
    try:
        from bandtimer.ui.factory import create_app

        app = create_app(locations, start_routine=start, mute=mute, voice=voice)
    finally:
        gc.freeze()
        gc.enable()
    app.run()
    return app.return_code or 0


def no_terminal_message(streams: list[str]) -> str:
    """Why the menu and workouts will not start: keys come from stdin, the screen goes to
    stderr, and a workout nobody can see or stop would only record a lie."""
    missing = " and ".join(streams)
    is_not = "is not one" if len(streams) == 1 else "are not terminals"
    return (
        f"bandtimer: the menu and workouts need a terminal, and {missing} {is_not}. "
        "Run it from a terminal; list, show, check, history and stats print without one."
    )


def _is_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty is not None and isatty())
    except ValueError:  # closed
        return False
