"""Records that tell the truth (issue 12): each problem the issue found, held to account.

The files in tests/data/history/format-1/ were written by the version before this one (see its
make_format_1.py); they must still load, as what they meant, and must never be rewritten.
"""

from __future__ import annotations

import csv
import hashlib
import io
import shutil
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from bandtimer.coach.history_export import csv_text, records_to_json
from bandtimer.domain.clock import FakeClock
from bandtimer.domain.history import Feel, WorkoutRecord, WorkoutStatus, record_from_session
from bandtimer.domain.plan import build_plan
from bandtimer.domain.records import SetOutcome
from bandtimer.domain.session import Session
from bandtimer.domain.streaks import regularity
from bandtimer.storage.history import HistoryStore
from bandtimer.storage.history.index import HistoryIndex
from bandtimer.storage.routines import load_routine

ROOT = Path(__file__).resolve().parents[1]
FORMAT_1 = ROOT / "tests" / "data" / "history" / "format-1"
CET = timezone(timedelta(hours=1))


@pytest.fixture
def format_1(tmp_path: Path) -> Path:
    """A copy of the format 1 history, so that reading it can be shown to change nothing."""
    folder = tmp_path / "history"
    shutil.copytree(FORMAT_1 / "2026", folder / "2026")
    return folder


def fingerprints(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        str(path.relative_to(folder)): (
            hashlib.sha256(path.read_bytes()).hexdigest(),
            path.stat().st_mtime_ns,
        )
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def by_id(records: list[WorkoutRecord]) -> dict[str, WorkoutRecord]:
    return {record.id: record for record in records}


# -- history files written by the previous version load ------------------------------------------


def test_format_1_files_load_as_what_they_meant_and_are_never_rewritten(
    format_1: Path, tmp_path: Path
) -> None:
    before = fingerprints(format_1)
    store = HistoryStore(format_1, "laptop", HistoryIndex(tmp_path / "index.sqlite3"))

    loaded = store.load_all()
    summaries = store.summaries()
    again = HistoryStore(format_1, "laptop", HistoryIndex(tmp_path / "index.sqlite3")).load_all()

    assert loaded.problems == [] and len(loaded.records) == 6
    assert again.records == loaded.records  # read back from the index, the same
    assert sorted(summary.status for summary in summaries.records) == sorted(
        record.status for record in loaded.records
    )
    records = by_id(loaded.records)
    assert [records[key].status for key in ("88847d4d", "4666a3f6", "8322e87d")] == [
        WorkoutStatus.PARTIAL,  # the glute bridge skipped: format 1 said completed
        WorkoutStatus.COMPLETED,
        WorkoutStatus.STOPPED_EARLY,
    ]
    assert fingerprints(format_1) == before


def test_a_format_1_skipped_exercise_is_listed_set_by_set(format_1: Path) -> None:
    record = by_id(HistoryStore(format_1, "laptop").load_all().records)["88847d4d"]

    assert [(entry.name, done.number, done.outcome) for entry, done in record.sets_not_done] == [
        ("Glute bridge", 1, SetOutcome.SKIPPED),
        ("Glute bridge", 2, SetOutcome.SKIPPED),
    ]
    (bridge,) = record.exercise("Glute bridge")
    assert all(done.reps is None for done in bridge.sets)  # format 1 said reps = [0, 0]


def test_a_format_1_count_not_given_stays_on_its_own_set(format_1: Path) -> None:
    record = by_id(HistoryStore(format_1, "laptop").load_all().records)["4666a3f6"]

    (squat,) = record.exercise("Banded squat")
    assert [(done.number, done.reps) for done in squat.sets] == [(1, None), (2, 14)]


def test_format_1_held_reps_get_their_held_seconds(format_1: Path) -> None:
    quick = by_id(HistoryStore(format_1, "laptop").load_all().records)["9c631b71"]

    (bridge,) = quick.exercise("Glute bridge")
    assert [done.held_seconds for done in bridge.sets] == [(5.0, 5.0, 5.0)] * 2


# -- CSV and JSON -------------------------------------------------------------------------------


def csv_of(folder: Path) -> list[dict[str, str]]:
    records = HistoryStore(folder, "laptop").load_all().records
    return list(csv.DictReader(io.StringIO(csv_text(records), newline="")))


def test_csv_and_json_mark_skipped_sets_as_skipped_with_no_made_up_zero(format_1: Path) -> None:
    rows = csv_of(format_1)
    skipped = [row for row in rows if row["result"] == "skipped"]

    assert [(row["exercise"], row["set"]) for row in skipped] == [
        ("Glute bridge", "1"),
        ("Glute bridge", "2"),
    ]
    assert {(row["reps"], row["seconds"], row["held_seconds"]) for row in skipped} == {("", "", "")}
    # The one 0 is true: stopped 3 s into the first hold of a set of held reps.
    assert [(row["result"], row["held_seconds"]) for row in rows if row["reps"] == "0"] == [
        ("cut short", "3.0")
    ]
    exported = records_to_json(HistoryStore(format_1, "laptop").load_all().records)
    sets = [done for item in exported for entry in item["exercises"] for done in entry["sets"]]
    assert all(done["reps"] != 0 for done in sets if done["result"] != "cut short")
    assert [done["reps"] for done in sets if done["result"] == "skipped"] == [None, None]
    partial = next(item for item in exported if item["status"] == "partial")
    assert partial["sets_not_done"] == [
        {"exercise": "Glute bridge", "side": None, "set": 1, "result": "skipped"},
        {"exercise": "Glute bridge", "side": None, "set": 2, "result": "skipped"},
    ]


def test_feel_and_side_cannot_be_confused(format_1: Path) -> None:
    rows = csv_of(format_1)

    sides = {row["side"] for row in rows} - {""}
    feels = {row["feel"] for row in rows} - {""}
    assert sides == {"R", "L"}
    assert feels == {"easy", "right", "hard"}
    assert not sides & {feel.value for feel in Feel}


def test_held_seconds_of_every_held_rep_are_in_csv_and_json(format_1: Path) -> None:
    rows = csv_of(format_1)
    bridge = [row for row in rows if row["workout_id"] == "9c631b71" and row["exercise"] ==
              "Glute bridge"]

    assert [row["held_seconds"] for row in bridge] == ["5.0 5.0 5.0"] * 2
    exported = records_to_json(HistoryStore(format_1, "laptop").load_all().records)
    quick = next(item for item in exported if item["id"] == "9c631b71")
    assert [done["held_seconds"] for done in quick["exercises"][0]["sets"]] == [[5.0] * 3] * 2


# -- streaks ------------------------------------------------------------------------------------


def run_quick_try(started: datetime, store: HistoryStore) -> None:
    """Quick try, start to end, recorded as the app records it."""
    routine = load_routine(ROOT / "routines" / "quick-try.toml")
    clock = FakeClock()
    session = Session(build_plan(routine), clock)
    session.start()
    while not session.state.is_over:
        clock.advance(session.remaining() or 3.0)
        if session.current.set_kind is not None and session.current.set_kind.counted_by_hand:
            session.count_rep()
        session.poll()
    store.save(
        record_from_session(
            session, record_id=f"{started:%d%H%M}", routine_file=routine.path,
            routine_hash=None, device=store.device, started=started,
            now=started + timedelta(seconds=clock.now()), bands={}, feels={},
            status=WorkoutStatus.COMPLETED,
        )
    )


def test_quick_try_three_times_makes_no_streak(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history", "laptop")
    for day in (23, 24, 25):
        run_quick_try(datetime(2026, 11, day, 7, 0, tzinfo=CET), store)

    loaded = store.load_all().records
    figures = regularity(loaded, today=date(2026, 11, 26), weekly_target=2)

    assert [record.status for record in loaded] == [WorkoutStatus.COMPLETED] * 3
    assert (figures.streak_weeks, figures.this_week, figures.totals.workouts) == (0, 0, 0)
    summaries = store.summaries().records  # through the index, the same
    assert regularity(summaries, today=date(2026, 11, 26), weekly_target=2) == figures
