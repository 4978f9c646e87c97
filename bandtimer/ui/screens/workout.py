"""The screen a runner follows from the mat: one layout whose colour and words follow the segment.

It holds no timing of its own. It asks the session to catch up with the clock, has the app
sound what fell due (one phrase or beep), and copies `describe(session)` into its widgets,
touching only those whose text changed. It does that at the moment the next change is due
(`until_change`), so a number turns over and a segment ends on screen on time rather than on
the next tick of a fixed timer, and a slow steady tick backs that up. Every key calls one
session operation and redraws at once, so a key press shows without waiting for either.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence

from textual import work
from textual.app import ComposeResult
from textual.events import Resize
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer

from bandtimer.coach import (
    WorkoutDoses,
    WorkoutRecorder,
    WorkoutView,
    describe,
    reps_question,
    until_change,
)
from bandtimer.coach.stopped_process import StopWatch
from bandtimer.domain.events import Event
from bandtimer.domain.history import Feel
from bandtimer.domain.session import Session, SessionState
from bandtimer.ui.feel_bindings import feel_question
from bandtimer.ui.messages import WorkoutEnded
from bandtimer.ui.next_change_timer import NextChangeTimer
from bandtimer.ui.screens.band_picker import BandPick, BandPickerScreen
from bandtimer.ui.screens.confirm import ConfirmScreen
from bandtimer.ui.screens.help import HelpScreen
from bandtimer.ui.screens.rep_count import RepCountScreen
from bandtimer.ui.screens.workout_bindings import WORKOUT_BINDINGS, band_label
from bandtimer.ui.screens.workout_fit import block_scale, fold_classes
from bandtimer.ui.widgets.text_line import TextLine
from bandtimer.ui.widgets.workout_display import WorkoutDisplay

STEADY_SECONDS = 0.25
"""The backstop redraw, 4 Hz. Changes are drawn when they fall due (`NextChangeTimer`); this only
catches what nothing foresaw. The time shown never depends on either."""
KEY_HINT = "space pause · s skip · ? keys"
"""What replaces the footer where its key list would be cut off (see `workout_fit`)."""
FOOTER_LATER_SECONDS = 0.03
"""How long after a pause or resume the footer swaps Pause and Resume: about two frames. Textual
rebuilds the whole footer for it (some 12 ms of work), and doing that at once keeps the frame
that says PAUSED from reaching the terminal (it is written from another thread) for as long."""


class WorkoutScreen(Screen[None]):
    CSS_PATH = "workout.tcss"
    BINDINGS = WORKOUT_BINDINGS

    def __init__(
        self,
        session: Session,
        announce: Callable[[Sequence[Event], Session], None],
        recorder: WorkoutRecorder | None = None,
        *,
        start_at: int = 0,
        doses: WorkoutDoses | None = None,
    ) -> None:
        """`doses`: this workout's dose changes, offered again before each exercise they move."""
        super().__init__()
        self.session = session
        self.recorder = recorder
        self.doses = doses
        self._announce = announce
        self._start_at = start_at
        self._next_change = NextChangeTimer(self, self.sync)
        self._finish_sent = False
        self._save_pending = False
        self._asking_reps = False
        self._stop_watch = StopWatch(session)

    def compose(self) -> ComposeResult:
        self._display = WorkoutDisplay(id="workout")  # kept: written several times a second
        yield self._display
        yield TextLine(KEY_HINT, id="key-hint")
        self._footer = Footer(show_command_palette=False)
        yield self._footer

    def on_mount(self) -> None:
        self.session.start(self._start_at)
        self._stop_watch.seen(self.session.clock.now())  # a stop may come before any frame
        if self.recorder is not None:
            self.recorder.save()
        self.sync()
        self._show_record()
        self.set_interval(STEADY_SECONDS, self.sync)

    def on_resize(self, event: Resize) -> None:
        width, height = event.size
        classes = fold_classes(width, height)
        for name, on in classes.items():
            self.set_class(on, name)
        scale = block_scale(width, height)
        self._display.fit(width, scale=scale, plain_banner=classes["-tiny"])
        self._footer.compact = classes["-narrow"]

    # -- drawing ------------------------------------------------------------------------------

    def sync(self) -> None:
        """Catch the session up with the clock, sound what fell due, and redraw what changed."""
        self._check_stop()
        as_of = self.session.clock.now()
        events = self.session.poll()
        if events:
            self._announce(events, self.session)
            if self.recorder is not None and self.recorder.note(events):
                self._save_after_drawing()
        view = describe(self.session)
        self._show(view)
        if events:
            self._show_record()
        self._ask_for_reps()
        if self.session.state.is_over and not self._finish_sent and not self._asking_reps:
            self._finish_sent = True
            self.post_message(WorkoutEnded(self.session, self.recorder))
        self._set_next_change(view)
        self._stop_watch.seen(as_of)

    def _ask_for_reps(self) -> None:
        """After a time-boxed set, ask how many reps it was; the clock goes on meanwhile."""
        question = reps_question(self.session)
        if question is not None and not self._asking_reps:
            self._asking_reps = True
            self.app.push_screen(RepCountScreen(question), self._reps_given)

    def _reps_given(self, reps: int | None) -> None:
        self._asking_reps = False
        self.session.record_reps(reps)
        self._after()

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
        """A set that ended the moment before the app closed is kept all the same; then the
        workout's lock is let go, for the next start to offer it."""
        if self.recorder is not None:
            if self._save_pending:
                self._save_pending = False
                self.recorder.save()
            self.recorder.close()

    def _set_next_change(self, view: WorkoutView) -> None:
        """Have `sync` run again just after the next change falls due, instead of a tick later."""
        session = self.session
        waits = [until_change(session)]
        if session.state is SessionState.RUNNING and view.count is not None:
            waits.append(self._display.until_rep_step(view.count))
        wait = min((wait for wait in waits if wait is not None), default=None)
        self._next_change.set(session.clock.now(), wait)

    def _show(self, view: WorkoutView) -> None:
        old = self._display.shown
        if not self._display.show(view):
            return
        if old is None:
            self.refresh_bindings()
        elif view.paused != old.paused:
            self.set_timer(FOOTER_LATER_SECONDS, self.refresh_bindings, name="footer")

    def _show_record(self) -> None:
        """The band in use and, after an exercise, the question of how it felt."""
        recorder = self.recorder
        if recorder is not None:
            self._report(recorder.take_problem())
        band = ""
        if recorder is not None:
            chosen = recorder.band_for(self.session.current.exercise.name)
            band = band_label(chosen, recorder.band_strength(chosen) if chosen else "")
        offer = self.doses.offer_line() if self.doses is not None else ""
        if offer:
            band = f"{offer} · {band}" if band else offer
        feel = recorder.awaiting_feel if recorder else None
        self._display.show_record(band, feel_question(feel))

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
        if action == "keep_dose":
            return self.doses is not None and self.doses.offer() is not None
        return True

    def action_pause(self) -> None:
        self.session.pause()
        self._after()

    def action_resume(self) -> None:
        self.session.resume()
        self._after()

    def action_rep(self) -> None:
        """Enter counts a rep when you count; for reps that count themselves it ends the set."""
        kind = self.session.current.set_kind
        if kind is not None and kind.counted_by_hand:
            self.session.count_rep()
        else:
            self._finish_set()
        self._after()

    def action_finish_set(self) -> None:
        self._finish_set()
        self._after()

    def _finish_set(self) -> None:
        kind = self.session.current.set_kind
        if not self.session.finish_set() and kind is not None and kind.reps is not None:
            self.notify(f"Finish after {kind.reps.low} reps", timeout=2)

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

    def action_pick_band(self) -> None:
        """The band goes with the exercise on screen: the one in progress, or the one up next."""
        if self.recorder is not None and not self.session.state.is_over:
            self._pick_band(self.recorder)

    @work(exclusive=True, group="modal")
    async def _pick_band(self, recorder: WorkoutRecorder) -> None:
        segment = self.session.current
        name = segment.exercise.name
        picker = BandPickerScreen(name, recorder.bands, recorder.band_for(name))
        pick = await self._pause_for_result(picker)
        if isinstance(pick, BandPick):
            recorder.choose_band(segment.exercise_number, pick.band)
        self._after()

    def action_keep_dose(self) -> None:
        """Keep last time's dose for the exercise coming up: the rest is planned again."""
        kept = self.doses.take_back() if self.doses is not None else None
        if kept is not None:
            self.notify(kept.text(), timeout=3, markup=False)
            if self.recorder is not None:
                self.recorder.save()
            self.refresh_bindings()
        self._after()

    def action_rate(self, feel: str) -> None:
        if self.recorder is not None and (name := self.recorder.rate(Feel(feel))) is not None:
            self.notify(f"{name} felt {feel}: noted", timeout=2, markup=False)
        self._after()

    def action_quit_workout(self) -> None:
        self.ask_to_quit()

    def ask_to_quit(self, *, then_exit: bool = False) -> None:
        """q, and the app's own quit (ctrl+q, the palette) with `then_exit`: one question."""
        self._ask_to_quit(then_exit)

    def process_continued(self) -> None:
        """The process went on after a stop (SIGCONT). Called from the signal handler, in the
        middle of whatever ran: note the moment, and check first thing on the event loop."""
        self._stop_watch.went_on()
        asyncio.get_running_loop().call_soon_threadsafe(self._check_stop, True)

    def _check_stop(self, redraw: bool = False) -> None:
        """Pause a workout that went unseen while the process was stopped, and say so."""
        away = self._stop_watch.check()
        if away is None:
            return
        self.notify(
            f"Paused: bandtimer was stopped for {away:.0f} s, and nothing was counted "
            "meanwhile. Space carries on.",
            title="Paused", timeout=10,
        )  # fmt: skip
        if redraw:
            self._after()

    def action_help(self) -> None:
        self._pause_for(HelpScreen(self))

    @work(exclusive=True, group="modal")
    async def _ask_to_quit(self, then_exit: bool = False) -> None:
        question = ConfirmScreen(
            "Stop this workout?",
            "What you have done so far is kept.",
            yes="Stop",
            no="Keep going",
        )
        stop = await self._pause_for_result(question)
        if stop:
            self.session.quit()
        self._after()
        if stop and then_exit:
            self.app.exit()

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
