"""Wrote the history files in this folder with bandtimer's history format 1, as it stood at
commit 96af109 (29 Nov 2026), before records learned to tell partial from completed.

They are kept, never made again, so that the tests can prove that files written by that version
still load, and load as what they meant (tests/storage/test_history_format_1.py). Running this
script today would write today's format, which is not the point of the folder: do not.

Each workout is a real `Session` over a fake clock, turned into a record by
`record_from_session` and written by `HistoryStore.save`, exactly as the app did:

- Quick try run to its end, which format 1 counted toward the streak;
- a workout whose whole second exercise (held reps) was skipped set by set, which format 1 called
  "completed" with sets of 0 reps;
- the band circuit's time-boxed sets, the first set's count not given (Enter alone) and the
  second's given as 14: format 1 lists `reps = [14]`, which a reader put on the first set's row;
- a workout stopped early in its second exercise.
"""

from __future__ import annotations

import hashlib
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bandtimer.domain.clock import FakeClock
from bandtimer.domain.history import Feel, WorkoutStatus, record_from_session
from bandtimer.domain.plan import build_plan
from bandtimer.domain.session import Session, SessionState
from bandtimer.storage.history import HistoryStore
from bandtimer.storage.routines.loading import parse_routine

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
CET = timezone(timedelta(hours=1))

HIPS = """
name = "Hip stability"
[timing]
get_ready = 5
rest_between_sets = 20
rest_between_exercises = 30
switch_sides = 5
rep_release = 2

[[exercise]]
name = "Clamshell"
band = "mini"
sides = "each"
sets = 2
reps = [8, 15]

[[exercise]]
name = "Glute bridge"
band = "mini"
sets = 2
reps = [6, 8]
hold = 5

[[exercise]]
name = "Side plank"
sides = "each"
sets = 2
hold = 20
"""

CIRCUIT = """
name = "Mini circuit"
[timing]
get_ready = 5
rest_between_sets = 20
rest_between_exercises = 20

[[exercise]]
name = "Banded squat"
band = "loop"
sets = 2
work = 40

[[exercise]]
name = "Lateral banded walk"
band = "mini"
sets = 1
work = 40
"""


def walk(session: Session, clock: FakeClock, *, skip: str = "", quit_at: str = "",
         counts: tuple[int | None, ...] = ()) -> None:
    """Through the session: every set of `skip` skipped at once, 9 reps counted by hand,
    time-boxed counts given from `counts` in turn, and a stop at `quit_at`'s first set."""
    counts_left = list(counts)
    session.start()
    while not session.state.is_over:
        segment = session.current
        if segment.is_work and segment.exercise.name == quit_at:
            clock.advance(3.0)
            session.quit()
            break
        if segment.is_work and segment.exercise.name == skip:
            clock.advance(1.0)
            session.skip()
        elif segment.set_kind is not None and segment.set_kind.counted_by_hand:
            for _ in range(9):
                clock.advance(2.5)
                session.count_rep()
            if session.current is segment:
                session.finish_set()
        else:
            clock.advance(session.remaining() or 0.0)
            session.poll()
        while session.reps_to_record and counts_left:
            session.record_reps(counts_left.pop(0))


def write(name: str, text: str, path: Path, started: datetime, feels: dict[str, Feel],
          bands: dict[str, str], **how: object) -> None:
    clock = FakeClock(start=0.0)
    session = Session(build_plan(parse_routine(text, path)), clock)
    walk(session, clock, **how)  # type: ignore[arg-type]
    status = {
        SessionState.FINISHED: WorkoutStatus.COMPLETED,
        SessionState.QUIT: WorkoutStatus.STOPPED_EARLY,
    }[session.state]
    store = HistoryStore(HERE, "laptop")
    record = record_from_session(
        session,
        record_id=hashlib.sha256(name.encode()).hexdigest()[:8],
        routine_file=path,
        routine_hash=hashlib.sha256(text.encode()).hexdigest(),
        device=store.device,
        started=started,
        now=started + timedelta(seconds=clock.now()),
        bands=bands,
        feels=feels,
        status=status,
    )
    print(store.save(record).relative_to(HERE))


def main() -> None:
    quick = ROOT / "routines" / "quick-try.toml"
    routines = Path("/home/sam/.config/bandtimer/routines")
    for day in (3, 4, 5):
        write(f"quick try {day}", quick.read_text(encoding="utf-8"), routines / "quick-try.toml",
              datetime(2026, 11, day, 7, 0, tzinfo=CET), {"Glute bridge": Feel.EASY},
              {"Glute bridge": "green"})
    write("bridge skipped", HIPS, routines / "hip-stability.toml",
          datetime(2026, 11, 10, 7, 30, tzinfo=CET),
          {"Clamshell": Feel.RIGHT, "Side plank": Feel.RIGHT},
          {"Clamshell": "green", "Glute bridge": "blue"}, skip="Glute bridge")
    write("circuit", CIRCUIT, routines / "mini-circuit.toml",
          datetime(2026, 11, 12, 18, 0, tzinfo=CET), {"Banded squat": Feel.HARD},
          {"Banded squat": "red"}, counts=(None, 14, 20))
    write("stopped", HIPS, routines / "hip-stability.toml",
          datetime(2026, 11, 14, 7, 30, tzinfo=CET), {"Clamshell": Feel.EASY},
          {"Clamshell": "green"}, quit_at="Glute bridge")


if __name__ == "__main__":
    sys.exit("These files are kept as format 1 wrote them; see the docstring.")
    main()
