"""A person's doses, read from the history of each routine: real files, a fake clock, and the
session walking the dosed plan."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bandtimer.coach import DoseBook, begin_workout
from bandtimer.domain.bands import DEFAULT_BANDS
from bandtimer.domain.clock import FakeClock
from bandtimer.domain.dose import Dose
from bandtimer.domain.history import ExerciseRecord, Feel, RoutineRef, WorkoutRecord, WorkoutStatus
from bandtimer.domain.plan import Segment, build_plan
from bandtimer.domain.progression import Step
from bandtimer.domain.routine import Block, Exercise, IntRange, Routine, Timing
from bandtimer.domain.set_kinds import CountedReps, TempoReps, TimedHold
from bandtimer.storage.history import HistoryStore
from tests.history_sets import reps_done

HOLD = Exercise(
    "Plank", IntRange.exactly(1), kind=TimedHold(IntRange.exactly(5)), progression=(5, 12)
)
ROUTINE = Routine("Short plank", (HOLD,), timing=Timing(get_ready=3))


class WallClock:
    def __init__(self, clock: FakeClock, day: int) -> None:
        self._clock = clock
        self._start = datetime(2026, 3, day, 7, 0, tzinfo=UTC) - timedelta(seconds=clock.now())

    def __call__(self) -> datetime:
        return self._start + timedelta(seconds=self._clock.now())


def follow(
    store: HistoryStore, routine: Routine, day: int, feel: Feel | None, *, pick_band: bool = False
) -> float:
    """Do `routine` at the doses the store's history gives, to the end, and rate it `feel`
    (`pick_band`: pick the lightest band with c).
    Returns the seconds its first hold was planned at."""
    return follow_plan(store, routine, day, feel, pick_band=pick_band).planned_seconds


def follow_plan(
    store: HistoryStore, routine: Routine, day: int, feel: Feel | None, *, pick_band: bool = False
) -> Segment:
    """As `follow`; returns the plan's first work segment."""
    clock = FakeClock()
    doses = DoseBook(lambda: store, DEFAULT_BANDS).doses(routine)
    session, recorder, start_at = begin_workout(
        routine, clock, store, WallClock(clock, day), DEFAULT_BANDS, doses=doses
    )
    session.start(start_at)
    recorder.save()
    if pick_band:
        recorder.choose_band(1, DEFAULT_BANDS[0].name)
    first = next(segment for segment in session.plan.segments if segment.is_work)
    while not session.state.is_over:
        clock.advance(0.5)
        recorder.observe(session.poll())
    if feel is not None:
        recorder.rate(feel)
    recorder.save()
    recorder.close()
    return first


def band_of(store: HistoryStore, routine: Routine) -> str | None:
    return DoseBook(lambda: store, DEFAULT_BANDS).doses(routine)[1].band


TEMPO = Exercise("Walk", IntRange(1, 2), kind=TempoReps(IntRange.exactly(2), 1.0))
WALKS = Routine("Walks", (TEMPO,), timing=Timing(get_ready=3, rest_between_sets=2))


