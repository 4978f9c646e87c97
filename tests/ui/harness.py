"""Builds the app the way the command line does, with a fake clock and a player that listens.

Tests move time with `advance`, which moves the fake clock and then lets the workout screen
catch up exactly as its own redraw would; no test waits on real time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static

from bandtimer.domain.clock import FakeClock
from bandtimer.domain.dose import Doses
from bandtimer.domain.history import Feel, WorkoutRecord, WorkoutStatus, record_from_session
from bandtimer.domain.plan import build_plan
from bandtimer.domain.routine import Routine
from bandtimer.domain.session import Session
from bandtimer.sound import Clip, Cue
from bandtimer.storage.history import HistoryStore, new_record_id
from bandtimer.storage.locations import Locations
from bandtimer.storage.routines import load_routine
from bandtimer.ui.app import BandtimerApp
from bandtimer.ui.factory import create_app
from bandtimer.ui.screens.workout import WorkoutScreen
from bandtimer.ui.services import VoiceFactory

ROOT = Path(__file__).resolve().parents[2]
QUICK_TRY = ROOT / "routines" / "quick-try.toml"


@dataclass
class RecordingPlayer:
    """Stands in for the sound card: the cues the app asked for, in order, and what was said."""

    played: list[Cue] = field(default_factory=list)
    said: list[str] = field(default_factory=list)
    volume: float = 1.0

    def play(self, cue: Cue) -> None:
        self.played.append(cue)

    def play_clip(self, clip: Clip, instead: Cue | None) -> None:
        self.said.append(clip.label)

    def set_volume(self, volume: float) -> None:
        self.volume = volume


@dataclass
class Harness:
    app: BandtimerApp
    clock: FakeClock
    player: RecordingPlayer


def build(
    home: Path,
    routine: Routine | None = None,
    *,
    mute: bool = False,
    voice: bool = True,
    voice_factory: VoiceFactory | None = None,
    wall_clock: Callable[[], datetime] | None = None,
) -> Harness:
    """The app as the command line builds it; `wall_clock` fixes the date records are given.
    Without `voice_factory` the app has no voice, as with a player handed in."""
    clock = FakeClock()
    player = RecordingPlayer()
    app = create_app(
        Locations.under(home),
        start_routine=routine,
        mute=mute,
        voice=voice,
        clock=clock,
        player_factory=lambda on_fallback: (player, None),
        voice_factory=voice_factory,
        wall_clock=wall_clock,
    )
    return Harness(app, clock, player)


def write_routine(home: Path, name: str, text: str) -> Path:
    folder = home / "routines"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def quick_try() -> Routine:
    return load_routine(QUICK_TRY)


async def advance(pilot: Pilot[None], clock: FakeClock, seconds: float) -> None:
    """Move time on, then let the workout screen catch up as its redraw timer would."""
    clock.advance(seconds)
    # The workout's own timers run under a box that does not pause it (the reps question).
    screens = [screen for screen in pilot.app.screen_stack if isinstance(screen, WorkoutScreen)]
    if screens:
        screens[-1].sync()
    await pilot.pause()


def text_of(pilot: Pilot[None], selector: str) -> str:
    return str(pilot.app.screen.query_one(selector, Static).render())


def workout(pilot: Pilot[None]) -> WorkoutScreen:
    screen = pilot.app.screen
    assert isinstance(screen, WorkoutScreen), f"expected the workout, got {screen!r}"
    return screen


def save_workout(
    home: Path,
    routine: Routine,
    started: datetime,
    *,
    band: str | None = None,
    feel: Feel | None = None,
    doses: Doses | None = None,
) -> WorkoutRecord:
    """Do the whole routine (at `doses`, if given) on a fake clock and save it in `home`'s
    history, as the app would."""
    clock = FakeClock()
    session = Session(build_plan(routine, doses), clock)
    session.start()
    while not session.state.is_over:
        session.count_rep()  # refused but by a set counted by hand
        clock.advance(1)
        session.poll()
    names = [exercise.name for exercise in routine.exercises]
    store = HistoryStore(Locations.under(home).history_dir, "laptop")
    record = record_from_session(
        session,
        record_id=new_record_id(),
        routine_file=None,
        routine_hash=None,
        device=store.device,
        started=started,
        now=started + timedelta(seconds=session.plan.total_seconds),
        bands={name: band for name in names} if band else {},
        feels={name: feel for name in names} if feel else {},
        status=WorkoutStatus.COMPLETED,
    )
    store.save(record)
    return record


def record_notifications(app: App[Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every `app.notify(message, **options)` from now on, still shown as usual."""
    notes: list[tuple[str, dict[str, Any]]] = []
    notify = app.notify

    def recording(message: str, **options: Any) -> None:
        notes.append((message, options))
        notify(message, **options)

    app.notify = recording  # type: ignore[method-assign]
    return notes
