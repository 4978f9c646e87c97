"""Benchmark 7: the largest routine `check` allows, against Quick try.

A valid routine of 10,000 exercises took minutes to `show` and over a minute to start, so
routines have limits (100 exercises, 2,000 segments, and bounded text: docs/routine-format.md,
"Limits"). This measures what a routine right at every limit costs a person, beside Quick try in
the same run, alternating:

- `bandtimer show FILE`: a real process, stdout to /dev/null, from start to exit;
- the workout's first frame: the app built as the command line builds it (`create_app`, muted,
  a silent player) and run headless at 100×30, from `run_test` until the first frame is drawn;
- one save of the workout's record, as after every finished set (`WorkoutRecorder.save`,
  written and fsynced);
- the menu: opened headless over a home holding the routine, then the time from moving the
  highlight onto it until the preview has been drawn.

Headless rather than through tmux, as the other start-up figures are: what is compared is the
work a routine's size adds, and the terminal's share of it is the same for both.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bandtimer.domain.clock import FakeClock
from bandtimer.domain.plan import build_plan
from bandtimer.storage.locations import Locations, shipped_routines_dir
from bandtimer.storage.routines import load_routine
from bandtimer.storage.routines.fields import MAX_ITEMS, MAX_PHRASE, MAX_TEXT
from bandtimer.storage.routines.validation import MAX_EXERCISES, MAX_SEGMENTS
from bench.report import Goal, Section
from bench.stats import Spread, paired_ratios, ratio_text

RATIO_GOAL = 2.0
"""Starting and saving within 2× of Quick try: the limits are there so size is not felt."""
HIGHLIGHT_GOAL = 1.0
"""The preview lists every exercise with its placement and anchor, so a routine at every limit
has far more to draw than Quick try; it must still follow the cursor within a second."""
STEPS = ("show", "first frame", "save", "menu highlight")
SHOW_GOAL = 10.0
"""`show` prints a 2,000-row table; it may take seconds, never minutes."""


def largest_routine() -> str:
    """A valid routine at every limit: 100 exercises of five holds a side (2,000 segments), and
    every text and list full."""
    text = ("Keep the knees soft and the hips level. " * 60)[:MAX_TEXT]
    phrase = text[:MAX_PHRASE]
    items = json.dumps([(f"{n} " + "step " * 60)[:MAX_PHRASE] for n in range(MAX_ITEMS)])
    tables = [
        f'[[exercise]]\nname = "Exercise {n}"\nsets = 5\nhold = 20\nsides = "each"\n'
        f"why = {json.dumps(text)}\nplacement = {json.dumps(phrase)}\n"
        f"anchor = {json.dumps(phrase)}\nsteps = {items}\n"
        for n in range(1, MAX_EXERCISES + 1)
    ]
    head = (
        f'name = "Largest allowed"\ndescription = {json.dumps(text)}\n'
        f"notes = {json.dumps(text)}\ntags = {items}\nequipment = {items}\n"
    )
    return head + "\n".join(tables)


class _Silent:
    def play(self, cue: object) -> None:
        pass

    def play_clip(self, clip: object, instead: object) -> None:
        pass

    def set_volume(self, volume: float) -> None:
        pass


def _app(home: Path, routine: object = None):  # type: ignore[no-untyped-def]
    from bandtimer.ui.factory import create_app

    return create_app(
        Locations.under(home), start_routine=routine, mute=True, clock=FakeClock(),
        player_factory=lambda on_fallback: (_Silent(), None),
    )  # fmt: skip


async def _first_frame_and_save(home: Path, path: Path) -> tuple[float, float]:
    """The workout's first frame, then one save; the record is removed again, so the next
    start is not offered to resume it."""
    routine = load_routine(path)
    app = _app(home, routine)
    began = time.perf_counter()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        drawn = time.perf_counter() - began
        recorder = pilot.app.screen.recorder  # type: ignore[attr-defined]
        began = time.perf_counter()
        recorder.save()
        saved = time.perf_counter() - began
    shutil.rmtree(Locations.under(home).history_dir)
    return drawn, saved


async def _highlight(home: Path, name: str) -> float:
    from bandtimer.ui.widgets.routine_list import RoutineList

    app = _app(home)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        routines = pilot.app.screen.query_one(RoutineList)
        names = [entry.name for entry in routines.entries]
        routines.highlighted = (names.index(name) + 1) % len(names)
        await pilot.pause()
        began = time.perf_counter()
        routines.highlighted = names.index(name)
        await pilot.pause()
        return time.perf_counter() - began


def _show(home: Path, path: Path) -> float:
    env = os.environ | {"BANDTIMER_HOME": str(home)}
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bandtimer", "show", str(path)], env=env,
                   stdout=subprocess.DEVNULL, check=True)  # fmt: skip
    return time.perf_counter() - began


def measure(runs: int = 5) -> Section:
    began = time.monotonic()
    figures: dict[str, dict[str, list[float]]] = {}
    with tempfile.TemporaryDirectory(prefix="bandtimer-bench-") as folder:
        large_home, quick_home = Path(folder, "large"), Path(folder, "quick")
        (large_home / "routines").mkdir(parents=True)
        quick_home.mkdir()
        large = large_home / "routines" / "largest.toml"
        large.write_text(largest_routine(), encoding="utf-8")
        plan = build_plan(load_routine(large))
        assert len(plan.routine.exercises) == MAX_EXERCISES and len(plan) == MAX_SEGMENTS
        targets = {
            "largest": (large_home, large, "Largest allowed"),
            "quick": (quick_home, shipped_routines_dir() / "quick-try.toml", "Quick try"),
        }
        for step in STEPS:
            figures[step] = {"largest": [], "quick": []}
        for run in range(runs + 1):  # run 0 is an untimed warm-up
            order = ("largest", "quick") if run % 2 == 0 else ("quick", "largest")
            for label in order:
                home, path, name = targets[label]
                frame, save = asyncio.run(_first_frame_and_save(home, path))
                timed = {
                    "show": _show(home, path),
                    "first frame": frame,
                    "save": save,
                    "menu highlight": asyncio.run(_highlight(home, name)),
                }
                if run > 0:
                    for step, seconds in timed.items():
                        figures[step][label].append(seconds)
    return _section(runs, figures, time.monotonic() - began)


def _section(runs: int, figures: dict[str, dict[str, list[float]]], seconds: float) -> Section:
    rows = []
    ratios = {}
    for step, by in figures.items():
        ratios[step] = Spread.of(paired_ratios(by["largest"], by["quick"])).median
        rows.append([step, Spread.of(by["largest"]).describe(), Spread.of(by["quick"]).describe(),
                     ratio_text(paired_ratios(by["largest"], by["quick"]))])  # fmt: skip
    show = Spread.of(figures["show"]["largest"]).median
    goals = [
        Goal(f"{step} within {RATIO_GOAL:g}× of Quick try", ratios[step] <= RATIO_GOAL,
             f"{ratios[step]:.2f}× (median of paired ratios)")
        for step in ("first frame", "save")
    ]  # fmt: skip
    highlight = Spread.of(figures["menu highlight"]["largest"]).median
    goals.append(Goal(f"menu highlight within {HIGHLIGHT_GOAL:g} s", highlight <= HIGHLIGHT_GOAL,
                      f"median {highlight:.2f} s"))  # fmt: skip
    goals.append(Goal(f"show within {SHOW_GOAL:g} s", show <= SHOW_GOAL, f"median {show:.2f} s"))
    ran = (
        f"{runs} timed runs of each after one untimed warm-up, alternating. The largest routine "
        f"check allows ({MAX_EXERCISES} exercises of five 20 s holds a side, {MAX_SEGMENTS:,} "
        f"segments, every text at its limit: paragraphs {MAX_TEXT:,} characters, phrases "
        f"{MAX_PHRASE}, lists {MAX_ITEMS} items) against Quick try. show: a real "
        "`bandtimer show FILE` process to /dev/null. First frame, save, menu highlight: the "
        "app from `create_app`, headless at 100×30, muted, on a fake clock."
    )
    return Section("The largest routine allowed", ran,
                   ["figure", "largest allowed", "Quick try", "ratio"], rows, goals, [], seconds)
