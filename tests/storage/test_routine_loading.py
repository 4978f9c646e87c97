"""Reading routine files: what a good file becomes, and what each kind of mistake says.

BAD_FILE_MESSAGES doubles as the catalogue of mistakes the loader explains: one file in
tests/data/bad/ per mistake, with the exact lines `bandtimer check` prints for it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bandtimer.domain.routine import Band, Exercise, IntRange, Routine, Sides, Timing
from bandtimer.storage.routines import (
    MAX_ROUTINE_BYTES,
    Problem,
    RoutineError,
    load_routine,
    parse_routine,
)

DATA = Path(__file__).resolve().parent.parent / "data"
BAD = DATA / "bad"

BAD_FILE_MESSAGES: dict[str, list[str]] = {
    # Not a routine file at all
    "not_utf8.toml": [
        "not_utf8.toml:4: is not UTF-8 text: byte 0xe9 at byte offset 53 (column 12) cannot be"
        " decoded; save the file as UTF-8",
    ],
    "not_toml.toml": [
        "not_toml.toml:1: is not valid TOML: expected '=' after a key in a key/value pair"
        " (column 5)",
    ],
    "duplicate_key.toml": [
        "duplicate_key.toml:6: is not valid TOML: cannot overwrite a value (column 10)",
    ],
    "duplicate_timing_table.toml": [
        "duplicate_timing_table.toml:6: is not valid TOML: cannot declare timing twice (column 8)",
    ],
    "empty_file.toml": [
        "empty_file.toml: name is required",
        "empty_file.toml: the routine has no exercises: add at least one [[exercise]]",
    ],
    # The routine as a whole
    "missing_routine_name.toml": [
        "missing_routine_name.toml: name is required",
    ],
    "unknown_top_level_key.toml": [
        'unknown_top_level_key.toml:2: unknown field "descripton", did you mean "description"?',
    ],
    "text_not_a_string.toml": [
        "text_not_a_string.toml:2: description must be text in quotes, got 5",
        'text_not_a_string.toml:7: exercise 1 "Clamshell": muscles must be a list of strings,'
        ' got "glutes"',
    ],
    "no_exercises.toml": [
        "no_exercises.toml: the routine has no exercises: add at least one [[exercise]]",
    ],
    "empty_exercise_list.toml": [
        "empty_exercise_list.toml:2: the routine has no exercises: add at least one [[exercise]]",
    ],
    "single_bracket_exercise.toml": [
        "single_bracket_exercise.toml:3: exercises must be written [[exercise]], with double"
        " brackets, got [exercise]",
    ],
    "exercise_not_a_table.toml": [
        "exercise_not_a_table.toml:2: exercise 1: must be an [[exercise]] table,"
        ' got "Glute bridge"',
    ],
    "duplicate_exercise_names.toml": [
        'duplicate_exercise_names.toml:12: exercise 3 "glute Bridge": name is already used by'
        ' exercise 1 "Glute bridge"; each exercise needs its own name',
    ],
    # [timing]
    "unknown_timing_key.toml": [
        'unknown_timing_key.toml:4: unknown field "timing.get_redy", did you mean'
        ' "timing.get_ready"?',
    ],
    "negative_timing.toml": [
        "negative_timing.toml:4: timing.get_ready must be 0–300 seconds, got -5",
    ],
    "timing_too_large.toml": [
        "timing_too_large.toml:4: timing.rest_between_sets must be 0–600 seconds, got 1000",
    ],
    "timing_not_a_table.toml": [
        "timing_not_a_table.toml:2: timing must be a [timing] table of seconds, got 30",
    ],
    # Fields of an exercise
    "unknown_key_typo.toml": [
        'unknown_key_typo.toml:7: exercise 2 "Kick backs": needs reps, hold or both, found neither',
        'unknown_key_typo.toml:9: exercise 2 "Kick backs": unknown field "rep", did you mean'
        ' "reps"?',
    ],
    "unknown_key_no_suggestion.toml": [
        'unknown_key_no_suggestion.toml:6: exercise 1 "Glute bridge": unknown field "colour";'
        " the fields are name, band, placement, anchor, muscles, sides, sets, reps, hold, tempo,"
        " rest, steps, why, progression",
    ],
    "missing_exercise_name.toml": [
        "missing_exercise_name.toml:7: exercise 2: name is required",
    ],
    "empty_name.toml": [
        "empty_name.toml:4: exercise 1: name must not be empty",
    ],
    "name_on_two_lines.toml": [
        "name_on_two_lines.toml:4: exercise 1: name must be one line without control characters,"
        ' got "Clam\\nshell"',
    ],
    "sets_not_a_number.toml": [
        'sets_not_a_number.toml:5: exercise 1 "Clamshell": sets must be a whole number or'
        ' [min, max], got "three"',
    ],
    "bool_as_number.toml": [
        'bool_as_number.toml:5: exercise 1 "Clamshell": reps must be a whole number or'
        " [min, max], got true",
    ],
    "fraction_as_whole_number.toml": [
        'fraction_as_whole_number.toml:5: exercise 1 "Clamshell": sets must be a whole number or'
        " [min, max], got 2.5",
    ],
    "range_wrong_length.toml": [
        'range_wrong_length.toml:5: exercise 1 "Clamshell": sets must be [min, max] with exactly'
        " two numbers, got [1, 2, 3]",
    ],
    "min_greater_than_max.toml": [
        'min_greater_than_max.toml:6: exercise 1 "Clamshell": reps must be [min, max] with'
        " min ≤ max, got [12, 8]",
    ],
    "sets_out_of_range.toml": [
        'sets_out_of_range.toml:5: exercise 1 "Clamshell": sets must be 1–20, got 25',
    ],
    "reps_out_of_range.toml": [
        'reps_out_of_range.toml:5: exercise 1 "Clamshell": reps must be 1–200, got 0',
    ],
    "hold_too_long.toml": [
        'hold_too_long.toml:9: exercise 2 "Banded plank": hold must be 5–60 seconds, got 90',
    ],
    "hold_range_too_short.toml": [
        'hold_range_too_short.toml:5: exercise 1 "Banded plank": hold must be 5–60 seconds,'
        " got [3, 10]",
    ],
    "tempo_out_of_range.toml": [
        'tempo_out_of_range.toml:6: exercise 1 "Lateral walk": tempo must be 0.5–30 seconds,'
        " got 0.2",
    ],
    "rest_too_long.toml": [
        'rest_too_long.toml:6: exercise 1 "Clamshell": rest must be 0–600 seconds, got 900',
    ],
    "unknown_band.toml": [
        'unknown_band.toml:5: exercise 1 "Clamshell": band must be one of "loop", "mini",'
        ' "hip circle", "flat", "tube with handles", got "medium"',
    ],
    "band_misspelt.toml": [
        'band_misspelt.toml:5: exercise 1 "Clamshell": band must be one of "loop", "mini",'
        ' "hip circle", "flat", "tube with handles", got "hip-circle", did you mean "hip circle"?',
    ],
    "bad_sides.toml": [
        'bad_sides.toml:5: exercise 1 "Clamshell": sides must be one of "both", "each", got "left"',
    ],
    "steps_not_strings.toml": [
        'steps_not_strings.toml:6: exercise 1 "Clamshell": steps item 2 must be a string, got 2',
    ],
    "progression_not_ascending.toml": [
        'progression_not_ascending.toml:6: exercise 1 "Banded plank": progression must go up,'
        " easiest first, got [10, 30, 20]",
    ],
    "progression_out_of_range.toml": [
        'progression_out_of_range.toml:6: exercise 1 "Banded plank": progression item 3 must be'
        " 5–60 seconds, got 90",
    ],
    # Fields that do not go together
    "neither_reps_nor_hold.toml": [
        'neither_reps_nor_hold.toml:3: exercise 1 "Clamshell": needs reps, hold or both,'
        " found neither",
    ],
    "tempo_with_hold.toml": [
        'tempo_with_hold.toml:7: exercise 1 "Glute bridge": tempo and hold do not go together:'
        " tempo paces reps that are not held",
    ],
    "tempo_without_reps.toml": [
        'tempo_without_reps.toml:3: exercise 1 "Lateral walk": needs reps, hold or both,'
        " found neither",
        'tempo_without_reps.toml:5: exercise 1 "Lateral walk": tempo needs reps: it is the'
        " seconds each rep takes",
    ],
    "progression_without_hold.toml": [
        'progression_without_hold.toml:6: exercise 1 "Clamshell": progression needs a hold:'
        " it lists hold seconds to step up to",
    ],
}


def problems_in(path: Path) -> list[str]:
    with pytest.raises(RoutineError) as caught:
        load_routine(path)
    return [str(problem) for problem in caught.value.problems]


def test_every_bad_file_has_its_messages_in_the_table() -> None:
    assert sorted(path.name for path in BAD.glob("*.toml")) == sorted(BAD_FILE_MESSAGES)


@pytest.mark.parametrize("file_name", sorted(BAD_FILE_MESSAGES))
def test_bad_file_reports_exactly_its_problems(
    file_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(BAD)
    assert problems_in(Path(file_name)) == BAD_FILE_MESSAGES[file_name]


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
        " tags, equipment, timing, exercise",
        f"{prefix}4: timing.switch_sides must be 0–120 seconds, got 500",
        f'{prefix}7: exercise 1 "Clamshell": sets must be [min, max] with min ≤ max, got [5, 3]',
        f'{prefix}8: exercise 1 "Clamshell": reps must be 1–200, got 300',
        f'{prefix}9: exercise 1 "Clamshell": sides must be one of "both", "each", got "Each",'
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


def test_a_good_file_becomes_the_routine_it_describes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA / "good")
    path = Path("every_field.toml")
    assert load_routine(path) == Routine(
        name="Every field",
        description="  Kept exactly, [bold]markup[/bold] and all.  ",
        source="docs/routine-format.md",
        notes="Doses chosen by the test.",
        tags=("pre-run", "rest-day"),
        equipment=("mini band", "mat"),
        timing=Timing(
            get_ready=0,
            rest_between_sets=600,
            rest_between_exercises=45,
            switch_sides=120,
            rep_release=30,
        ),
        exercises=(
            Exercise(
                name="Glute bridge",
                band=Band.MINI,
                placement="around the thighs, just above the knees",
                anchor="",
                muscles=("glutes", "hamstrings"),
                sides=Sides.EACH,
                sets=IntRange(3, 5),
                reps=IntRange(10, 12),
                hold=IntRange(5, 10),
                rest=0,
                steps=("Lie on your back.", "Push through your heels."),
                why="Power for push-off.",
                progression=(10, 30, 45, 60),
                line=16,
            ),
            Exercise(
                name="Lateral walk",
                band=Band.TUBE,
                sets=IntRange.exactly(20),
                reps=IntRange.exactly(200),
                tempo=2.0,
                steps=("One step per count.",),
                line=31,
            ),
            Exercise(name="Banded plank", sets=IntRange.exactly(1), hold=IntRange(60, 60), line=39),
        ),
        path=path,
    )


def test_omitted_fields_take_their_defaults(tmp_path: Path) -> None:
    routine = parse_routine(
        'name = "Smallest"\n[[exercise]]\nname = "Clamshell"\nreps = 8\n', tmp_path / "s.toml"
    )
    (exercise,) = routine.exercises
    assert routine.timing == Timing()
    assert (routine.description, routine.tags, routine.path) == ("", (), tmp_path / "s.toml")
    assert exercise == Exercise(
        name="Clamshell", sets=IntRange.exactly(1), reps=IntRange(8, 8), line=2
    )
    assert (exercise.sides, exercise.band, exercise.tempo) == (Sides.BOTH, None, None)


def test_text_is_kept_as_written_and_only_names_are_trimmed() -> None:
    routine = parse_routine(
        'name = "\\t[red]Plan[/red] "\n'
        "[[exercise]]\n"
        'name = " [b]Bridge[/b]"\n'
        "reps = 8\n"
        'steps = ["  Lie down  ", "[link=x]go[/link]"]\n'
        'why = " \\u00e9 "\n',
        Path("markup.toml"),
    )
    exercise = routine.exercises[0]
    assert (routine.name, exercise.name) == ("[red]Plan[/red]", "[b]Bridge[/b]")
    assert exercise.steps == ("  Lie down  ", "[link=x]go[/link]")
    assert exercise.why == " é "


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


def test_a_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b'\xef\xbb\xbfname = "BOM"\n[[exercise]]\nname = "A"\nreps = 5\n')
    assert load_routine(path).name == "BOM"


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


def test_a_file_over_one_mebibyte_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "too_big.toml"
    path.write_bytes(b"#" * MAX_ROUTINE_BYTES + b"\n")
    assert problems_in(path) == [
        f"{path}: is 1,048,577 bytes; a routine file can be at most 1 MiB (1,048,576 bytes)"
    ]


def test_a_file_of_exactly_one_mebibyte_is_read(tmp_path: Path) -> None:
    path = tmp_path / "just_fits.toml"
    body = b'name = "Fits"\n[[exercise]]\nname = "A"\nreps = 5\n'
    path.write_bytes(body + b"#" * (MAX_ROUTINE_BYTES - len(body) - 1) + b"\n")
    assert path.stat().st_size == MAX_ROUTINE_BYTES
    assert load_routine(path).name == "Fits"


def test_a_folder_is_a_problem(tmp_path: Path) -> None:
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    assert problems_in(folder) == [f"{folder}: is a folder, not a routine file"]


def test_a_missing_file_is_a_problem(tmp_path: Path) -> None:
    assert problems_in(tmp_path / "gone.toml") == [f"{tmp_path / 'gone.toml'}: does not exist"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "secret.toml"
    path.write_text('name = "x"\n', encoding="utf-8")
    path.chmod(0)
    try:
        assert problems_in(path) == [f"{path}: cannot be read: permission denied"]
    finally:
        path.chmod(0o600)


def test_shipped_routines_are_all_valid() -> None:
    shipped = sorted((Path(__file__).resolve().parents[2] / "routines").glob("*.toml"))
    for path in shipped:
        routine = load_routine(path)
        assert routine.exercises, path
