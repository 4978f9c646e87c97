"""A workout record as a TOML document a person can read, and back.

The file is meant to be opened in an editor: plain key names with their unit in them
(`actual_seconds`), ISO dates with the UTC offset they were recorded in, one `[[exercise]]`
table per exercise and side, with one line per set reached in its `sets` (`{ set = 2, result =
"skipped" }`), and one `[[segment]]` per pass through a segment of the plan. Keys with nothing
to say (a side for an exercise done on both sides at once, a band nobody chose, the reps of a
skipped set) are left out rather than written as a placeholder, because TOML has no null.

Format 2 is this one. Format 1 (until November 2026) kept each exercise's reps and holds as
lists that did not say which set each belonged to, and called a workout with skipped sets
completed; it is read through `format_1`, which works out what such a file meant, and is never
written back: a file changes only when the person's own workout does.

Reading is strict about the values it needs and lenient about everything else: unknown keys are
ignored, so a newer bandtimer on another device can add some without older ones rejecting the
file, and a date written without an offset is taken as local time, as a person would mean it.
A value that is wrong raises `HistoryFormatError` naming the table and key.
"""

from __future__ import annotations

import math
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import tomli_w

from bandtimer.domain.dose import Dose
from bandtimer.domain.history import (
    ExerciseRecord,
    Feel,
    RoutineRef,
    SetRecord,
    WorkoutRecord,
    WorkoutStatus,
)
from bandtimer.domain.plan import SegmentKind
from bandtimer.domain.records import SegmentRecord, SetOutcome
from bandtimer.domain.routine import Side
from bandtimer.storage.history import format_1, quick_toml
from bandtimer.storage.history.fields import (
    MOST_HOLD_SECONDS,
    MOST_REPS,
    MOST_SETS,
    Fields,
    HistoryFormatError,
    Table,
)

__all__ = [
    "FORMAT_VERSION",
    "HistoryFormatError",
    "document_from_toml",
    "record_from_document",
    "record_from_toml",
    "record_to_toml",
]

FORMAT_VERSION = 2
"""Bumped only for a change older versions would misread; adding a key does not need it.
2: each exercise's `sets`, one per set with its result, and the `partial` status."""
MOST_FORMAT = 1_000_000

MOST_EXERCISES = 1000
"""[[exercise]] tables in one record (one per exercise and side), and the highest `number`."""
MOST_SEGMENTS = 100_000
"""[[segment]] tables in one record, and the highest segment `index` or `resume_at`."""

HEADER = """\
# A workout recorded by bandtimer. You may edit it; keep the file name as it is.
# Times are local, with their offset from UTC. Seconds are active time: pauses are counted apart.
"""


def record_to_toml(record: WorkoutRecord) -> str:
    top: Table = {
        "format": FORMAT_VERSION,
        "id": record.id,
        "status": record.status.value,
        "started": _toml_moment(record.started),
        "ended": _toml_moment(record.ended),
        "device": record.device,
    }
    if record.resume_at is not None:
        top["resume_at"] = record.resume_at
    routine: Table = {"name": record.routine.name}
    if record.routine.file is not None:
        routine["file"] = str(record.routine.file)
    if record.routine.sha256 is not None:
        routine["sha256"] = record.routine.sha256
    if not record.routine.counts_toward_streak:
        routine["counts_toward_streak"] = False
    parts = [HEADER, _key_values(top), "\n[routine]\n", _key_values(routine)]
    for entry in record.exercises:
        parts += ["\n[[exercise]]\n", _key_values(_exercise_table(entry))]
    for segment in record.segments:
        parts += ["\n[[segment]]\n", _key_values(_segment_table(segment))]
    return "".join(parts)


def _key_values(table: Table) -> str:
    """`key = value` lines in the table's order, lists of numbers on one line: `[12, 12, 10]`.

    tomli_w writes every literal (it knows TOML's escaping); the layout is done here because
    tomli_w puts each list item on a line of its own and may turn short `[[tables]]` inline.
    """
    scalars = {key: value for key, value in table.items() if not isinstance(value, list)}
    # A flat table of scalars comes out of tomli_w as exactly one line per key, in order. Split
    # on "\n" only: a string may hold other line separators (U+2028) that TOML leaves as they are.
    lines = dict(zip(scalars, tomli_w.dumps(scalars).split("\n")[:-1], strict=True))
    for key, value in table.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            items = "".join(f"    {_inline(item)},\n" for item in value)
            lines[key] = f"{key} = [\n{items}]"
        elif isinstance(value, list):
            lines[key] = f"{key} = {_numbers(value)}"
    return "".join(lines[key] + "\n" for key in table)


