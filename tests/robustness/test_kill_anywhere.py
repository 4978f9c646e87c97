"""A real bandtimer, killed with SIGKILL at any moment of a workout, loses at most the set in
progress and never leaves a history file that does not load.

tests/test_kill_mid_workout.py kills once, right after the first set is saved, and checks that
the next start offers to resume. This test kills once in each kind of moment a workout has,
each chosen from the plan of its routine rather than drawn at random, plus two kills drawn from
a fixed seed anywhere in the workout:

- during start-up, before the workout's file exists;
- in the get-ready;
- in the middle of a rep of reps that count themselves (tempo), on the right side;
- while switching sides;
- on the very instant a set ends, as its save is due;
- the moment a save is seen under way (its temporary file is there), the next set's end;
- in a rest between sets, and in the rest before the next exercise;
- in the middle of a timed hold;
- while paused: paused in the middle of a set and killed after that set would have ended. Nothing
  counts while paused, so the file holds exactly the sets that ended before the pause (the pause
  takes effect between the key and the screen saying so; no set ends in between unless the
  machine held the app up for a second).

Each trial starts `python -m bandtimer --mute run "kill drill N"` in a pseudo-terminal, with
ALSA's default device writing to files. Moments are timed from when the trial's in-progress file
first appears: the app writes it right after starting the session, so the session started no
later than that, and the workout's own clock is at least as far on as the moment chosen (start-up
time, which varies a lot, drops out). While waiting the test polls the history: the most sets the
file has said were done. After the kill, in that home:

- every history file loads (`load_all()` reports no problem) and the workout is among the
  unfinished ones, in one file;
- the file holds at least as many sets as it was ever seen to hold (a save never goes back);
- it holds every set that ended at least `SAVE_MARGIN_SECONDS` of the app's own time before the
  kill. The app's own time is the wall time less what the kernel says (`/proc/PID/task/*/
  schedstat`, run delay) the app's threads spent ready to run but kept off the CPU by other
  processes: on a quiet machine the two are the same, and on a busy one the margin is still the
  app's;
- the records of earlier trials are byte for byte as they were;
- nothing but the player's silent probe reached the sound device: `--mute` was obeyed;
- no temporary file is left that a loader would read.

Trials run three at a time, each lane's home accumulating the files of its earlier trials. The
waits are real time on purpose (a real process is being killed); each is bounded. The test is
`REAL_TIME` (tests/real_time.py): the rest of the suite, running beside it, yields the CPU to it,
so it cannot eat into the save margin.
"""

from __future__ import annotations

import random
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from bandtimer.domain.plan import Segment, SegmentKind, build_plan
from bandtimer.storage.atomic import TEMP_SUFFIX
from bandtimer.storage.history import HistoryStore
from bandtimer.storage.history.files import UnreadableRecord, read_record
from bandtimer.storage.history.names import IN_PROGRESS_SUFFIX
from bandtimer.storage.locations import Locations
from bandtimer.storage.routines.loading import parse_routine
from tests.real_time import REAL_TIME
from tests.sound_capture import RecordingSoundDevice
from tests.terminal_process import Terminal

pytestmark = REAL_TIME

ROUTINE = """
name = "Kill drill {number}"
[timing]
get_ready = 2
switch_sides = 2
rest_between_sets = 2
rest_between_exercises = 2

[[exercise]]
name = "Quick steps"
sides = "each"
sets = 2
reps = 2
tempo = 1.0

[[exercise]]
name = "Plank"
sets = 1
hold = 5
"""
PLAN = build_plan(parse_routine(ROUTINE.format(number=0), Path("kill-drill-0.toml")))
STARTS = [PLAN.seconds_before(segment.index) for segment in PLAN]
SET_ENDS = [start + s.planned_seconds for start, s in zip(STARTS, PLAN, strict=True) if s.is_work]
"""Seconds from the session's start to the end of each set: 4, 8, 12, 16, 23."""
DEVICE = "robot"

LANES = 3
"""Trials at a time: each mostly waits."""
SEED = 2026
RANDOM_KILLS = 2
POLL_SECONDS = 0.02
SAVE_MARGIN_SECONDS = 0.5
"""From a set's end to its save being on disk: the redraw timed for the end notices it within
milliseconds, the save follows the frame that shows it and fsyncs a file and a folder, and the
other trials' start-ups compete for the CPU. (Measured on the 2-core machine when the redraw
still ran at a steady 10 Hz, the file showed a set at most 0.13 s after the bound used here.)"""
PHASE_SLACK_SECONDS = 0.5
"""A moment in a phase is at least this far from the phase's start and end."""
PAUSED_SECONDS = 2.5
"""How long a paused trial stays paused before the kill: past the end of the set it paused in
by more than the save margin, so a pause that did not hold would show as one set more."""
START_UP_KILL_SECONDS = 0.2
"""From the process's start: Python has not yet imported the app, let alone written a file."""
WAIT_LIMIT_SECONDS = 60
"""Only a bound on a broken run: every wait ends as soon as what it waits for happens."""
EXIT_LIMIT_SECONDS = 10


