"""BandtimerApp: routes between screens and owns the cue player; nothing else.

The menu is always the bottom screen. A workout is pushed on top of it, replaced by its summary
when it ends, and closing the summary returns to the menu. `bandtimer run ROUTINE` simply starts
with a workout already pushed.
"""

from __future__ import annotations

from textual import work
from textual.app import App
from textual.binding import Binding

from bandtimer.domain.plan import build_plan
from bandtimer.domain.routine import Routine
from bandtimer.domain.session import Session
from bandtimer.domain.summary import summarize
from bandtimer.sound import Cue, CuePlayer
from bandtimer.ui.commands import RoutineCommands
from bandtimer.ui.screens.help import HelpScreen
from bandtimer.ui.screens.menu import MenuScreen
from bandtimer.ui.screens.summary import SummaryScreen
from bandtimer.ui.screens.workout import WorkoutScreen
from bandtimer.ui.services import Services

FLASH_SECONDS = 0.3


class BandtimerApp(App[None]):
    CSS_PATH = "bandtimer.tcss"
    TITLE = "bandtimer"
    COMMANDS = App.COMMANDS | {RoutineCommands}
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="help", tooltip="show every key"),
        Binding("m", "toggle_mute", "Mute", id="mute", tooltip="sound cues off / on"),
    ]

    def __init__(
        self, services: Services, *, start_routine: Routine | None = None, mute: bool = False
    ) -> None:
        super().__init__()
        self.services = services
        self.muted = mute
        self._start_routine = start_routine
        self._player: CuePlayer | None = None

    def on_mount(self) -> None:
        self.push_screen(MenuScreen(self.services))
        if self._start_routine is not None:
            self.start_workout(self._start_routine)
        self._open_player()

    # -- sound --------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="player")
    def _open_player(self) -> None:
        """Opening the sound device can take a moment; the menu does not wait for it."""
        player, problem = self.services.open_player(self._flash_cue)
        self.call_from_thread(self._player_ready, player, problem)

    def _player_ready(self, player: CuePlayer, problem: str | None) -> None:
        self._player = player
        if problem:
            self.notify(problem, title="Sound", severity="warning", timeout=8, markup=False)

    def play_cue(self, cue: Cue) -> None:
        if not self.muted and self._player is not None:
            self._player.play(cue)

    def _flash_cue(self, cue: Cue) -> None:
        """Without a sound device: the terminal bell, and the screen flashes so it can be seen."""
        self.bell()
        screen = self.screen
        screen.add_class("-flash")
        self.set_timer(FLASH_SECONDS, lambda: screen.remove_class("-flash"))

    def action_toggle_mute(self) -> None:
        self.muted = not self.muted
        self.notify("Sound cues off" if self.muted else "Sound cues on", timeout=2)

    # -- routing ------------------------------------------------------------------------------

    def start_workout(self, routine: Routine) -> None:
        session = Session(build_plan(routine), self.services.clock)
        self.push_screen(WorkoutScreen(session, self.play_cue))

    def on_menu_screen_start_routine(self, message: MenuScreen.StartRoutine) -> None:
        if isinstance(self.screen, MenuScreen):
            self.start_workout(message.routine)

    def on_workout_screen_finished(self, message: WorkoutScreen.Finished) -> None:
        self.switch_screen(SummaryScreen(summarize(message.session)))

    def action_help(self) -> None:
        if isinstance(self.screen, WorkoutScreen):
            self.screen.action_help()
        elif not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))
