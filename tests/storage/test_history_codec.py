"""History files: any record survives the trip to disk and back, and the file reads like this."""

from __future__ import annotations

import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
from bandtimer.storage.history import HistoryStore
from bandtimer.storage.history.codec import (
    MOST_SETS,
    HistoryFormatError,
    record_from_toml,
    record_to_toml,
)
from bandtimer.storage.history.fields import MOST_SECONDS
from bandtimer.storage.history.files import read_record

words = st.text(min_size=1, max_size=30).filter(lambda text: text.strip())
seconds = st.floats(min_value=0, max_value=MOST_SECONDS, allow_nan=False, allow_infinity=False)
counts = st.integers(min_value=0, max_value=MOST_SETS)
offsets = st.integers(-14 * 60, 14 * 60).map(lambda minutes: timezone(timedelta(minutes=minutes)))
moments = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1)).flatmap(
    lambda moment: offsets.map(lambda zone: moment.replace(tzinfo=zone))
)
sides = st.none() | st.sampled_from(Side)

set_records = st.builds(
    SetRecord,
    number=st.integers(1, MOST_SETS),
    outcome=st.sampled_from(SetOutcome),
    reps=st.none() | counts,
    seconds=st.none() | seconds,
    held_seconds=st.lists(seconds, max_size=6).map(tuple),
    round=st.integers(1, MOST_SETS),
)
exercise_records = st.builds(
    ExerciseRecord,
    number=st.integers(1, 50),
    name=words,
    side=sides,
    sets_planned=counts,
    sets=st.lists(set_records, max_size=6).map(tuple),
    hold_seconds=st.none() | counts,
    band=st.none() | words,
    feel=st.none() | st.sampled_from(Feel),
)
segment_records = st.builds(
    SegmentRecord,
    segment_index=counts,
    kind=st.sampled_from(SegmentKind),
    exercise_name=words,
    set_number=counts,
    side=sides,
    planned_seconds=seconds,
    actual_seconds=seconds,
    paused_seconds=seconds,
    started_at=seconds,
    reps_done=st.none() | counts,
    skipped=st.booleans(),
)
workout_records = st.builds(
    WorkoutRecord,
    id=st.text("0123456789abcdef", min_size=1, max_size=12),
    routine=st.builds(
        RoutineRef,
        name=words,
        file=st.none() | words.map(Path).filter(lambda path: str(path).strip()),
        sha256=st.none() | st.text("0123456789abcdef", min_size=64, max_size=64),
        counts_toward_streak=st.booleans(),
    ),
    started=moments,
    ended=moments,
    status=st.sampled_from(WorkoutStatus),
    device=words,
    exercises=st.lists(exercise_records, max_size=4).map(tuple),
    segments=st.lists(segment_records, max_size=6).map(tuple),
    resume_at=st.none() | counts,
)


@settings(max_examples=300, deadline=None)
@given(workout_records)
def test_any_record_written_and_read_back_is_equal(record):
    assert record_from_toml(record_to_toml(record)) == record


@settings(max_examples=50, deadline=None)
@given(workout_records)
def test_any_record_saved_to_a_file_and_loaded_is_equal(record):
    with tempfile.TemporaryDirectory() as folder:
        store = HistoryStore(Path(folder), record.device)
        path = store.save(record)

        assert read_record(path) == record
        assert store.load_all().records == [record]


DONE, CUT_SHORT, SKIPPED = SetOutcome
PLANK_RECORD = WorkoutRecord(
    id="1a2b3c4d",
    routine=RoutineRef('Core "basics"', Path("/home/me/routines/core.toml"), "ab" * 32, False),
    started=datetime(2025, 3, 1, 7, 30, tzinfo=timezone(timedelta(hours=1))),
    ended=datetime(2025, 3, 1, 7, 31, 20, tzinfo=timezone(timedelta(hours=1))),
    status=WorkoutStatus.STOPPED_EARLY,
    device="laptop",
    exercises=(
        ExerciseRecord(
            1, "Clamshell", Side.RIGHT, 3,
            (SetRecord(1, DONE, 12), SetRecord(2, DONE, 12), SetRecord(3, CUT_SHORT, 10)),
            band="blue",
        ),
        ExerciseRecord(
            2, "Plank", None, 2,
            (SetRecord(1, DONE, seconds=30.0), SetRecord(2, CUT_SHORT, seconds=12.5)),
            hold_seconds=30, feel=Feel.HARD,
        ),
        ExerciseRecord(
            3, "Glute bridge", None, 2,
            (SetRecord(1, DONE, 3, held_seconds=(5.0, 5.0, 5.0)), SetRecord(2, SKIPPED)),
            hold_seconds=5,
        ),
    ),
    segments=(
        SegmentRecord(0, SegmentKind.HOLD, "Plank", 1, None, 30, 30.0, 4.5, 10.0),
        SegmentRecord(1, SegmentKind.REPS, "Clamshell", 2, Side.LEFT, 36, 20.1, 0, 45.0, 8, True),
    ),
    resume_at=3,
)