class How(Enum):
    AT = "killed at a moment of the workout"
    AT_START_UP = "killed a moment after the process started"
    AT_SAVE = "killed when a save is seen under way"
    PAUSED = "paused at a moment, killed later"


def segment_at(seconds: float) -> Segment:
    [segment] = [
        s
        for start, s in zip(STARTS, PLAN, strict=True)
        if start <= seconds < start + s.planned_seconds
    ]
    return segment


def middle_of(kind: SegmentKind, nth: int = 0) -> float:
    """The middle of the `nth` segment of this kind, in seconds from the session's start."""
    starts = [(start, s) for start, s in zip(STARTS, PLAN, strict=True) if s.kind is kind]
    start, segment = starts[nth]
    return start + segment.planned_seconds / 2


# -- one trial ----------------------------------------------------------------------------------


@dataclass
class Trial:
    number: int
    covers: str
    how: How
    at: float
    """Seconds from the file's first appearance (from the process's start for a start-up kill;
    for a kill at a save, when the test starts watching for one)."""
    appeared_after: float | None = None
    """Seconds from the start of the process until this trial's file was first seen."""
    killed_after: float | None = None
    """Seconds from the file's first appearance to the kill."""
    most_sets_seen: int = 0
    sets_on_disk: int = 0
    sets_expected: int = 0
    sets_at_most: int | None = None
    """For a paused trial: the sets that had ended when the screen showed the pause."""
    held_off: float = 0.0
    """The longest the app was kept off the CPU from a set's end to the kill."""
    temp_left: bool = False
    """Whether this trial's kill left a temporary file: it landed in the middle of a write."""
    problems: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        appeared = "never" if self.appeared_after is None else f"{self.appeared_after:.2f} s"
        killed = "-" if self.killed_after is None else f"{self.killed_after:.2f} s"
        return (
            f"trial {self.number} ({self.covers}; {self.how.value} {self.at:.2f} s): file "
            f"appeared {appeared}, killed {killed} after, sets seen {self.most_sets_seen}, "
            f"expected ≥ {self.sets_expected}"
            + ("" if self.sets_at_most is None else f" and ≤ {self.sets_at_most}")
            + f", on disk {self.sets_on_disk}, app held off ≤ {self.held_off:.2f} s"
            + (", a temporary file left" if self.temp_left else "")
        )


def trials() -> list[Trial]:
    hold = SegmentKind.HOLD
    chosen = [
        ("start-up", How.AT_START_UP, START_UP_KILL_SECONDS),
        ("get ready", How.AT, middle_of(SegmentKind.GET_READY)),
        ("mid-rep, right side", How.AT, middle_of(SegmentKind.REPS)),
        ("switching sides", How.AT, middle_of(SegmentKind.SWITCH_SIDES)),
        ("a set's last instant", How.AT, SET_ENDS[0]),
        ("a save under way", How.AT_SAVE, SET_ENDS[1] - PHASE_SLACK_SECONDS),
        ("rest between sets", How.AT, middle_of(SegmentKind.REST_BETWEEN_SETS)),
        ("paused mid-rep", How.PAUSED, middle_of(SegmentKind.REPS, 2)),
        ("rest before the next exercise", How.AT, middle_of(SegmentKind.REST_BETWEEN_EXERCISES)),
        ("mid-hold", How.AT, middle_of(hold)),
    ]
    draw = random.Random(SEED)
    chosen += [
        ("anywhere (seeded)", How.AT, round(draw.uniform(0, PLAN.total_seconds), 2))
        for _ in range(RANDOM_KILLS)
    ]
    return [Trial(n, *what) for n, what in enumerate(chosen, start=1)]


def sets_ended_by(seconds: float) -> int:
    return sum(1 for end in SET_ENDS if end <= seconds)


