"""Changing the wall clock never moves a countdown, and odd terminal sizes never break a workout.

Countdowns are computed from a monotonic `Clock` and stored deadlines (see domain/clock.py), so
a person who changes the time zone, a laptop that wakes and syncs NTP, or a daylight-saving
change cannot add or take away seconds. Three checks: the source itself (no countdown code reads
the wall clock: an `ast` scan with an explicit list of the places where a date is the point),
a session whose recorder's wall clock jumps an hour back and forth, and sessions and the app
run while `time.time` jumps wildly.
"""

from __future__ import annotations

import ast
import asyncio
import random
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from bandtimer.coach import WorkoutRecorder
from bandtimer.domain.clock import FakeClock, MonotonicClock
from bandtimer.domain.history import WorkoutStatus
from bandtimer.domain.plan import build_plan
from bandtimer.domain.progression import DEFAULT_BANDS
from bandtimer.domain.routine import Exercise, IntRange, Routine, Timing
from bandtimer.domain.session import Session, SessionState
from bandtimer.domain.set_kinds import TimedHold
from bandtimer.storage.history import HistoryStore
from bandtimer.ui.screens.help import HelpScreen
from bandtimer.ui.screens.summary import SummaryScreen
from bandtimer.ui.screens.workout import WorkoutScreen
from tests.ui.harness import advance, build, quick_try, workout

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "bandtimer"
COUNTDOWN_SOURCES = [
    *sorted((PACKAGE / "domain").rglob("*.py")),
    *sorted((PACKAGE / "ui").rglob("*.py")),
    PACKAGE / "coach" / "workout_view.py",
    PACKAGE / "coach" / "cues.py",
]
TIME_FUNCTIONS = {"time", "time_ns", "localtime", "gmtime", "ctime"}
MONOTONIC_FUNCTIONS = {"monotonic", "monotonic_ns", "perf_counter", "perf_counter_ns"}
DATE_FUNCTIONS = {"now", "utcnow", "today", "fromtimestamp"}
ALLOWED_WALL_CLOCK = {
    ("ui/services.py", "datetime.now"): "Services.wall_clock: the date a record is filed under",
}
"""Where reading the wall clock is the point, and why. Everything else asks a `Clock`. (The
recorder and the history screens get their dates from `Services.wall_clock`, never directly.)"""
ALLOWED_MONOTONIC = {
    ("domain/clock.py", "time.monotonic"): "MonotonicClock, the one real clock",
}

PLANK = Routine(
    "Planks",
    (Exercise("Plank", IntRange.exactly(3), kind=TimedHold(IntRange.exactly(20))),),
    timing=Timing(get_ready=5, rest_between_sets=10),
)
"""get ready 5 | hold 20 | rest 10 | hold 20 | rest 10 | hold 20: 85 s."""
STARTED = datetime(2026, 3, 29, 1, 59, 30, tzinfo=timezone(timedelta(hours=1)))
"""Half a minute before clocks go forward in much of Europe."""
HOUR = timedelta(hours=1)


# -- the source ------------------------------------------------------------------------------