PLANK_FILE = """\
# A workout recorded by bandtimer. You may edit it; keep the file name as it is.
# Times are local, with their offset from UTC. Seconds are active time: pauses are counted apart.
format = 2
id = "1a2b3c4d"
status = "stopped early"
started = 2025-03-01 07:30:00+01:00
ended = 2025-03-01 07:31:20+01:00
device = "laptop"
resume_at = 3

[routine]
name = "Core \\"basics\\""
file = "/home/me/routines/core.toml"
sha256 = "abababababababababababababababababababababababababababababababab"
counts_toward_streak = false

[[exercise]]
number = 1
name = "Clamshell"
side = "right"
sets_planned = 3
band = "blue"
sets = [
    { set = 1, result = "done", reps = 12 },
    { set = 2, result = "done", reps = 12 },
    { set = 3, result = "cut short", reps = 10 },
]

[[exercise]]
number = 2
name = "Plank"
sets_planned = 2
hold_seconds = 30
feel = "hard"
sets = [
    { set = 1, result = "done", seconds = 30.0 },
    { set = 2, result = "cut short", seconds = 12.5 },
]

[[exercise]]
number = 3
name = "Glute bridge"
sets_planned = 2
hold_seconds = 5
sets = [
    { set = 1, result = "done", reps = 3, held_seconds = [5.0, 5.0, 5.0] },
    { set = 2, result = "skipped" },
]

[[segment]]
index = 0
kind = "hold"
exercise = "Plank"
set = 1
planned_seconds = 30
actual_seconds = 30.0
paused_seconds = 4.5
started_after_seconds = 10.0
skipped = false

[[segment]]
index = 1
kind = "reps"
exercise = "Clamshell"
set = 2
side = "left"
planned_seconds = 36
actual_seconds = 20.1
paused_seconds = 0
started_after_seconds = 45.0
reps = 8
skipped = true
"""

FORMAT_1_FILE = """\
# A workout recorded by bandtimer. You may edit it; keep the file name as it is.
# Times are local, with their offset from UTC. Seconds are active time: pauses are counted apart.
format = 1
id = "1a2b3c4d"
status = "stopped early"
started = 2025-03-01 07:30:00+01:00
ended = 2025-03-01 07:31:20+01:00
device = "laptop"
resume_at = 3

[routine]
name = "Core \\"basics\\""
file = "/home/me/routines/core.toml"
sha256 = "abababababababababababababababababababababababababababababababab"

[[exercise]]
number = 1
name = "Clamshell"
side = "right"
sets_planned = 3
sets_done = 2
reps = [12, 12, 10]
band = "blue"

[[exercise]]
number = 2
name = "Plank"
sets_planned = 2
sets_done = 1
hold_seconds = 30
held_seconds = [30.0, 12.5]
feel = "hard"

[[segment]]
index = 0
kind = "hold"
exercise = "Plank"
set = 1
planned_seconds = 30
actual_seconds = 30.0
paused_seconds = 4.5
started_after_seconds = 10.0
skipped = false

[[segment]]
index = 1
kind = "reps"
exercise = "Clamshell"
set = 2
side = "left"
planned_seconds = 36
actual_seconds = 20.1
paused_seconds = 0
started_after_seconds = 45.0
reps = 8
skipped = true
"""


def test_the_file_is_plain_toml_a_person_can_read():
    assert record_to_toml(PLANK_RECORD) == PLANK_FILE
    assert record_from_toml(PLANK_FILE) == PLANK_RECORD