def run_delay(pid: int) -> float | None:
    """Seconds the process's threads have spent ready to run but not running, as the kernel
    counts it, added up: a thread held off the CPU while it holds the GIL holds up the main
    thread too. None once the process is gone."""
    try:
        total = 0
        for task in Path(f"/proc/{pid}/task").iterdir():
            total += int((task / "schedstat").read_text(encoding="ascii").split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return total / 1e9


def in_progress_files(history: Path) -> set[Path]:
    return set(history.glob(f"*/*{IN_PROGRESS_SUFFIX}"))


def temp_files(history: Path) -> list[Path]:
    return list(history.rglob(f"*{TEMP_SUFFIX}"))


class Watch:
    """One trial's process and its history, polled until a moment."""

    def __init__(self, trial: Trial, terminal: Terminal, history: Path, earlier: set[Path]):
        self.trial, self.terminal, self.history, self.earlier = trial, terminal, history, earlier
        self.began = time.monotonic()
        self.mine: Path | None = None
        self.appeared: float | None = None
        self.delays: list[tuple[float, float]] = []
        """(when, run delay so far) at every poll, to tell how long the app was held off."""

    def note_delay(self) -> None:
        delay = run_delay(self.terminal.process.pid)
        if delay is not None:
            self.delays.append((time.monotonic(), delay))

    def held_off_since(self, moment: float) -> float:
        """Run delay from the last poll at or before `moment` to the last poll (the kill)."""
        before = [delay for at, delay in self.delays if at <= moment] or [self.delays[0][1]]
        return self.delays[-1][1] - before[-1]

    def poll(self) -> None:
        trial = self.trial
        self.note_delay()
        if self.mine is None:
            new = in_progress_files(self.history) - self.earlier
            if new:
                # Timed after the listing: the session started before the file was written,
                # so it started no later than this.
                self.appeared = time.monotonic()
                [self.mine] = new
                trial.appeared_after = self.appeared - self.began
        if self.mine is not None:
            try:
                sets = read_record(self.mine).sets_done
            except UnreadableRecord as error:
                trial.problems.append(f"while running, {self.mine.name} {error}")
            else:
                trial.most_sets_seen = max(trial.most_sets_seen, sets)
        assert self.terminal.process.poll() is None, "bandtimer exited by itself"

    def until(self, moment: float, *, every: float = POLL_SECONDS) -> None:
        while (now := time.monotonic()) < moment:
            self.poll()
            time.sleep(min(every, max(0.0, moment - now)))

    def until_the_file_appears(self) -> float:
        deadline = time.monotonic() + WAIT_LIMIT_SECONDS
        while self.appeared is None:
            self.poll()
            assert time.monotonic() < deadline, "the workout's file never appeared"
            time.sleep(POLL_SECONDS / 4)
        return self.appeared

    def until_a_save_is_under_way(self) -> None:
        assert self.mine is not None
        deadline = time.monotonic() + WAIT_LIMIT_SECONDS
        while not any(self.mine.parent.glob(f".*{TEMP_SUFFIX}")):
            assert time.monotonic() < deadline, "no save was seen under way"


def run_trial(
    trial: Trial, home: Path, earlier: dict[Path, bytes], speaker: RecordingSoundDevice
) -> None:
    """Start, wait for the trial's moment while watching the history, kill, and check the disk."""
    history = Locations.under(home).history_dir
    # A routine of its own: `run NAME` would offer to resume the earlier trials' workouts.
    routine = home / "routines" / f"kill-drill-{trial.number}.toml"
    routine.write_text(ROUTINE.format(number=trial.number), encoding="utf-8")
    temps_before = set(temp_files(history))
    terminal = Terminal(home, "--mute", "run", f"kill drill {trial.number}", env=speaker.env)
    watch = Watch(trial, terminal, history, set(earlier))
    try:
        if trial.how is How.AT_START_UP:
            watch.until(watch.began + trial.at)
        else:
            appeared = watch.until_the_file_appears()
            watch.until(appeared + trial.at)
            if trial.how is How.AT_SAVE:
                watch.until_a_save_is_under_way()
            elif trial.how is How.PAUSED:
                typed = time.monotonic()
                terminal.type(" ")
                assert terminal.wait_for(b"space resumes", WAIT_LIMIT_SECONDS), "never paused"
                shown = time.monotonic()
                trial.sets_expected = sets_ended_by(typed - appeared)
                trial.sets_at_most = sets_ended_by(shown - appeared)
                watch.until(shown + PAUSED_SECONDS)
        watch.note_delay()
        terminal.process.send_signal(signal.SIGKILL)
        if watch.appeared is not None:
            trial.killed_after = time.monotonic() - watch.appeared
    except AssertionError as error:
        trial.problems.append(str(error))
        return
    finally:
        terminal.close(timeout=EXIT_LIMIT_SECONDS)
    if trial.killed_after is not None and trial.how is not How.PAUSED:
        assert watch.appeared is not None
        for end in (end for end in SET_ENDS if end < trial.killed_after):
            held_off = watch.held_off_since(watch.appeared + end)
            trial.held_off = max(trial.held_off, held_off)
            if end + held_off <= trial.killed_after - SAVE_MARGIN_SECONDS:
                trial.sets_expected += 1
    trial.temp_left = bool(set(temp_files(history)) - temps_before)
    check_history(trial, history, earlier)


def check_history(trial: Trial, history: Path, earlier: dict[Path, bytes]) -> None:
    store = HistoryStore(history, DEVICE)
    loaded = store.load_all()
    trial.problems += [f"does not load: {problem}" for problem in loaded.problems]
    for path, content in earlier.items():
        if not path.is_file() or path.read_bytes() != content:
            trial.problems.append(f"an earlier trial's {path.name} changed")
    new = in_progress_files(history) - earlier.keys()
    if len(new) > 1:
        trial.problems.append(f"one workout left {len(new)} files: {sorted(new)}")
    if not new:
        if trial.appeared_after is not None:
            trial.problems.append("the workout's file is gone")
        return
    [mine] = new
    unfinished = {record.id: record for record in store.unfinished()}
    record = read_record(mine)
    if record.id not in unfinished:
        trial.problems.append(f"{mine.name} is not offered for resuming")
    trial.sets_on_disk = record.sets_done
    if record.sets_done < trial.most_sets_seen:
        trial.problems.append("the file went back to fewer sets than it had held")
    if record.sets_done < trial.sets_expected:
        trial.problems.append("a set that had ended before the kill is missing")
    if trial.sets_at_most is not None and record.sets_done > trial.sets_at_most:
        trial.problems.append(f"paused, yet the file holds {record.sets_done} sets")
    earlier[mine] = mine.read_bytes()


def run_lane(home: Path, trials: list[Trial], speaker: RecordingSoundDevice) -> None:
    (home / "routines").mkdir(parents=True)
    (home / "config.toml").write_text(f'device = "{DEVICE}"\n', encoding="utf-8")
    earlier: dict[Path, bytes] = {}
    for trial in trials:
        run_trial(trial, home, earlier, speaker)


# -- the test -----------------------------------------------------------------------------------


def test_the_moments_chosen_fall_in_the_phases_they_are_named_for() -> None:
    """Guards the design against a change to the routine: each kill lands where it says."""
    by_name = {trial.covers: trial.at for trial in trials()}
    expected = {
        "get ready": SegmentKind.GET_READY,
        "mid-rep, right side": SegmentKind.REPS,
        "switching sides": SegmentKind.SWITCH_SIDES,
        "rest between sets": SegmentKind.REST_BETWEEN_SETS,
        "paused mid-rep": SegmentKind.REPS,
        "rest before the next exercise": SegmentKind.REST_BETWEEN_EXERCISES,
        "mid-hold": SegmentKind.HOLD,
    }
    for covers, kind in expected.items():
        segment = segment_at(by_name[covers])
        start = STARTS[segment.index]
        assert segment.kind is kind, covers
        assert start + PHASE_SLACK_SECONDS <= by_name[covers], covers
        assert by_name[covers] <= start + segment.planned_seconds - PHASE_SLACK_SECONDS, covers
    assert segment_at(by_name["mid-rep, right side"]).side is not None
    assert by_name["a set's last instant"] in SET_ENDS
    # the pause outlasts what was left of its set by more than the save margin
    assert 2 * PHASE_SLACK_SECONDS + SAVE_MARGIN_SECONDS < PAUSED_SECONDS


def test_killed_at_any_moment_keeps_every_finished_set_and_every_file_readable(
    tmp_path: Path,
) -> None:
    all_trials = trials()
    lanes: list[list[Trial]] = [[] for _ in range(LANES)]
    for trial in sorted(all_trials, key=lambda t: -t.at):  # longest first, to the idlest lane
        min(lanes, key=lambda lane: sum(t.at for t in lane)).append(trial)
    speakers = [RecordingSoundDevice(tmp_path / f"speaker-{n}") for n in range(LANES)]
    with ThreadPoolExecutor(LANES) as pool:
        for done in [
            pool.submit(run_lane, tmp_path / f"home-{n}", lane, speaker)
            for n, (lane, speaker) in enumerate(zip(lanes, speakers, strict=True))
        ]:
            done.result()

    report = "\n".join(str(trial) for trial in all_trials)
    print(report)  # shown with -rP: where each kill landed and what the file held
    failures = [
        f"{trial}\n  " + "\n  ".join(trial.problems) for trial in all_trials if trial.problems
    ]
    assert not failures, "\n".join(failures) + "\n\nall trials:\n" + report
    # The kills that matter happened: before the file existed, and after sets had been saved.
    [start_up] = [trial for trial in all_trials if trial.how is How.AT_START_UP]
    assert start_up.appeared_after is None, report
    assert any(trial.sets_expected >= 2 for trial in all_trials), report
    # Started `--mute`: players opened (their silent probes are there), and no cue was heard.
    assert any(speaker.streams() for speaker in speakers), "no player opened: mute unproven"
    assert [path for speaker in speakers for path in speaker.audible_streams()] == []
    leftovers = temp_files(tmp_path)
    assert all(path.name.startswith(".") for path in leftovers), leftovers
