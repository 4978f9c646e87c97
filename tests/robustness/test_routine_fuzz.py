"""Whatever a routine file holds, loading it ends in a Routine or a RoutineError, never a crash.

Five ways in: random bytes and TOML fragments; routine-shaped documents with mostly plausible
values; any valid TOML at all, with the types those leave out (dates, times, offsets, nested
tables, arrays of tables, deep nesting), written by tomli_w; each shipped routine, a file known
to be right, with exactly one thing in it changed, the way a person editing it by hand changes
things (a key deleted, a value of the wrong type or out of range, a huge or strange string, an
unknown key, an exercise copied, a list emptied); and valid documents full of TOML-looking text,
which must come back as written with each exercise placed on its `[[exercise]]` header.

Each example must end in a Routine that can be planned, or in a RoutineError whose every
problem names the file, says something on one line and points at a line inside the file; the
routine cache must change nothing; and a loader stuck for good is turned into a failure by an
alarm rather than a hung run. How fast a load is belongs to `bench/`, not here: a time bound in
a test fails on a busy machine, not on slow code.
"""

from __future__ import annotations

import copy
import math
import signal
import string
import time
import tomllib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta, timezone
from datetime import time as clock_time
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from bandtimer.domain.plan import build_plan
from bandtimer.domain.routine import IntRange, Routine
from bandtimer.domain.set_kinds import CountedReps, TimeBoxed
from bandtimer.domain.text import visible_controls
from bandtimer.storage.routines import RoutineCache, RoutineError, load_routine
from bandtimer.storage.routines.cache import SETTLED_NS
from bandtimer.storage.routines.loading import MAX_ROUTINE_BYTES, parse_routine
from bandtimer.storage.routines.toml_lines import LineIndex
from bandtimer.storage.routines.validation import (
    BLOCK_FIELDS,
    EXERCISE_FIELDS,
    ROUTINE_FIELDS,
    TIMING_BOUNDS,
)

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "routines").glob("*.toml"))
SHIPPED_DOCUMENTS = {path.name: tomllib.loads(path.read_text("utf-8")) for path in SHIPPED}

HANG_ALARM_SECONDS = 10
"""Far above any real load: only a loader stuck for good is interrupted, and reported as a hang."""

