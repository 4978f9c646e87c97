"""A history that cannot be written: the workout goes on, the person is told once, nothing breaks.

Tests run as root in CI, where a read-only folder is still writable, so the faults are made in
ways root cannot get round: a file where the history folder or the year folder should be, or
bandtimer.storage.atomic's own view of `os` and `tempfile` raising what a read-only file system
(EROFS) or a full disk (ENOSPC) raises, at each step of an atomic write. The patches reach only
that module, so Textual and pytest keep their real file system.

Each fault is tried through WorkoutRecorder on its own and through the real app (built as the
command line builds it, on a fake clock), from the first save to the summary. In every case:
the workout reaches its end, exactly one message says the record could not be saved, and the
records already on disk are byte for byte as they were, still load, and have no temporary file
left next to them. A history folder deleted mid-workout is simply made again by the next save.
"""

from __future__ import annotations

import asyncio
import errno
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot

from bandtimer.domain.clock import FakeClock
from bandtimer.domain.history import WorkoutStatus
from bandtimer.domain.plan import build_plan
from bandtimer.domain.progression import DEFAULT_BANDS
from bandtimer.domain.routine import Routine
from bandtimer.domain.session import Session, SessionState
from bandtimer.recording import WorkoutRecorder
from bandtimer.storage import atomic
from bandtimer.storage.history import HistoryStore
from bandtimer.storage.locations import Locations
from bandtimer.storage.routines import load_routine
from bandtimer.ui.resume import ResumeScreen
from bandtimer.ui.screens.menu import MenuScreen
from bandtimer.ui.screens.summary import NOT_RECORDED, SummaryScreen
from bandtimer.ui.screens.workout import WorkoutScreen
from tests.ui.harness import advance, build, save_workout, write_routine

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
STEP = 5
"""The app is moved on a segment at a time: each set ends on its own redraw, and saves."""
DEVICE = "laptop"
STARTED = datetime(2026, 3, 2, 7, 0, tzinfo=timezone(timedelta(hours=1)))
YEAR = f"{STARTED:%Y}"
EARLIER = (datetime(2025, 12, 30, 18, 0, tzinfo=STARTED.tzinfo), STARTED - timedelta(days=1))
"""Workouts already on disk: one in last year's folder, one in the folder this one goes to."""


# -- faults ------------------------------------------------------------------------------------


def oserror(number: int) -> OSError:
    return OSError(number, os.strerror(number))


class _ModuleWithAFault:
    """A module as bandtimer.storage.atomic sees it, with one function failing while `on`."""

    def __init__(self, real: ModuleType, name: str, failing: Callable[..., Any]) -> None:
        self._real, self._name, self._failing = real, name, failing
        self.on = False

    def __getattr__(self, attr: str) -> Any:
        if attr == self._name and self.on:
            return self._failing
        return getattr(self._real, attr)


