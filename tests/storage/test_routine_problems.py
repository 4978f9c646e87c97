"""How a routine file's problems are reported: each names its file, line, exercise and field.

Every problem in a file is reported, one per line, in the order of the file, with lines that
stay right past multi-line strings, arrays and inline tables, and TOML the parser cannot read is
a problem rather than a crash. The catalogue of single mistakes: test_routine_bad_files.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bandtimer.domain.plan import build_plan
from bandtimer.storage.routines import RoutineError, load_routine
from bandtimer.storage.routines.loading import Problem, parse_routine
from bandtimer.storage.routines.validation import MAX_EXERCISES, MAX_SEGMENTS
from tests.storage.routine_files import BAD


def test_a_problem_names_file_line_exercise_and_field() -> None:
    with pytest.raises(RoutineError) as caught:
        load_routine(BAD / "hold_too_long.toml")
    assert caught.value.problems == (
        Problem(
            path=BAD / "hold_too_long.toml",
            line=9,
            exercise_number=2,
            exercise_name="Banded plank",
            field="hold",
            message="hold must be 5–60 seconds, got 90",
        ),
    )


def test_a_timing_problem_names_the_timing_field() -> None:
    with pytest.raises(RoutineError) as caught:
        load_routine(BAD / "negative_timing.toml")
    (problem,) = caught.value.problems
    assert (problem.field, problem.exercise_number, problem.line) == ("timing.get_ready", None, 4)


def test_every_problem_in_a_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "many.toml"
    path.write_text(
        'name = "Many mistakes"\n'  # 1
        "colour = 1\n"  # 2
        "[timing]\n"  # 3
        "switch_sides = 500\n"  # 4
        "[[exercise]]\n"  # 5
        'name = "Clamshell"\n'  # 6
        "sets = [5, 3]\n"  # 7
        "reps = 300\n"  # 8
        'sides = "Each"\n'  # 9
        "[[exercise]]\n"  # 10
        "hold = 90\n"  # 11
        "tempo = 2\n"  # 12
        "[[exercise]]\n"  # 13
        'name = "clamshell"\n'  # 14
        "reps = 10\n",  # 15
        encoding="utf-8",
    )
    with pytest.raises(RoutineError) as caught:
        load_routine(path)
    prefix = f"{path}:"
    assert str(caught.value).splitlines() == [
        f'{prefix}2: unknown field "colour"; the fields are name, description, source, notes,'
        " tags, equipment, counts_toward_streak, timing, exercise, block",
        f"{prefix}4: timing.switch_sides must be 0–120 seconds, got 500",
        f'{prefix}7: exercise 1 "Clamshell": sets must be [min, max] with min ≤ max, got [5, 3]',
        f'{prefix}8: exercise 1 "Clamshell": reps must be 1–200, got 300',
        f'{prefix}9: exercise 1 "Clamshell": sides must be one of "both", "each", "alternate",'
        ' "right", "left", got "Each",'
        ' did you mean "each"?',
        f"{prefix}10: exercise 2: name is required",
        f"{prefix}11: exercise 2: hold must be 5–60 seconds, got 90",
        f"{prefix}12: exercise 2: tempo and hold do not go together: tempo paces reps that are"
        " not held",
        f"{prefix}12: exercise 2: tempo needs reps: it is the seconds each rep takes",
        f'{prefix}14: exercise 3 "clamshell": name is already used by exercise 1 "Clamshell";'
        " each exercise needs its own name",
    ]
    assert len(caught.value.problems) == 10


def test_a_duplicate_name_is_reported_even_when_the_first_exercise_is_broken() -> None:
    text = (
        'name = "Twice"\n'
        '[[exercise]]\nname = "Plank"\nhold = 90\n'
        '[[exercise]]\nname = "plank"\nhold = 30\n'
    )
    with pytest.raises(RoutineError) as caught:
        parse_routine(text, Path("twice.toml"))
    assert str(caught.value).splitlines() == [
        'twice.toml:4: exercise 1 "Plank": hold must be 5–60 seconds, got 90',
        'twice.toml:6: exercise 2 "plank": name is already used by exercise 1 "Plank";'
        " each exercise needs its own name",
    ]


def test_error_text_is_one_problem_per_line() -> None:
    error = RoutineError(
        [
            Problem(Path("a.toml"), None, None, None, None, "first"),
            Problem(Path("a.toml"), 3, 1, "Plank", "hold", "second"),
        ]
    )
    assert str(error) == 'a.toml: first\na.toml:3: exercise 1 "Plank": second'


def test_lines_point_past_multiline_strings_and_arrays() -> None:
    text = (
        'name = "Tricky"\n'  # 1
        'description = """\n'  # 2
        "[[exercise]]\n"  # 3: text, not a header
        'hold = 90"""\n'  # 4
        "tags = [\n"  # 5
        '  "[[exercise]]",\n'  # 6
        "]\n"  # 7
        "[[exercise]]  # the only one\n"  # 8
        "name = 'Plank'\n"  # 9
        "  hold = 90\n"  # 10
    )
    with pytest.raises(RoutineError) as caught:
        parse_routine(text, Path("t.toml"))
    assert str(caught.value) == 't.toml:10: exercise 1 "Plank": hold must be 5–60 seconds, got 90'


