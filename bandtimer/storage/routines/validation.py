"""Turning a parsed routine file into a `Routine`, or into the list of everything wrong with it.

The rules live here, next to each other, so they can be read against docs/routine-format.md:
which fields there are and the bounds of each number. Which combinations of the dose fields make
a set is each kind of set's own rule (`domain.set_kinds`), asked here. A routine is only built
when the whole file is right; a half-built routine would start a workout that stops at the
broken exercise.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bandtimer.domain.plan import build_plan
from bandtimer.domain.routine import Band, Block, Exercise, IntRange, Routine, Sides, Timing
from bandtimer.domain.set_kinds import DOSE_FIELDS, kind_from_fields, shape_problems
from bandtimer.storage.routines.fields import (
    MAX_PHRASE,
    Bounds,
    ChoiceField,
    Field,
    FlagField,
    NameField,
    NumberField,
    ProgressionField,
    RangeField,
    Reporter,
    SecondsField,
    SwitchOffField,
    Table,
    TextField,
    TextsField,
    check_keys,
    read_flag,
    read_name,
    read_text,
    read_texts,
)
from bandtimer.storage.routines.problems import Problem, RoutineError, quoted, shown
from bandtimer.storage.routines.toml_lines import KeyPath, LineIndex

SETS = Bounds(1, 20)
REPS = Bounds(1, 200)
HOLD = Bounds(5, 60, "seconds")
TEMPO = Bounds(0.5, 30, "seconds")
WORK = Bounds(5, 600, "seconds")
REST = Bounds(0, 600, "seconds")
ROUNDS = Bounds(1, 20)

MAX_EXERCISES = 100
MAX_SEGMENTS = 2000
"""The size of a routine: ten times the longest band session an article suggests (the shipped
routines have at most 9 exercises and 102 segments; these limits allow 100 exercises of five
sets a side, eleven hours). A limit rather than a promise that every path scales: `show` prints
a line per segment and the workout screen, the recorder and the menu's preview all walk the
plan, so a 10,000-exercise file took minutes to show; at these limits the largest routine shows,
starts, saves and previews as fast as a shipped one to within a second (docs/routine-format.md,
"Limits")."""

# The fields of a routine file, each with its kind (which reads it) and the words
# docs/routine-format.md gives it: the validator reads through these, and
# schema/routine.schema.json is generated from them (`routines.schema`).
ROUTINE_TOP_FIELDS: dict[str, Field] = {
    "name": NameField("The routine's name, shown in the menu; required. One of your own with "
                      "the name of a shipped routine replaces it."),
    "description": TextField("What the routine is, shown in its preview."),
    "source": TextField("Where the exercises come from."),
    "notes": TextField("Anything else a user should know, such as dosing the project chose."),
    "tags": TextsField("Tags, e.g. pre-run, post-run, rest-day."),
    "equipment": TextsField("What the routine needs, e.g. mini band."),
    "counts_toward_streak": FlagField(
        "false: its workouts are recorded but never count toward the weekly streak, this "
        "week's count or the totals (a sampler, a warm-up). Default true."
    ),
}
TIMING_FIELDS: dict[str, SecondsField | RangeField] = {
    "get_ready": SecondsField(Bounds(0, 300, "seconds"), "Before the first exercise"),
    "rest_between_sets": RangeField(REST, "Rest between two sets; the plan times the low end"),
    "rest_between_exercises": RangeField(
        REST, "Rest between two exercises; the plan times the low end"
    ),
    "switch_sides": SecondsField(
        Bounds(0, 120, "seconds"), "Between the right and the left side"
    ),
    "rep_release": SecondsField(Bounds(0, 30, "seconds"), "Between two held reps"),
}
EXERCISE_FIELD_KINDS: dict[str, Field] = {
    "name": NameField("The exercise's name; required, unique within the routine."),
    "band": ChoiceField(Band, "The kind of band."),
    "placement": TextField(
        "Where the band goes, e.g. around the thighs, above the knees.", most=MAX_PHRASE
    ),
    "anchor": TextField("What to tie the band to, if anything.", most=MAX_PHRASE),
    "muscles": TextsField("The muscles it works."),
    "sides": ChoiceField(
        Sides, "both (the default): together; each: the right side then the left every set; "
        "alternate: right and left take turns every rep; right or left: that side only."
    ),
    "sets": RangeField(SETS, "Sets; the plan aims for the low end"),
    "reps": RangeField(REPS, "Reps in a set; a set runs to the top of the range"),
    "hold": RangeField(
        HOLD, "Seconds each rep is held, or with no reps, one timed hold per set"
    ),
    "tempo": NumberField(TEMPO, "Seconds per rep, for reps that are not held"),
    "work": SecondsField(WORK, "Seconds of work in a set, as many reps as you can; asks the "
                         "reps afterwards. Alone: not with reps, hold or tempo"),
    "count_reps": SwitchOffField(
        "false: a timed item with nothing to count (a stretch, a balance, a walk) of work "
        "seconds; nothing is asked at its end",
        "a work set asks for its reps unless this says false",
    ),
    "rest": RangeField(REST, "Rest between sets of this exercise, instead of "
                       "timing.rest_between_sets; the plan times the low end"),
    "steps": TextsField("How to do it, step by step.", single=True),
    "why": TextField("What it does for a runner."),
    "notes": TextField("Anything else about this exercise, shown before it starts."),
    "progression": ProgressionField(HOLD, "Hold seconds to step up through, easiest first"),
}

ROUTINE_TEXTS = tuple(k for k, f in ROUTINE_TOP_FIELDS.items() if isinstance(f, TextField))
ROUTINE_LISTS = tuple(k for k, f in ROUTINE_TOP_FIELDS.items() if isinstance(f, TextsField))
ROUTINE_FLAGS = tuple(k for k, f in ROUTINE_TOP_FIELDS.items() if isinstance(f, FlagField))
BLOCK_OWN_FIELDS: dict[str, Field] = {
    "name": TextField("What the block is called, e.g. Circuit; shown with its rounds.",
                      most=MAX_PHRASE),
    "rounds": RangeField(ROUNDS, "Times the block's exercises are done, one after the other; "
                         "the plan aims for the low end"),
    "rest_between_rounds": RangeField(
        REST, "Rest before each round after the first, instead of "
        "timing.rest_between_exercises; the plan times the low end"
    ),
    "rest_between_exercises": RangeField(
        REST, "Rest between two of the block's exercises within a round (0: a superset), "
        "instead of timing.rest_between_exercises; the plan times the low end"
    ),
}
BLOCK_FIELDS = (*BLOCK_OWN_FIELDS, "exercise")
ROUTINE_FIELDS = (*ROUTINE_TOP_FIELDS, "timing", "exercise", "block")
TIMING_BOUNDS = {key: field.bounds for key, field in TIMING_FIELDS.items()}
EXERCISE_FIELDS = tuple(EXERCISE_FIELD_KINDS)
KEYS_OF_TABLES: dict[str, tuple[str, ...]] = {
    "routine": ROUTINE_FIELDS,
    "timing": tuple(TIMING_FIELDS),
    "exercise": EXERCISE_FIELDS,
    "block": BLOCK_FIELDS,
}
"""Every table of a routine file and its keys: a did-you-mean offers only a key of the table
it is in (tests/storage/test_routine_hints.py)."""


def build_routine(document: Table, path: Path, lines: LineIndex) -> Routine:
    """The routine a parsed file describes; raises RoutineError with every problem in it."""
    top = Reporter(path, lines)
    check_keys(document, ROUTINE_FIELDS, top)
    name = read_name(document, top)
    values: dict[str, Any] = {}
    for key in ROUTINE_TEXTS:
        text = read_text(document, key, top)
        if text is not None:
            values[key] = text
    for key in ROUTINE_LISTS:
        texts = read_texts(document, key, top)
        if texts is not None:
            values[key] = texts
    for key in ROUTINE_FLAGS:
        flag = read_flag(document, key, top)
        if flag is not None:
            values[key] = flag
    timing = _read_timing(document.get("timing"), top)
    exercises, blocks = _read_exercises(document, top)
    if top.problems or name is None:
        raise RoutineError(_in_file_order(top.problems))
    routine = Routine(
        name=name, exercises=exercises, timing=timing, path=path, blocks=blocks, **values
    )
    _check_plan_size(routine, top)
    return routine


def _check_plan_size(routine: Routine, top: Reporter) -> None:
    """At most `MAX_SEGMENTS` segments, reported at the exercise whose sets pass the limit."""
    segments = build_plan(routine).segments
    if len(segments) <= MAX_SEGMENTS:
        return
    past = segments[MAX_SEGMENTS]
    message = (
        f"takes the plan past {MAX_SEGMENTS:,} segments (sets, sides and the rests between "
        f"them; this routine plans {len(segments):,}): a routine can plan at most "
        f"{MAX_SEGMENTS:,}; use fewer sets, rounds or exercises"
    )
    exercise = past.exercise
    top.problems.append(
        Problem(top.path, exercise.line, past.exercise_number, exercise.name, None, message)
    )
    raise RoutineError(top.problems)


def _in_file_order(problems: list[Problem]) -> list[Problem]:
    """Problems of the file as a whole first, then the rest from the top of the file down."""
    return sorted(problems, key=lambda problem: (problem.line is not None, problem.line or 0))


def _read_timing(value: object, top: Reporter) -> Timing:
    if value is None:
        return Timing()
    if not isinstance(value, dict):
        top.report("timing", f"timing must be a [timing] table of seconds, got {shown(value)}")
        return Timing()
    at = top.within("timing", label_prefix="timing.")
    check_keys(value, TIMING_BOUNDS, at)
    pauses: dict[str, Any] = {}
    for key, field in TIMING_FIELDS.items():
        seconds = field.read(value, key, at)
        if seconds is not None:
            pauses[key] = seconds
    return Timing(**pauses)


def _read_exercises(
    document: Table, top: Reporter
) -> tuple[tuple[Exercise, ...], tuple[Block, ...]]:
    """Every exercise, on its own or in a block, in the order the file has them, numbered
    from 1 in that order; and the blocks."""
    plain = _tables(document.get("exercise"), "exercise", top)
    grouped = _tables(document.get("block"), "block", top)
    if plain is None or grouped is None:
        return (), ()
    if not plain and not grouped:
        top.report("exercise", "the routine has no exercises: add at least one [[exercise]]")
        return (), ()
    parts: list[tuple[int, KeyPath, object]] = [
        (_line_of(top, ("exercise", n)), ("exercise", n), table)
        for n, table in enumerate(plain, start=1)
    ]
    parts += [
        (_line_of(top, ("block", n)), ("block", n), table) for n, table in enumerate(grouped, 1)
    ]
    parts.sort(key=lambda part: part[0])
    reading = _Exercises(top)
    blocks: list[Block] = []
    for _, path, table in parts:
        if path[0] == "exercise":
            reading.read(path, table)
            continue
        block = _read_block(int(path[1]), table, reading, top)
        if block is not None:
            blocks.append(block)
    if reading.past_the_limit > MAX_EXERCISES:
        top.for_exercise(MAX_EXERCISES + 1).report(
            None,
            f"is past the limit: a routine can have at most {MAX_EXERCISES} exercises, and "
            f"this file has {reading.past_the_limit:,}",
        )
    return tuple(reading.exercises), tuple(blocks)


def _line_of(top: Reporter, path: KeyPath) -> int:
    """Where a table starts, to put exercises and blocks in the file's order; a table without
    a line of its own (written inline) keeps its place after those with one."""
    line = top.lines.exact(path)
    return line if line is not None else 10**9


def _tables(value: object, key: str, top: Reporter) -> list[object] | None:
    """The array of tables at `key` (empty when there is none), or None when it is not one."""
    if value is None:
        return []
    if isinstance(value, dict):
        top.report(
            key, f"{key}s must be written [[{key}]], with double brackets, got [{key}]"
        )  # fmt: skip
        return None
    if not isinstance(value, list):
        top.report(key, f"{key} must be [[{key}]] tables, got {shown(value)}")
        return None
    return value


class _Exercises:
    """The exercises read so far, numbered in file order, and the names already taken."""

    def __init__(self, top: Reporter) -> None:
        self.top = top
        self.exercises: list[Exercise] = []
        self.number = 0
        self.past_the_limit = 0
        """How many exercise tables the file has, counted on past the limit."""
        self.first_with_name: dict[str, tuple[int, str]] = {}

    def read(self, path: KeyPath, table: object) -> bool:
        """Reads the exercise at `path`; whether it made an exercise."""
        self.past_the_limit += 1
        if self.past_the_limit > MAX_EXERCISES:
            return False  # only these are read: check stays quick however many
        self.number += 1
        number = self.number
        at = self.top.for_exercise(number, table=path)
        if not isinstance(table, dict):
            at.report(None, f"must be an [[exercise]] table, got {shown(table)}")
            return False
        name = read_name(table, at)
        at = self.top.for_exercise(number, name, table=path)
        exercise = _read_exercise(table, name, at)
        if exercise is not None:
            self.exercises.append(exercise)
        if name is not None:
            first = self.first_with_name.setdefault(name.casefold(), (number, name))
            if first[0] != number:
                at.report(
                    "name",
                    f"name is already used by exercise {first[0]} {quoted(first[1])}; "
                    "each exercise needs its own name",
                )
        return exercise is not None


def _read_block(number: int, table: object, reading: _Exercises, top: Reporter) -> Block | None:
    """The `number`th `[[block]]` and its `[[block.exercise]]`s, read into `reading`."""
    at = top.for_block(number)
    if not isinstance(table, dict):
        at.report(None, f"must be a [[block]] table, got {shown(table)}")
        return None
    check_keys(table, BLOCK_FIELDS, at)
    values: dict[str, Any] = {
        key: field.read(table, key, at) for key, field in BLOCK_OWN_FIELDS.items()
    }
    if values["name"]:
        at = top.for_block(number, values["name"])
    first = len(reading.exercises)
    inside = _tables(table.get("exercise"), "exercise", at)
    if inside == []:
        at.report(None, "has no exercises: add at least one [[block.exercise]] after it")
    made = [
        reading.read(("block", number, "exercise", n), exercise)
        for n, exercise in enumerate(inside or [], start=1)
    ]
    if not inside or not all(made) or any(
        values[key] is None and key in table for key in BLOCK_OWN_FIELDS
    ):
        return None
    rounds = values.pop("rounds") or IntRange.exactly(1)
    given = {key: value for key, value in values.items() if value is not None}
    line = top.lines.exact(("block", number))
    return Block(first=first, size=len(made), rounds=rounds.low, line=line, **given)


def _read_exercise(table: Table, name: str | None, at: Reporter) -> Exercise | None:
    """One exercise, or None when anything in it is wrong (each problem is reported)."""
    problems_before = len(at.problems)
    check_keys(table, EXERCISE_FIELDS, at)
    values: dict[str, Any] = {
        key: field.read(table, key, at)
        for key, field in EXERCISE_FIELD_KINDS.items()
        if key != "name"  # read by the caller, which names the exercise in every problem
    }
    _check_shape(table, at)
    if name is None or len(at.problems) > problems_before:
        return None
    values["sets"] = values["sets"] or IntRange.exactly(1)
    dose = {key: values.pop(key) for key in DOSE_FIELDS if values[key] is not None}
    given = {key: value for key, value in values.items() if value is not None}
    return Exercise(name=name, kind=kind_from_fields(dose), line=at.lines.exact(at.table), **given)


def _check_shape(table: Table, at: Reporter) -> None:
    """The dose fields make one kind of set; see docs/routine-format.md."""
    for key, message in shape_problems(frozenset(key for key in DOSE_FIELDS if key in table)):
        at.report(key, message)
    if "progression" in table and "hold" not in table:
        at.report("progression", "progression needs a hold: it lists hold seconds to step up to")
