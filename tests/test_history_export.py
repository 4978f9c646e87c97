"""CSV and JSON exports of the fixture history, checked against the committed expected files.

The expected files were written by tests/data/history/make_history.py and read through by eye;
a change here is a change to what people's spreadsheets and scripts receive, so regenerate them
only on purpose (`make_history.py expected`) and say so in the commit.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bandtimer.coach import listing_row, records_to_json
from bandtimer.coach.history_export import CSV_COLUMNS, csv_text, record_to_json
from bandtimer.domain.history import (
    ExerciseRecord,
    Feel,
    RoutineRef,
    WorkoutRecord,
    WorkoutStatus,
)
from bandtimer.domain.records import SetOutcome
from bandtimer.domain.routine import Side
from bandtimer.storage.history import HistoryStore
from tests.history_sets import held, reps_done

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "data" / "history"


@pytest.fixture(scope="module")
def records() -> list[WorkoutRecord]:
    load = HistoryStore(FIXTURE, "laptop").load_all()
    assert len(load.records) == 15 and len(load.problems) == 1
    return load.records


def test_csv_matches_the_expected_file(records: list[WorkoutRecord]) -> None:
    expected = (FIXTURE / "expected.csv").read_text(encoding="utf-8")
    assert csv_text(records) == expected


def test_json_matches_the_expected_file(records: list[WorkoutRecord]) -> None:
    expected = json.loads((FIXTURE / "expected.json").read_text(encoding="utf-8"))
    assert json.loads(json.dumps(records_to_json(records))) == expected


def test_the_csv_reads_back_as_a_spreadsheet_would(records: list[WorkoutRecord]) -> None:
    rows = list(csv.DictReader(io.StringIO(csv_text(records), newline="")))

    assert tuple(rows[0]) == CSV_COLUMNS
    sets_reached = sum(len(e.sets) for record in records for e in record.exercises)
    assert len(rows) == sets_reached == 121
    for row in rows:
        datetime.strptime(row["date"], "%Y-%m-%d %H:%M:%S")
        assert int(row["set"]) >= 1
        assert row["result"] in {outcome.value for outcome in SetOutcome}
        assert (row["reps"] == "") != (row["seconds"] == ""), "a set is reps or a hold"
        if row["reps"]:
            assert int(row["reps"]) > 0
        else:
            assert 0 < float(row["seconds"]) <= 60
        if row["held_seconds"]:  # held reps: one hold per rep
            assert [float(held) for held in row["held_seconds"].split()] == [5.0] * int(
                row["reps"]
            )
        assert row["side"] in {"L", "R", ""}
        assert row["feel"] in {feel.value for feel in Feel} | {""}
        assert row["status"] in {status.value for status in WorkoutStatus}
        assert row["device"] in {"laptop", "phone"}
    dates = [row["date"] for row in rows]
    assert dates == sorted(dates), "oldest workout first, as a training log runs"
    assert {row["workout"] for row in rows} == {"Hip stability", "Calves, core & plank [v2]"}


def test_one_workout_is_every_set_of_every_side(records: list[WorkoutRecord]) -> None:
    rows = list(csv.DictReader(io.StringIO(csv_text(records), newline="")))
    stopped = [row for row in rows if row["status"] == "stopped early"]

    assert [
        (r["exercise"], r["side"], r["set"], r["result"], r["reps"], r["seconds"]) for r in stopped
    ] == [
        ("Clamshell", "R", "1", "done", "11", ""),
        ("Clamshell", "R", "2", "done", "10", ""),
        ("Clamshell", "L", "1", "done", "10", ""),
        ("Clamshell", "L", "2", "done", "9", ""),
        ("Glute bridge", "", "1", "done", "8", ""),
        ("Glute bridge", "", "2", "done", "8", ""),
        ("Side plank", "R", "1", "cut short", "", "4.0"),
    ]
    assert {row["band"] for row in stopped} == {"blue", ""}


def test_names_with_commas_quotes_and_newlines_survive_the_round_trip() -> None:
    started = datetime(2025, 3, 1, 7, 0, tzinfo=UTC)
    name = 'Dead bug, "banded"\nslowly\r\nand\rcarefully'
    record = WorkoutRecord(
        id="abc",
        routine=RoutineRef("SUM(A1), [bold]not markup[/]"),
        started=started,
        ended=started + timedelta(minutes=5),
        status=WorkoutStatus.COMPLETED,
        device="lap\rtop",  # a carriage return alone, which a \n-ended row left unquoted
        exercises=(ExerciseRecord(1, name, Side.LEFT, 1, reps_done(10), band="red, old"),),
    )

    (row,) = csv.DictReader(io.StringIO(csv_text([record]), newline=""))

    assert row["device"] == "lap\rtop"
    assert row["exercise"] == name
    assert row["workout"] == "SUM(A1), [bold]not markup[/]"
    assert row["band"] == "red, old"


def test_a_text_cell_a_spreadsheet_would_run_starts_with_a_quote_in_csv_only() -> None:
    """OWASP's advice against CSV injection: `=`, `+`, `-`, `@`, tab and CR start a formula."""
    started = datetime(2025, 3, 1, 7, 0, tzinfo=UTC)
    routine = '=HYPERLINK("http://x/?"&A1,"click")'
    record = WorkoutRecord(
        id="+1a2b",
        routine=RoutineRef(routine),
        started=started,
        ended=started + timedelta(minutes=5),
        status=WorkoutStatus.COMPLETED,
        device="\tphone",
        exercises=(
            ExerciseRecord(1, "@SUM(1+1)", None, 2, reps_done(10, 0), band="-2+3"),
            ExerciseRecord(2, "\rcmd|' /C calc'!A0", None, 1, held(1, 0.0)),
            ExerciseRecord(3, "Bridge = hips up", None, 1, reps_done(8), band="a-b"),
        ),
    )

    rows = list(csv.DictReader(io.StringIO(csv_text([record]), newline="")))

    assert [row["workout"] for row in rows] == ["'" + routine] * 4
    assert [row["exercise"] for row in rows] == [
        "'@SUM(1+1)", "'@SUM(1+1)", "'\rcmd|' /C calc'!A0", "Bridge = hips up"
    ]  # fmt: skip
    assert [row["band"] for row in rows] == ["'-2+3", "'-2+3", "", "a-b"]
    assert {row["device"] for row in rows} == {"'\tphone"}
    assert {row["workout_id"] for row in rows} == {"'+1a2b"}
    # Numbers are not text cells: they are as they were.
    assert [(row["reps"], row["seconds"]) for row in rows] == [
        ("10", ""), ("0", ""), ("", "0.0"), ("8", "")
    ]  # fmt: skip
    # JSON keeps the exact text.
    exported = record_to_json(record)
    assert exported["routine"]["name"] == routine
    assert exported["exercises"][0]["name"] == "@SUM(1+1)"
    assert exported["device"] == "\tphone"


