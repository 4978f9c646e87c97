"""Writes the fixture history in this folder: real record files, made the way the app makes them.

Run once, from the repository's top, and commit what it writes:

    .venv/bin/python tests/data/history/make_history.py           # the 2025/ record files
    .venv/bin/python tests/data/history/make_history.py expected  # expected.csv, expected.json

Each workout is a real `Session` over a fake clock, turned into a record by
`record_from_session` and written by `HistoryStore.save`, so the files are exactly what
bandtimer writes. Two routines, two devices (laptop and phone), exercises done on each side and
on both together, counted and held reps, timed holds, bands from the default set (and one band
that is not in it), how each exercise felt, a pause, one workout stopped early, one left in
progress on the phone, and one file cut short by a sync tool, which must be reported and left
alone. The record files are the fixture; run the first step again only to change them on purpose.

The dates are fixed. With "today" on Thursday 20 March 2025 and the default target of two a
week, the streak is 3 weeks and this week has 1 of 2.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from bandtimer.coach import records_to_json
from bandtimer.coach.history_export import csv_text
from bandtimer.domain.clock import FakeClock
from bandtimer.domain.history import Feel, WorkoutStatus, record_from_session
from bandtimer.domain.plan import Segment, build_plan
from bandtimer.domain.routine import Side
from bandtimer.domain.session import Session, SessionState
from bandtimer.storage.history import HistoryStore
from bandtimer.storage.routines.loading import parse_routine

HERE = Path(__file__).resolve().parent
CET = timezone(timedelta(hours=1))
GMT = UTC
ROUTINES_DIR = Path("/home/sam/.config/bandtimer/routines")

HIPS = """
name = "Hip stability"
[timing]
get_ready = 5
rest_between_sets = 20
rest_between_exercises = 30
switch_sides = 5
rep_release = 2

[[exercise]]
name = "Clamshell"
band = "mini"
sides = "each"
sets = 2
reps = [8, 15]

[[exercise]]
name = "Glute bridge"
band = "mini"
sets = 2
reps = [6, 8]
hold = 5

[[exercise]]
name = "Side plank"
sides = "each"
sets = 2
hold = 20
"""

CORE = """
name = "Calves, core & plank [v2]"
[timing]
get_ready = 5
rest_between_sets = 15
rest_between_exercises = 30
switch_sides = 5

[[exercise]]
name = "Ankle plantar flexion"
band = "flat"
sides = "each"
sets = 2
reps = [8, 12]

