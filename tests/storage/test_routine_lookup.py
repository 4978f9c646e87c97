"""Which routine a name typed on the command line means: `run` and `show` share this."""

from __future__ import annotations

from pathlib import Path

import pytest

from bandtimer.storage.routines import RoutineEntry, discover_routines
from bandtimer.storage.routines.lookup import (
    EXIT_AMBIGUOUS,
    EXIT_NOT_FOUND,
    RoutineNotFound,
    lookup_entry,
)
from tests.storage.test_routine_discovery import write_routine

NAMES = {
    "quick-try.toml": "Quick try",
    "mini-band-workouts.toml": "Mini band workouts",
    "resistance-band-workouts.toml": "Resistance band workouts",
    "marathoner-deep-strength.toml": "Marathoner deep strength",
    "pre-run.toml": "Pre-run activation",
}


@pytest.fixture
def entries(tmp_path: Path) -> list[RoutineEntry]:
    for file, name in NAMES.items():
        write_routine(tmp_path, file, name)
    return discover_routines(tmp_path, tmp_path / "none")


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("quick", "Quick try"),  # the start of the name
        ("QUICK T", "Quick try"),  # in any case, even part of a word at the end
        ("marathon", "Marathoner deep strength"),
        ("try", "Quick try"),  # a whole word
        ("deep strength", "Marathoner deep strength"),  # a run of whole words
        ("  mini  ", "Mini band workouts"),
        ("resistance-band", "Resistance band workouts"),  # the start of the file name
        ("pre-run", "Pre-run activation"),  # an exact file stem still wins
        ("Mini band workouts", "Mini band workouts"),
    ],
)
def test_a_unique_start_or_word_of_a_name_is_enough(
    entries: list[RoutineEntry], typed: str, meant: str
) -> None:
    assert lookup_entry(entries, typed).name == meant


def test_a_name_that_fits_several_lists_them_all_and_says_exit_2(
    entries: list[RoutineEntry],
) -> None:
    with pytest.raises(RoutineNotFound) as raised:
        lookup_entry(entries, "band")
    message = str(raised.value)
    assert raised.value.exit_status == EXIT_AMBIGUOUS == 2
    assert message.splitlines()[0] == "'band' could be any of 2 routines; say which one:"
    assert "Mini band workouts" in message and "(mini-band-workouts.toml)" in message
    assert "Resistance band workouts" in message
    assert "Quick try" not in message


@pytest.mark.parametrize("typed", ["strength deep", "ick", "ength", "", "   "])
def test_part_of_a_word_inside_a_name_is_not_enough(
    entries: list[RoutineEntry], typed: str
) -> None:
    with pytest.raises(RoutineNotFound) as raised:
        lookup_entry(entries, typed)
    assert raised.value.exit_status == EXIT_NOT_FOUND == 1
    assert str(raised.value).startswith(f"No routine called {typed!r}. Known routines:")
