"""Did-you-mean hints only ever offer what the person meant: a key of the same table, spelt
right. A suggestion that is taken changes the file, so one that changes its meaning ("rounds"
read as "sets", "notes" as "steps", another piece of equipment) is worse than none."""

from __future__ import annotations

from itertools import permutations
from pathlib import Path

import pytest

from bandtimer.storage.routines import RoutineError
from bandtimer.storage.routines.fields import spelt_as
from bandtimer.storage.routines.loading import parse_routine
from bandtimer.storage.routines.validation import KEYS_OF_TABLES


def _problems(text: str) -> list[str]:
    with pytest.raises(RoutineError) as caught:
        parse_routine(text, Path("r.toml"))
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize(
    ("here", "there"), list(permutations(KEYS_OF_TABLES, 2)), ids=lambda table: table
)
def test_no_key_of_another_table_is_suggested_as_a_different_key(here: str, there: str) -> None:
    known = KEYS_OF_TABLES[here]
    for key in set(KEYS_OF_TABLES[there]) - set(known):
        suggestion = spelt_as(key, known)
        assert suggestion is None, f"{there}.{key} in {here} gets {suggestion}"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("rep", "reps"), ("sids", "sides"), ("get_redy", "get_ready"), ("getready", "get_ready"),
     ("Hip-Circle", "hip circle"), ("Each", "each"), ("stpes", "steps")],
)  # fmt: skip
def test_a_slip_of_the_keys_is_suggested(typed: str, meant: str) -> None:
    known = [*KEYS_OF_TABLES["exercise"], *KEYS_OF_TABLES["timing"], "hip circle", "each", "both"]
    assert spelt_as(typed, known) == meant


@pytest.mark.parametrize(
    ("typed", "known"),
    [("rest_between_rounds", ["rest_between_sets", "rest_between_exercises"]),
     ("notes", ["steps"]),
     ("tube with ankle strap", ["tube with handles", "loop"]),
     ("rest", ["reps"]),
     ("sets", ["sides"]),
     ("rounds", ["reps", "sets"])],
)  # fmt: skip
def test_a_different_word_is_never_suggested(typed: str, known: list[str]) -> None:
    assert spelt_as(typed, known) is None


def test_two_keys_equally_close_suggest_neither() -> None:
    assert spelt_as("rast", ["rest", "raft"]) is None


def test_other_equipment_is_not_offered_as_a_band() -> None:
    (problem,) = _problems(
        'name = "R"\n[[exercise]]\nname = "Ankle"\nband = "tube with ankle strap"\nreps = 10\n'
    )
    assert "did you mean" not in problem
    assert '"tube with handles"' in problem  # listed among the known types, not suggested
