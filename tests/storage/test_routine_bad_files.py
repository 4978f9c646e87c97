"""The catalogue of mistakes the routine loader explains, one bad file per mistake.

BAD_FILE_MESSAGES maps each file in tests/data/bad/ to the exact lines `bandtimer check` prints
for it, and every file there must be in it. How problems are found and told in general:
test_routine_problems.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.storage.routine_files import BAD, problems_in

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
    "rest_between_rounds_in_timing.toml": [  # never "did you mean rest_between_sets"
        'rest_between_rounds_in_timing.toml:4: unknown field "timing.rest_between_rounds"; the'
        " fields are get_ready, rest_between_sets, rest_between_exercises, switch_sides,"
        " rep_release",
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
        'unknown_key_typo.toml:7: exercise 2 "Kick backs": needs reps, hold or both, or work,'
        " found none of them",
        'unknown_key_typo.toml:9: exercise 2 "Kick backs": unknown field "rep", did you mean'
        ' "reps"?',
    ],
    "unknown_key_no_suggestion.toml": [
        'unknown_key_no_suggestion.toml:6: exercise 1 "Glute bridge": unknown field "colour";'
        " the fields are name, band, placement, anchor, muscles, sides, sets, reps, hold, tempo,"
        " work, count_reps, rest, steps, why, notes, progression",
    ],
    "missing_exercise_name.toml": [
        "missing_exercise_name.toml:7: exercise 2: name is required",
    ],
    "empty_name.toml": [
        "empty_name.toml:4: exercise 1: name must not be empty",
    ],
    "invisible_name.toml": [
        "invisible_name.toml:1: name must have a character that shows,"
        ' got "\\u200b\\u200d\\u2060"',
    ],
    "name_on_two_lines.toml": [
        "name_on_two_lines.toml:4: exercise 1: name must be one line without control characters,"
        ' got "Clam\\nshell"',
    ],
    "sets_not_a_number.toml": [
        'sets_not_a_number.toml:5: exercise 1 "Clamshell": sets must be a whole number or'
        ' [min, max], got "three"',
    ],
    "flag_not_a_bool.toml": [
        'flag_not_a_bool.toml:2: counts_toward_streak must be true or false, got "no"',
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
    "band_other_equipment.toml": [  # another piece of kit, not a misspelling: no suggestion
        'band_other_equipment.toml:5: exercise 1 "Ankle eversion": band must be one of "loop",'
        ' "mini", "hip circle", "flat", "tube with handles", got "tube with ankle strap"',
    ],
    "bad_sides.toml": [
        'bad_sides.toml:5: exercise 1 "Clamshell": sides must be one of "both", "each",'
        ' "alternate", "right", "left", got "one leg"',
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
        " or work, found none of them",
    ],
    "tempo_with_hold.toml": [
        'tempo_with_hold.toml:7: exercise 1 "Glute bridge": tempo and hold do not go together:'
        " tempo paces reps that are not held",
    ],
    "tempo_without_reps.toml": [
        'tempo_without_reps.toml:3: exercise 1 "Lateral walk": needs reps, hold or both,'
        " or work, found none of them",
        'tempo_without_reps.toml:5: exercise 1 "Lateral walk": tempo needs reps: it is the'
        " seconds each rep takes",
    ],
    "work_with_reps.toml": [
        'work_with_reps.toml:6: exercise 1 "Band squat": work does not go with reps: a work set'
        " is as many reps as you can in its seconds",
    ],
    "work_too_long.toml": [
        'work_too_long.toml:5: exercise 1 "Band squat": work must be 5–600 seconds, got 900',
    ],
    "count_reps_true.toml": [
        'count_reps_true.toml:6: exercise 1 "Calf stretch": count_reps can only be false: a work'
        " set asks for its reps unless this says false; leave it out",
    ],
    "count_reps_without_work.toml": [
        'count_reps_without_work.toml:6: exercise 1 "Calf stretch": count_reps goes with work:'
        " it makes a timed item of it",
    ],
    "progression_without_hold.toml": [
        'progression_without_hold.toml:6: exercise 1 "Clamshell": progression needs a hold:'
        " it lists hold seconds to step up to",
    ],
}


def test_every_bad_file_has_its_messages_in_the_table() -> None:
    assert sorted(path.name for path in BAD.glob("*.toml")) == sorted(BAD_FILE_MESSAGES)


@pytest.mark.parametrize("file_name", sorted(BAD_FILE_MESSAGES))
def test_bad_file_reports_exactly_its_problems(
    file_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(BAD)
    assert problems_in(Path(file_name)) == BAD_FILE_MESSAGES[file_name]
