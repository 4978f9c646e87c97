"""BandtimerApp: routes between screens and owns the sound (player, voice, volume); nothing else.

The menu is always the bottom screen. A workout is pushed on top of it, replaced by its summary
when it ends, and closing the summary returns to the menu. `bandtimer run ROUTINE` simply starts
with a workout already pushed. An unfinished workout found at start-up is offered for resuming.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.binding import Binding

from bandtimer.coach import HistoryGlance, shown_path
from bandtimer.domain.routine import Routine
from bandtimer.domain.text import visible_controls
from bandtimer.ui.commands import RoutineCommands
from bandtimer.ui.messages import (
    HistoryRead,
    OpenHistory,
    SoundProblem,
    StartRoutine,
    TodayRead,
    WorkoutEnded,
)
from bandtimer.ui.process_signals import ProcessSignals
from bandtimer.ui.screens.menu import MenuScreen
from bandtimer.ui.services import Services

# Only what the menu needs is imported up front: a person waits for every module loaded before
# it is drawn. The other screens, the session, the history and the sound code are imported
# where they are first used.
if TYPE_CHECKING:
    from bandtimer.coach import Announcer
    from bandtimer.domain.events import Event
    from bandtimer.domain.session import Session
    from bandtimer.sound import Cue, CuePlayer
    from bandtimer.storage.history import HeldWorkout

FLASH_SECONDS = 0.3
VOLUME_STEP = 0.1


class BandtimerApp(App[None]):
    CSS_PATH = "bandtimer.tcss"
    TITLE = "bandtimer"
    COMMANDS = App.COMMANDS | {RoutineCommands}
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="help", tooltip="show every key"),
        Binding("m", "toggle_mute", "Mute", id="mute", tooltip="sound cues off / on"),
        Binding(
            "v", "toggle_voice", "Voice", id="voice", show=False,
            tooltip="the spoken coaching off / on (beeps stay)",
        ),
        Binding(
            "left_square_bracket", "volume(-1)", "Quieter", id="volume-down", show=False,
            tooltip="volume down",
        ),
        Binding(
            "right_square_bracket", "volume(1)", "Louder", id="volume-up", show=False,
            tooltip="volume up",
        ),
    ]  # fmt: skip

    def __init__(
        self,
        services: Services,
        *,
        start_routine: Routine | None = None,
        mute: bool = False,
        voice: bool = True,
    ) -> None:
        super().__init__()
        self.services = services
        self.muted = mute
        self.voice = voice and services.config.sound.voice
        self.volume = services.config.sound.volume
        self._start_routine = start_routine
        self._player: CuePlayer | None = None
        self._announcer: Announcer | None = None
        self._no_voice_reason: str | None = None
        self.glance = HistoryGlance(lambda: services.history, services.config.bands)
        self.sound_problem: str | None = None
        """Why cues fall back to the bell, as the menu's status line says it; None if they
        do not."""
        self._signals = ProcessSignals(self._terminated, self.process_continued)

    def get_default_screen(self) -> MenuScreen:
        """The menu is the bottom screen itself. Pushed over Textual's own empty default screen
        instead, it would wait for that blank screen to be composed and drawn for nothing."""
        return MenuScreen(
            self.services, last_done=self.glance.last_done, doses=self.glance.doses
        )

    def on_mount(self) -> None:
        self._signals.install()
        if self._start_routine is not None:
            self._open_player()  # the workout's first cue is only seconds away
            if self._has_unfinished(self._start_routine):
                self._offer_resume(self._start_routine)
            else:
                self.start_workout(self._start_routine)
        self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        """What the menu's first frame does not wait for: dates, settings messages, sound."""
        self._read_last_done()
        if self._start_routine is None:
            self._read_today()  # under a workout (`bandtimer run`) it waits for the end
        for problem in self.services.config_problems:
            self.notify(problem, title="config.toml", severity="warning", markup=False)
        if self._start_routine is None:
            self._offer_resume()
            self._open_player()

    def on_unmount(self) -> None:
        self._signals.remove()

    # -- signals and quitting -----------------------------------------------------------------

    def _terminated(self) -> None:
        """SIGTERM: end now; the workout screen, closing, keeps the workout for resuming."""
        self.exit(return_code=128 + signal.SIGTERM)

    def process_continued(self) -> None:
        """SIGCONT, from its signal handler: the process was stopped; a running workout
        pauses if it went unseen for long."""
        from bandtimer.ui.screens.workout import WorkoutScreen

        for screen in self.screen_stack:
            if isinstance(screen, WorkoutScreen):
                screen.process_continued()

    async def action_quit(self) -> None:
        """ctrl+q and the command palette's "Quit": mid-workout, the workout's own question
        first ("Stop this workout?"), then the app ends; otherwise at once."""
        from bandtimer.ui.screens.workout import WorkoutScreen

        screen = self.screen
        if isinstance(screen, WorkoutScreen) and not screen.session.state.is_over:
            screen.ask_to_quit(then_exit=True)
            return
        self.exit()

    # -- sound --------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="player")
    def _open_player(self) -> None:
        """Opening the sound device can take a moment; the menu does not wait for it."""
        player, problem = self.services.open_player(self._flash_cue)
        prepare = getattr(player, "prepare", lambda clip: None)
        phrases, no_voice = self.services.open_voice(
            self.services.config.sound, prepare, self._voice_problem_from_thread
        )
        from bandtimer.coach import Announcer  # its modules load here, not on the app's thread

        announcer = Announcer(player, phrases, voice=self.voice)
        self.call_from_thread(self._player_ready, announcer, problem, no_voice)
        if phrases is not None and self.voice and self._start_routine is None:
            phrases.prepare(self._first_phrases())

    def _first_phrases(self) -> list[str]:
        from bandtimer.coach import opening_phrases

        return opening_phrases(entry.routine for entry in self.services.routines() if entry.routine)

    def _player_ready(
        self, announcer: Announcer, problem: str | None, no_voice: str | None
    ) -> None:
        self._player = player = announcer.player
        player.set_volume(self.volume)
        announcer.voice = self.voice  # as it is now, should v have been pressed meanwhile
        self._announcer = announcer
        self._no_voice_reason = no_voice
        spoken = no_voice if self.voice else None  # beeps go on without espeak-ng
        self.sound_problem_changed("\n".join(filter(None, (problem, spoken))) or None)
        self._prepare_phrases()

    def sound_problem_changed(self, problem: str | None) -> None:
        """Say why there is no sound (or no voice) once, and again only when the reason
        changes: in the menu's status line, where it covers nothing (a notification sat over
        the routine's preview on every start), and as a notice when a workout is already on
        screen (`bandtimer run`), where the status line would not be seen until the end; not
        over a workout started muted, which asked for no sound."""
        if problem == self.sound_problem:
            return
        self.sound_problem = problem
        shown = visible_controls(problem or "")  # it may name the sounds' folder: never obeyed
        for screen in self.screen_stack:
            if isinstance(screen, MenuScreen):
                screen.post_message(SoundProblem(shown))
        if shown and not self.muted and not isinstance(self.screen, MenuScreen):
            for line in shown.splitlines():
                title = "Voice" if line.startswith("Voice:") else "Sound"
                self.notify(line, title=title, severity="warning", timeout=8, markup=False)

    def _voice_problem_from_thread(self, problem: str) -> None:
        """espeak-ng failed on the phrase worker (a voice that does not exist): say so once."""
        with contextlib.suppress(RuntimeError):  # the app has closed meanwhile
            shown = visible_controls(problem)  # espeak-ng's own words are in it
            self.call_from_thread(
                self.notify, shown, title="Voice", severity="warning", timeout=8, markup=False
            )

    def _prepare_phrases(self) -> None:
        """Have the workout on screen's phrases rendered ahead, from where it stands."""
        from bandtimer.ui.screens.workout import WorkoutScreen

        announcer = self._announcer
        if announcer is None or not self.voice:
            return
        for screen in self.screen_stack:
            if isinstance(screen, WorkoutScreen):
                announcer.prepare(screen.session.plan, screen.session.index)

    def announce(self, events: Sequence[Event], session: Session) -> None:
        """Sound what just fell due: a phrase if the voice has it ready, else its beep."""
        if not self.muted and self._announcer is not None:
            self._announcer.announce(events, session.clock.now(), session)

    def _flash_cue(self, cue: Cue) -> None:
        """Without a sound device: the terminal bell, and the screen flashes so it can be seen."""
        self.bell()
        screen = self.screen
        screen.add_class("-flash")
        self.set_timer(FLASH_SECONDS, lambda: screen.remove_class("-flash"))

    def action_toggle_mute(self) -> None:
        self.muted = not self.muted
        self.notify("Sound cues off" if self.muted else "Sound cues on", timeout=2)

    def action_toggle_voice(self) -> None:
        if self._announcer is not None and not self._announcer.can_speak:
            reason = self._no_voice_reason or "Voice: not available"
            self.notify(reason, title="Voice", severity="warning", timeout=4, markup=False)
            return
        self.voice = not self.voice
        if self._announcer is not None:
            self._announcer.voice = self.voice
        self._prepare_phrases()
        self.notify("Voice on" if self.voice else "Voice off: beeps only", timeout=2)

    def action_volume(self, step: int) -> None:
        self.volume = round(min(1.0, max(0.0, self.volume + step * VOLUME_STEP)), 1)
        if self._player is not None:
            self._player.set_volume(self.volume)
        self.notify(f"Volume {round(self.volume * 100)}%", timeout=1.5)

    # -- history ------------------------------------------------------------------------------

    def _read_last_done(self) -> None:
        """One listing of the history's folders; the menu then adds the dates to its rows and
        asks for its advice."""
        dates = self.glance.read_last_done()
        for screen in self.screen_stack:
            if isinstance(screen, MenuScreen):
                screen.post_message(HistoryRead(dates))

    @work(thread=True, exclusive=True, group="today")
    def _read_today(self) -> None:
        """What to do today (the plan's next session, or the routine that fits the week),
        read on a worker: it opens the plan file and this week's workouts."""
        from bandtimer.coach.plans import PlanUnavailable, what_today

        services = self.services
        problem = None
        try:
            today = what_today(
                services.locations, services.routines(), self.glance.doses, services.history,
                services.wall_clock(), services.config.weekly_target,
            )  # fmt: skip
        except PlanUnavailable as unavailable:
            today, problem = None, str(unavailable)
        for screen in self.screen_stack:
            if isinstance(screen, MenuScreen):
                self.call_from_thread(screen.post_message, TodayRead(today, problem))

    @work(exclusive=True, group="resume")
    async def _offer_resume(self, starting: Routine | None = None) -> None:
        """Offer this device's unfinished workouts that no other bandtimer is recording.

        After "keep" the next one is offered, so interrupted workouts do not pile up; "later"
        leaves the rest for next time. With `starting` (`bandtimer run NAME`) only that
        routine's workouts are offered, and it starts afresh unless one is resumed.
        """
        from bandtimer.coach import unfinished_workouts
        from bandtimer.storage.history import HistoryWriteError
        from bandtimer.ui.resume import ResumeChoice, ResumeScreen

        def routines() -> list[Routine]:
            if starting is not None:
                return [starting]
            return [entry.routine for entry in self.services.routines() if entry.routine]

        for unfinished in unfinished_workouts(self.services.history, routines, of=starting):
            held = unfinished.held
            choice = await self.push_screen_wait(
                ResumeScreen(unfinished.record, unfinished.routine)
            )
            if choice is ResumeChoice.RESUME and unfinished.routine is not None:
                self.start_workout(unfinished.routine, resumed=held)
                return
            if choice is ResumeChoice.LATER:
                held.release()
                break
            try:
                held.stop()
            except HistoryWriteError as error:
                held.release()
                self.notify(
                    f"Couldn't save it as stopped early to {shown_path(error.path)}: "
                    f"{error.reason}. "
                    "It will be offered again next time.",
                    title="History", severity="error", timeout=10, markup=False,
                )  # fmt: skip
                break
            self.notify("Kept as stopped early.", timeout=3)
        if starting is not None:
            self.start_workout(starting)

    def _has_unfinished(self, routine: Routine) -> bool:
        from bandtimer.coach import is_of

        return any(is_of(record, routine) for record in self.services.history.unfinished())

    # -- routing ------------------------------------------------------------------------------

    def start_workout(self, routine: Routine, *, resumed: HeldWorkout | None = None) -> None:
        from bandtimer.coach import WorkoutDoses, begin_workout
        from bandtimer.ui.screens.workout import WorkoutScreen

        services = self.services
        book = self.glance.doses
        session, recorder, start_at = begin_workout(
            routine, services.clock, services.history, services.wall_clock,
            services.config.bands, resumed=resumed, doses=book.doses(routine),
        )  # fmt: skip
        # A resumed workout goes on at the doses it was started at: nothing to offer.
        doses = WorkoutDoses(routine, book.changes(routine), session) if resumed is None else None
        if doses is not None:
            recorder.offered = doses.taken_back
        self.push_screen(
            WorkoutScreen(session, self.announce, recorder, start_at=start_at, doses=doses)
        )
        self.call_after_refresh(self._prepare_phrases)  # nothing before the workout's first frame

    def on_start_routine(self, message: StartRoutine) -> None:
        if isinstance(self.screen, MenuScreen):
            self.start_workout(message.routine)

    def on_open_history(self, message: OpenHistory) -> None:
        if isinstance(self.screen, MenuScreen):
            # Imported on first use: its charts are not needed for the menu to appear quickly.
            from bandtimer.ui.screens.history import HistoryScreen

            self.push_screen(HistoryScreen(self.services))

    def on_workout_ended(self, message: WorkoutEnded) -> None:
        from bandtimer.domain.summary import summarize
        from bandtimer.ui.screens.summary import SummaryScreen

        recorder = message.recorder
        routine = message.session.plan.routine
        earlier = recorder.earlier_records if recorder is not None else ()
        saved_in = shown_path(self.services.history.history_dir)
        summary = SummaryScreen(
            summarize(message.session, earlier),
            saved_in if recorder is not None and recorder.saved else None,
            recorder=recorder,
            next_time=lambda: self.glance.doses.next_time(routine),
            clock=message.session.clock,
        )
        self.switch_screen(summary)
        self._read_last_done()  # the menu underneath now says this routine was done today
        self._read_today()  # and what comes next

    def action_help(self) -> None:
        from bandtimer.ui.screens.help import HelpScreen
        from bandtimer.ui.screens.workout import WorkoutScreen

        if isinstance(self.screen, WorkoutScreen):
            self.screen.action_help()
        elif not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))
