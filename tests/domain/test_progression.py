"""The progression rule: one step up a ladder (hold, then sets, then band) on a workout done in
full and rated easy; one step down on hard; otherwise the same dose."""

from __future__ import annotations

import pytest

from bandtimer.domain.bands import DEFAULT_BANDS, BandColour
from bandtimer.domain.dose import Dose, dosed, hold_rungs, starting_dose, within_routine
from bandtimer.domain.history import ExerciseRecord, Feel
from bandtimer.domain.progression import (
    DoseChange,
    Outcome,
    Step,
    next_dose,
    outcome_of,
    recorded_dose,
)
from bandtimer.domain.routine import Exercise, IntRange, Side, Sides
from bandtimer.domain.set_kinds import CountedReps, HeldReps, TimedHold
from tests.history_sets import sets_of

CLAMSHELL = Exercise("Clamshell", sets=IntRange(3, 5), kind=CountedReps(IntRange(10, 12)))
MONSTER_WALK = Exercise(
    "Monster walk", sets=IntRange(2, 3), kind=CountedReps(IntRange(10, 12)), sides=Sides.EACH
)
PLANK = Exercise(
    "Plank", sets=IntRange.exactly(2), kind=TimedHold(IntRange.exactly(10)),
    progression=(10, 30, 45, 60),
)  # fmt: skip
BANDED_PLANK = Exercise(
    "Banded plank", sets=IntRange.exactly(1), kind=HeldReps(IntRange(10, 12), IntRange.exactly(10)),
    progression=(10, 30, 45, 60),
)  # fmt: skip
BRIDGE = Exercise(
    "Glute bridge", sets=IntRange(3, 5), kind=HeldReps(IntRange(10, 12), IntRange(5, 10))
)
SHORT_PLANK = Exercise(
    "Short plank",
    sets=IntRange.exactly(1),
    kind=TimedHold(IntRange.exactly(5)),
    progression=(5, 12),
)

EASY_IN_FULL = Outcome(in_full=True, feel=Feel.EASY)


def step(exercise: Exercise, before: Dose, outcome: Outcome = EASY_IN_FULL, bands=DEFAULT_BANDS):
    return next_dose(exercise, before, outcome, bands)


# -- up -------------------------------------------------------------------------------------


def test_a_hold_done_in_full_and_easy_steps_up_one_rung_of_its_progression():
    change = step(BANDED_PLANK, Dose(1, 10, "blue"))

    assert change == DoseChange(
        "Banded plank", Dose(1, 10, "blue"), Dose(1, 30, "blue"), Step.HOLD_UP
    )
    assert change.text() == "Banded plank: 30 s this time, up from 10 s"
    assert step(BANDED_PLANK, Dose(1, 30, "blue")).after.hold == 45
    assert step(BANDED_PLANK, Dose(1, 45, "blue")).after.hold == 60


def test_the_five_then_twelve_progression_reaches_twelve_in_one_easy_workout():
    assert step(SHORT_PLANK, starting_dose(SHORT_PLANK)).after == Dose(1, 12, None)


def test_a_hold_range_without_progression_steps_from_its_low_to_its_high_end():
    assert hold_rungs(BRIDGE) == (5, 10)
    assert step(BRIDGE, Dose(3, 5, "red")).after == Dose(3, 10, "red")


def test_with_the_hold_at_its_top_the_sets_step_up_within_their_range():
    change = step(BRIDGE, Dose(3, 10, "red"))

    assert change.step is Step.SETS_UP and change.after == Dose(4, 10, "red")
    assert change.text() == "Glute bridge: 4 sets this time, up from 3"
    assert step(CLAMSHELL, Dose(4, None, "red")).after == Dose(5, None, "red")


def test_at_the_top_of_sets_and_hold_the_band_steps_up_and_the_ladder_starts_again():
    change = step(BRIDGE, Dose(5, 10, "yellow"))

    assert change.step is Step.BAND_UP
    assert change.after == Dose(3, 5, "red")
    assert (
        change.text()
        == "Glute bridge: red band this time, up from yellow band (back to 3 sets of 5 s)"
    )


def test_the_person_s_own_bands_set_the_order_and_case_does_not_matter():
    mine = (BandColour("Pink"), BandColour("Purple"))

    assert step(CLAMSHELL, Dose(5, None, "pink"), bands=mine).after.band == "Purple"


def test_easy_at_the_very_top_has_nowhere_to_go():
    heaviest = step(CLAMSHELL, Dose(5, None, "black"))
    unknown_band = step(CLAMSHELL, Dose(5, None, "chartreuse"))
    no_band = step(CLAMSHELL, Dose(5, None, None))

    assert {heaviest.step, unknown_band.step, no_band.step} == {Step.TOP}
    assert not heaviest.changed and not no_band.changed
    assert heaviest.text() == "Clamshell: stay on black, the heaviest band"
    assert "pick a heavier band with c" in no_band.text()


# -- staying --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "outcome",
    [
        Outcome(True, Feel.RIGHT),
        Outcome(True, None),
        Outcome(False, Feel.EASY),
        Outcome(False, None),
    ],
)
def test_right_unrated_or_short_of_the_top_keeps_the_dose(outcome):
    change = step(BANDED_PLANK, Dose(1, 30, "blue"), outcome)

    assert change.step is Step.STAY and change.after == change.before == Dose(1, 30, "blue")
    assert change.text() == "Banded plank: 1 set of 30 s again"


# -- back -----------------------------------------------------------------------------------