def test_sets_step_up_within_their_range_then_the_band_on_a_fake_clock(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history", "laptop")

    assert follow_plan(store, WALKS, 2, Feel.EASY, pick_band=True).set_count == 1
    assert band_of(store, WALKS) == "green"
    assert follow_plan(store, WALKS, 3, Feel.EASY).set_count == 2  # sets up, same band
    assert band_of(store, WALKS) == "blue"  # top of the sets: the band steps up next
    assert follow_plan(store, WALKS, 4, Feel.HARD).set_count == 1  # a new band starts at 1 set
    assert band_of(store, WALKS) == "green"  # hard at the foot: the lighter band, at its top
    assert follow_plan(store, WALKS, 5, None).set_count == 2


WALK_ROUNDS = Routine(
    "Walk rounds", (TEMPO,), timing=Timing(get_ready=3, rest_between_sets=2),
    blocks=(Block(first=0, size=1, rounds=2, rest_between_rounds=IntRange.exactly(2)),),
)  # fmt: skip


def test_in_a_block_the_dose_steps_per_round_and_each_set_keeps_its_round(
    tmp_path: Path,
) -> None:
    store = HistoryStore(tmp_path / "history", "laptop")

    follow(store, WALK_ROUNDS, 2, Feel.EASY, pick_band=True)  # 1 set in each of 2 rounds
    (walk,) = store.load_all().records[0].exercises
    assert [(done.number, done.round) for done in walk.sets] == [(1, 1), (2, 2)]

    doses = DoseBook(lambda: store, DEFAULT_BANDS).doses(WALK_ROUNDS)
    assert doses[1] == Dose(2, None, "green")  # 1 set a round stepped up to 2, same band
    work = [segment for segment in build_plan(WALK_ROUNDS, doses).segments if segment.is_work]
    assert [segment.round_number for segment in work] == [1, 1, 2, 2]


def test_a_hold_rated_easy_is_timed_at_the_next_rung_on_the_next_start(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history", "laptop")

    assert follow(store, ROUTINE, 2, Feel.EASY) == 5
    assert follow(store, ROUTINE, 3, Feel.EASY) == 12
    assert follow(store, ROUTINE, 4, Feel.HARD) == 12  # the top: a band would be next, none known
    assert follow(store, ROUTINE, 5, None) == 5  # hard stepped back


def test_right_or_unrated_keeps_the_hold(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history", "laptop")

    follow(store, ROUTINE, 2, Feel.RIGHT)
    assert follow(store, ROUTINE, 3, None) == 5
    assert follow(store, ROUTINE, 4, Feel.EASY) == 5
    assert follow(store, ROUTINE, 5, None) == 12


def record(routine: str, day: int, *entries: ExerciseRecord) -> WorkoutRecord:
    started = datetime(2026, 3, day, 7, 0, tzinfo=UTC)
    return WorkoutRecord(
        id=f"id{day:06d}", routine=RoutineRef(routine), started=started,
        ended=started + timedelta(minutes=10), status=WorkoutStatus.COMPLETED, device="laptop",
        exercises=entries,
    )  # fmt: skip


CALF = Exercise("Ankle plantar flexion", IntRange(3, 5), kind=CountedReps(IntRange.exactly(20)))


def calf_entry(reps: int, feel: Feel, band: str, number: int = 1) -> ExerciseRecord:
    return ExerciseRecord(
        number=number, name=CALF.name, side=None, sets_planned=5, sets=reps_done(*[reps] * 5),
        band=band, feel=feel,
    )  # fmt: skip


def test_doses_are_per_routine_never_by_name_across_routines(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history", "laptop")
    store.save(record("Calves", 2, calf_entry(20, Feel.EASY, "blue")))
    store.save(record("Mini band workouts", 3, calf_entry(20, Feel.EASY, "red", number=2)))
    calves = Routine("Calves", (CALF,))
    other = Routine("Ankles", (CALF,))
    book = DoseBook(lambda: store, DEFAULT_BANDS)

    change = book.changes(calves)[0]
    assert change is not None and change.step is Step.BAND_UP
    assert change.after == Dose(3, None, "yellow")
    assert book.changes(other) == (None,)
    assert book.change_lines(calves) == [
        "Ankle plantar flexion: yellow band this time, up from blue band (back to 3 sets)"
    ]


def test_only_the_newest_workout_of_the_routine_that_reached_the_exercise_counts(
    tmp_path: Path,
) -> None:
    store = HistoryStore(tmp_path / "history", "laptop")
    store.save(record("Calves", 2, calf_entry(20, Feel.EASY, "blue")))
    store.save(record("Calves", 4, calf_entry(20, Feel.RIGHT, "blue")))
    store.save(record("Calves", 5))  # stopped before the exercise: says nothing about it
    book = DoseBook(lambda: store, DEFAULT_BANDS)

    change = book.changes(Routine("Calves", (CALF,)))[0]
    assert change is not None and change.step is Step.STAY


def test_a_routine_reordered_since_still_finds_its_exercise_by_its_unique_name(
    tmp_path: Path,
) -> None:
    store = HistoryStore(tmp_path / "history", "laptop")
    store.save(record("Calves", 2, calf_entry(20, Feel.EASY, "blue", number=3)))
    warm_up = replace(CALF, name="Warm-up")

    change = DoseBook(lambda: store, DEFAULT_BANDS).changes(Routine("Calves", (warm_up, CALF)))
    assert change[0] is None and change[1] is not None and change[1].after.band == "yellow"


SHORT_PLANK_FILE = """name = "Short plank"
[timing]
get_ready = 3
[[exercise]]
name = "Plank"
sets = 1
hold = 5
progression = [5, 12]
"""


def test_show_times_the_hold_the_person_has_earned(tmp_path: Path) -> None:
    from bandtimer.storage.locations import Locations
    from bandtimer.storage.routines import load_routine
    from tests.test_cli import bandtimer

    locations = Locations.under(tmp_path)
    locations.user_routines_dir.mkdir(parents=True)
    path = locations.user_routines_dir / "short-plank.toml"
    path.write_text(SHORT_PLANK_FILE)
    before = bandtimer("show", "short plank", home=tmp_path)
    assert "1 set × 5 s hold" in before.stdout and "this time" not in before.stdout

    follow(HistoryStore(locations.history_dir, "laptop"), load_routine(path), 2, Feel.EASY)
    after = bandtimer("show", "short plank", home=tmp_path)

    assert after.returncode == 0, after.stderr
    assert "Plank: 12 s this time, up from 5 s" in after.stdout
    assert "1 set × 12 s hold" in after.stdout
    assert "Planned total: 0:15" in after.stdout


BRIDGES = Routine(
    "Bridges",
    (Exercise("Bridge", IntRange(1, 3), kind=TimedHold(IntRange.exactly(4))),),
    timing=Timing(get_ready=2, rest_between_sets=2),
)


def test_a_workout_stopped_at_a_dose_resumes_at_that_dose(tmp_path: Path) -> None:
    from bandtimer.coach import find_resumable
    from bandtimer.domain.history import WorkoutStatus

    store = HistoryStore(tmp_path / "history", "laptop")
    follow_plan(store, BRIDGES, 2, Feel.EASY)  # the bridge's sets go up: 2 next time
    clock = FakeClock()
    doses = DoseBook(lambda: store, DEFAULT_BANDS).doses(BRIDGES)
    session, recorder, _ = begin_workout(
        BRIDGES, clock, store, WallClock(clock, 3), DEFAULT_BANDS, doses=doses
    )
    session.start()
    recorder.save()
    clock.advance(2 + 4 + 1)  # the first of two sets of the bridge
    recorder.observe(session.poll())
    recorder.close()
    [stopped] = store.unfinished()
    assert stopped.status is WorkoutStatus.IN_PROGRESS and stopped.exercises[0].sets_planned == 2

    assert find_resumable(stopped, [BRIDGES]) is BRIDGES
    held = store.claim(stopped)
    assert held is not None
    again, _, start_at = begin_workout(
        BRIDGES, FakeClock(), store, WallClock(clock, 3), DEFAULT_BANDS, resumed=held, doses={}
    )
    assert again.plan[start_at - 1].set_count == 2  # the same plan it stopped in
    held.release()
