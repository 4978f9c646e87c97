"""The shipped routines keep the dosing of the articles they come from.

The expected values below were copied by hand from the articles in shared/seeds, not from the
routine files, so a slip in either shows up here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bandtimer.domain.plan import SegmentKind, build_plan
from bandtimer.domain.routine import IntRange, Routine, Sides
from bandtimer.domain.set_kinds import TimeBoxed
from bandtimer.storage.routines import load_routine

ROUTINES = Path(__file__).resolve().parents[1] / "routines"
EACH, BOTH = Sides.EACH, Sides.BOTH


def r(low: int, high: int | None = None) -> IntRange:
    return IntRange(low, low if high is None else high)


# name, sets, reps, hold seconds, sides, a word the band placement must mention
MINI_BAND = [
    ("Ankle plantar flexion", r(3, 5), r(8, 12), r(5), EACH, "ball of the foot"),
    ("Lateral banded walk", r(3, 5), r(15), None, EACH, "ankles"),
    ("Banded squat with side leg lift", r(3, 5), r(10, 12), None, BOTH, "knees"),
    ("Banded plank", None, r(10, 12), r(10), BOTH, "ankles"),
    ("Standing leg extension", None, None, r(5), EACH, "shin"),
    ("Isometric lunge and row", r(3, 5), r(10, 12), r(5), EACH, ""),
    ("Deadbug with band", r(3, 5), r(10, 12), r(5), EACH, ""),
    ("Glute bridge", r(3, 5), r(10, 12), r(5, 10), BOTH, "thighs"),
]

RESISTANCE_BAND = [
    ("Lateral banded walk", r(3, 5), r(8, 10), None, EACH, "ankle"),
    ("Banded squat", None, r(10), None, BOTH, "knees"),
    ("Banded plank", r(3, 5), r(10), None, EACH, "ankles"),
    ("Kick backs", r(3, 5), r(20), None, EACH, "ankles"),
    ("Standing knee raises", r(3, 5), r(20), None, EACH, "ankle"),
    ("Ankle plantar flexion", r(3, 5), r(20), None, EACH, "ball of the foot"),
    ("Ankle dorsiflexion", r(3, 5), r(20), None, EACH, ""),
    ("Ankle inversion", r(3, 5), r(20), None, EACH, ""),
    ("Ankle eversion", r(3, 5), r(20), None, EACH, "outside of the foot"),
]

ANCHORED = {
    "mini-band-workouts.toml": {"Standing leg extension", "Isometric lunge and row",
                                "Deadbug with band"},
    "resistance-band-workouts.toml": {"Standing knee raises", "Ankle dorsiflexion",
                                      "Ankle inversion"},
    "marathoner-deep-strength.toml": {"Standing abs twist"},
    "mini-band-weekday.toml": {"Standing leg extension", "Isometric lunge and row",
                               "Deadbug with band"},
}


def load(name: str) -> Routine:
    return load_routine(ROUTINES / name)


@pytest.mark.parametrize(
    ("file", "expected"),
    [("mini-band-workouts.toml", MINI_BAND), ("resistance-band-workouts.toml", RESISTANCE_BAND)],
)
def test_article_dosing_point_by_point(file: str, expected: list[tuple]) -> None:
    routine = load(file)
    assert [e.name for e in routine.exercises] == [row[0] for row in expected]
    for exercise, (name, sets, reps, hold, sides, placement) in zip(
        routine.exercises, expected, strict=True
    ):
        if sets is not None:  # None: the article gives no sets, the routine chose
            assert exercise.sets == sets, name
        if reps is not None:
            assert exercise.kind.reps == reps, name
        assert exercise.kind.hold == hold, name
        assert exercise.sides is sides, name
        assert placement in exercise.placement, name
        assert exercise.steps and exercise.why, f"{name} needs steps and why"


def test_the_plank_progresses_through_the_articles_holds() -> None:
    plank = next(e for e in load("mini-band-workouts.toml").exercises if e.name == "Banded plank")
    assert plank.progression == (10, 30, 45, 60)


@pytest.mark.parametrize("file", sorted(ANCHORED))
def test_anchored_exercises_say_where_to_anchor(file: str) -> None:
    anchored = {e.name for e in load(file).exercises if e.anchor}
    assert ANCHORED[file] <= anchored


def test_marathoner_routine_has_the_five_exercises_and_plans_about_15_minutes() -> None:
    routine = load("marathoner-deep-strength.toml")
    assert [e.name for e in routine.exercises] == [
        "Lateral band walks",
        "Dead bug with band",
        "Banded sumo squat walks",
        "Standing abs twist",
        "Standing leg raises",
    ]
    assert "bandtimer" in routine.notes.lower(), "the file must say the dosing is our choice"
    minutes = build_plan(routine).total_seconds / 60
    assert 13 <= minutes <= 17


def test_band_circuit_is_two_rounds_of_six_stations_of_40_on_20_off_in_about_12_minutes() -> None:
    routine = load("band-circuit.toml")
    assert [e.name for e in routine.exercises] == [
        "Banded squat",  # Resistance Band Workouts for Runners
        "Lateral banded walk",  # 8 Mini Band Workouts For Runners
        "Glute bridge",  # 8 Mini Band Workouts For Runners
        "Kick backs",  # Resistance Band Workouts for Runners
        "Banded squat with side leg lift",  # 8 Mini Band Workouts For Runners
        "Dead bug with band",  # the marathoner routine's article
    ]
    assert {e.kind for e in routine.exercises} == {TimeBoxed(40)}
    assert {(e.sets, e.sides, e.rest) for e in routine.exercises} == {(r(1), BOTH, None)}
    (circuit,) = routine.blocks  # two real rounds of all six stations, not two sets of each
    assert (circuit.first, circuit.size, circuit.rounds) == (0, 6, 2)
    assert (circuit.rest_between_exercises, circuit.rest_between_rounds) == (r(20), r(60))
    assert "bandtimer" in routine.notes.lower(), "the file must say the timing is our choice"
    assert all(e.steps and e.why and e.band and e.placement for e in routine.exercises)
    plan = build_plan(routine)
    assert plan.total_seconds == 10 + 2 * (6 * 40 + 5 * 20) + 60  # 12:30
    order = [(s.exercise_number, s.round_number) for s in plan.segments if s.is_work]
    assert order == [(n, 1) for n in range(1, 7)] + [(n, 2) for n in range(1, 7)]
    assert {s.kind for s in plan.segments if s.is_work} == {SegmentKind.WORK}


def test_quick_try_shows_every_kind_of_screen_in_under_two_minutes() -> None:
    routine = load("quick-try.toml")
    plan = build_plan(routine)
    assert plan.total_seconds < 120
    assert len(routine.exercises) == 2
    assert any(e.kind.reps and e.kind.hold for e in routine.exercises), "one has held reps"
    assert any(e.sides is EACH for e in routine.exercises), "one exercise works each side"
    kinds = {segment.kind for segment in plan.segments}
    assert kinds >= {SegmentKind.GET_READY, SegmentKind.REPS, SegmentKind.SWITCH_SIDES,
                     SegmentKind.REST_BETWEEN_SETS, SegmentKind.REST_BETWEEN_EXERCISES}


def test_the_weekday_mini_band_routine_is_all_eight_exercises_in_about_20_minutes() -> None:
    weekday, full = load("mini-band-weekday.toml"), load("mini-band-workouts.toml")
    assert [e.name for e in weekday.exercises] == [row[0] for row in MINI_BAND]
    for exercise, (name, _sets, reps, hold, sides, placement) in zip(
        weekday.exercises, MINI_BAND, strict=True
    ):
        assert exercise.kind.hold == (r(hold.low) if hold else None), f"{name}: the shortest hold"
        assert exercise.sides is sides, name
        assert placement in exercise.placement, name
        assert exercise.sets.high <= 2, f"{name}: fewer sets than the article's 3–5"
        if reps is not None:
            assert exercise.kind.reps is not None and exercise.kind.reps.high <= reps.high, name
        assert exercise.steps and exercise.why, f"{name} needs steps and why"
    assert weekday.timing.rest_between_sets < full.timing.rest_between_sets
    assert weekday.timing.rest_between_exercises < full.timing.rest_between_exercises
    assert "bandtimer's choice" in weekday.notes, "the file must say the dosing is ours"
    minutes = build_plan(weekday).total_seconds / 60
    assert 18 <= minutes <= 22
