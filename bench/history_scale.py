"""Benchmark 5: does a long history slow anything a person waits for?

Histories of 10, 1,000 and 10,000 generated workouts are written to temporary folders, each a
real record of the shipped "Resistance band workouts" routine done in full (every set, both
sides, segment timing included; about 13 KiB a file), dated one a day back from today and
spread over two devices. Against each, and against an empty history in the same run:

- writing one record the way the app does after every finished set (`HistoryStore.save`:
  temp file, fsync, rename, fsync of the folder), 20 times;
- the app's start until the menu is drawn, in tmux, as in the start-up benchmark;
- `bandtimer history` (the newest 20 workouts as a table), as subprocess wall time.

Then, on the same histories, `history_reads` times everything that reads the whole history.
"""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from bandtimer.domain.clock import FakeClock
from bandtimer.domain.history import WorkoutRecord, WorkoutStatus, record_from_session
from bandtimer.domain.plan import build_plan
from bandtimer.domain.session import Session
from bandtimer.storage.history import HistoryStore, new_record_id
from bandtimer.storage.history.codec import record_to_toml
from bandtimer.storage.history.names import record_path
from bandtimer.storage.routines import load_routine
from bench.history_reads import measure_reads
from bench.report import Goal, Section
from bench.startup import alternate, time_command, time_to_screen
from bench.stats import Spread, paired_ratios, ratio_text
from bench.terminal import ROOT, Terminal, bandtimer_argv

SIZES = (10, 1_000, 10_000)
ROUTINE = ROOT / "routines" / "resistance-band-workouts.toml"
MENU_MARK = "Quick try"
WRITE_GOAL_MS = 20.0
MENU_GOAL = 1.3
HISTORY_GOAL_S = 1.0


def full_workout(started: datetime) -> WorkoutRecord:
    """One real record: the whole routine done on a fake clock, as the app records it."""
    routine = load_routine(ROUTINE)
    clock = FakeClock()
    session = Session(build_plan(routine), clock)
    session.start()
    while not session.state.is_over:
        clock.advance(1)
        session.poll()
    return record_from_session(
        session, record_id=new_record_id(), routine_file=ROUTINE, routine_hash=None,
        device="bench-a", started=started,
        now=started + timedelta(seconds=session.plan.total_seconds),
        bands={e.name: "blue" for e in routine.exercises}, feels={},
        status=WorkoutStatus.COMPLETED,
    )


def write_history(folder: Path, count: int, template: WorkoutRecord) -> None:
    """`count` workouts, one a day back from the template's date, written straight to disk.

    Written without fsync: the files are the fixture, not what is being timed.
    """
    for day in range(count):
        started = template.started - timedelta(days=day)
        record = replace(
            template,
            id=new_record_id(),
            started=started,
            ended=started + (template.ended - template.started),
            device="bench-a" if day % 2 else "bench-b",
        )
        path = record_path(folder, record)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(record_to_toml(record), encoding="utf-8")


def time_saves(folder: Path, template: WorkoutRecord, count: int = 20) -> list[float]:
    """What a finished set costs: saving this workout's in-progress record again."""
    store = HistoryStore(folder, "bench-a")
    record = replace(template, id=new_record_id(), status=WorkoutStatus.IN_PROGRESS)
    times = []
    for _ in range(count):
        began = time.monotonic()
        store.save(record)
        times.append(time.monotonic() - began)
    return times


def measure(runs: int = 5, sizes: tuple[int, ...] = SIZES) -> list[Section]:
    """This benchmark's section, then history_reads' over the same histories."""
    began = time.monotonic()
    template = full_workout(datetime.now().astimezone().replace(hour=7, minute=0, second=0))
    rows: list[list[str]] = []
    results: dict[int, tuple[list[float], list[float], list[float], list[float]]] = {}
    homes: dict[int, Path] = {}
    with tempfile.TemporaryDirectory(prefix="bandtimer-history-") as scratch:
        empty = Path(scratch) / "empty"
        empty.mkdir()
        with Terminal() as terminal:
            for size in sizes:
                home = homes[size] = Path(scratch) / str(size)
                write_history(home / "history", size, template)
                saves = time_saves(home / "history", template)
                env_full = {"BANDTIMER_HOME": str(home)}
                env_empty = {"BANDTIMER_HOME": str(empty)}

                def menu(env: dict[str, str], name: str) -> float:
                    return time_to_screen(
                        terminal, name, bandtimer_argv(), lambda s: MENU_MARK in s, env
                    )

                def listing(env: dict[str, str]) -> float:
                    return time_command(bandtimer_argv("history"), os.environ | env)

                full_menu, empty_menu = alternate(
                    runs,
                    lambda env=env_full: menu(env, "full"),
                    lambda env=env_empty: menu(env, "empty"),
                )
                history, _ = alternate(
                    runs,
                    lambda env=env_full: listing(env),
                    lambda env=env_empty: listing(env),
                )
                results[size] = (saves, full_menu, empty_menu, history)
                rows.append([
                    f"{size:,} workouts",
                    Spread.of(saves).describe(),
                    ratio_text(paired_ratios(full_menu, empty_menu)),
                    Spread.of(history).describe(unit="s", scale=1.0, digits=2),
                ])
            scale_seconds = time.monotonic() - began
            reads = measure_reads(terminal, homes, runs, time.monotonic())
    largest = sizes[-1]
    saves, full_menu, empty_menu, history = results[largest]
    write_p95 = sorted(saves)[int(0.95 * (len(saves) - 1))] * 1000
    menu_ratio = Spread.of(paired_ratios(full_menu, empty_menu)).median
    history_median = Spread.of(history).median
    goals = [
        Goal(f"writing a record < {WRITE_GOAL_MS:.0f} ms with {largest:,} workouts",
             write_p95 < WRITE_GOAL_MS, f"p95 {write_p95:.1f} ms"),
        Goal(f"menu with {largest:,} workouts ≤ {MENU_GOAL}× the menu with none",
             menu_ratio <= MENU_GOAL, f"{menu_ratio:.2f}× (median of paired ratios)"),
        Goal(f"`bandtimer history` < {HISTORY_GOAL_S:.0f} s with {largest:,} workouts",
             history_median < HISTORY_GOAL_S, f"{history_median:.2f} s (median)"),
    ]
    ran = (
        __doc__.split("\n\n", 1)[1].strip()
        + f" Menu and `history`: {runs} runs each, alternating with the empty history."
    )
    scale = Section(
        "History scale",
        ran,
        ["history", "write one record", "menu drawn, against no history", "`bandtimer history`"],
        rows,
        goals,
        seconds=scale_seconds,
    )
    return [scale, reads]