[[exercise]]
name = "Banded plank"
band = "mini"
sets = 2
hold = {hold}
"""


@dataclass
class Workout:
    """How one workout went: what was done differs from the plan only where it says so."""

    started: datetime
    routine: str
    device: str
    level: int = 0
    """Reps grow with it; the left side lags one or two behind the right."""
    bands: dict[str, str] = field(default_factory=dict)
    feels: dict[str, Feel] = field(default_factory=dict)
    plank_hold: int = 30
    cut_short: dict[tuple[str, int, Side | None], float] = field(default_factory=dict)
    """(exercise, set, side) of holds let go early, and after how many seconds."""
    pause_before_set: tuple[str, int] | None = None
    quit_at: tuple[str, int, Side | None] | None = None
    """Stop early at the start of this set."""
    leave_at: tuple[str, int, Side | None] | None = None
    """The app died at the start of this set: the record stays in progress."""


WORKOUTS = [
    Workout(datetime(2025, 1, 7, 7, 30, tzinfo=CET), "hips", "laptop", 0,
            {"Clamshell": "green", "Glute bridge": "blue"},
            {"Clamshell": Feel.EASY, "Glute bridge": Feel.RIGHT, "Side plank": Feel.HARD},
            cut_short={("Side plank", 2, Side.LEFT): 14.0}),
    Workout(datetime(2025, 1, 11, 9, 0, tzinfo=CET), "core", "laptop", 0,
            {"Ankle plantar flexion": "red"}, {"Banded plank": Feel.HARD}, plank_hold=20),
    Workout(datetime(2025, 1, 15, 18, 45, tzinfo=CET), "hips", "phone", 1,
            {"Clamshell": "green", "Glute bridge": "blue"},
            {"Clamshell": Feel.EASY, "Side plank": Feel.RIGHT}),
    Workout(datetime(2025, 1, 28, 7, 30, tzinfo=CET), "hips", "laptop", 2,
            {"Clamshell": "green", "Glute bridge": "blue"}, {"Glute bridge": Feel.RIGHT}),
    Workout(datetime(2025, 2, 6, 7, 30, tzinfo=CET), "hips", "laptop", 2,
            {"Clamshell": "blue", "Glute bridge": "blue"}, {"Clamshell": Feel.HARD},
            quit_at=("Side plank", 1, Side.RIGHT)),
    Workout(datetime(2025, 2, 22, 10, 0, tzinfo=GMT), "core", "phone", 1,
            {"Ankle plantar flexion": "red"}, {"Ankle plantar flexion": Feel.RIGHT}),
    Workout(datetime(2025, 2, 25, 7, 30, tzinfo=CET), "hips", "laptop", 3,
            {"Clamshell": "blue", "Glute bridge": "yellow"},
            {"Clamshell": Feel.RIGHT, "Glute bridge": Feel.HARD, "Side plank": Feel.RIGHT}),
    Workout(datetime(2025, 2, 28, 18, 30, tzinfo=CET), "core", "phone", 2,
            {"Ankle plantar flexion": "red"}, {"Banded plank": Feel.RIGHT}),
    Workout(datetime(2025, 3, 3, 7, 15, tzinfo=CET), "hips", "laptop", 4,
            {"Clamshell": "blue", "Glute bridge": "yellow"}, {"Clamshell": Feel.RIGHT}),
    Workout(datetime(2025, 3, 6, 7, 30, tzinfo=CET), "hips", "laptop", 4,
            {"Clamshell": "blue", "Glute bridge": "yellow"}, {"Side plank": Feel.EASY}),
    Workout(datetime(2025, 3, 6, 19, 0, tzinfo=CET), "core", "phone", 3,
            {"Ankle plantar flexion": "purple"}, {"Ankle plantar flexion": Feel.EASY},
            plank_hold=40, cut_short={("Banded plank", 2, None): 31.5}),
    Workout(datetime(2025, 3, 11, 7, 30, tzinfo=CET), "hips", "laptop", 5,
            {"Clamshell": "blue", "Glute bridge": "yellow"},
            {"Clamshell": Feel.RIGHT, "Glute bridge": Feel.RIGHT}),
    Workout(datetime(2025, 3, 15, 9, 30, tzinfo=CET), "core", "phone", 4,
            {"Ankle plantar flexion": "red"}, {"Banded plank": Feel.RIGHT}, plank_hold=40,
            pause_before_set=("Banded plank", 2)),
    Workout(datetime(2025, 3, 18, 7, 30, tzinfo=CET), "hips", "laptop", 6,
            {"Clamshell": "yellow", "Glute bridge": "yellow"},
            {"Clamshell": Feel.HARD, "Glute bridge": Feel.RIGHT, "Side plank": Feel.RIGHT}),
    Workout(datetime(2025, 3, 19, 19, 0, tzinfo=CET), "hips", "phone", 6,
            {"Clamshell": "yellow"}, {}, leave_at=("Glute bridge", 1, None)),
]

CORRUPT_NAME = "2025-02-11T07-30-00--hip-stability--phone-5ca1ab1e.toml"


def routine_text(workout: Workout) -> tuple[str, Path]:
    if workout.routine == "hips":
        return HIPS, ROUTINES_DIR / "hip-stability.toml"
    return CORE.format(hold=workout.plank_hold), ROUTINES_DIR / "calves-and-core.toml"


def record_id(workout: Workout) -> str:
    return hashlib.sha256(workout.started.isoformat().encode()).hexdigest()[:8]


def reps_for(workout: Workout, segment: Segment) -> int:
    """Counted reps: more as the weeks go on, the left side a rep or two behind the right."""
    target = segment.set_kind.reps if segment.set_kind is not None else None
    assert target is not None
    behind = {Side.RIGHT: 0, Side.LEFT: 1 + workout.level % 2, None: 0}[segment.side]
    wanted = 9 + workout.level - behind - (segment.set_number - 1)
    return max(target.low, min(target.high, wanted))


def where(segment: Segment) -> tuple[str, int, Side | None]:
    return segment.exercise.name, segment.set_number, segment.side


def perform(workout: Workout) -> tuple[Session, WorkoutStatus, float]:
    """Walk the workout's session as the person did; returns it, its status and its seconds."""
    text, path = routine_text(workout)
    clock = FakeClock(start=0.0)
    session = Session(build_plan(parse_routine(text, path)), clock)
    session.start()
    while not session.state.is_over:
        segment = session.current
        if segment.is_work and where(segment) == workout.leave_at:
            return session, WorkoutStatus.IN_PROGRESS, clock.now()
        if segment.is_work and where(segment) == workout.quit_at:
            clock.advance(4.0)
            session.quit()
            break
        if not segment.is_work and workout.pause_before_set == where(segment)[:2]:
            clock.advance(6.0)
            session.pause()
            clock.advance(48.0)
            session.resume()
        if segment.set_kind is not None and segment.set_kind.counted_by_hand:
            for _ in range(reps_for(workout, segment)):
                clock.advance(2.5)
                session.count_rep()
            if session.current is segment:
                session.finish_set()
        elif where(segment) in workout.cut_short:
            clock.advance(workout.cut_short[where(segment)])
            session.skip()
        else:
            clock.advance(session.remaining() or 0.0)
            session.poll()
    finished = session.state is SessionState.FINISHED
    status = WorkoutStatus.COMPLETED if finished else WorkoutStatus.STOPPED_EARLY
    return session, status, clock.now()


def write_records() -> None:
    for workout in WORKOUTS:
        session, status, seconds = perform(workout)
        text, path = routine_text(workout)
        store = HistoryStore(HERE, workout.device)
        record = record_from_session(
            session,
            record_id=record_id(workout),
            routine_file=path,
            routine_hash=hashlib.sha256(text.encode()).hexdigest(),
            device=store.device,
            started=workout.started,
            now=workout.started + timedelta(seconds=seconds),
            bands=workout.bands,
            feels=workout.feels,
            status=status,
        )
        print(store.save(record).relative_to(HERE))
    # A sync tool that stopped halfway through copying a finished workout.
    whole = (HERE / "2025").glob("2025-02-06T*.toml")
    cut = next(whole).read_bytes()[:700]
    (HERE / "2025" / CORRUPT_NAME).write_bytes(cut)
    print(f"2025/{CORRUPT_NAME} (cut short)")


def write_expected() -> None:
    loaded = HistoryStore(HERE, "fixture").load_all()
    (HERE / "expected.csv").write_text(csv_text(loaded.records), encoding="utf-8", newline="")
    text = json.dumps(records_to_json(loaded.records), indent=2, ensure_ascii=False) + "\n"
    (HERE / "expected.json").write_text(text, encoding="utf-8")
    print(f"expected.csv and expected.json from {len(loaded.records)} workouts")


COMMANDS: dict[str, Callable[[], None]] = {"records": write_records, "expected": write_expected}

if __name__ == "__main__":
    COMMANDS[sys.argv[1] if len(sys.argv) > 1 else "records"]()
