"""Each shape of workout in tests/data/good/ run in the app on a fake clock, the way a person
follows it: what the screen says as the rounds go by, and what the history then holds.

How the shapes are read and planned: tests/test_routine_shapes.py.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.pilot import Pilot

from bandtimer.domain.history import WorkoutRecord, WorkoutStatus
from bandtimer.domain.plan import SegmentKind
from bandtimer.domain.routine import Side
from bandtimer.storage.history import HistoryStore, default_device_name
from bandtimer.storage.locations import Locations
from bandtimer.storage.routines import load_routine
from bandtimer.ui.screens.rep_count import RepCountScreen
from bandtimer.ui.screens.summary import SummaryScreen
from tests.ui.harness import Harness, advance, build, text_of, workout

GOOD = Path(__file__).resolve().parents[1] / "data" / "good"
SIZE = (100, 30)


async def follow(pilot: Pilot[None], harness: Harness) -> list[tuple[str, str, str]]:
    """Do the whole workout as a person would: count each rep by hand, let every timed
    segment run out, answer 10 when asked for reps. Returns (phase, exercise, set line) as
    each segment started."""
    session = workout(pilot).session
    seen: list[tuple[str, str, str]] = []
    while not session.state.is_over or isinstance(pilot.app.screen, RepCountScreen):
        if isinstance(pilot.app.screen, RepCountScreen):
            await pilot.press("1", "0", "enter")
            continue
        seen.append((text_of(pilot, "#phase"), text_of(pilot, "#exercise"),
                     text_of(pilot, "#set-line")))  # fmt: skip
        kind = session.current.set_kind
        if kind is not None and kind.counted_by_hand:
            await pilot.press(*["enter"] * (kind.rep_goal or 0))
        else:
            await advance(pilot, harness.clock, session.remaining() or 0.0)
    await pilot.pause()
    return seen


def saved(home: Path) -> WorkoutRecord:
    store = HistoryStore(Locations.under(home).history_dir, default_device_name())
    [record] = store.load_all().records
    return record


def run_shape(tmp_path: Path, file_name: str) -> tuple[list[tuple[str, str, str]], Harness]:
    routine = load_routine(GOOD / file_name)
    outcome: list[tuple[str, str, str]] = []

    async def body() -> None:
        harness = build(tmp_path, routine)
        async with harness.app.run_test(size=SIZE) as pilot:
            outcome.extend(await follow(pilot, harness))
            assert isinstance(pilot.app.screen, SummaryScreen)
        runs.append(harness)

    runs: list[Harness] = []
    asyncio.run(body())
    return outcome, runs[0]


def test_a_four_round_interval_circuit_runs_round_by_round_and_records_each_round(
    tmp_path: Path,
) -> None:
    seen, _ = run_shape(tmp_path, "interval_circuit.toml")
    work = [(exercise, line) for phase, exercise, line in seen if phase == "WORK"]
    assert work == [
        (name, f"round {r} / 4")
        for r in (1, 2, 3, 4)
        for name in ("Band squat", "Band row", "Lateral walk", "Pallof press")
    ]
    rests = [line for phase, exercise, line in seen
             if exercise == "Up next: Band squat" and phase == "REST"]  # fmt: skip
    assert rests == ["round 2 / 4", "round 3 / 4", "round 4 / 4"]  # a rest before each round

    record = saved(tmp_path)
    assert record.status is WorkoutStatus.COMPLETED
    squat = record.exercise("Band squat")[0]
    assert (squat.sets_planned, squat.sets_done, squat.reps) == (4, 4, (10,) * 4)
    assert [(done.number, done.round) for done in squat.sets] == [(n, n) for n in (1, 2, 3, 4)]
    between = [s for s in record.segments if s.kind is SegmentKind.REST_BETWEEN_ROUNDS]
    assert [(s.planned_seconds, s.actual_seconds) for s in between] == [(60, 60)] * 3
    assert record.active_seconds == 1070


def test_a_circuit_of_one_minute_stations_between_two_plain_exercises(tmp_path: Path) -> None:
    seen, _ = run_shape(tmp_path, "station_circuit.toml")
    lines = [(exercise, line) for phase, exercise, line in seen if not exercise.startswith("Up")]
    assert lines[0] == ("Glute bridge", "set 1 / 1")
    assert ("Side plank", "round 3 / 3") in lines
    assert lines[-1] == ("Clamshell", "set 1 / 1")

    record = saved(tmp_path)
    walk = record.exercise("Monster walk")[0]
    assert (walk.sets_done, len(walk.held_seconds)) == (3, 3)
    assert [done.round for done in walk.sets] == [1, 2, 3]
    assert [done.round for done in record.exercise("Clamshell")[0].sets] == [1]
    assert record.exercise("Glute bridge")[0].reps == (15,)


def test_a_superset_runs_straight_from_curls_into_the_hold_three_times(tmp_path: Path) -> None:
    seen, _ = run_shape(tmp_path, "superset.toml")
    phases = [(phase, exercise) for phase, exercise, line in seen]
    assert phases[:4] == [
        ("GET READY", "Up next: Band curl"),
        ("REPS", "Band curl"),
        ("HOLD", "Curl hold"),  # no rest between the two: a superset
        ("REST", "Up next: Band curl"),
    ]
    record = saved(tmp_path)
    curls = record.exercise("Band curl")[0]
    assert (curls.sets_done, curls.reps) == (3, (15, 15, 15))
    assert [done.round for done in curls.sets] == [1, 2, 3]


def test_an_alternating_dead_bug_runs_as_one_set_with_no_side_switch(tmp_path: Path) -> None:
    seen, _ = run_shape(tmp_path, "dead_bug_alternate.toml")
    assert [(phase, line) for phase, exercise, line in seen] == [
        ("GET READY", "set 1 / 2"),
        ("REPS", "set 1 / 2 · alternating sides each rep"),
        ("REST", "set 2 / 2"),
        ("REPS", "set 2 / 2 · alternating sides each rep"),
    ]
    [bug] = saved(tmp_path).exercise("Dead bug with band")
    assert (bug.side, bug.sets_done, bug.reps) == (None, 2, (20, 20))


def test_one_sided_rehab_runs_and_records_the_right_side_only(tmp_path: Path) -> None:
    seen, _ = run_shape(tmp_path, "one_sided_rehab.toml")
    assert all(line.endswith("· RIGHT side") for _, _, line in seen)
    assert "SWITCH SIDES" not in {phase for phase, _, _ in seen}
    record = saved(tmp_path)
    assert [(e.name, e.side, e.sets_done) for e in record.exercises] == [
        ("Ankle eversion", Side.RIGHT, 3), ("Single-leg balance", Side.RIGHT, 2),
        ("Calf stretch", Side.RIGHT, 1),
    ]  # fmt: skip
    # The stretch is timed in full and nothing is asked at its end: no reps, no question.
    assert ("TIMED", "Calf stretch", "set 1 / 1 · RIGHT side") in seen
    [stretch] = [s for s in record.segments if s.exercise_name == "Calf stretch" and s.kind.value
                 == "work"]  # fmt: skip
    assert (stretch.actual_seconds, stretch.reps_done, stretch.skipped) == (120, None, False)


def test_the_preview_shows_blocks_with_their_rounds_and_each_exercises_notes(
    tmp_path: Path,
) -> None:
    from tests.ui.harness import write_routine
    from tests.ui.menu_helpers import highlight, preview_text, run

    write_routine(tmp_path, "superset", (GOOD / "superset.toml").read_text(encoding="utf-8"))
    write_routine(
        tmp_path, "bug", (GOOD / "dead_bug_alternate.toml").read_text(encoding="utf-8")
    )

    async def body(pilot: Pilot[None], starts: list[object]) -> None:
        await highlight(pilot, "Curl superset")
        block = "Superset: 3 rounds of exercises 1–2, a superset, 60 s between rounds"
        assert f"{block}\n1. Band curl" in preview_text(pilot)
        await highlight(pilot, "Alternating dead bug")
        assert "notes: Each leg's reach is one rep: 20 reps is 10 a leg." in preview_text(pilot)

    run(tmp_path, body)
