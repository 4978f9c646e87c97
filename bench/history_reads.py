"""Benchmark 5b: reading the whole history, through the history index (issue 14).

Runs inside the history-scale benchmark, on its generated histories (so the 10,000 workouts
are written once), each against the 10-workout history in the same run:

- the first read with no index: `bandtimer stats` in tmux with the index deleted, stderr on the
  terminal, until its figures are on screen, noting whether the progress bar was seen;
- after that warm-up, `bandtimer stats`, `history --all`, `history --format csv` and
  `history --format json` as subprocess wall time (stdout to /dev/null), alternating with the
  same command over the 10-workout history;
- the history screen: the app started in tmux, `h` pressed on the menu, until the screen shows
  the streak (its data, not "Reading history…"), alternating with the 10-workout history.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

from bench.report import Goal, Section
from bench.startup import alternate
from bench.stats import Spread, paired_ratios, ratio_text
from bench.terminal import ROOT, Terminal, bandtimer_argv

COMMANDS = (
    ("stats",),
    ("history", "--all"),
    ("history", "--format", "csv"),
    ("history", "--format", "json"),
)
MENU_MARK = "Quick try"
DATA_MARK = "Streak:"
STATS_END_MARK = "count towards the streak"
"""The last line `bandtimer stats` prints: the command has finished. (Its first line can be gone
from a fast command's screen by the time it is captured: seen once on a quiet machine.)"""
PROGRESS_MARK = "Indexing the history"
RATIO_GOAL = 1.5
THOUSAND_GOAL_S = 1.0
TEN_THOUSAND_GOAL_S = 2.0
COLD_GOAL_S = 10.0
SCREEN_WAIT_S = 120.0
"""Ten thousand workouts' trends and table take seconds on a loaded machine: wait, and report."""


def run_quietly(argv: Sequence[str], env: dict[str, str]) -> float:
    started = time.monotonic()
    subprocess.run(
        argv, cwd=ROOT, env=os.environ | env, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, check=True,
    )
    return time.monotonic() - started


def cold_read(terminal: Terminal, home: Path) -> tuple[float, bool]:
    """`bandtimer stats` with no index: seconds until its figures show, and whether the
    progress bar was seen on the way."""
    shutil.rmtree(home / "cache", ignore_errors=True)
    seen_bar = False

    def done(screen: str) -> bool:
        nonlocal seen_bar
        seen_bar = seen_bar or PROGRESS_MARK in screen
        return STATS_END_MARK in screen

    name = f"cold-{home.name}"
    started = terminal.start(name, bandtimer_argv("stats"), {"BANDTIMER_HOME": str(home)})
    try:
        seen = terminal.wait_for(name, done, timeout=600.0, period=0.05)
    finally:
        terminal.stop(name)
    return seen.at - started, seen_bar


def screen_time(terminal: Terminal, home: Path) -> float:
    """From pressing `h` on the menu until the history screen shows its figures."""
    name = f"screen-{home.name}"
    terminal.start(name, bandtimer_argv(), {"BANDTIMER_HOME": str(home)})
    try:
        terminal.wait_for(name, lambda screen: MENU_MARK in screen)
        pressed = terminal.send(name, "h")
        shown = terminal.wait_for(name, lambda screen: DATA_MARK in screen, timeout=SCREEN_WAIT_S)
        return shown.at - pressed
    finally:
        terminal.stop(name)


def measure_reads(
    terminal: Terminal, homes: dict[int, Path], runs: int, began: float
) -> Section:
    sizes = sorted(homes)
    small = sizes[0]
    reference = {"BANDTIMER_HOME": str(homes[small])}
    rows: list[list[str]] = []
    goals: list[Goal] = []
    cold: dict[int, tuple[float, bool]] = {}
    for size in sizes[1:]:
        cold[size] = cold_read(terminal, homes[size])
    for size in sizes[1:]:
        env = {"BANDTIMER_HOME": str(homes[size])}
        limit = THOUSAND_GOAL_S if size <= 1_000 else TEN_THOUSAND_GOAL_S
        seconds, bar = cold[size]
        rows.append([
            f"{size:,}: first read, no index (`stats`, tmux)", f"{seconds:.2f} s",
            "progress bar shown" if bar else "no progress bar seen", "—",
        ])
        if size == 1_000:
            goals.append(Goal(
                f"first read with no index, {size:,} workouts < {COLD_GOAL_S:.0f} s, with "
                "progress shown", seconds < COLD_GOAL_S and bar,
                f"{seconds:.2f} s, progress bar {'seen' if bar else 'NOT seen'}",
            ))
        timings = [(" ".join(argv), alternate(
            runs,
            lambda argv=argv, env=env: run_quietly(bandtimer_argv(*argv), env),
            lambda argv=argv: run_quietly(bandtimer_argv(*argv), reference),
        )) for argv in COMMANDS]
        timings.append(("history screen (h, until its figures show)", alternate(
            runs,
            lambda size=size: screen_time(terminal, homes[size]),
            lambda: screen_time(terminal, homes[small]),
        )))
        for label, (ours, theirs) in timings:
            ratios = paired_ratios(ours, theirs)
            median = Spread.of(ours).median
            ratio = Spread.of(ratios).median
            rows.append([
                f"{size:,}: {label}",
                Spread.of(ours).describe(unit="s", scale=1.0, digits=2),
                Spread.of(theirs).describe(unit="s", scale=1.0, digits=2),
                ratio_text(ratios),
            ])
            if size <= 1_000:
                goals.append(Goal(
                    f"{label}, {size:,} workouts: ≤ {RATIO_GOAL}× {small} workouts and "
                    f"< {limit:.0f} s", ratio <= RATIO_GOAL and median < limit,
                    f"{ratio:.2f}×, {median:.2f} s (medians)",
                ))
            else:
                goals.append(Goal(
                    f"{label}, {size:,} workouts < {limit:.0f} s", median < limit,
                    f"{median:.2f} s (median; {ratio:.2f}× {small} workouts)",
                ))
    return Section(
        "History reads (the history index)",
        __doc__.split("\n\n", 1)[1].strip() + f" {runs} timed runs of each, after one untimed "
        "warm-up of each.",
        ["figure", "this history", f"{small} workouts", "ratio"],
        rows,
        goals,
        seconds=time.monotonic() - began,
    )
