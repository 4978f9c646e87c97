"""The workout screen's keys, with the ids and tooltips the footer and the help screen show.

One table, apart from the screen, so the keys a runner can press from the mat read as a list
rather than being picked out of the screen's code.
"""

from __future__ import annotations

from textual.binding import Binding

from bandtimer.domain.text import visible_controls
from bandtimer.ui.feel_bindings import FEEL_BINDINGS

WORKOUT_BINDINGS = [
    Binding("space", "pause", "Pause", id="pause", tooltip="pause / resume"),
    Binding("space", "resume", "Resume", id="resume"),
    Binding(
        "enter", "rep", "Rep", id="rep",
        tooltip="count a rep; for reps that count themselves, finish the set",
    ),
    Binding(
        "f", "finish_set", "Finish set", id="finish-set", show=False,
        tooltip="finish the set anywhere inside its rep range",
    ),
    Binding("s", "skip", "Skip", id="skip", tooltip="skip to what comes next"),
    Binding("b", "back", "Back", id="back", tooltip="back to what came before"),
    Binding("plus", "more_rest", "+10s", id="more-rest", show=False, tooltip="10 s more rest"),
    Binding("minus", "less_rest", "-10s", id="less-rest", show=False, tooltip="10 s less rest"),
    Binding("c", "pick_band", "Band", id="band", tooltip="change this exercise's band"),
    Binding(
        "k", "keep_dose", "Keep dose", id="keep-dose",
        tooltip="before an exercise whose dose moves: keep last time's dose",
    ),
    *FEEL_BINDINGS,
    Binding(
        "q", "quit_workout", "Quit", id="quit-workout",
        tooltip="stop the workout, after asking; what you did is kept",
    ),
]


def band_label(band: str | None, strength: str) -> str:
    """The band line of the workout screen, naming the key that changes it (`c`, above)."""
    if band is None:
        return "band: not chosen (c)"
    return visible_controls(f"band: {band}{f' ({strength})' if strength else ''} · c changes")