class _HalfWrittenFile:
    """An open temporary file on a disk that fills up halfway through the write."""

    def __init__(self, real: Any) -> None:
        self._real = real

    def __enter__(self) -> _HalfWrittenFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._real.close()

    def write(self, data: bytes) -> int:
        self._real.write(data[: len(data) // 2])
        self._real.flush()
        raise oserror(errno.ENOSPC)

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._real, attr)


def _raise(number: int) -> Callable[..., Any]:
    def fail(*args: object, **kwargs: object) -> Any:
        raise oserror(number)

    return fail


@dataclass
class Fault:
    """Something that makes saving fail, switched on and off by the test."""

    name: str
    reason: str
    """What the person is told, in the system's words."""
    start: Callable[[Path], None]
    stop: Callable[[Path], None]


FaultMaker = Callable[[pytest.MonkeyPatch], Fault]


def patched(
    name: str, module: str, function: str, failing: Callable[..., Any], reason: str
) -> FaultMaker:
    """A fault in atomic's `module.function`, installed for the test by `monkeypatch`."""

    def make(monkeypatch: pytest.MonkeyPatch) -> Fault:
        proxy = _ModuleWithAFault(getattr(atomic, module), function, failing)
        monkeypatch.setattr(atomic, module, proxy)

        def switch(on: bool) -> Callable[[Path], None]:
            return lambda history: setattr(proxy, "on", on)

        return Fault(name, reason, switch(True), switch(False))

    return make


def file_in_the_way(name: str, relative: str) -> FaultMaker:
    """A plain file where a folder should be (a sync tool's mistake); the folder is kept aside."""

    def make(monkeypatch: pytest.MonkeyPatch) -> Fault:
        def start(history: Path) -> None:
            target = history / relative
            if target.exists():
                target.rename(target.with_name(target.name + ".aside"))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("not a folder\n", encoding="utf-8")

        def stop(history: Path) -> None:
            target = history / relative
            target.unlink()
            aside = target.with_name(target.name + ".aside")
            if aside.exists():
                aside.rename(target)

        return Fault(name, "file exists", start, stop)

    return make


FAULTS: dict[str, FaultMaker] = {
    "folder-is-a-file": file_in_the_way("history folder is a file", ""),
    "year-is-a-file": file_in_the_way("year folder is a file", YEAR),
    "erofs-mkstemp": patched(
        "read-only file system: no temporary file", "tempfile", "mkstemp",
        _raise(errno.EROFS), "read-only file system",
    ),
    "erofs-replace": patched(
        "read-only file system: no rename", "os", "replace",
        _raise(errno.EROFS), "read-only file system",
    ),
    "enospc-write": patched(
        "disk full while writing", "os", "fdopen",
        lambda fd, mode: _HalfWrittenFile(os.fdopen(fd, mode)), "no space left on device",
    ),
    "enospc-fsync": patched(
        "disk full at fsync", "os", "fsync", _raise(errno.ENOSPC), "no space left on device"
    ),
}  # fmt: skip
SOME_FAULTS = ["year-is-a-file", "enospc-write"]
"""For the longer runs through the app: one fault of each kind (the app sees the same error)."""
PATCHED_FAULTS = ["erofs-mkstemp", "enospc-fsync"]
"""Faults that leave existing files readable, so an unfinished workout is still offered."""


@pytest.fixture(params=list(FAULTS))
def fault(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Fault:
    return FAULTS[request.param](monkeypatch)


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
        return {
            path.relative_to(self.history): path.read_bytes()
            for path in sorted(self.history.rglob("*"))
            if path.is_file()
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


@pytest.fixture
def home(tmp_path: Path) -> Home:
    return make_home(tmp_path)


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


def test_recorder_a_fault_from_the_start_is_told_once_and_the_workout_ends(
    home: Home, fault: Fault
) -> None:
    fault.start(home.history)
    workout = begin(home)
    workout.to_the_end()
    workout.recorder.save()  # a rating after the end saves once more
    assert workout.recorder.take_problem() is None

    assert len(workout.told) == 1, (fault.name, workout.told)
    assert fault.reason in workout.told[0]
    assert not workout.recorder.saved
    fault.stop(home.history)
    home.assert_untouched()
    assert home.files().keys() == home.before.keys()


def test_recorder_a_fault_in_mid_workout_keeps_the_last_good_save_and_recovers(
    home: Home, fault: Fault
) -> None:
    workout = begin(home)
    workout.step(5)  # the first set is done and saved
    assert workout.recorder.saved
    in_progress = home.files()
    [name] = in_progress.keys() - home.before.keys()

    fault.start(home.history)
    for _ in range(10):  # the second set ends while nothing can be written
        workout.step()
    assert len(workout.told) == 1
    assert not workout.recorder.saved
    fault.stop(home.history)
    assert home.files()[name] == in_progress[name], "a failed save changed the file"

    workout.to_the_end()
    assert len(workout.told) == 1
    assert workout.recorder.saved
    [record] = [r for r in home.store().load_all().records if r.started == STARTED]
    assert record.status is WorkoutStatus.COMPLETED
    assert record.sets_done == SETS
    home.assert_untouched()


def test_recorder_a_history_folder_deleted_mid_workout_is_made_again(home: Home) -> None:
    workout = begin(home)
    workout.step(5)
    shutil.rmtree(home.history)
    workout.to_the_end()

    assert workout.told == []
    [record] = home.store().load_all().records
    assert record.status is WorkoutStatus.COMPLETED
    assert record.sets_done == SETS
    assert home.store().unfinished() == []


# -- through the app ----------------------------------------------------------------------------


def record_notifications(app: App[Any]) -> list[tuple[str, dict[str, Any]]]:
    notes: list[tuple[str, dict[str, Any]]] = []
    notify = app.notify

    def recording(message: str, **options: Any) -> None:
        notes.append((message, options))
        notify(message, **options)

    app.notify = recording  # type: ignore[method-assign]
    return notes


def about_saving(notes: list[tuple[str, dict[str, Any]]]) -> list[str]:
    """What the person was told about the history; every such message says it was not saved."""
    told = [message for message, options in notes if options.get("title") == "History"]
    assert all("Couldn't save" in message for message in told), told
    return told


Body = Callable[[Pilot[Any], FakeClock, list[tuple[str, dict[str, Any]]]], Any]


def run_app(home: Home, body: Body, *, start: bool = True) -> None:
    harness = build(home.path, home.routine if start else None, mute=True)
    app = harness.app
    app.services = replace(app.services, wall_clock=WallClock(harness.clock))
    notes = record_notifications(app)

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await body(pilot, harness.clock, notes)

    asyncio.run(main())


async def to_the_summary(pilot: Pilot[Any], clock: FakeClock) -> SummaryScreen:
    for _ in range(PLAN_SECONDS // STEP + 2):
        if not isinstance(pilot.app.screen, WorkoutScreen):
            break
        await advance(pilot, clock, STEP)
    screen = pilot.app.screen
    assert isinstance(screen, SummaryScreen), f"the workout did not end: {screen!r}"
    assert screen.summary.completed
    return screen


def test_app_a_fault_from_the_start_is_told_once_and_the_workout_ends(
    home: Home, fault: Fault
) -> None:
    fault.start(home.history)

    async def body(pilot: Pilot[Any], clock: FakeClock, notes: list[Any]) -> None:
        await pilot.press("c")  # a band change saves too
        summary = await to_the_summary(pilot, clock)
        await pilot.press("2")  # and so does how it felt
        await pilot.pause()
        assert str(summary.query_one("#recorded").render()) == NOT_RECORDED
        [message] = about_saving(notes)
        assert fault.reason in message

    run_app(home, body)
    fault.stop(home.history)
    home.assert_untouched()
    assert home.files().keys() == home.before.keys()


@pytest.mark.parametrize("fault", SOME_FAULTS, indirect=True)
def test_app_a_disk_that_fills_mid_workout_and_frees_again(home: Home, fault: Fault) -> None:
    async def body(pilot: Pilot[Any], clock: FakeClock, notes: list[Any]) -> None:
        await advance(pilot, clock, STEP)  # the first set, saved
        fault.start(home.history)
        await advance(pilot, clock, STEP)  # the rest
        await advance(pilot, clock, STEP)  # the second set, not saved
        assert len(about_saving(notes)) == 1
        fault.stop(home.history)
        summary = await to_the_summary(pilot, clock)
        assert "Saved to your history" in str(summary.query_one("#recorded").render())
        assert len(about_saving(notes)) == 1

    run_app(home, body)
    [record] = [r for r in home.store().load_all().records if r.started == STARTED]
    assert record.status is WorkoutStatus.COMPLETED
    assert record.sets_done == SETS
    home.assert_untouched()


def test_app_a_history_folder_deleted_mid_workout_is_made_again(home: Home) -> None:
    async def body(pilot: Pilot[Any], clock: FakeClock, notes: list[Any]) -> None:
        await advance(pilot, clock, STEP)
        shutil.rmtree(home.history)
        summary = await to_the_summary(pilot, clock)
        assert "Saved to your history" in str(summary.query_one("#recorded").render())
        assert about_saving(notes) == []

    run_app(home, body)
    [record] = home.store().load_all().records
    assert record.status is WorkoutStatus.COMPLETED
    assert record.sets_done == SETS


@pytest.mark.parametrize("fault", SOME_FAULTS, indirect=True)
def test_app_a_fault_that_starts_on_the_summary_is_told_too(home: Home, fault: Fault) -> None:
    """Everything saved until the end; then rating the exercise cannot be written."""

    async def body(pilot: Pilot[Any], clock: FakeClock, notes: list[Any]) -> None:
        await to_the_summary(pilot, clock)
        fault.start(home.history)
        await pilot.press("3")
        await pilot.pause()
        assert len(about_saving(notes)) == 1, notes

    run_app(home, body)
    fault.stop(home.history)
    home.assert_untouched()
    [record] = [r for r in home.store().load_all().records if r.started == STARTED]
    assert record.status is WorkoutStatus.COMPLETED


@pytest.mark.parametrize("fault", PATCHED_FAULTS, indirect=True)
def test_app_keeping_an_unfinished_workout_on_a_read_only_disk(home: Home, fault: Fault) -> None:
    """At start-up an unfinished workout is offered; "keep as stopped" cannot be written."""
    workout = begin(home)
    workout.step(5)
    home.before = home.files()
    [unfinished] = home.store().unfinished()
    fault.start(home.history)

    async def body(pilot: Pilot[Any], clock: FakeClock, notes: list[Any]) -> None:
        await pilot.pause()
        assert isinstance(pilot.app.screen, ResumeScreen)
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(pilot.app.screen, MenuScreen)
        assert len(about_saving(notes)) == 1, notes

    run_app(home, body, start=False)
    fault.stop(home.history)
    home.assert_untouched()
    assert home.store().unfinished() == [unfinished]