def test_json_keeps_every_figure_with_iso_datetimes(records: list[WorkoutRecord]) -> None:
    exported = records_to_json(records)

    assert [item["started"] for item in exported] == sorted(
        (item["started"] for item in exported), key=datetime.fromisoformat
    )
    for item, record in zip(exported, sorted(records, key=lambda r: r.started), strict=True):
        assert datetime.fromisoformat(item["started"]) == record.started
        assert datetime.fromisoformat(item["ended"]).utcoffset() is not None
        assert item["active_seconds"] == pytest.approx(
            sum(segment["actual_seconds"] for segment in item["segments"])
        )
        assert len(item["segments"]) == len(record.segments)
    paused = next(item for item in exported if item["paused_seconds"])
    assert paused["started"] == "2025-03-15T09:30:00+01:00"
    assert paused["paused_seconds"] == 48.0
    assert exported[4]["started"] == "2025-02-06T07:30:00+01:00"
    assert exported[4]["status"] == "stopped early"
    assert exported[-1]["status"] == "in progress" and exported[-1]["resume_at"] is not None


def test_json_says_null_where_the_file_has_nothing(records: list[WorkoutRecord]) -> None:
    bare = replace(records[1], routine=RoutineRef("Bare"), resume_at=None)
    item = record_to_json(bare)
    assert item["routine"] == {
        "name": "Bare", "file": None, "sha256": None, "counts_toward_streak": True
    }
    assert item["resume_at"] is None
    assert item["sets_not_done"] == []
    clamshell = next(e for e in item["exercises"] if e["name"] == "Clamshell")
    assert clamshell["side"] == "right" and clamshell["hold_seconds"] is None
    assert clamshell["sets"][0]["seconds"] is None and clamshell["sets"][0]["held_seconds"] == []


def test_the_listing_row(records: list[WorkoutRecord]) -> None:
    assert listing_row(records[1]) == (
        "2025-03-18 07:30",
        "Hip stability",
        "completed",
        "10",
        "7:53",
        "laptop",
    )
