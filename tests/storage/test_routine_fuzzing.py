"""Whatever is in a routine file, loading it ends in a Routine or a RoutineError, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from bandtimer.formatting import visible_controls
from bandtimer.storage.routines import RoutineError, load_routine, parse_routine
from bandtimer.storage.toml_lines import LineIndex

# Pieces of routine files, so that random files get past the TOML parser now and then.
FRAGMENTS = [
    b"\n", b" ", b"name", b"reps", b"hold", b"tempo", b"sets", b"timing", b"get_ready",
    b"exercise", b" = ", b"=", b".", b'"', b"'", b'"""', b"'''", b"\\", b"#", b"[", b"]",
    b"[[exercise]]\n", b"[timing]\n", b"{", b"}", b",", b"10", b"-5", b"2.5", b"true",
    b'"x"', b"\xff", b"\xc3\xa9", b"\x00", b"\r\n", b"\xef\xbb\xbf",
]  # fmt: skip

routine_files = st.one_of(
    st.binary(max_size=300),
    st.lists(st.sampled_from(FRAGMENTS), max_size=60).map(b"".join),
)

toml_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-1000, 1000)
    | st.floats(allow_nan=True)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
).filter(lambda value: value is not None)


def mostly(good: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    """Usually a plausible value, sometimes anything at all."""
    return st.one_of(good, good, good, toml_values)


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
        "sides": mostly(st.sampled_from(["each", "both", "left"])),
        "band": mostly(st.sampled_from(["mini", "loop", "hip circle", "medium"])),
        "steps": mostly(st.text(max_size=20) | st.lists(st.text(max_size=20), max_size=3)),
        "progression": mostly(st.lists(numbers, max_size=4)),
        "rep": toml_values,
    },
)
routine_documents = st.fixed_dictionaries(
    {"name": names, "exercise": st.lists(exercise_tables, max_size=4)},
    optional={
        "timing": st.dictionaries(
            st.sampled_from(["get_ready", "switch_sides", "rep_release", "get_redy"]),
            mostly(numbers),
            max_size=3,
        ),
        "notes": mostly(st.text(max_size=20)),
    },
)


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
valid_documents = st.fixed_dictionaries(
    {
        "name": st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=12),
        "description": tricky_text,
        "exercise": st.lists(
            st.fixed_dictionaries(
                {"reps": st.integers(1, 200), "placement": st.just(LONG_ENOUGH_FOR_A_HEADER)},
                optional={"steps": st.lists(tricky_text, max_size=3), "why": tricky_text},
            ),
            min_size=1,
            max_size=5,
        ),
    }
)


def without_none(value: object) -> object:
    """TOML has no null: drop what tomli_w could not write."""
    if isinstance(value, dict):
        return {key: without_none(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [without_none(item) for item in value if item is not None]
    return value


@settings(max_examples=300, deadline=None)
@given(content=routine_files)
def test_any_bytes_load_or_fail_with_routine_error(
    content: bytes, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.getbasetemp() / "fuzzed.toml"
    path.write_bytes(content)
    try:
        load_routine(path)
    except RoutineError as error:
        assert error.problems
        assert all(problem.path == path for problem in error.problems)


@settings(max_examples=150, deadline=None)
@given(document=routine_documents)
def test_any_toml_document_loads_or_fails_with_lines_inside_the_file(document: dict) -> None:
    text = tomli_w.dumps(without_none(document))
    line_count = text.count("\n") + 1
    try:
        routine = parse_routine(text, Path("generated.toml"))
    except RoutineError as error:
        for problem in error.problems:
            assert problem.line is None or 1 <= problem.line <= line_count, str(problem)
            assert len(str(problem).splitlines()) == 1, str(problem)
    else:
        assert routine.exercises


@settings(max_examples=100, deadline=None)
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
        assert exercise.line is not None
        assert lines[exercise.line - 1] == "[[exercise]]"


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200))
def test_the_line_scanner_survives_any_text(text: str) -> None:
    for line in LineIndex.scan(text).lines.values():
        assert 1 <= line <= text.count("\n") + 1
