"""The recorder keeps a workout's file in step with its session, on a fake clock and real files."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bandtimer.coach import WorkoutRecorder
from bandtimer.coach.band_choice import exercises_sharing_band
from bandtimer.domain.clock import FakeClock
from bandtimer.domain.history import Feel, WorkoutStatus
from bandtimer.domain.plan import build_plan
from bandtimer.domain.progression import DEFAULT_BANDS
from bandtimer.domain.routine import Band, Exercise, IntRange, Routine, Sides, Timing
from bandtimer.domain.session import Session
from bandtimer.domain.set_kinds import TempoReps, TimedHold
from bandtimer.storage.history import HistoryStore

BRIDGE = Exercise("Bridge", IntRange.exactly(2), kind=TimedHold(IntRange.exactly(10)))
WALK = Exercise(
    "Walk", IntRange.exactly(1), kind=TempoReps(IntRange.exactly(4), 2.0), sides=Sides.EACH
)
ROUTINE = Routine(
    "Two things",
    (BRIDGE, WALK),
    timing=Timing(get_ready=0, rest_between_sets=5, rest_between_exercises=5, switch_sides=2),
)
# Plan: 0 hold 10 | 1 rest 5 | 2 hold 10 | 3 rest 5 | 4 walk right 8 | 5 switch 2 | 6 walk left 8


class WallClock:
    """Local time that moves with the fake monotonic clock."""

    def __init__(self, clock: FakeClock) -> None:
        self._clock = clock
        self._origin = clock.now()

    def __call__(self) -> datetime:
        start = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)
        return start + timedelta(seconds=self._clock.now() - self._origin)


Started = tuple[Session, WorkoutRecorder, FakeClock]


def begin(tmp_path: Path, store: HistoryStore | None = None) -> Started:
    clock = FakeClock()
    session = Session(build_plan(ROUTINE), clock)
    store = store or HistoryStore(tmp_path / "history", "laptop")
    recorder = WorkoutRecorder(session, store, WallClock(clock), DEFAULT_BANDS)
    session.start()
    recorder.save()
    return session, recorder, clock


def step(session: Session, recorder: WorkoutRecorder, clock: FakeClock, seconds: float) -> None:
    clock.advance(seconds)
    recorder.observe(session.poll())


def test_the_workout_is_on_disk_from_its_start_and_after_every_set(tmp_path: Path) -> None:
    session, recorder, clock = begin(tmp_path)
    store = HistoryStore(tmp_path / "history", "laptop")
    assert recorder.path is not None and recorder.path.name.endswith(".inprogress.toml")
    assert store.unfinished()[0].sets_done == 0

    step(session, recorder, clock, 10)
    assert store.unfinished()[0].sets_done == 1
    step(session, recorder, clock, 4)  # inside the rest: nothing new to save
    assert store.unfinished()[0].sets_done == 1
    step(session, recorder, clock, 11)
    assert store.unfinished()[0].sets_done == 2

    step(session, recorder, clock, 30)
    assert store.unfinished() == []
    [record] = store.load_all().records
    assert record.status is WorkoutStatus.COMPLETED
    assert [(e.name, e.side and e.side.value, e.reps) for e in record.exercises] == [
        ("Bridge", None, ()),
        ("Walk", "right", (4,)),
        ("Walk", "left", (4,)),
    ]
    assert recorder.saved


def test_note_says_a_save_is_due_without_writing(tmp_path: Path) -> None:
    session, recorder, clock = begin(tmp_path)
    store = HistoryStore(tmp_path / "history", "laptop")
    clock.advance(4)
    assert not recorder.note(session.poll())  # inside the set: nothing new for the file
    clock.advance(6)
    assert recorder.note(session.poll())  # the set ended
    assert store.unfinished()[0].sets_done == 0  # the caller chooses when to write
    recorder.save()
    assert store.unfinished()[0].sets_done == 1


def test_a_quit_is_saved_as_stopped_early_with_what_was_done(tmp_path: Path) -> None:
    session, recorder, clock = begin(tmp_path)
    step(session, recorder, clock, 12)
    session.quit()
    recorder.observe(session.poll())
    [record] = HistoryStore(tmp_path / "history", "laptop").load_all().records
    assert record.status is WorkoutStatus.STOPPED_EARLY
    assert record.exercises[0].sets_done == 1


def test_a_picked_band_is_remembered_next_time(tmp_path: Path) -> None:
    session, recorder, clock = begin(tmp_path)
    assert recorder.band_for("Bridge") is None
    assert recorder.choose_band(1, "green") == ["Bridge"]  # no kind of band: no carrying
    assert recorder.choose_band(1, "blue") == ["Bridge"]
    assert recorder.band_for("Bridge") == "blue"
    assert recorder.band_strength("blue") == "light"
    step(session, recorder, clock, 60)

    _, next_recorder, _ = begin(tmp_path)
    assert next_recorder.band_for("Bridge") == "blue"
    assert next_recorder.band_for("Walk") is None


def test_not_chosen_takes_back_a_band_remembered_from_last_time(tmp_path: Path) -> None:
    session, recorder, clock = begin(tmp_path)
    recorder.choose_band(1, "red")
    step(session, recorder, clock, 60)

    _, next_recorder, _ = begin(tmp_path)
    assert next_recorder.band_for("Bridge") == "red"
    next_recorder.choose_band(1, None)
    assert next_recorder.band_for("Bridge") is None


def test_how_it_felt_is_asked_after_the_last_set_and_not_for_a_skipped_one(
    tmp_path: Path,
) -> None:
    session, recorder, clock = begin(tmp_path)
    step(session, recorder, clock, 10)
    assert recorder.awaiting_feel is None, "one set of two is not the end of the exercise"
    step(session, recorder, clock, 15)
    assert recorder.awaiting_feel == "Bridge"
    assert recorder.rate(Feel.EASY) == "Bridge"
    assert recorder.awaiting_feel is None
    assert recorder.rate(Feel.HARD) == "Bridge", "a second press changes the rating"
    assert recorder.feel_of("Bridge") is Feel.HARD
    [record] = HistoryStore(tmp_path / "history", "laptop").unfinished()
    assert record.exercises[0].feel is Feel.HARD

    step(session, recorder, clock, 5 + 8 + 2)
    session.skip()
    recorder.observe(session.poll())
    assert recorder.awaiting_feel is None


def test_a_failed_save_is_told_once_and_the_workout_goes_on(tmp_path: Path) -> None:
    blocked = tmp_path / "history"
    blocked.write_text("a file where the history folder should be", encoding="utf-8")
    session, recorder, clock = begin(tmp_path, HistoryStore(blocked, "laptop"))
    problem = recorder.take_problem()
    assert problem is not None and "Couldn't save this workout" in problem
    step(session, recorder, clock, 10)
    assert recorder.take_problem() is None
    assert not recorder.saved
    assert session.index == 1
    assert blocked.read_text(encoding="utf-8") == "a file where the history folder should be"


def test_a_resumed_workout_keeps_its_file_and_its_first_half(tmp_path: Path) -> None:
    session, recorder, clock = begin(tmp_path)
    recorder.choose_band(1, "green")
    step(session, recorder, clock, 10 + 5 + 10)  # both bridge sets, then the "crash"
    recorder.close()  # the process ends, and its lock with it
    store = HistoryStore(tmp_path / "history", "laptop")
    [interrupted] = store.unfinished()
    assert interrupted.resume_at == 3

    clock = FakeClock()
    resumed_session = Session(build_plan(ROUTINE), clock)
    claimed = store.claim(interrupted)
    resumed = WorkoutRecorder(
        resumed_session, store, WallClock(clock), DEFAULT_BANDS, resumed=claimed
    )
    resumed_session.start(interrupted.resume_at)
    resumed.save()
    assert resumed.band_for("Bridge") == "green"
    step(resumed_session, resumed, clock, 5 + 8 + 2 + 8)

    [record] = store.load_all().records
    assert record.id == interrupted.id
    assert record.status is WorkoutStatus.COMPLETED
    assert [e.sets_done for e in record.exercises] == [2, 1, 1]
    assert len(list((tmp_path / "history").rglob("*.toml"))) == 1
    assert [r.actual_seconds for r in resumed.earlier_records][:3] == [10, 5, 10]


def test_a_band_carries_to_the_later_exercises_with_the_same_kind_of_band(
    tmp_path: Path,
) -> None:
    def exercise(name: str, band: Band | None) -> Exercise:
        return Exercise(name, IntRange.exactly(1), kind=TimedHold(IntRange.exactly(5)), band=band)

    routine = Routine(
        "Bands",
        (
            exercise("Walk", Band.MINI),
            exercise("Clamshell", Band.MINI),
            exercise("Row", Band.LOOP),
            exercise("Plank", None),
            exercise("Kickback", Band.MINI),
        ),
        timing=Timing(get_ready=0, rest_between_exercises=5),
    )
    assert exercises_sharing_band(routine, 2) == ["Clamshell", "Kickback"]
    assert exercises_sharing_band(routine, 3) == ["Row"]
    assert exercises_sharing_band(routine, 4) == ["Plank"]

    clock = FakeClock()
    session = Session(build_plan(routine), clock)
    store = HistoryStore(tmp_path / "history", "laptop")
    recorder = WorkoutRecorder(session, store, WallClock(clock), DEFAULT_BANDS)
    session.start()
    recorder.choose_band(1, "red")
    recorder.choose_band(2, "yellow")  # the walk, already past, keeps its red
    assert [recorder.band_for(e.name) for e in routine.exercises] == [
        "red", "yellow", None, None, "yellow",
    ]  # fmt: skip
