"""Everything the workout screen shows above its footer, and the drawing of a `WorkoutView` on it.

The screen decides when to draw and what the keys do; this decides where each line sits and
which widgets a new view touches. It keeps the view it last drew, so a redraw several times a
second writes only the lines whose text changed, and the progress bar only when it would move.
"""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll

from bandtimer.coach import WorkoutView
from bandtimer.ui.widgets.big_word import BigWord
from bandtimer.ui.widgets.countdown import Countdown
from bandtimer.ui.widgets.text_line import TextLine
from bandtimer.ui.widgets.workout_progress import WorkoutProgress

TONES = ("work", "rest", "switch", "ready")
"""The colour classes the phase and the number take, one for each `WorkoutView.tone`."""


class WorkoutDisplay(Vertical):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown: WorkoutView | None = None
        """The view last drawn in full; None before the first."""
        # Kept, not looked up: the screen writes to them several times a second.
        self._heading = TextLine(id="heading")
        self._clock = TextLine(id="clock")
        self._progress = WorkoutProgress(id="progress")
        self._phase_row = Horizontal(id="phase-row")
        self._phase_big = BigWord("", id="phase-big")
        self._phase = TextLine(id="phase")
        self._side = BigWord("", id="side")
        self._exercise = TextLine(id="exercise")
        self._set_line = TextLine(id="set-line")
        self._countdown = Countdown(id="countdown")
        self._band = TextLine(id="band")
        self._band_choice = TextLine(id="band-choice")
        self._feel = TextLine(id="feel")
        self._steps = TextLine(id="steps")

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield self._heading
            yield self._clock
        yield self._progress
        with self._phase_row:
            yield self._phase_big
            yield self._phase
            yield self._side
        yield self._exercise
        yield self._set_line
        yield self._countdown
        yield self._band
        yield self._band_choice
        yield self._feel
        with VerticalScroll(id="steps-box"):
            yield self._steps

    def use_blocks(self, scale: int) -> None:
        """Draw the number in blocks `scale` times the base size, or with `Digits` for 0."""
        self._countdown.use_blocks(scale)

    def until_next_step(self, fraction: float, seconds_for_all: float) -> float | None:
        """Seconds until the progress bar moves (see `WorkoutProgress.until_next_step`)."""
        return self._progress.until_next_step(fraction, seconds_for_all)

    def show(self, view: WorkoutView) -> bool:
        """Draw `view`; False if nothing but the progress bar could have changed."""
        old = self.shown
        self._progress.show(view.progress)
        if old is not None and view == replace(old, progress=view.progress):
            return False
        self.shown = view
        self._heading.show(view.heading)
        self._clock.show(view.clock)
        self._phase.show(view.phase)
        self._exercise.show(view.exercise)
        self._set_line.show(view.set_line)
        self._band.show(view.band)
        self._steps.show("\n".join(f"{n}. {step}" for n, step in enumerate(view.steps, 1)))
        self._phase_big.update(view.phase)
        self._side.update(view.side)
        self._countdown.show(view.big, view.caption)
        if old is None or (view.tone, view.paused) != (old.tone, old.paused):
            for tone in TONES:
                self._phase_row.set_class(view.tone == tone, f"-{tone}")
                self._countdown.set_class(view.tone == tone, f"-{tone}")
            self._phase_row.set_class(view.paused, "-paused")
            self._countdown.set_class(view.paused, "-paused")
        self._countdown.set_class(view.final, "-final")
        return True

    def show_record(self, band: str, feel_question: str) -> None:
        """The band chosen for the exercise and, once it is done, the question of how it felt."""
        self._band_choice.show(band)
        self._feel.show(feel_question)
        self._feel.display = bool(feel_question)
