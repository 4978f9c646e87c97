"""The screen a runner follows from the mat: one layout whose colour and words follow the segment.

It holds no timing of its own. It asks the session to catch up with the clock, plays at most one
cue for what fell due, and copies `describe(session)` into its widgets, touching only those
whose text changed. It does that at the moment the next change is due (`until_change`), so a
number turns over and a segment ends on screen on time rather than on the next tick of a fixed
timer, and a slow steady tick backs that up. Every key calls one session operation and redraws
at once, so a key press shows without waiting for either.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Resize
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer

from bandtimer.cues import choose_cue
from bandtimer.domain.history import Feel
from bandtimer.domain.plan import RepMode
from bandtimer.domain.session import Session, SessionState
from bandtimer.recording import WorkoutRecorder
from bandtimer.sound import Cue
from bandtimer.ui.feel_bindings import FEEL_BINDINGS, feel_question
from bandtimer.ui.next_change_timer import NextChangeTimer
from bandtimer.ui.screens.confirm import ConfirmScreen
from bandtimer.ui.screens.help import HelpScreen
from bandtimer.ui.widgets.big_number import size_at
from bandtimer.ui.widgets.big_word import BigWord
from bandtimer.ui.widgets.countdown import Countdown
from bandtimer.ui.widgets.text_line import TextLine
from bandtimer.ui.widgets.workout_progress import WorkoutProgress
from bandtimer.workout_view import WorkoutView, describe, until_change

STEADY_SECONDS = 0.25
"""The backstop redraw, 4 Hz. Changes are drawn when they fall due (`NextChangeTimer`); this only
catches what nothing foresaw. The time shown never depends on either."""
FOOTER_LATER_SECONDS = 0.03
"""How long after a pause or resume the footer swaps Pause and Resume: about two frames. Textual
rebuilds the whole footer for it (some 12 ms of work), and doing that at once keeps the frame
that says PAUSED from reaching the terminal (it is written from another thread) for as long."""
TONES = ("work", "rest", "switch", "ready")
COMPACT_BELOW_ROWS = 24
"""Under this many rows the steps fold away, so the digits keep their room. A classic 80×24
terminal still has four rows for them: at 26, they were hidden there above ten empty rows."""
TINY_BELOW_ROWS = 17
BIG_PHASE_MIN_COLUMNS = 78
"""Narrower than this, the phase is written in plain letters so RIGHT or LEFT keeps its size."""


def block_scale(width: int, height: int) -> int:
    """How large the countdown can be drawn: 0 for `Digits`, else the block font's scale.

    The number takes at most about a quarter of the rows, so the phase, the side and the
    exercise stay on screen with it, and must fit "10:00" across.
    """
    if height < COMPACT_BELOW_ROWS:
        return 0
    scale = max(1, height // 18)
    while scale > 1 and size_at("10:00", scale).width > width - 4:
        scale -= 1
    return scale if size_at("10:00", scale).width <= width - 4 else 0


class WorkoutScreen(Screen[None]):
    BINDINGS = [
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
        Binding("c", "next_band", "Band", id="band", tooltip="change this exercise's band"),
        *FEEL_BINDINGS,
        Binding(
            "q", "quit_workout", "Quit", id="quit-workout",
            tooltip="stop the workout, after asking; what you did is kept",
        ),
    ]

    class Finished(Message):
        """The session is over, finished or stopped early; the app shows the summary."""

        def __init__(self, session: Session, recorder: WorkoutRecorder | None) -> None:
            super().__init__()
            self.session = session
            self.recorder = recorder

    def __init__(
        self,
        session: Session,
        play_cue: Callable[[Cue], None],
        recorder: WorkoutRecorder | None = None,
        *,
        start_at: int = 0,
    ) -> None:
        super().__init__()
        self.session = session
        self.recorder = recorder
        self._play_cue = play_cue
        self._start_at = start_at
        self._shown: WorkoutView | None = None
        self._next_change = NextChangeTimer(self, self.sync)
        self._finish_sent = False
        self._save_pending = False

    def compose(self) -> ComposeResult:
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
        with Vertical(id="workout"):
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
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.session.start(self._start_at)
        if self.recorder is not None:
            self.recorder.save()
        self.sync()
        self._show_record()
        self.set_interval(STEADY_SECONDS, self.sync)

    def on_resize(self, event: Resize) -> None:
        width, height = event.size
        self.set_class(width < BIG_PHASE_MIN_COLUMNS, "-narrow")
        self.set_class(height < COMPACT_BELOW_ROWS, "-compact")
        self.set_class(height < TINY_BELOW_ROWS, "-tiny")
        self._countdown.use_blocks(block_scale(width, height))

    # -- drawing ------------------------------------------------------------------------------

    def sync(self) -> None:
        """Catch the session up with the clock, sound what fell due, and redraw what changed."""
        events = self.session.poll()
        if events:
            cue = choose_cue(events, self.session.clock.now())
            if cue is not None:
                self._play_cue(cue)
            if self.recorder is not None and self.recorder.note(events):
                self._save_after_drawing()
        self._show(describe(self.session))
        if events:
            self._show_record()
        if self.session.state.is_over and not self._finish_sent:
            self._finish_sent = True
            self.post_message(self.Finished(self.session, self.recorder))
        self._set_next_change()

    def _save_after_drawing(self) -> None:
        """Save once the screen shows the set's end, rather than make the new segment wait.

        Building and writing the record takes a few milliseconds as the workout grows (more on
        a busy disk, as the file is fsynced). The save waits only for that one frame, so a kill
        can still lose no finished set beyond that moment. The last save is made at once: the
        summary reads it straight after.
        """
        if self.recorder is None:
            return
        if self.session.state.is_over:
            self._save_pending = False
            self.recorder.save()
        elif not self._save_pending:
            self._save_pending = True
            self.call_after_refresh(self._save_now)

    def _save_now(self) -> None:
        if self._save_pending and self.recorder is not None:
            self._save_pending = False
            self.recorder.save()
            self._show_record()  # a failed save is told at once

    def on_unmount(self) -> None:
        """A set that ended the moment before the app closed is kept all the same."""
        if self._save_pending and self.recorder is not None:
            self._save_pending = False
            self.recorder.save()

    def _set_next_change(self) -> None:
        """Have `sync` run again just after the next change falls due, instead of a tick later."""
        session = self.session
        waits = [until_change(session)]
        if session.state is SessionState.RUNNING and (
            session.elapsed() < session.current.planned_seconds  # progress counts only these
        ):
            waits.append(
                self._progress.until_next_step(session.progress(), session.plan.total_seconds)
            )
        wait = min((wait for wait in waits if wait is not None), default=None)
        self._next_change.set(session.clock.now(), wait)

    def _show(self, view: WorkoutView) -> None:
        old = self._shown
        self._progress.show(view.progress)
        if old is not None and view == replace(old, progress=view.progress):
            return
        self._shown = view
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
        if old is None:
            self.refresh_bindings()
        elif view.paused != old.paused:
            self.set_timer(FOOTER_LATER_SECONDS, self.refresh_bindings, name="footer")
        self._countdown.set_class(view.final, "-final")

    def _show_record(self) -> None:
        """The band in use and, after an exercise, the question of how it felt."""
        recorder = self.recorder
        if recorder is not None:
            self._report(recorder.take_problem())
        band = recorder.band_label(self.session.current.exercise.name) if recorder else ""
        feel = recorder.awaiting_feel if recorder else None
        question = feel_question(feel)
        self._band_choice.show(band)
        self._feel.show(question)
        self._feel.display = bool(question)

    def _report(self, problem: str | None) -> None:
        if problem:
            self.notify(problem, title="History", severity="error", timeout=10, markup=False)

    # -- keys ---------------------------------------------------------------------------------

    def _after(self) -> None:
        self.sync()
        self._show_record()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Space says Pause while running and Resume while paused."""
        if action == "pause":
            return not self.session.is_paused
        if action == "resume":
            return self.session.is_paused
        return True

    def action_pause(self) -> None:
        self.session.pause()
        self._after()

    def action_resume(self) -> None:
        self.session.resume()
        self._after()

    def action_rep(self) -> None:
        """Enter counts a rep when you count; for reps that count themselves it ends the set."""
        if self.session.current.rep_mode is RepMode.COUNTED:
            self.session.count_rep()
        elif not self.session.finish_set() and self.session.current.rep_target is not None:
            self.notify(f"Finish after {self.session.current.rep_target.low} reps", timeout=2)
        self._after()

    def action_finish_set(self) -> None:
        if not self.session.finish_set() and self.session.current.rep_target is not None:
            self.notify(f"Finish after {self.session.current.rep_target.low} reps", timeout=2)
        self._after()

    def action_skip(self) -> None:
        self.session.skip()
        self._after()

    def action_back(self) -> None:
        self.session.back()
        self._after()

    def action_more_rest(self) -> None:
        self._adjust_rest(+10)

    def action_less_rest(self) -> None:
        self._adjust_rest(-10)

    def _adjust_rest(self, seconds: int) -> None:
        if not self.session.adjust_rest(seconds):
            self.notify("+ and - change rests only", timeout=2)
        self._after()

    def action_next_band(self) -> None:
        """The band goes with the exercise on screen: the one in progress, or the one up next."""
        if self.recorder is not None and not self.session.state.is_over:
            self.recorder.next_band(self.session.current.exercise.name)
        self._after()

    def action_rate(self, feel: str) -> None:
        if self.recorder is not None and self.recorder.rate(Feel(feel)) is not None:
            self.notify(f"Felt {feel}: noted", timeout=2)
        self._after()

    def action_quit_workout(self) -> None:
        self._ask_to_quit()

    def action_help(self) -> None:
        self._pause_for(HelpScreen(self))

    @work(exclusive=True, group="modal")
    async def _ask_to_quit(self) -> None:
        question = ConfirmScreen(
            "Stop this workout?",
            "What you have done so far is kept.",
            yes="Stop",
            no="Keep going",
        )
        if await self._pause_for_result(question):
            self.session.quit()
        self._after()

    @work(exclusive=True, group="modal")
    async def _pause_for(self, modal: ModalScreen[object]) -> None:
        await self._pause_for_result(modal)
        self._after()

    async def _pause_for_result(self, modal: ModalScreen[object]) -> object:
        """Hold the clock while a dialog covers the countdown; carry on as before after it."""
        was_running = self.session.state is SessionState.RUNNING
        self.session.pause()
        self.sync()
        result = await self.app.push_screen_wait(modal)
        if was_running and not self.session.state.is_over:
            self.session.resume()
        return result

