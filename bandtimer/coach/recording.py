"""Keeps one workout's history file in step with its session, set by set.

The file is written when the workout starts, after every finished set, when a band is picked or
an exercise rated, and once more at the end, so a crash or a kill loses at most the set in
progress. A write that fails (read-only folder, full disk) never stops the workout: the first
failure is reported once, later saves keep trying, and nothing already on disk is touched.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path

from bandtimer.coach.band_choice import exercises_sharing_band
from bandtimer.coach.doses import recorded_doses
from bandtimer.coach.formatting import shown_path
from bandtimer.coach.resume import resume_get_ready
from bandtimer.domain.clock import Clock
from bandtimer.domain.dose import Dose, Doses
from bandtimer.domain.events import Event, RepsRecorded, SegmentEnded, WorkoutFinished
from bandtimer.domain.history import (
    Feel,
    WorkoutRecord,
    WorkoutStatus,
    record_from_session,
)
from bandtimer.domain.plan import build_plan
from bandtimer.domain.progression import BandColour
from bandtimer.domain.records import SegmentRecord
from bandtimer.domain.routine import Routine
from bandtimer.domain.session import Session, SessionState
from bandtimer.storage import UnreadableFile, read_bounded
from bandtimer.storage.history import (
    HeldWorkout,
    HistoryStore,
    HistoryWriteError,
    new_record_id,
)
from bandtimer.storage.routines import MAX_ROUTINE_BYTES

STATUS = {
    SessionState.FINISHED: WorkoutStatus.COMPLETED,
    SessionState.QUIT: WorkoutStatus.STOPPED_EARLY,
}


def routine_fingerprint(path: Path | None) -> tuple[Path | None, str | None]:
    """The routine file's absolute path and the sha256 of its bytes, as the record keeps them.

    Read as every file is, by the bounded reader: the file may have been swapped for a FIFO or
    a link to /dev/zero since the menu read it, and the workout starts all the same."""
    if path is None:
        return None, None
    try:
        data = read_bounded(path, MAX_ROUTINE_BYTES, kind="routine file")
    except UnreadableFile:
        return path.resolve(), None
    return path.resolve(), hashlib.sha256(data).hexdigest()


class WorkoutRecorder:
    def __init__(
        self,
        session: Session,
        store: HistoryStore,
        wall_clock: Callable[[], datetime],
        bands: Sequence[BandColour],
        *,
        resumed: HeldWorkout | None = None,
    ) -> None:
        """`resumed`: an unfinished workout claimed from the store, which this session continues
        (its record is the one it carries on from); it is written only through that claim."""
        self.session = session
        self.bands = tuple(bands)
        self._store = store
        self._wall_clock = wall_clock
        self._held = resumed
        self._resumed = resumed.record if resumed is not None else None
        resumed = self._resumed
        self._id = resumed.id if resumed else new_record_id()
        self._started = resumed.started if resumed else wall_clock()
        self._file, self._hash = routine_fingerprint(session.plan.routine.path)
        self._chosen_bands: dict[str, str | None] = {}
        """Picked in this workout (None: "not chosen"), by exercise name."""
        self._feels: dict[str, Feel] = {}
        self._to_rate: str | None = None
        self._rated_last: str | None = None
        self._last_bands: dict[str, str | None] = {}
        self.offered: Callable[[], Mapping[int, Dose]] = dict
        """The doses offered and taken back so far (`WorkoutDoses.taken_back`), by exercise
        number: the record keeps them beside the doses done."""
        self.path: Path | None = None
        self.failure: str | None = None
        self._unreported: str | None = None
        self._last_save_ok = False
        self.record: WorkoutRecord | None = None

    # -- what the screens ask ----------------------------------------------------------------

    def band_for(self, exercise_name: str) -> str | None:
        """The band chosen for this exercise, else the one its dose in this routine names,
        else the one used last time, else none yet."""
        if exercise_name in self._chosen_bands:
            return self._chosen_bands[exercise_name]
        if self._resumed is not None:
            for entry in self._resumed.exercise(exercise_name):
                if entry.band:
                    return entry.band
        if exercise_name not in self._last_bands:
            self._last_bands[exercise_name] = self._remembered_band(exercise_name)
        return self._last_bands[exercise_name]

    def _remembered_band(self, exercise_name: str) -> str | None:
        """The band this exercise was last done with: the one place "remembered for next time"
        is read. The dose this plan was built with first (kept per routine and exercise), else
        the last workout of any routine that used one."""
        wanted = exercise_name.casefold()
        for exercise in self.session.plan.exercises:
            dose = exercise.current
            if exercise.name.casefold() == wanted and dose is not None and dose.band is not None:
                return dose.band
        return self._store.last_band(exercise_name)

    def band_strength(self, band_name: str) -> str:
        """What the person's band set says of `band_name` ("light"), or "" for a band it lacks."""
        return next((band.strength for band in self.bands if band.name == band_name), "")

    @property
    def earlier_records(self) -> tuple[SegmentRecord, ...]:
        """What a resumed workout recorded before its interruption."""
        return self._resumed.segments if self._resumed is not None else ()

    @property
    def awaiting_feel(self) -> str | None:
        """The exercise just finished and not yet rated, for the 1/2/3 prompt."""
        return self._to_rate

    @property
    def rating_target(self) -> str | None:
        """The exercise 1/2/3 rate now: the one awaiting a rating, else the one rated last,
        whose rating a second press changes."""
        return self._to_rate or self._rated_last

    def feel_of(self, exercise_name: str) -> Feel | None:
        """How the person said the exercise felt in this workout (or before it was resumed)."""
        if exercise_name in self._feels:
            return self._feels[exercise_name]
        if self._resumed is not None:
            for entry in self._resumed.exercise(exercise_name):
                if entry.feel is not None:
                    return entry.feel
        return None

    # -- what the person does ----------------------------------------------------------------

    def choose_band(self, exercise_number: int, band: str | None) -> list[str]:
        """Use `band` (None: "not chosen") for exercise `exercise_number` and the later ones of
        the routine with the same kind of band (`exercises_sharing_band`), and save; the
        names of the exercises it went to."""
        names = exercises_sharing_band(self.session.plan.routine, exercise_number)
        for name in names:
            self._chosen_bands[name] = band
        self.save()
        return names

    def rate(self, feel: Feel, exercise_name: str | None = None) -> str | None:
        """Record how `exercise_name` felt, by default `rating_target` (so a second press
        changes it); the name rated, or None when there is nothing to rate."""
        name = exercise_name or self.rating_target
        if name is None:
            return None
        self._feels[name] = feel
        self._to_rate = None
        self._rated_last = name
        self.save()
        return name

    # -- following the session ---------------------------------------------------------------

    @property
    def saved(self) -> bool:
        """Whether the file on disk holds everything so far: the last save went through."""
        return self.path is not None and self._last_save_ok

    def take_problem(self) -> str | None:
        """The first failed save, as a sentence for the person, handed over only once."""
        problem, self._unreported = self._unreported, None
        return problem

    def observe(self, events: Iterable[Event]) -> None:
        """Save after every finished set, its reps given afterwards, and at the end."""
        if self.note(events):
            self.save()

    def note(self, events: Iterable[Event]) -> bool:
        """Take in what the events change, without saving; True when the file is now behind.

        For a caller that must not wait on the disk just then (the workout screen, drawing the
        end of a set): it saves as soon as it can. `observe` is this and the save together.
        """
        finished_work = False
        for event in events:
            if isinstance(event, SegmentEnded) and event.segment.is_work:
                finished_work = True
                following = self.session.plan.up_next(event.segment.index)
                last_set = (
                    following is None
                    or following.exercise_number != event.segment.exercise_number
                )
                if last_set and not event.record.skipped:
                    self._to_rate = event.segment.exercise.name
            elif isinstance(event, RepsRecorded | WorkoutFinished):
                finished_work = True
        return finished_work

    def save(self) -> None:
        """Write the record as it stands; a failure is kept for `take_problem`."""
        status = STATUS.get(self.session.state, WorkoutStatus.IN_PROGRESS)
        self.record = record_from_session(
            self.session,
            record_id=self._id,
            routine_file=self._file,
            routine_hash=self._hash,
            device=self._store.device,
            started=self._started,
            now=self._wall_clock(),
            bands={name: band for name in self._reached() if (band := self.band_for(name))},
            feels=self._feels,
            status=status,
            resumed=self._resumed,
            offered=self.offered(),
        )
        try:
            if self._held is None:
                self._held = self._store.begin(self.record)
            self.path = self._held.save(self.record)
            self._last_save_ok = True
        except HistoryWriteError as error:
            self._last_save_ok = False
            if self.failure is None:
                self._unreported = (
                    f"Couldn't save this workout to {shown_path(error.path)}: {error.reason}. "
                    "The workout goes on; earlier records are untouched."
                )
            self.failure = f"not saved: {error.reason}"

    def close(self) -> None:
        """Let go of the workout's lock, as the app ends; what is on disk stays as saved."""
        if self._held is not None:
            self._held.release()

    def _reached(self) -> set[str]:
        """Exercises with a record so far: only their bands belong in the file."""
        return {record.exercise_name for record in self.session.records} | set(self._chosen_bands)


def begin_workout(
    routine: Routine,
    clock: Clock,
    store: HistoryStore,
    wall_clock: Callable[[], datetime],
    bands: Sequence[BandColour],
    *,
    resumed: HeldWorkout | None = None,
    doses: Doses | None = None,
) -> tuple[Session, WorkoutRecorder, int]:
    """A session for `routine` at `doses` (`DoseBook.doses`), the recorder that keeps its file,
    and the segment to start at (where a resumed workout stopped, else the first).

    A resumed workout goes on at the doses its record says it was started at, so the plan is
    the one it stopped in, and starts with a get ready (`resume_get_ready`)."""
    lead_in = 0.0
    if resumed is not None:
        doses = {**(doses or {}), **recorded_doses(routine, resumed.record)}
        lead_in = resume_get_ready(routine)
    session = Session(build_plan(routine, doses), clock, lead_in=lead_in)
    recorder = WorkoutRecorder(session, store, wall_clock, bands, resumed=resumed)
    earlier = resumed.record if resumed is not None else None
    start_at = (earlier.resume_at or 0) if earlier is not None else 0
    return session, recorder, start_at
