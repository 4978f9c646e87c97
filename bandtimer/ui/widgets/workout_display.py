"""Everything the workout screen shows above its footer, and the drawing of a `WorkoutView` on it.

The screen decides when to draw and what the keys do; this decides where each line sits and
which widgets a new view touches. It keeps the view it last drew, so a redraw several times a
second writes only the lines whose text changed, and the bars only when they would move. The
workout's progress bar moves with the rest of the lines (the time left turns over every
second), never on a frame of its own: in a short routine it would step five times a second.

From the mat the banner is what is read first: a band of colour across the whole screen that
says what to do and, right beside it, which side, so the two are read together however wide
the terminal is. Under it, centred in one column, the exercise, the set and the number.
"""

from __future__ import annotations

from dataclasses import replace

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Center, Horizontal, Vertical, VerticalScroll
from textual.widget import Widget

from bandtimer.coach import RepCount, WorkoutView
from bandtimer.ui.widgets.big_word import BigWord, big_width
from bandtimer.ui.widgets.countdown import Countdown
from bandtimer.ui.widgets.text_line import TextLine
from bandtimer.ui.widgets.workout_progress import WorkoutProgress

TONES = ("ready", "work", "hold", "release", "rest", "switch")
"""The colour classes the banner and the number take, one for each `WorkoutView.tone`."""
PADDING = 2
"""Cells kept clear at the left and right of the screen (workout.tcss, `#workout`)."""
SIDE_GAP = 3
"""Cells between the phase and the side in the banner (see workout.tcss, `#side`)."""
BANNER_PADDING = 1
"""Cells of colour kept either side of the banner's words."""
SHORT_PHASES = {"SWITCH SIDES": "SWITCH", "GET READY": "READY"}
"""What the banner says when the phase and the side do not fit across in full: with the
side beside it, SWITCH  LEFT says as much as SWITCH SIDES  LEFT."""


class WorkoutDisplay(Vertical):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown: WorkoutView | None = None
        """The view last drawn in full; None before the first."""
        self._width = 0
        self._plain_only = False
        # Kept, not looked up: the screen writes to them several times a second.
        self._heading = TextLine(id="heading")
        self._status = TextLine(id="status")
        self._time_left = TextLine(id="time-left")
        self._progress = WorkoutProgress(id="progress")
        self._banner = Horizontal(id="banner")
        self._phase_big = BigWord("", id="phase-big")
        self._side = BigWord("", id="side")
        self._phase = TextLine(id="phase")
        self._side_text = TextLine(id="side-text")
        self._exercise = TextLine(id="exercise")
        self._set_line = TextLine(id="set-line")
        self._countdown = Countdown(id="countdown")
        self._band = TextLine(id="band")
        self._band_choice = TextLine(id="band-choice")
        self._feel = TextLine(id="feel")
        self._feel_question = ""
        self._steps = TextLine(id="steps")

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield self._heading
            yield self._status
            yield self._time_left
        yield self._progress
        with self._banner:
            yield self._phase_big
            yield self._side
            yield self._phase
            yield self._side_text
        yield self._exercise
        yield self._set_line
        yield self._countdown
        yield self._band
        yield self._band_choice
        yield self._feel
        with Center(id="steps-row"), VerticalScroll(id="steps-box"):
            yield self._steps

    def fit(self, width: int, *, scale: int, plain_banner: bool) -> None:
        """Lay out for a terminal `width` wide: the number at block `scale` (0 for `Digits`),
        and the banner in plain letters if `plain_banner`, else big where its words fit."""
        self._width, self._plain_only = width, plain_banner
        self._countdown.use_blocks(scale, width - 2 * PADDING)
        self._place_banner()
        self._place_feel()

    def until_rep_step(self, count: RepCount) -> float | None:
        """Seconds until the bar through the rep moves."""
        return self._countdown.until_next_step(count)

    def show(self, view: WorkoutView) -> bool:
        """Draw `view`; False if nothing but the bars could have changed."""
        old = self.shown
        if old is not None and _still(view) == _still(old):
            if view.count is not None:  # the bar through the rep may have moved
                self._countdown.show(view.big, view.caption, view.count)
            return False
        self.shown = view
        self._progress.show(view.progress)
        self._heading.show(view.heading)
        self._time_left.show(view.time_left)
        self._phase.show(view.phase)
        self._side_text.show(view.side)
        self._exercise.show(view.exercise)
        self._set_line.show(view.set_line)
        self._band.show(view.band)
        lines = [f"{n}. {step}" for n, step in enumerate(view.steps, 1)]
        self._steps.show("\n".join([*lines, *([f"Note: {view.notes}"] if view.notes else [])]))
        self._side.update(view.side)
        self._countdown.show(view.big, view.caption, view.count)
        if old is None or (view.phase, view.side) != (old.phase, old.side):
            self._place_banner()
        if old is None or (view.tone, view.paused, view.final) != (
            old.tone,
            old.paused,
            old.final,
        ):
            wanted = {f"-{tone}": view.tone == tone for tone in TONES}
            wanted |= {"-paused": view.paused, "-final": view.final and not view.paused}
            for widget in (self._banner, self._countdown):
                _set_classes(widget, wanted)
        return True

    def show_record(self, band: str, feel_question: str) -> None:
        """The band chosen for the exercise and, once it is done, the question of how it felt."""
        self._band_choice.show(band)
        self._feel_question = feel_question
        self._place_feel()

    def show_status(self, text: str) -> None:
        """A short note in the header, beside the time left (empty to clear it)."""
        self._status.show(text)

    def _place_banner(self) -> None:
        """Big letters when the phase and the side fit across side by side (the phase in its
        short form if need be), else plain ones."""
        view, side = self.shown, self._side.word
        phase = view.phase if view is not None else ""
        room = self._width - 2 * (PADDING + BANNER_PADDING)
        for word in dict.fromkeys((phase, SHORT_PHASES.get(phase, phase))):
            needed = big_width(word) + (SIDE_GAP + big_width(side) if side else 0)
            if needed <= room:
                self._phase_big.update(word)
                break
        self._banner.set_class(self._plain_only or needed > room, "-plain")

    def _place_feel(self) -> None:
        """The question and its answers on one line, or on two where one is too narrow."""
        question = self._feel_question
        if cell_len(question) > self._width - 2 * PADDING:
            question = question.replace("  ", "\n", 1)
        self._feel.show(question)
        self._feel.display = bool(question)


def _set_classes(widget: Widget, wanted: dict[str, bool]) -> None:
    """Add and remove classes with one restyle of the widget and all inside it, not one per
    class: a new segment changes two or three of them (the tone, the last seconds' red) and
    each restyle runs the stylesheet over the banner's or the number's whole subtree."""
    before = set(widget.classes)
    for name, on in wanted.items():
        widget.set_class(on, name, update=False)
    if set(widget.classes) != before:
        widget.update_node_styles()


def _still(view: WorkoutView) -> WorkoutView:
    """The view without the fractions that move all the time (the two bars), to tell a change
    worth redrawing the lines for."""
    count = replace(view.count, fraction=0.0) if view.count is not None else None
    return replace(view, progress=0.0, count=count)