def dotted(node: ast.AST) -> str | None:
    """`time.time` for the expression `time.time`, None for anything that is not a dotted name."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted(node.value)
        return None if base is None else f"{base}.{node.attr}"
    return None


def clock_name(name: str, aliases: dict[str, str]) -> str | None:
    """`time.time`, `datetime.now`, `date.today`, …: what a dotted name reads, if it reads a clock.

    `import time as t` and `import datetime as dt` are followed through `aliases`.
    """
    first, *rest = name.split(".")
    parts = [aliases.get(first, first), *rest]
    if len(parts) == 2 and parts[0] == "time" and parts[1] in TIME_FUNCTIONS | MONOTONIC_FUNCTIONS:
        return ".".join(parts)
    if len(parts) >= 2 and parts[-2] in ("datetime", "date") and parts[-1] in DATE_FUNCTIONS:
        return ".".join(parts[-2:])
    return None


def clock_reads(path: Path) -> Iterator[tuple[str, int]]:
    """Every use of a wall or monotonic clock function in a file, as (name, line)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    aliases = {
        alias.asname: alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
        if alias.asname
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and (name := dotted(node)) is not None:
            read = clock_name(name, aliases)
            if read is not None:
                yield read, node.lineno
        elif isinstance(node, ast.ImportFrom) and node.module == "time":
            # `from time import time` hides every later call: the import itself is the use.
            for alias in node.names:
                if alias.name in TIME_FUNCTIONS | MONOTONIC_FUNCTIONS:
                    yield f"time.{alias.name}", node.lineno


def test_countdown_code_reads_the_wall_clock_only_where_a_date_is_the_point() -> None:
    assert len(COUNTDOWN_SOURCES) > 20, "the scan found too few files to mean anything"
    found: dict[tuple[str, str], list[int]] = {}
    for path in COUNTDOWN_SOURCES:
        where = path.relative_to(PACKAGE).as_posix()
        for name, line in clock_reads(path):
            found.setdefault((where, name), []).append(line)
    allowed = ALLOWED_WALL_CLOCK | ALLOWED_MONOTONIC
    unexpected = [
        f"bandtimer/{where}:{line}: {name}"
        for (where, name), lines in sorted(found.items())
        if (where, name) not in allowed
        for line in lines
    ]
    assert not unexpected, "a countdown must ask its Clock, not read the time:\n" + "\n".join(
        unexpected
    )
    # The allowed places are still there, so the list above says something true.
    assert set(allowed) <= set(found), set(allowed) - set(found)


def test_the_scan_sees_the_ways_of_reading_the_time(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import time\nimport datetime as dt\nfrom time import time_ns\n"
        "from datetime import datetime\n"
        "a = time.time()\nb = datetime.now()\nc = time.monotonic()\nd = dt.date.today()\n",
        encoding="utf-8",
    )
    assert sorted(name for name, _ in clock_reads(sample)) == [
        "date.today",
        "datetime.now",
        "time.monotonic",
        "time.time",
        "time.time_ns",
    ]


# -- a wall clock that jumps -----------------------------------------------------------------


class JumpingWallClock:
    """The date and time that moves with the fake clock, plus whatever jump the test set."""

    def __init__(self, clock: FakeClock) -> None:
        self._clock, self._origin = clock, clock.now()
        self.jump = timedelta(0)

    def __call__(self) -> datetime:
        return STARTED + timedelta(seconds=self._clock.now() - self._origin) + self.jump


def test_an_hour_jump_of_the_wall_clock_does_not_move_the_countdown(tmp_path: Path) -> None:
    clock, reference_clock = FakeClock(), FakeClock()
    wall = JumpingWallClock(clock)
    session = Session(build_plan(PLANK), clock)
    reference = Session(build_plan(PLANK), reference_clock)  # no wall clock anywhere near it
    store = HistoryStore(tmp_path / "history", "laptop")
    recorder = WorkoutRecorder(session, store, wall, DEFAULT_BANDS)
    session.start()
    reference.start()
    recorder.save()
    jumps = [HOUR, -HOUR, timedelta(0), -2 * HOUR, HOUR + timedelta(seconds=1)]

    for second in range(int(build_plan(PLANK).total_seconds) + 1):
        wall.jump = jumps[second % len(jumps)]
        clock.advance(1)
        reference_clock.advance(1)
        recorder.observe(session.poll())
        reference.poll()
        assert (session.index, session.remaining()) == (reference.index, reference.remaining())
        assert session.records == reference.records
        if second == 5 + 7:  # seven seconds into the first hold
            assert session.remaining() == 20 - 8

    assert session.state is SessionState.FINISHED
    files = list((tmp_path / "history").rglob("*.toml"))
    assert len(files) == 1, "the file is named once, from the first reading of the wall clock"
    [record] = store.load_all().records
    assert record.status is WorkoutStatus.COMPLETED
    assert record.started == STARTED
    assert record.sets_done == 3
    assert [s.actual_seconds for s in record.segments] == [5, 20, 10, 20, 10, 20]


@pytest.fixture
def wild_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """`time.time` that jumps by up to a day, either way, every time anything reads it."""
    jumps = random.Random(7)
    real = time.time

    def jumping() -> float:
        return real() + jumps.uniform(-86_400, 86_400)

    monkeypatch.setattr(time, "time", jumping)
    monkeypatch.setattr(time, "time_ns", lambda: int(jumping() * 1e9))


@pytest.mark.usefixtures("wild_time")
def test_a_session_follows_its_clock_while_time_time_jumps() -> None:
    clock = FakeClock()
    session = Session(build_plan(PLANK), clock)
    session.start()
    for step in (0.5, 4.5, 3.25, 10, 0.75, 30, 36):
        before = session.plan.seconds_before(session.index) + session.elapsed()
        clock.advance(step)
        session.poll()
        after = session.plan.seconds_before(session.index) + session.elapsed()
        assert after == pytest.approx(before + step, abs=1e-9)
    assert session.state is SessionState.FINISHED

    real = Session(build_plan(PLANK), MonotonicClock())  # the clock the command line uses
    real.start()
    remaining = real.remaining()
    assert remaining is not None and 5 - 1 < remaining <= 5  # not a day more or less


@pytest.mark.usefixtures("wild_time")
def test_the_app_counts_down_with_its_clock_while_time_time_jumps(tmp_path: Path) -> None:
    harness = build(tmp_path, quick_try(), mute=True)

    async def main() -> None:
        async with harness.app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            session = workout(pilot).session
            for step in (1, 1.5, 2.5, 7, 10, 10, 10, 10, 10, 10, 10):
                before = session.plan.seconds_before(session.index) + session.elapsed()
                await advance(pilot, harness.clock, step)
                if not session.state.is_over:
                    after = session.plan.seconds_before(session.index) + session.elapsed()
                    assert after == pytest.approx(before + step, abs=1e-9)
            await advance(pilot, harness.clock, 10)
            assert isinstance(pilot.app.screen, SummaryScreen)

    asyncio.run(main())


# -- terminals at the edges --------------------------------------------------------------------


@pytest.mark.parametrize("size", [(20, 6), (300, 100)], ids=["20x6", "300x100"])
def test_a_whole_workout_in_a_tiny_and_a_huge_terminal(tmp_path: Path, size: tuple[int, int]):
    """tests/ui/test_odd_terminals.py sends a storm of resizes through these corners; a resize
    posted in a burst is overtaken by the next before any layout, so here each size is the
    terminal's own, laid out from start to summary, help screen included."""
    harness = build(tmp_path, quick_try(), mute=True)

    async def main() -> None:
        async with harness.app.run_test(size=size) as pilot:
            await pilot.pause()
            assert pilot.app.size == size
            await advance(pilot, harness.clock, 7)
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(pilot.app.screen, HelpScreen)
            await pilot.press("escape")
            await pilot.pause()
            await body(pilot)

    async def body(pilot: Pilot[Any]) -> None:
        for _ in range(12):
            if not isinstance(pilot.app.screen, WorkoutScreen):
                break
            await advance(pilot, harness.clock, 10)
        assert isinstance(pilot.app.screen, SummaryScreen)
        await advance(pilot, harness.clock, 2)
        await pilot.press("escape")
        await pilot.pause()

    asyncio.run(main())
