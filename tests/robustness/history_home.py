"""A home with history in it, and a workout on a fake clock saving to it through WorkoutRecorder.

For the test_filesystem_faults* modules: `make_home` writes a routine and two earlier workouts,
and `Home.assert_untouched` checks they are still byte for byte as they were; `begin` starts a
workout whose recorder saves as the screen would. The `home` fixture is in conftest.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bandtimer.coach import WorkoutRecorder
from bandtimer.domain.clock import FakeClock
from bandtimer.domain.plan import build_plan
from bandtimer.domain.progression import DEFAULT_BANDS
from bandtimer.domain.routine import Routine
from bandtimer.domain.session import Session, SessionState
from bandtimer.storage import atomic
from bandtimer.storage.history import HistoryStore
from bandtimer.storage.locations import Locations
from bandtimer.storage.routines import load_routine
from tests.ui.harness import save_workout, write_routine

ROUTINE = """
name = "Three planks"
[timing]
get_ready = 0
rest_between_sets = 5
[[exercise]]
name = "Plank"
sets = 3
hold = 5
"""
SETS = 3
PLAN_SECONDS = 5 + 5 + 5 + 5 + 5
"""hold, rest, hold, rest, hold."""
DEVICE = "laptop"
STARTED = datetime(2026, 3, 2, 7, 0, tzinfo=timezone(timedelta(hours=1)))
YEAR = f"{STARTED:%Y}"
EARLIER = (datetime(2025, 12, 30, 18, 0, tzinfo=STARTED.tzinfo), STARTED - timedelta(days=1))
"""Workouts already on disk: one in last year's folder, one in the folder this one goes to."""


# -- a home with history in it -----------------------------------------------------------------


@dataclass
class Home:
    path: Path
    routine: Routine
    before: dict[Path, bytes] = field(default_factory=dict)
    """Every file under the history folder before the workout, and its bytes."""

    @property
    def history(self) -> Path:
        return Locations.under(self.path).history_dir

    def store(self) -> HistoryStore:
        return HistoryStore(self.history, DEVICE)

    def files(self) -> dict[Path, bytes]:
        """Less the workouts' lock files, which come and go with the process recording them."""
        return {
            path.relative_to(self.history): path.read_bytes()
            for path in sorted(self.history.rglob("*"))
            if path.is_file() and path.suffix != ".lock"
        }

    def assert_untouched(self) -> None:
        """The earlier records are as they were, still load, and no temporary file is left."""
        after = self.files()
        for name, content in self.before.items():
            assert after.get(name) == content, f"{name} changed"
        assert not [p for p in self.path.rglob("*") if p.name.endswith(atomic.TEMP_SUFFIX)]
        loaded = self.store().load_all()
        assert loaded.problems == []
        assert {record.started for record in loaded.records} >= set(EARLIER)


def make_home(path: Path) -> Home:
    (path / "config.toml").write_text(f'device = "{DEVICE}"\n', encoding="utf-8")
    routine = load_routine(write_routine(path, "planks", ROUTINE))
    for started in EARLIER:
        record = save_workout(path, routine, started)
        assert record.device == DEVICE
    home = Home(path, routine)
    home.before = home.files()
    assert len(home.before) == len(EARLIER)
    return home


class WallClock:
    """The date and time of day, moving with the fake monotonic clock."""

    def __init__(self, clock: FakeClock) -> None:
        self._clock, self._origin = clock, clock.now()

    def __call__(self) -> datetime:
        return STARTED + timedelta(seconds=self._clock.now() - self._origin)


# -- through the recorder ------------------------------------------------------------------------


@dataclass
class Recorded:
    session: Session
    recorder: WorkoutRecorder
    clock: FakeClock
    told: list[str] = field(default_factory=list)

    def step(self, seconds: float = 1) -> None:
        """A second of the workout, and what the screen would show the person."""
        self.clock.advance(seconds)
        self.recorder.observe(self.session.poll())
        problem = self.recorder.take_problem()
        if problem is not None:
            self.told.append(problem)

    def to_the_end(self) -> None:
        for _ in range(PLAN_SECONDS + 1):
            self.step()
        assert self.session.state is SessionState.FINISHED


def begin(home: Home) -> Recorded:
    clock = FakeClock()
    session = Session(build_plan(home.routine), clock)
    recorder = WorkoutRecorder(session, home.store(), WallClock(clock), DEFAULT_BANDS)
    session.start()
    recorder.save()
    recorded = Recorded(session, recorder, clock)
    problem = recorder.take_problem()
    if problem is not None:
        recorded.told.append(problem)
    return recorded
