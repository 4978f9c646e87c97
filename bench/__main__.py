"""`python -m bench` (`make bench`): run every benchmark, then write bench/REPORT.md.

The repetitions are sized so the whole run stays well inside 10 minutes on a 2-core machine;
the real-time countdown (140 s) is most of it. `--only NAME` runs some of them (the report then
holds only those), for working on one benchmark.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

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
from bench.report import Goal, Machine, Section, render

REPORT = Path(__file__).resolve().parent / "REPORT.md"

BENCHMARKS: dict[str, tuple[str, Callable[[], Section | list[Section]]]] = {
    "accuracy": ("Countdown accuracy", countdown_accuracy.measure),
    "startup": ("Start-up", lambda: startup.measure(runs=9)),
    "keys": ("Key to screen", lambda: key_latency.measure(presses=40)),
    "resources": (
        "CPU and memory during a countdown", lambda: resources.measure(runs=5, seconds=15.0)
    ),
    "history": ("History scale", lambda: history_scale.measure(runs=5)),
    "many": ("Many routines", lambda: many_routines.measure(runs=5)),
    "largest": ("The largest routine allowed", lambda: largest_routine.measure(runs=5)),
    "voice": ("Voice", lambda: voice.measure(runs=2)),
}


def failed(title: str, seconds: float) -> Section:
    """A benchmark that crashed still gets its section: a miss, with the traceback."""
    text = traceback.format_exc()
    return Section(
        title,
        "The benchmark failed before it could measure anything:",
        ["traceback"],
        [],
        [Goal("the benchmark runs", False, "it crashed; see below")],
        ["```", text.rstrip(), "```"],
        seconds,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--only", nargs="+", choices=list(BENCHMARKS), metavar="NAME",
                        help=f"run only these: {', '.join(BENCHMARKS)}")
    parser.add_argument("--out", type=Path, default=REPORT, help="where to write the report")
    args = parser.parse_args(argv)
    if shutil.which("tmux") is None:
        print("the benchmarks need tmux: sudo apt-get install tmux", file=sys.stderr)
        return 2
    started = datetime.now().astimezone()
    began = time.monotonic()
    sections = []
    ok = True
    for name in args.only or list(BENCHMARKS):
        title, measure = BENCHMARKS[name]
        print(f"[{time.monotonic() - began:6.1f} s] {title}…", file=sys.stderr, flush=True)
        section_began = time.monotonic()
        load = os.getloadavg()[0]
        try:
            measured = measure()
        except Exception:
            measured = failed(title, time.monotonic() - section_began)
            ok = False
            print(measured.notes[1], file=sys.stderr)
        for section in measured if isinstance(measured, list) else [measured]:
            section.load = load
            sections.append(section)
            for goal in section.goals:
                verdict = "met" if goal.met else "NOT MET"
                print(f"    {verdict}: {goal.goal} — {goal.measured}", file=sys.stderr)
    seconds = time.monotonic() - began
    args.out.write_text(render(sections, Machine.this_one(), started, seconds), encoding="utf-8")
    print(f"[{seconds:6.1f} s] wrote {args.out}", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