FUZZ = settings(
    derandomize=True,  # the same examples on every run, so CI never fails at random
    deadline=None,  # a deadline is a timing assertion too; the alarm catches hangs
    max_examples=120,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# -- loading, with the outcome checked -----------------------------------------------------------


@contextmanager
def hang_alarm(seconds: int) -> Iterator[None]:
    """Turn a loader that never returns into a failure instead of a stuck test run."""

    def give_up(signum: int, frame: object) -> None:
        raise TimeoutError(f"loading did not finish in {seconds} s")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def load_and_check(folder: Path, document: dict[str, Any]) -> Routine | RoutineError:
    """Write `document` as a routine file, load it, and check the outcome is an allowed one."""
    path = folder / "fuzzed.toml"
    path.write_bytes(tomli_w.dumps(document).encode("utf-8"))
    return load_file_and_check(path)


def load_file_and_check(path: Path) -> Routine | RoutineError:
    """Load the routine file at `path` and check the outcome is an allowed one."""
    outcome: Routine | RoutineError
    with hang_alarm(HANG_ALARM_SECONDS):
        try:
            outcome = load_routine(path)
        except RoutineError as error:
            outcome = error
    if isinstance(outcome, RoutineError):
        line_count = path.read_bytes().count(b"\n") + 1
        assert outcome.problems, "a RoutineError with no problem in it"
        for problem in outcome.problems:
            assert problem.message.strip(), f"a problem without a message: {problem!r}"
            assert problem.path == path
            assert str(problem).startswith(str(path)), f"does not name the file: {problem}"
            assert problem.line is None or 1 <= problem.line <= line_count, str(problem)
            assert len(str(problem).splitlines()) == 1, str(problem)
    else:
        plan = build_plan(outcome)  # a routine that loads must also be one a workout can follow
        assert plan.segments and plan.total_seconds > 0
    assert_the_cache_changes_nothing(path, outcome)
    return outcome


def assert_the_cache_changes_nothing(path: Path, uncached: Routine | RoutineError) -> None:
    """Loading through the routine cache, as it is filled and then as it is used, gives exactly
    what loading without it gave."""
    cache_file = path.parent / "cache" / f"{path.stem}.json"
    cache_file.unlink(missing_ok=True)
    for using in (False, True):
        cache = RoutineCache(cache_file, now_ns=lambda: time.time_ns() + 10 * SETTLED_NS)
        if using and isinstance(uncached, Routine):
            assert cache.parsed(path, path.stat()) is not None, "a valid routine was not cached"
        try:
            cached: Routine | RoutineError = load_routine(path, cache)
        except RoutineError as error:
            cached = error
        cache.save()
        if isinstance(uncached, RoutineError):
            assert isinstance(cached, RoutineError)
            assert cached.problems == uncached.problems
        else:
            assert cached == uncached


# -- random bytes, and routine-shaped documents -------------------------------------------------

# Pieces of routine files, so that random files get past the TOML parser now and then.
FRAGMENTS = [
    b"\n", b" ", b"name", b"reps", b"hold", b"tempo", b"work", b"sets", b"timing", b"get_ready",
    b"exercise", b" = ", b"=", b".", b'"', b"'", b'"""', b"'''", b"\\", b"#", b"[", b"]",
    b"[[exercise]]\n", b"[timing]\n", b"{", b"}", b",", b"10", b"-5", b"2.5", b"true",
    b'"x"', b"\xff", b"\xc3\xa9", b"\x00", b"\r\n", b"\xef\xbb\xbf",
]  # fmt: skip

routine_files = st.one_of(
    st.binary(max_size=300),
    st.lists(st.sampled_from(FRAGMENTS), max_size=60).map(b"".join),
)

plain_values = st.recursive(
    st.booleans() | st.integers(-1000, 1000) | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def mostly(good: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Usually a plausible value, sometimes anything at all."""
    return st.one_of(good, good, good, plain_values)


numbers = st.integers(5, 20) | st.integers(-2, 250)
ranges = mostly(numbers | st.lists(numbers, min_size=2, max_size=2).map(sorted))
names = mostly(st.text(min_size=1, max_size=12))
exercise_tables = st.fixed_dictionaries(
    {"name": names},
    optional={
        "sets": ranges,
        "reps": ranges,
        "hold": ranges,
        "tempo": mostly(st.floats(0, 40)),
        "work": mostly(st.integers(0, 700)),
        "count_reps": mostly(st.just(False)),
        "sides": mostly(st.sampled_from(["each", "both", "left", "right", "alternate", "one"])),
        "band": mostly(st.sampled_from(["mini", "loop", "hip circle", "medium"])),
        "steps": mostly(st.text(max_size=20) | st.lists(st.text(max_size=20), max_size=3)),
        "progression": mostly(st.lists(numbers, max_size=4)),
        "rest": ranges,
        "notes": mostly(st.text(max_size=20)),
        "rep": plain_values,
    },
)
block_tables = st.fixed_dictionaries(
    {"exercise": mostly(st.lists(exercise_tables, max_size=3))},
    optional={
        "name": mostly(st.text(max_size=12)),
        "rounds": ranges,
        "rest_between_rounds": ranges,
        "rest_between_exercises": ranges,
        "round": plain_values,
    },
)
routine_documents = st.fixed_dictionaries(
    {"name": names, "exercise": st.lists(exercise_tables, max_size=4)},
    optional={
        "block": mostly(st.lists(block_tables, max_size=3)),
        "timing": st.dictionaries(
            st.sampled_from(
                ["get_ready", "switch_sides", "rep_release", "get_redy", "rest_between_sets",
                 "rest_between_exercises"]
            ),
            ranges,
            max_size=3,
        ),
        "notes": mostly(st.text(max_size=20)),
    },
)


@settings(FUZZ, max_examples=300)
@given(content=routine_files)
def test_any_bytes_load_or_fail_with_routine_error(
    content: bytes, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.getbasetemp() / "fuzzed.toml"
    path.write_bytes(content)
    event(type(load_file_and_check(path)).__name__)


@settings(FUZZ, max_examples=150)
@given(document=routine_documents)
def test_any_routine_shaped_document_loads_or_fails_with_routine_error(
    document: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> None:
    event(type(load_and_check(tmp_path_factory.getbasetemp(), document)).__name__)


# -- any valid TOML ------------------------------------------------------------------------------

offsets = st.integers(-18 * 60 + 1, 18 * 60 - 1).map(lambda m: timezone(timedelta(minutes=m)))
moments = st.one_of(
    st.dates(),
    st.times(),  # TOML has no time of day with an offset
    st.datetimes(),
    st.datetimes(timezones=st.just(UTC) | offsets),
)
keys = st.one_of(
    st.sampled_from(
        ["name", "exercise", "timing", "reps", "hold", "sets", "steps", "tempo", "work"]
    ),
    st.text(max_size=10),
)
leaves = st.one_of(
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(),  # nan and ±inf too: TOML has them
    st.text(max_size=30),
    moments,
)
toml_values = st.recursive(
    leaves,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(keys, inner, max_size=5),
    max_leaves=40,
)
tables = st.dictionaries(keys, toml_values, max_size=8)
arrays_of_tables = st.lists(tables, min_size=1, max_size=4)
routine_like = st.fixed_dictionaries(
    {"name": toml_values, "exercise": arrays_of_tables | toml_values},
    optional={"timing": tables | toml_values, "description": toml_values},
)


def nested(depth: int, innermost: object, as_tables: bool) -> object:
    value = innermost
    for level in range(depth):
        value = {f"level{level}": value} if as_tables else [value]
    return value


deeply_nested = st.builds(
    lambda key, depth, innermost, as_tables: {key: nested(depth, innermost, as_tables)},
    keys,
    st.sampled_from([10, 60, 120]),
    leaves,
    st.booleans(),
)
any_document = st.one_of(tables, routine_like, deeply_nested)


@FUZZ
@given(document=any_document)
def test_any_valid_toml_document_loads_or_fails_with_routine_error(
    document: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> None:
    event(type(load_and_check(tmp_path_factory.getbasetemp(), document)).__name__)


# -- a shipped routine with one thing changed ----------------------------------------------------

Location = tuple[str | int, ...]


def locations(value: object, at: Location = ()) -> Iterator[Location]:
    """Every key and list item in a document, by where it is: ("exercise", 2, "hold")."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*at, key)
            yield from locations(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield (*at, index)
            yield from locations(item, (*at, index))


def tables_in(value: object, at: Location = ()) -> Iterator[Location]:
    """Where the tables are: the document itself, [timing], every [[exercise]]."""
    if isinstance(value, dict):
        yield at
        for key, item in value.items():
            yield from tables_in(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from tables_in(item, (*at, index))


def container(document: dict[str, Any], at: Location) -> Any:
    for step in at:
        document = document[step]  # type: ignore[index]
    return document


ugly_text = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "null",
            "None",
            "nil",
            "NaN",
            "true",
            "0",
            "-1",
            "1e999",
            "\u202eevil\u202c",  # right-to-left override
            "e\u0301" * 50,  # combining accents
            "\u200b\ufeff\u200d",  # invisible
            "🏃‍♀️" * 20,
            "\x1b[31mred\x1b[0m",  # a terminal escape
            "line one\nline two\r\n",
            "\x00\x07\x7f\x85\u2028",
            "[[exercise]]\nname = 'x'",
            "${HOME}",
            "'; DROP TABLE --",
        ]
    ),
    st.text(st.characters(codec="utf-8"), max_size=40),
)
huge_text = st.builds(
    lambda char, count: char * count,
    st.sampled_from(["a", "é", "界", "🏃", "\n", '"', "\\"]),
    st.sampled_from([5_000, 200_000, MAX_ROUTINE_BYTES + 1]),
)
odd_numbers = st.one_of(
    st.sampled_from(
        [0, -1, -0.0, 1, 4, 5, 61, 201, 601, 2**31, 2**63 - 1, -(2**63), 10**30, 0.5, 2.5]
    ),
    st.sampled_from([math.inf, -math.inf, math.nan, 1e308, 5e-324]),
    st.integers(),
    st.floats(),
)
other_types = st.one_of(
    st.booleans(),
    st.sampled_from([date(2026, 1, 1), datetime(2026, 1, 1, 7, 30), clock_time(7, 30)]),
    st.just([]),
    st.just({}),
    st.lists(st.integers(-5, 300), min_size=1, max_size=4),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(string.ascii_lowercase, max_size=5), st.integers(), max_size=3),
    st.lists(st.one_of(st.integers(), st.text(max_size=3), st.booleans()), max_size=4),
)
replacements = st.one_of(ugly_text, huge_text, odd_numbers, other_types)
unknown_keys = st.one_of(
    st.sampled_from(["nmae", "Name", "rep", "holds", "set", "tempo_", "get_redy", "x", ""]),
    st.text(max_size=12),
)

KNOWN_KEYS = {*ROUTINE_FIELDS, *TIMING_BOUNDS, *EXERCISE_FIELDS, *BLOCK_FIELDS}

Mutation = tuple[str, Callable[[dict[str, Any]], None]]
MUTATION_KINDS = ("delete", "replace", "add unknown key", "duplicate exercise", "empty the list")


@st.composite
def mutations(draw: st.DrawFn, document: dict[str, Any]) -> Mutation:
    """One change to `document`, as a description and a function that makes it."""
    kind = draw(st.sampled_from(MUTATION_KINDS))
    everything = list(locations(document))
    if kind == "delete":
        at = draw(st.sampled_from(everything))

        def delete(doc: dict[str, Any]) -> None:
            del container(doc, at[:-1])[at[-1]]

        return f"delete {at}", delete
    if kind == "replace":
        at = draw(st.sampled_from(everything))
        value = draw(replacements)

        def put(doc: dict[str, Any]) -> None:
            container(doc, at[:-1])[at[-1]] = value

        return f"replace {at} with {str(value)[:40]!r}", put
    if kind == "add unknown key":
        at = draw(st.sampled_from(list(tables_in(document))))
        key = draw(unknown_keys.filter(lambda key: key not in KNOWN_KEYS))
        value = draw(st.one_of(ugly_text, odd_numbers, other_types))

        def add(doc: dict[str, Any]) -> None:
            container(doc, at)[key] = value

        return f"add unknown key {key!r} to {at}", add
    if kind == "duplicate exercise":
        lists = [("exercise",)] if document.get("exercise") else []
        lists += [("block", n, "exercise") for n in range(len(document.get("block", [])))]
        where = draw(st.sampled_from(lists))
        index = draw(st.integers(0, len(container(document, where)) - 1))

        def duplicate(doc: dict[str, Any]) -> None:
            container(doc, where).append(copy.deepcopy(container(doc, where)[index]))

        return f"duplicate exercise {index + 1} of {where}", duplicate
    lists = [at for at in everything if isinstance(container(document, at), list)]
    at = draw(st.sampled_from(lists))

    def empty(doc: dict[str, Any]) -> None:
        container(doc, at).clear()

    return f"empty the list at {at}", empty


@st.composite
def mutated_routines(draw: st.DrawFn) -> tuple[str, str, dict[str, Any]]:
    name = draw(st.sampled_from(sorted(SHIPPED_DOCUMENTS)))
    document = copy.deepcopy(SHIPPED_DOCUMENTS[name])
    description, mutate = draw(mutations(document))
    mutate(document)
    return name, description, document


def test_every_shipped_routine_loads_before_it_is_changed(tmp_path: Path) -> None:
    assert len(SHIPPED) >= 4
    for name, document in SHIPPED_DOCUMENTS.items():
        assert isinstance(load_and_check(tmp_path, document), Routine), name


@settings(FUZZ, max_examples=300)  # ~5 ms each: cheap enough to try many more
@given(case=mutated_routines())
def test_a_shipped_routine_with_one_field_changed_loads_or_fails_with_routine_error(
    case: tuple[str, str, dict[str, Any]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    name, description, document = case
    outcome = load_and_check(tmp_path_factory.getbasetemp(), document)
    kind = next(k for k in MUTATION_KINDS if description.startswith(k))
    event(f"{kind}: {type(outcome).__name__}")
    # Changes that can never give a usable routine must be caught, not just survived.
    if description.startswith(("add unknown key", "duplicate exercise")):
        assert isinstance(outcome, RoutineError), f"{name}: {description} was accepted"
    if description in ("delete ('name',)", "delete ('exercise',)"):
        assert isinstance(outcome, RoutineError), f"{name}: {description} was accepted"


# -- valid documents keep their text; the line scanner survives anything -------------------------

LONG_ENOUGH_FOR_A_HEADER = (
    "around the thighs, just above the knees, with the band flat, not twisted"
)
"""tomli_w writes short tables inline; a long value makes it write `[[exercise]]` headers."""

# Right by construction, with text that looks like TOML inside strings on several lines.
# No "\r": a TOML multi-line string reads "\r\n" as "\n", so it would not come back as written.
tricky_text = st.lists(
    st.sampled_from(["[[exercise]]", "[timing]", "reps = 5", "\n", '"', "'", "#", "=", " "])
    | st.characters(codec="utf-8", exclude_categories=["Cs"], exclude_characters="\r"),
    max_size=12,
).map("".join)
doses = st.one_of(  # reps you count, or a time-boxed set
    st.fixed_dictionaries({"reps": st.integers(1, 200)}),
    st.fixed_dictionaries({"work": st.integers(5, 600)}),
)
exercise_bodies = st.fixed_dictionaries(
    {"placement": st.just(LONG_ENOUGH_FOR_A_HEADER)},
    optional={"steps": st.lists(tricky_text, max_size=3), "why": tricky_text, "notes": tricky_text},
)
valid_documents = st.fixed_dictionaries(
    {
        "name": st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=12),
        "description": tricky_text,
        "exercise": st.lists(
            st.builds(lambda dose, body: dose | body, doses, exercise_bodies),
            min_size=1,
            max_size=5,
        ),
    }
)


@settings(FUZZ, max_examples=100)
@given(document=valid_documents)
def test_a_valid_document_keeps_its_text_and_points_at_its_headers(document: dict) -> None:
    for number, exercise in enumerate(document["exercise"], start=1):
        exercise["name"] = f"Exercise {number}"
    text = tomli_w.dumps(document, multiline_strings=True)
    routine = parse_routine(text, Path("valid.toml"))
    assert routine.description == visible_controls(document["description"])
    lines = text.split("\n")  # TOML breaks lines only at \n; splitlines() also breaks at \x85
    for exercise, table in zip(routine.exercises, document["exercise"], strict=True):
        assert exercise.steps == tuple(visible_controls(step) for step in table.get("steps", ()))
        assert exercise.why == visible_controls(table.get("why", ""))
        assert exercise.notes == visible_controls(table.get("notes", ""))
        if "work" in table:
            assert exercise.kind == TimeBoxed(table["work"])
        else:
            assert exercise.kind == CountedReps(IntRange.exactly(table["reps"]))
        assert exercise.line is not None
        assert lines[exercise.line - 1] == "[[exercise]]"


@settings(FUZZ, max_examples=200)
@given(text=st.text(max_size=200))
def test_the_line_scanner_survives_any_text(text: str) -> None:
    for line in LineIndex.scan(text).lines.values():
        assert 1 <= line <= text.count("\n") + 1


valid_blocks = st.fixed_dictionaries(
    {
        "exercise": st.lists(
            st.builds(lambda dose, body: dose | body, doses, exercise_bodies),
            min_size=1,
            max_size=3,
        )
    },
    optional={
        "rounds": st.integers(1, 20),
        "rest_between_rounds": st.integers(0, 600) | st.just([20, 30]),
        "rest_between_exercises": st.integers(0, 600),
        "name": tricky_text,
    },
)


@settings(FUZZ, max_examples=60)
@given(document=valid_documents, blocks=st.lists(valid_blocks, min_size=1, max_size=3),
       blocks_first=st.booleans())  # fmt: skip
def test_blocks_and_exercises_are_read_in_file_order_each_on_its_header(
    document: dict, blocks: list[dict], blocks_first: bool
) -> None:
    document = {"block": blocks} | document if blocks_first else document | {"block": blocks}
    tables = [*document["exercise"], *(e for block in blocks for e in block["exercise"])]
    for number, exercise in enumerate(tables, start=1):
        exercise["name"] = f"Exercise {number}"
    text = tomli_w.dumps(document, multiline_strings=True)
    routine = parse_routine(text, Path("valid.toml"))
    lines = text.split("\n")
    assert [exercise.line for exercise in routine.exercises] == sorted(
        exercise.line or 0 for exercise in routine.exercises
    )
    assert len(routine.exercises) == len(tables)
    assert [block.size for block in routine.blocks] == [len(b["exercise"]) for b in blocks]
    for block, table in zip(routine.blocks, blocks, strict=True):
        assert block.rounds == table.get("rounds", 1)
        for exercise in routine.exercises[block.first : block.first + block.size]:
            assert exercise.rounds == block.rounds
            assert lines[(exercise.line or 0) - 1] == "[[block.exercise]]"
    assert build_plan(routine).total_seconds > 0
