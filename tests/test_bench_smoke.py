"""The benchmarks still run: each measurement once, with tiny parameters.

No timing is asserted here (performance lives in `make bench`, see bench/README.md); this only
proves that every benchmark can drive the current app from start to report, so a change to the
app that breaks a benchmark is caught by the test suite rather than on the next `make bench`.
"""

from __future__ import annotations

import shutil
from datetime import datetime

import pytest

from bench import (
    countdown_accuracy,
    history_scale,
    key_latency,
    largest_routine,
    many_routines,
    resources,
    startup,
    voice,
)
from bench.report import Machine, Section, render

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="the benchmarks need tmux")

TINY_ROUTINE = """
name = "Tiny"
[timing]
get_ready = 2
[[exercise]]
name = "Quick reps"
sets = 1
reps = 2
tempo = 0.5
"""
"""Two segments, 3 s: the shortest a routine can be while its first segment still outlasts the
app's start-up (the deadlines are noted from the first redraw on)."""


def well_formed(section: Section) -> None:
    assert section.rows and section.goals
    assert all(len(row) == len(section.header) for row in section.rows)
    report = render([section], Machine.this_one(), datetime.now().astimezone(), section.seconds)
    assert section.title in report
    assert "**met**" in report or "**not met**" in report


def test_countdown_accuracy_runs() -> None:
    well_formed(countdown_accuracy.measure(TINY_ROUTINE, first_hold_index=1))


def test_startup_runs() -> None:
    well_formed(startup.measure(runs=1))


def test_key_latency_runs() -> None:
    well_formed(key_latency.measure(presses=2))


def test_resources_run() -> None:
    well_formed(resources.measure(runs=1, seconds=1.0))


def test_many_routines_runs() -> None:
    well_formed(many_routines.measure(runs=1, count=20, typed="gl"))


def test_history_scale_runs() -> None:
    scale, reads = history_scale.measure(runs=1, sizes=(3, 12))
    well_formed(scale)
    well_formed(reads)


def test_largest_routine_runs() -> None:
    well_formed(largest_routine.measure(runs=1))


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="the voice needs espeak-ng")
def test_voice_runs() -> None:
    routine = TINY_ROUTINE.replace("get_ready = 2", "get_ready = 4")  # a 3-2-1 to hear
    well_formed(voice.measure(runs=1, routine_text=routine, shipped=False))