def test_a_hand_edited_file_is_read_leniently():
    """No format line, a local time without an offset, a key from a newer version: all fine."""
    text = """
        id = "abc"
        status = "completed"
        started = 2025-03-01T07:30:00
        ended = 2025-03-01T08:00:00
        device = "phone"
        mood = "great"
        [routine]
        name = "Hips"
        [[exercise]]
        number = 1
        name = "Clamshell"
        sets_planned = 3
        sets_done = 3
        reps = [15, 15, 15]
    """

    record = record_from_toml(text)

    assert record.started == datetime(2025, 3, 1, 7, 30).astimezone()
    assert record.started.tzinfo is not None
    assert record.exercises[0].reps == (15, 15, 15)
    assert record.segments == ()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("format = 2", "format = 3"), "was written by a newer bandtimer (format 3)"),
        (('status = "stopped early"', 'status = "done"'), '`status` must be one of "in progress"'),
        (('id = "1a2b3c4d"\n', ""), "has no `id` (some text)"),
        (("started = 2025-03-01 07:30:00+01:00", "started = 2025-03-01"), "`started` must be a"),
        (("reps = 12 },", 'reps = "x" },'), "[[exercise]] 1 `sets` item 1 `reps` must be a whole"),
        (('result = "done", reps = 12', 'result = "ok", reps = 12'),
         '[[exercise]] 1 `sets` item 1 `result` must be one of "done", "cut short", "skipped"'),
        (('{ set = 2, result = "skipped" }', '{ result = "skipped" }'), "item 2 has no `set`"),
        (('{ set = 1, result = "done", seconds = 30.0 },', "7,"),
         "[[exercise]] 2 `sets` must be a list of at most 400 { ... } tables"),
        (("paused_seconds = 4.5", "paused_seconds = -1"), "[[segment]] 1 `paused_seconds` must"),
        (("skipped = true", 'skipped = "yes"'), "[[segment]] 2 `skipped` must be true or false"),
        (("counts_toward_streak = false", "counts_toward_streak = 0"),
         "[routine] `counts_toward_streak` must be true or false"),
        (("[routine]", "[routin]"), "has no `routine` (a table)"),
        (("resume_at = 3", "resume_at = 3\nresume_at = 4"), "is not valid TOML"),
        # Absurd numbers are refused by name, as routine fields are, whatever their size.
        (("sets_planned = 3", "sets_planned = 1000000000000"), "[[exercise]] 1 `sets_planned`"),
        (("reps = 12 },", "reps = 100000 },"), "`reps` must be a whole number from 0 to 1,000"),
        (("actual_seconds = 30.0", f"actual_seconds = {'9' * 309}"), "`actual_seconds` must be"),
        (("actual_seconds = 30.0", "actual_seconds = 1e308"), "[[segment]] 1 `actual_seconds`"),
        (("actual_seconds = 30.0", "actual_seconds = nan"), "[[segment]] 1 `actual_seconds`"),
        (("seconds = 12.5", "seconds = 1e300"), "[[exercise]] 2 `sets` item 2 `seconds` must"),
        (("sets_planned = 3", "sets_planned = 401"), "`sets_planned` must be a whole number fr"),
        (("held_seconds = [", "held_seconds = [1e300, "), "`held_seconds` must be a list"),
        (("resume_at = 3", "resume_at = 1000000000000"), "`resume_at` must be a whole number"),
        (("number = 1", "number = 99999999999"), "[[exercise]] 1 `number` must be"),
        (("format = 2", "format = 99999999999999999999"), "`format` must be a whole number"),
        (("sets_planned = 3", f"sets_planned = {'9' * 5000}"), "a number thousands of digits"),
    ],
)
def test_a_wrong_value_is_named_with_its_table_and_key(change, message):
    old, new = change
    assert old in PLANK_FILE

    with pytest.raises(HistoryFormatError) as caught:
        record_from_toml(PLANK_FILE.replace(old, new, 1))

    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("reps = [12, 12, 10]", 'reps = [12, "x"]'), "[[exercise]] 1 `reps` must be a list"),
        (("sets_done = 2", "sets_done = 1000000000000"), "[[exercise]] 1 `sets_done` must be a"),
        (("sets_done = 2", "sets_done = 401"), "`sets_done` must be a whole number from 0 to 400"),
        (("reps = [12, 12, 10]", "reps = [12, 12, 100000]"), "[[exercise]] 1 `reps` must be"),
        (("reps = [12, 12, 10]", f"reps = [{', '.join(['1'] * 401)}]"), "`reps` must be a list"),
        (("held_seconds = [", "held_seconds = [1e300, "), "`held_seconds` must be a list"),
    ],
)
def test_a_wrong_value_in_a_format_1_file_is_named_too(change, message):
    old, new = change
    assert old in FORMAT_1_FILE

    with pytest.raises(HistoryFormatError) as caught:
        record_from_toml(FORMAT_1_FILE.replace(old, new, 1))

    assert message in str(caught.value)
