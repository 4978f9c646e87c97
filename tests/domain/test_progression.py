"""Progression: move up a band, or hold longer, only once the top was reached and felt easy."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bandtimer.domain.history import (
    ExerciseRecord,
    Feel,
    RoutineRef,
    WorkoutRecord,
    WorkoutStatus,
)
from bandtimer.domain.progression import (
    DEFAULT_BANDS,
    BandColour,
    Suggestion,
    SuggestionKind,
    suggest,
)
from bandtimer.domain.routine import Exercise, IntRange, Side, Sides
from bandtimer.domain.set_kinds import CountedReps, HeldReps, TimedHold

CLAMSHELL = Exercise("Clamshell", sets=IntRange.exactly(3), kind=CountedReps(IntRange(12, 15)))
MONSTER_WALK = Exercise(
    "Monster walk", sets=IntRange(2, 3), kind=CountedReps(IntRange(10, 12)), sides=Sides.EACH
)
PLANK = Exercise(
    "Plank",
    sets=IntRange.exactly(2),
    kind=TimedHold(IntRange.exactly(10)),
    progression=(10, 30, 45, 60),
)
BANDED_PLANK = Exercise(
    "Banded plank",
    sets=IntRange.exactly(1),
    kind=HeldReps(IntRange(10, 12), IntRange.exactly(10)),
    progression=(10, 30, 45, 60),
)


def workout(day: int, *entries: ExerciseRecord) -> WorkoutRecord:
    started = datetime(2025, 3, day, 7, 30, tzinfo=UTC)
    return WorkoutRecord(
        id=f"id{day}",
        routine=RoutineRef("Hips"),
        started=started,
        ended=started + timedelta(minutes=20),
        status=WorkoutStatus.COMPLETED,
        device="laptop",
        exercises=entries,
    )


def done(exercise: Exercise, *sets: float, band="blue", feel=Feel.EASY, side=None, hold=None):
    """One side of an exercise: reps per set, or seconds held per set for a timed hold."""
    timed = exercise.kind.measured_in_seconds
    top = exercise.kind.rep_goal
    hold = hold or exercise.kind.planned_hold
    return ExerciseRecord(
        number=1,
        name=exercise.name,
        side=side,
        sets_planned=exercise.sets.low,
        sets_done=sum(1 for value in sets if (value > hold - 1 if timed else value >= top - 2)),
        reps=() if timed else tuple(int(value) for value in sets),
        hold_seconds=hold,
        held_seconds=tuple(float(value) for value in sets) if timed else (),
        band=band,
        feel=feel,
    )


def test_the_top_of_the_range_done_easily_moves_up_a_band():
    history = [workout(1, done(CLAMSHELL, 15, 15, 15))]

    assert suggest(CLAMSHELL, history, DEFAULT_BANDS) == Suggestion(
        SuggestionKind.MOVE_UP, "Move up from blue to yellow", band="yellow"
    )


@pytest.mark.parametrize(
    ("reps", "feel"),
    [
        ((15, 15, 15), Feel.HARD),
        ((15, 15, 15), Feel.RIGHT),
        ((15, 15, 14), Feel.EASY),  # one set short of the top
        ((15, 15), Feel.EASY),  # a set missing
        ((12, 13, 12), None),  # short, and not rated
    ],
)
def test_short_of_the_top_or_not_easy_stays_on_the_band(reps, feel):
    history = [workout(1, done(CLAMSHELL, *reps, feel=feel))]

    suggestion = suggest(CLAMSHELL, history, DEFAULT_BANDS)

    assert suggestion == Suggestion(SuggestionKind.STAY, "Stay on blue", band="blue")


def test_the_top_reached_but_not_rated_suggests_nothing():
    """Only the person knows whether 15 reps were good form or a struggle."""
    history = [workout(1, done(CLAMSHELL, 15, 15, 15, feel=None))]

    assert suggest(CLAMSHELL, history, DEFAULT_BANDS) is None


def test_only_the_newest_workout_with_the_exercise_counts_in_whatever_order_given():
    easy = workout(3, done(CLAMSHELL, 15, 15, 15, band="yellow"))
    hard = workout(8, done(CLAMSHELL, 12, 12, 12, band="red", feel=Feel.HARD))
    other = workout(9)  # newer, but without a clamshell

    assert suggest(CLAMSHELL, [hard, other, easy], DEFAULT_BANDS).text == "Stay on red"
    assert suggest(CLAMSHELL, [easy], DEFAULT_BANDS).text == "Move up from yellow to red"


def test_never_done_or_no_band_recorded_suggests_nothing():
    assert suggest(CLAMSHELL, [], DEFAULT_BANDS) is None
    assert suggest(CLAMSHELL, [workout(1, done(PLANK, 10, 10))], DEFAULT_BANDS) is None
    no_band = [workout(1, done(CLAMSHELL, 15, 15, 15, band=None))]
    assert suggest(CLAMSHELL, no_band, DEFAULT_BANDS) is None


def test_both_sides_must_reach_the_top():
    right = done(MONSTER_WALK, 12, 12, side=Side.RIGHT)
    left_short = done(MONSTER_WALK, 12, 11, side=Side.LEFT)
    left = done(MONSTER_WALK, 12, 12, side=Side.LEFT)

    assert suggest(MONSTER_WALK, [workout(1, right, left_short)], DEFAULT_BANDS).text == (
        "Stay on blue"
    )
    assert suggest(MONSTER_WALK, [workout(1, right)], DEFAULT_BANDS).text == "Stay on blue"
    moved = suggest(MONSTER_WALK, [workout(1, right, left)], DEFAULT_BANDS)
    assert moved.text == "Move up from blue to yellow"


def test_the_heaviest_band_has_nowhere_to_go_and_an_unknown_band_is_not_guessed():
    heaviest = suggest(
        CLAMSHELL, [workout(1, done(CLAMSHELL, 15, 15, 15, band="Black"))], DEFAULT_BANDS
    )
    unknown = suggest(
        CLAMSHELL, [workout(1, done(CLAMSHELL, 15, 15, 15, band="purple"))], DEFAULT_BANDS
    )

    assert heaviest == Suggestion(
        SuggestionKind.HEAVIEST, "Stay on Black, the heaviest band", band="Black"
    )
    assert unknown is None


def test_the_person_s_own_bands_set_the_order():
    three = (BandColour("pink", "light"), BandColour("teal", "medium"), BandColour("grey", "heavy"))
    history = [workout(1, done(CLAMSHELL, 15, 15, 15, band="pink"))]

    assert suggest(CLAMSHELL, history, three).text == "Move up from pink to teal"


@pytest.mark.parametrize(
    ("hold", "expected"),
    [(10, "Hold 30 s next time"), (30, "Hold 45 s next time"), (45, "Hold 60 s next time")],
)
def test_a_plank_held_in_full_and_easy_steps_up_its_progression(hold, expected):
    history = [workout(1, done(PLANK, hold, hold - 0.2, hold=hold))]

    suggestion = suggest(PLANK, history, DEFAULT_BANDS)

    assert suggestion.kind is SuggestionKind.HOLD_LONGER
    assert suggestion.text == expected
    assert suggestion.hold_seconds == int(expected.split()[1])


def test_a_plank_cut_short_or_hard_stays_at_its_hold():
    cut_short = [workout(1, done(PLANK, 10, 7, band=None))]
    hard = [workout(1, done(PLANK, 30, 30, hold=30, feel=Feel.HARD))]

    assert suggest(PLANK, cut_short, DEFAULT_BANDS) == Suggestion(
        SuggestionKind.STAY, "Stay at 10 s", hold_seconds=10
    )
    assert suggest(PLANK, hard, DEFAULT_BANDS).text == "Stay on blue"


def test_the_last_step_of_a_progression_done_easily_moves_up_a_band():
    history = [workout(1, done(PLANK, 60, 60, hold=60))]

    assert suggest(PLANK, history, DEFAULT_BANDS).text == "Move up from blue to yellow"


def test_held_reps_step_up_their_hold_once_every_rep_was_held():
    full = [workout(1, done(BANDED_PLANK, 12))]
    short = [workout(1, done(BANDED_PLANK, 11))]

    assert suggest(BANDED_PLANK, full, DEFAULT_BANDS).text == "Hold 30 s next time"
    assert suggest(BANDED_PLANK, short, DEFAULT_BANDS).kind is SuggestionKind.STAY
