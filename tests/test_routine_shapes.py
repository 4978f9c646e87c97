"""The shapes published band workouts come in, each written as a routine without workarounds
(tests/data/good/): it loads, and its plan times what the source would time, in its order.

How each one runs in the app and what it records: tests/ui/test_shapes_in_the_app.py.
"""

from __future__ import annotations

from pathlib import Path

from bandtimer.coach.speech import line_for
from bandtimer.domain.events import SegmentStarted
from bandtimer.domain.plan import SegmentKind, build_plan, planned_seconds
from bandtimer.domain.routine import IntRange, Side
from bandtimer.storage.routines import load_routine

GOOD = Path(__file__).resolve().parent / "data" / "good"
K = SegmentKind


def test_a_four_round_interval_circuit_rests_its_own_time_between_rounds() -> None:
    routine = load_routine(GOOD / "interval_circuit.toml")
    plan = build_plan(routine)
    (circuit,) = routine.blocks
    assert (circuit.rounds, circuit.rest_between_rounds) == (4, IntRange.exactly(60))
    # 10 s to get ready; each round four 40 s stations with 20 s to move on; 60 s between rounds
    assert plan.total_seconds == 10 + 4 * (4 * 40 + 3 * 20) + 3 * 60 == 1070  # 17:50
    assert planned_seconds(routine) == plan.total_seconds
    pauses = [(s.kind, s.planned_seconds, s.round_number) for s in plan.segments if s.is_rest]
    assert pauses[:5] == [
        (K.GET_READY, 10, 1),
        (K.REST_BETWEEN_EXERCISES, 20, 1),
        (K.REST_BETWEEN_EXERCISES, 20, 1),
        (K.REST_BETWEEN_EXERCISES, 20, 1),
        (K.REST_BETWEEN_ROUNDS, 60, 2),
    ]
    work = [(s.exercise_number, s.round_number, s.set_number, s.set_count) for s in plan.segments
            if s.is_work]  # fmt: skip
    assert work == [(n, r, r, 4) for r in range(1, 5) for n in range(1, 5)]


def test_a_circuit_of_one_minute_stations_mixes_with_exercises_done_on_their_own() -> None:
    routine = load_routine(GOOD / "station_circuit.toml")
    plan = build_plan(routine)
    assert [e.name for e in routine.exercises] == [
        "Glute bridge", "Monster walk", "Banded squat", "Side plank", "Clamshell",
    ]  # fmt: skip
    (stations,) = routine.blocks
    assert (stations.first, stations.size, stations.rounds) == (1, 3, 3)
    order = [(s.exercise.name, s.round_number) for s in plan.segments if s.is_work]
    assert order == [
        ("Glute bridge", 1),
        *[(name, r) for r in (1, 2, 3) for name in ("Monster walk", "Banded squat", "Side plank")],
        ("Clamshell", 1),
    ]
    # bridge 15 counted reps (45 s), three rounds of 3 × 60 s with 15 s changes, 90 s between
    # rounds, 30 s before and after the circuit, 12 counted reps (36 s)
    assert plan.total_seconds == 10 + 45 + 30 + 3 * (3 * 60 + 2 * 15) + 2 * 90 + 30 + 36


def test_a_superset_goes_straight_from_one_exercise_into_the_next_three_times() -> None:
    routine = load_routine(GOOD / "superset.toml")
    plan = build_plan(routine)
    shape = [(s.kind, s.exercise.name, s.round_number, s.planned_seconds) for s in plan.segments]
    assert shape == [
        (K.GET_READY, "Band curl", 1, 5),
        (K.REPS, "Band curl", 1, 45),
        (K.HOLD, "Curl hold", 1, 15),
        (K.REST_BETWEEN_ROUNDS, "Band curl", 2, 60),
        (K.REPS, "Band curl", 2, 45),
        (K.HOLD, "Curl hold", 2, 15),
        (K.REST_BETWEEN_ROUNDS, "Band curl", 3, 60),
        (K.REPS, "Band curl", 3, 45),
        (K.HOLD, "Curl hold", 3, 15),
    ]
    assert [s.where() for s in plan.segments if s.is_work][:2] == ["round 1 of 3"] * 2


def test_the_voice_says_the_round_once_where_each_round_begins() -> None:
    plan = build_plan(load_routine(GOOD / "superset.toml"))
    said = [line_for(SegmentStarted(segment, 0.0), plan) for segment in plan.segments]
    texts = [line.text or "" for line in said if line is not None]
    assert [text for text in texts if "Round" in text] == [
        texts[0], *[text for text in texts if text.startswith("Rest")]
    ]
    assert texts[0].startswith("Get ready. Round one of three. Band curl.")
    assert [t for t in texts if t.startswith("Rest")][1].startswith(
        "Rest, sixty seconds. Round three of three. Up next: Band curl."
    )
    assert sum("Round" in text for text in texts) == 3


def test_a_round_with_no_rest_before_it_says_its_round_as_it_starts(tmp_path: Path) -> None:
    text = (GOOD / "superset.toml").read_text(encoding="utf-8").replace(
        "rest_between_rounds = 60", "rest_between_rounds = 0"
    )
    path = tmp_path / "superset_no_rest.toml"
    path.write_text(text, encoding="utf-8")
    plan = build_plan(load_routine(path))
    second = next(s for s in plan.segments if s.round_number == 2)
    assert second.is_work
    line = line_for(SegmentStarted(second, 0.0), plan)
    assert line is not None and line.text == "Round two of three. Go."


def test_an_alternating_dead_bug_is_one_set_a_time_with_no_side_switch() -> None:
    routine = load_routine(GOOD / "dead_bug_alternate.toml")
    (bug,) = routine.exercises
    plan = build_plan(routine)
    assert [(s.kind, s.side, s.planned_seconds) for s in plan.segments] == [
        (K.GET_READY, None, 5), (K.REPS, None, 40), (K.REST_BETWEEN_SETS, None, 30),
        (K.REPS, None, 40),
    ]  # fmt: skip
    assert bug.dose == "2 sets × 20 reps, 2 s a rep, alternating sides each rep"
    said = "Two sets of twenty, two seconds a rep. Alternating sides each rep."
    assert bug.announcement() == said


def test_one_sided_rehab_works_only_the_side_it_names_and_says_so() -> None:
    routine = load_routine(GOOD / "one_sided_rehab.toml")
    plan = build_plan(routine)
    assert {s.side for s in plan.segments} == {Side.RIGHT}
    assert K.SWITCH_SIDES not in {s.kind for s in plan.segments}
    # 3 × 45 s of tempo reps with 30 s rests, 30 s (the low end of 30–45) to the balance, whose
    # own rest is the low end of 20–30
    assert plan.total_seconds == 10 + 3 * 45 + 2 * 30 + 30 + 30 + 20 + 30 + 30 + 120
    first = plan.segments[1]
    line = line_for(SegmentStarted(first, 0.0), plan)
    assert line is not None and line.text == "Right side. Go."
    assert routine.exercises[0].announcement().endswith("Right side only.")
    stretch = plan.segments[-1]
    assert (stretch.exercise.name, stretch.planned_seconds, stretch.side) == (
        "Calf stretch", 120, Side.RIGHT,
    )  # fmt: skip
    assert stretch.set_kind is not None and not stretch.set_kind.asks_reps_after
    assert stretch.exercise.dose == "1 set × 2 min, timed, right side only"