def test_hard_steps_back_one_step_of_the_same_ladder():
    hard = Outcome(in_full=True, feel=Feel.HARD)

    assert step(BRIDGE, Dose(4, 10, "red"), hard).after == Dose(3, 10, "red")
    assert step(BRIDGE, Dose(3, 10, "red"), hard).after == Dose(3, 5, "red")
    lighter = step(BRIDGE, Dose(3, 5, "red"), hard)
    assert lighter.step is Step.BACK and lighter.after == Dose(5, 10, "yellow")
    back = step(BANDED_PLANK, Dose(1, 30, None), hard)
    assert back.text() == "Banded plank: 10 s this time, back from 30 s (it felt hard)"


def test_hard_even_when_cut_short_steps_back_and_at_the_foot_stays():
    assert step(BANDED_PLANK, Dose(1, 45), Outcome(False, Feel.HARD)).after.hold == 30
    foot = step(CLAMSHELL, Dose(3, None, "green"), Outcome(True, Feel.HARD))
    assert foot.step is Step.STAY and foot.after == Dose(3, None, "green")


# -- the dose and the file ------------------------------------------------------------------


def test_a_dose_is_made_to_fit_a_routine_edited_since():
    assert within_routine(CLAMSHELL, Dose(9, 20, "red")) == Dose(5, None, "red")
    assert within_routine(BANDED_PLANK, Dose(1, 40)) == Dose(1, 30)
    assert within_routine(BANDED_PLANK, Dose(1, 3)) == Dose(1, 10)
    assert step(BANDED_PLANK, Dose(1, 40)).after.hold == 45


def test_the_file_s_hold_is_where_a_progression_starts_and_is_one_of_its_rungs():
    odd = Exercise(
        "Odd", sets=IntRange.exactly(1), kind=TimedHold(IntRange.exactly(20)), progression=(10, 30)
    )

    assert hold_rungs(odd) == (10, 20, 30)
    assert starting_dose(odd) == Dose(1, 20)
    assert hold_rungs(CLAMSHELL) == ()


def test_a_dosed_exercise_times_and_announces_its_dose_and_keeps_its_ranges():
    plank = dosed(BANDED_PLANK, Dose(1, 30, "red"))
    bridge = dosed(BRIDGE, Dose(4, 10))

    assert plank.kind.planned_hold == 30 and plank.current == Dose(1, 30, "red")
    assert "thirty seconds" in plank.announcement()
    assert bridge.planned_sets == 4 and bridge.sets == IntRange(3, 5)
    assert bridge.dose == "4 sets × 10–12 reps, 10 s hold each rep"


def test_a_step_taken_back_keeps_the_old_dose_and_remembers_the_offer():
    kept = step(BANDED_PLANK, Dose(1, 10)).taken_back()

    assert kept.step is Step.KEPT and kept.after == kept.before == Dose(1, 10)
    assert kept.offered == Dose(1, 30)
    assert kept.text() == "Banded plank: 1 set of 10 s again, by choice (not 30 s)"


# -- reading a record -----------------------------------------------------------------------


def entry(
    exercise: Exercise, reps=(), held=(), *, side=None, feel=Feel.EASY, done=None, band="blue"
):
    planned = exercise.planned_sets
    return ExerciseRecord(
        number=1, name=exercise.name, side=side, sets_planned=planned,
        sets=sets_of(planned if done is None else done, tuple(reps), tuple(held)),
        hold_seconds=exercise.kind.planned_hold, band=band, feel=feel,
    )  # fmt: skip


def test_in_full_means_every_set_at_the_top_of_the_rep_range():
    assert outcome_of(CLAMSHELL, [entry(CLAMSHELL, (12, 12, 12))]) == EASY_IN_FULL
    assert not outcome_of(CLAMSHELL, [entry(CLAMSHELL, (12, 11, 12))]).in_full
    assert not outcome_of(CLAMSHELL, [entry(CLAMSHELL, (12, 12), done=2)]).in_full


def test_in_full_means_every_hold_held_out_give_or_take_the_clock():
    assert outcome_of(PLANK, [entry(PLANK, held=(9.6, 10.0))]).in_full
    assert not outcome_of(PLANK, [entry(PLANK, held=(9.6, 8.0))]).in_full


def test_both_sides_must_be_done_and_a_rating_on_either_side_counts():
    right = entry(MONSTER_WALK, (12, 12), side=Side.RIGHT, feel=None)
    left = entry(MONSTER_WALK, (12, 12), side=Side.LEFT, feel=Feel.EASY)

    assert outcome_of(MONSTER_WALK, [right, left]) == EASY_IN_FULL
    assert not outcome_of(MONSTER_WALK, [right]).in_full


def test_the_recorded_dose_is_the_planned_sets_and_hold_and_the_band_used():
    record = entry(BANDED_PLANK, (12,), band="red")

    assert recorded_dose([record]) == Dose(1, 10, "red")


def test_the_dose_of_an_exercise_done_in_rounds_is_its_sets_in_one_round() -> None:
    two_rounds = ExerciseRecord(
        number=1, name=CLAMSHELL.name, side=None, sets_planned=6,
        sets=sets_of(6, (12,) * 6), band="blue", feel=Feel.EASY,
    )  # fmt: skip

    before = recorded_dose([two_rounds], rounds=2)
    change = step(CLAMSHELL, before, outcome_of(CLAMSHELL, [two_rounds]))

    assert before == Dose(3, None, "blue")
    assert (change.after, change.step) == (Dose(4, None, "blue"), Step.SETS_UP)
