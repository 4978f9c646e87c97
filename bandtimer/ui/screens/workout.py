"""The screen a runner follows from the mat: one layout whose colour and words follow the segment.

It holds no timing of its own. Ten times a second it asks the session to catch up with the clock,
plays at most one cue for what fell due, and copies `describe(session)` into its widgets. Every
key calls one session operation and redraws at once, so a key press shows without waiting for
the next tick.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Resize
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, ProgressBar, Static

from bandtimer.cues import choose_cue
from bandtimer.domain.history import Feel
from bandtimer.domain.plan import RepMode
from bandtimer.domain.session import Session, SessionState
from bandtimer.recording import WorkoutRecorder
from bandtimer.sound import Cue
from bandtimer.ui.feel_bindings import FEEL_BINDINGS, feel_question
from bandtimer.ui.screens.confirm import ConfirmScreen
from bandtimer.ui.screens.help import HelpScreen
from bandtimer.ui.widgets.big_number import size_at
from bandtimer.ui.widgets.big_word import BigWord
from bandtimer.ui.widgets.countdown import Countdown
from bandtimer.workout_view import WorkoutView, describe

REDRAW_SECONDS = 0.1
"""10 Hz: smooth enough for a seconds display, and the time shown never depends on it."""
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
        self._finish_sent = False

    def compose(self) -> ComposeResult:
        with Vertical(id="workout"):
            with Horizontal(id="top"):
                yield Static("", id="heading", markup=False)
                yield Static("", id="clock", markup=False)
            yield ProgressBar(total=1.0, show_eta=False, show_percentage=False, id="progress")
            with Horizontal(id="phase-row"):
                yield BigWord("", id="phase-big")
                yield Static("", id="phase", markup=False)
                yield BigWord("", id="side")
            yield Static("", id="exercise", markup=False)
            yield Static("", id="set-line", markup=False)
            yield Countdown(id="countdown")
            yield Static("", id="band", markup=False)
            yield Static("", id="band-choice", markup=False)
            yield Static("", id="feel", markup=False)
            with VerticalScroll(id="steps-box"):
                yield Static("", id="steps", markup=False)
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.session.start(self._start_at)
        if self.recorder is not None:
            self.recorder.save()
        self.sync()
        self.set_interval(REDRAW_SECONDS, self.sync)

    def on_resize(self, event: Resize) -> None:
        width, height = event.size
        self.set_class(width < BIG_PHASE_MIN_COLUMNS, "-narrow")
        self.set_class(height < COMPACT_BELOW_ROWS, "-compact")
        self.set_class(height < TINY_BELOW_ROWS, "-tiny")
        self.query_one(Countdown).use_blocks(block_scale(width, height))

    # -- drawing ------------------------------------------------------------------------------

    def sync(self) -> None:
        """Catch the session up with the clock, sound what fell due, and redraw what changed."""
        events = self.session.poll()
        if events:
            cue = choose_cue(events, self.session.clock.now())
            if cue is not None:
                self._play_cue(cue)
            if self.recorder is not None:
                self.recorder.observe(events)
        self._show(describe(self.session))
        self._show_record()
        if self.session.state.is_over and not self._finish_sent:
            self._finish_sent = True
            self.post_message(self.Finished(self.session, self.recorder))

    def _show(self, view: WorkoutView) -> None:
        old = self._shown
        self._shown = view
        texts = _texts(view)
        previous = _texts(old) if old is not None else {}
        for selector, text in texts.items():
            if previous.get(selector) != text:
                self.query_one(selector, Static).update(text)
        self.query_one("#phase-big", BigWord).update(view.phase)
        self.query_one("#side", BigWord).update(view.side)
        self.query_one(Countdown).show(view.big, view.caption)
        self.query_one(ProgressBar).update(progress=view.progress)
        for tone in TONES:
            self.set_class(view.tone == tone, f"-{tone}")
        if view.paused != self.has_class("-paused"):
            self.set_class(view.paused, "-paused")
            self.refresh_bindings()
        self.set_class(view.final, "-final")

    def _show_record(self) -> None:
        """The band in use and, after an exercise, the question of how it felt."""
        recorder = self.recorder
        if recorder is not None:
            self._report(recorder.take_problem())
        band = recorder.band_label(self.session.current.exercise.name) if recorder else ""
        feel = recorder.awaiting_feel if recorder else None
        question = feel_question(feel)
        for selector, text in (("#band-choice", band), ("#feel", question)):
            widget = self.query_one(selector, Static)
            if str(widget.content) != text:
                widget.update(text)
        self.set_class(not question, "-no-feel")

    def _report(self, problem: str | None) -> None:
        if problem:
            self.notify(problem, title="History", severity="error", timeout=10, markup=False)

    # -- keys ---------------------------------------------------------------------------------

    def _after(self) -> None:
        self.sync()

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


def _texts(view: WorkoutView) -> dict[str, str]:
    return {
        "#heading": view.heading,
        "#clock": view.clock,
        "#phase": view.phase,
        "#exercise": view.exercise,
        "#set-line": view.set_line,
        "#band": view.band,
        "#steps": "\n".join(f"{n}. {step}" for n, step in enumerate(view.steps, 1)),
    }