def _numbers(values: list[object]) -> str:
    return f"[{', '.join(_number(item) for item in values)}]"


def _inline(table: Table) -> str:
    """`{ set = 1, result = "done", reps = 12 }`: one set on one line."""
    cells = []
    for key, value in table.items():
        if isinstance(value, list):
            cells.append(f"{key} = {_numbers(value)}")
        else:
            cells.append(tomli_w.dumps({key: value}).rstrip("\n"))
    return "{ " + ", ".join(cells) + " }"


def _number(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise TypeError(f"a list in a workout record holds finite numbers, not {value!r}")
    return repr(value)


def _toml_moment(moment: datetime) -> datetime:
    """TOML offsets are whole minutes; the odd historical zone that is not goes out as UTC."""
    offset = moment.utcoffset()
    if offset is not None and offset.total_seconds() % 60:
        return moment.astimezone(UTC)
    return moment


def _exercise_table(entry: ExerciseRecord) -> Table:
    table: Table = {"number": entry.number, "name": entry.name}
    if entry.side is not None:
        table["side"] = entry.side.value
    table["sets_planned"] = entry.sets_planned
    if entry.hold_seconds is not None:
        table["hold_seconds"] = entry.hold_seconds
    if entry.band is not None:
        table["band"] = entry.band
    if entry.feel is not None:
        table["feel"] = entry.feel.value
    if entry.offered is not None:
        table["offered_sets"] = entry.offered.sets
        if entry.offered.hold is not None:
            table["offered_hold_seconds"] = entry.offered.hold
        if entry.offered.band is not None:
            table["offered_band"] = entry.offered.band
    table["sets"] = [_set_table(done) for done in entry.sets]
    return table


def _set_table(done: SetRecord) -> Table:
    table: Table = {"set": done.number}
    if done.round != 1:
        table["round"] = done.round
    table["result"] = done.outcome.value
    if done.reps is not None:
        table["reps"] = done.reps
    if done.seconds is not None:
        table["seconds"] = done.seconds
    if done.held_seconds:
        table["held_seconds"] = list(done.held_seconds)
    return table


def _segment_table(segment: SegmentRecord) -> Table:
    table: Table = {
        "index": segment.segment_index,
        "kind": segment.kind.value,
        "exercise": segment.exercise_name,
        "set": segment.set_number,
    }
    if segment.side is not None:
        table["side"] = segment.side.value
    table |= {
        "planned_seconds": segment.planned_seconds,
        "actual_seconds": segment.actual_seconds,
        "paused_seconds": segment.paused_seconds,
        "started_after_seconds": segment.started_at,
    }
    if segment.reps_done is not None:
        table["reps"] = segment.reps_done
    table["skipped"] = segment.skipped
    return table


def record_from_toml(text: str) -> WorkoutRecord:
    """The record in `text`; raises HistoryFormatError for anything that is not one."""
    return record_from_document(document_from_toml(text))


def document_from_toml(text: str) -> Table:
    """What TOML makes of `text`, before it is checked to be a record (the history index keeps
    this, so that reading it back checks it exactly as reading the file does)."""
    try:
        return quick_toml.loads(text)  # tomllib's document, sooner for a record's segments
    except tomllib.TOMLDecodeError as error:
        raise HistoryFormatError(f"is not valid TOML: {error}") from None
    except RecursionError:
        raise HistoryFormatError("is not valid TOML: it nests too deeply") from None
    except ValueError:  # Python refuses to read an integer of more than 4,300 digits
        raise HistoryFormatError(
            "is not a workout record: it holds a number thousands of digits long"
        ) from None


def record_from_document(document: Table) -> WorkoutRecord:
    """The record a parsed history file holds; raises HistoryFormatError naming the key.

    A format 1 file is read as what it meant (`format_1`); the file itself is left as it is."""
    top = Fields(document, "")
    # A hand-written file may leave the format out: one without any `sets` is format 1's shape.
    version = top.optional_whole("format", most=MOST_FORMAT) or _shape_of(document)
    if version > FORMAT_VERSION:
        raise HistoryFormatError(
            f"was written by a newer bandtimer (format {version}); this one reads format "
            f"{FORMAT_VERSION}"
        )
    routine = Fields(top.table("routine"), "[routine]")
    file = routine.optional_text("file")
    segments = tuple(
        _segment(Fields(table, f"[[segment]] {number}"))
        for number, table in enumerate(top.tables("segment", most=MOST_SEGMENTS), start=1)
    )
    exercise_tables = [
        Fields(table, f"[[exercise]] {number}")
        for number, table in enumerate(top.tables("exercise", most=MOST_EXERCISES), start=1)
    ]
    status = top.choice("status", WorkoutStatus)
    if version == 1:
        exercises = tuple(
            format_1.exercise(fields, segments, number=_number_of(fields))
            for fields in exercise_tables
        )
        status = format_1.status(status, exercises)
    else:
        exercises = tuple(_exercise(fields) for fields in exercise_tables)
    return WorkoutRecord(
        id=top.text("id"),
        routine=RoutineRef(
            name=routine.text("name"),
            file=Path(file) if file is not None else None,
            sha256=routine.optional_text("sha256"),
            counts_toward_streak=routine.flag("counts_toward_streak", default=True),
        ),
        started=top.moment("started"),
        ended=top.moment("ended"),
        status=status,
        device=top.text("device"),
        resume_at=top.optional_whole("resume_at", most=MOST_SEGMENTS),
        exercises=exercises,
        segments=segments,
    )


def _shape_of(document: Table) -> int:
    exercises = document.get("exercise")
    if isinstance(exercises, list) and exercises and not any(
        isinstance(table, dict) and "sets" in table for table in exercises
    ):
        return 1
    return FORMAT_VERSION


def _number_of(fields: Fields) -> int:
    return fields.whole("number", least=1, most=MOST_EXERCISES)


def _exercise(fields: Fields) -> ExerciseRecord:
    return ExerciseRecord(
        number=_number_of(fields),
        name=fields.text("name"),
        side=fields.optional_choice("side", Side),
        sets_planned=fields.whole("sets_planned", most=MOST_SETS),
        sets=tuple(
            _set(Fields(table, f"{fields.where} `sets` item {number}"))
            for number, table in enumerate(
                fields.tables("sets", most=MOST_SETS, inline=True), start=1
            )
        ),
        hold_seconds=fields.optional_whole("hold_seconds", most=MOST_HOLD_SECONDS),
        band=fields.optional_text("band"),
        feel=fields.optional_choice("feel", Feel),
        offered=_offered(fields),
    )


def _offered(fields: Fields) -> Dose | None:
    """The dose offered and taken back, written only when there was one."""
    sets = fields.optional_whole("offered_sets", most=MOST_SETS)
    if sets is None:
        return None
    return Dose(
        sets=sets,
        hold=fields.optional_whole("offered_hold_seconds", most=MOST_HOLD_SECONDS),
        band=fields.optional_text("offered_band"),
    )


def _set(fields: Fields) -> SetRecord:
    reps = fields.optional_whole("reps", most=MOST_REPS)
    seconds = fields.seconds("seconds") if fields.has("seconds") else None
    return SetRecord(
        number=fields.whole("set", least=1, most=MOST_SETS),
        round=fields.whole("round", least=1, most=MOST_SETS) if fields.has("round") else 1,
        outcome=fields.choice("result", SetOutcome),
        reps=reps,
        seconds=seconds,
        held_seconds=fields.seconds_list("held_seconds", longest=MOST_REPS),
    )


def _segment(fields: Fields) -> SegmentRecord:
    return SegmentRecord(
        segment_index=fields.whole("index", most=MOST_SEGMENTS),
        kind=fields.choice("kind", SegmentKind),
        exercise_name=fields.text("exercise"),
        set_number=fields.whole("set", most=MOST_SETS),
        side=fields.optional_choice("side", Side),
        planned_seconds=fields.seconds("planned_seconds"),
        actual_seconds=fields.seconds("actual_seconds"),
        paused_seconds=fields.seconds("paused_seconds"),
        started_at=fields.seconds("started_after_seconds"),
        reps_done=fields.optional_whole("reps", most=MOST_REPS),
        skipped=fields.flag("skipped"),
    )