def test_exercises_written_inline_still_load_and_report(tmp_path: Path) -> None:
    text = 'name = "Inline"\nexercise = [{name = "A", reps = 5}, {name = "B", hold = 1}]\n'
    with pytest.raises(RoutineError) as caught:
        parse_routine(text, Path("i.toml"))
    assert str(caught.value) == 'i.toml:2: exercise 2 "B": hold must be 5–60 seconds, got 1'


def test_a_syntax_error_at_the_end_of_the_file_has_no_line() -> None:
    with pytest.raises(RoutineError) as caught:
        parse_routine('name = "x"\ntags = [', Path("end.toml"))
    assert (
        str(caught.value) == "end.toml: is not valid TOML: invalid value (at the end of the file)"
    )


def test_lists_nested_too_deeply_are_a_problem_not_a_crash() -> None:
    with pytest.raises(RoutineError) as caught:
        parse_routine("tags = " + "[" * 5000, Path("deep.toml"))
    assert str(caught.value) == "deep.toml: is not a usable TOML file: it nests values too deeply"


def test_a_number_thousands_of_digits_long_is_a_problem_not_a_crash() -> None:
    """Python will not read an integer of more than 4,300 digits: tomllib raises ValueError."""
    text = f'name = "x"\n[[exercise]]\nname = "a"\nhold = 20\nsets = {"9" * 5000}\n'
    with pytest.raises(RoutineError) as caught:
        parse_routine(text, Path("huge.toml"))
    assert str(caught.value) == (
        "huge.toml: is not a usable TOML file: it holds a number thousands of digits long"
    )


def many_exercises(count: int, sets: int) -> str:
    """`count` exercises of `sets` timed holds on each side."""
    tables = [
        f'[[exercise]]\nname = "Ex {n}"\nsets = {sets}\nhold = 20\nsides = "each"\n'
        for n in range(1, count + 1)
    ]
    return 'name = "Big"\n' + "\n".join(tables)


def test_a_routine_at_the_limits_is_valid() -> None:
    routine = parse_routine(many_exercises(MAX_EXERCISES, 5), Path("big.toml"))
    assert len(routine.exercises) == MAX_EXERCISES == 100
    assert len(build_plan(routine).segments) == MAX_SEGMENTS == 2000


def test_one_exercise_too_many_is_a_problem_at_its_line() -> None:
    """A valid file of 10,000 exercises took minutes to `show`; the 101st is the problem."""
    text = many_exercises(10_000, 1)
    with pytest.raises(RoutineError) as caught:
        parse_routine(text, Path("huge.toml"))
    line = text.splitlines().index("[[exercise]]", 0) + 1 + 6 * 100  # each table is 6 lines
    assert str(caught.value) == (
        f"huge.toml:{line}: exercise 101: is past the limit: a routine can have at most 100 "
        "exercises, and this file has 10,000"
    )


def test_too_many_segments_is_a_problem_at_the_exercise_that_passes_the_limit() -> None:
    text = many_exercises(99, 6)
    with pytest.raises(RoutineError) as caught:
        parse_routine(text, Path("long.toml"))
    [problem] = caught.value.problems
    assert (problem.exercise_number, problem.exercise_name) == (84, "Ex 84")
    assert problem.line == text.splitlines().index('name = "Ex 84"')  # its [[exercise]] line
    assert str(problem).endswith(
        "takes the plan past 2,000 segments (sets, sides and the rests between them; this "
        "routine plans 2,376): a routine can plan at most 2,000; use fewer sets, rounds or"
        " exercises"
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("description", "x" * 2001, "description must be at most 2,000 characters, got 2,001"),
        ("steps", ["x"] * 21, "steps must list at most 20, got 21"),
        ("steps", ["ok", "x" * 201], "steps item 2 must be at most 200 characters, got 201"),
        ("steps", "x" * 201, "steps must be at most 200 characters, got 201"),
        ("tags", ["x" * 201], "tags item 1 must be at most 200 characters, got 201"),
        ("name", "x" * 10_001, "name must be at most 10,000 characters, got 10,001"),
        ("placement", "x" * 201, "placement must be at most 200 characters, got 201"),
    ],
    ids=["text", "list", "item", "single-step", "tag", "name", "phrase"],
)
def test_text_past_its_limit_is_a_problem(field: str, value: object, message: str) -> None:
    """A megabyte-long description took the menu ten seconds to open."""
    routine: dict[str, object] = {"name": "Long"}
    exercise: dict[str, object] = {"name": "A", "hold": 20}
    (exercise if field in ("steps", "placement") else routine)[field] = value

    def toml(table: dict[str, object]) -> str:
        return "".join(f"{key} = {json.dumps(item)}\n" for key, item in table.items())

    with pytest.raises(RoutineError) as caught:
        parse_routine(toml(routine) + "[[exercise]]\n" + toml(exercise), Path("long.toml"))
    assert [problem.message for problem in caught.value.problems] == [message]
