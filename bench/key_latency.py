"""Benchmark 3: from a key press to the screen showing its effect, in a real terminal.

A workout runs in tmux (`bandtimer run "Key bench"`, whose 300 s get-ready means nothing changes
phase by itself) next to the bare Digits app in a second session. Space is sent with
`tmux send-keys` to one, then the other, and each pane is read every 5 ms until its pause
caption ("paused · space resumes") has appeared or gone. A random 50–150 ms gap before each
press lands the presses at every phase of both apps' redraw timers.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from bench.report import Goal, Section
from bench.routines import KEYS_NAME, keys_routine, write_routine
from bench.startup import BARE_APP, shows_digits
from bench.stats import Spread, percentile
from bench.terminal import Terminal, bandtimer_argv, python_argv

PAUSED_MARK = "space resumes"
"""On both screens only while paused: bandtimer's caption and the bare app's label."""
P95_GOAL = 0.050


def measure(presses: int = 24, seed: int = 7) -> Section:
    began = time.monotonic()
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="bandtimer-bench-") as folder, Terminal() as terminal:
        write_routine(Path(folder), "key-bench", keys_routine())
        terminal.start("ours", bandtimer_argv("run", KEYS_NAME), {"BANDTIMER_HOME": folder})
        terminal.start("bare", python_argv(str(BARE_APP)))
        terminal.wait_for("ours", lambda screen: "seconds left" in screen)
        terminal.wait_for("bare", shows_digits)
        time.sleep(0.5)
        latencies: dict[str, list[float]] = {"ours": [], "bare": []}
        for press in range(presses):
            paused = press % 2 == 0
            order = ("ours", "bare") if press % 4 < 2 else ("bare", "ours")
            for name in order:
                time.sleep(rng.uniform(0.05, 0.15))
                sent = terminal.send(name, " ")
                seen = terminal.wait_for(name, lambda s, p=paused: (PAUSED_MARK in s) == p)
                latencies[name].append(seen.at - sent)
        floor = terminal.capture_cost("bare")
    return _section(presses, latencies["ours"], latencies["bare"], floor, time.monotonic() - began)


def _section(
    presses: int, ours: list[float], bare: list[float], floor: Spread, seconds: float
) -> Section:
    def ms(value: float) -> str:
        return f"{value * 1000:.1f} ms"

    rows = []
    for label, fraction in (("p50", 0.5), ("p95", 0.95), ("max", 1.0)):
        mine, theirs = percentile(ours, fraction), percentile(bare, fraction)
        rows.append([label, ms(mine), ms(theirs), f"{mine / theirs:.2f}×"])
    rows.append(["median (IQR, min–max)", Spread.of(ours).describe(), Spread.of(bare).describe(),
                 ""])
    p95 = percentile(ours, 0.95)
    ran = (
        f"{presses} presses of space to each app (half pause, half resume), alternating "
        "between them, a random 50–150 ms apart. Ours: `bandtimer run \"Key bench\"` (a routine "
        "with a 300 s get-ready, written to a temporary BANDTIMER_HOME) in tmux at 100×30, "
        "timed until “space resumes” appears in (or leaves) its caption. Reference: the bare "
        "Digits app, whose space binding changes a label to the same words. From just before "
        "`tmux send-keys` until the `capture-pane` that shows the change returns."
    )
    bare_p95 = percentile(bare, 0.95)
    goals = [Goal("p95 < 50 ms", p95 < P95_GOAL, f"p95 {ms(p95)} (bare app {ms(bare_p95)})")]
    notes = [
        f"Both include tmux: `send-keys` and one `capture-pane` are each a short-lived tmux "
        f"client (a capture took {floor.describe()}), plus up to one 5 ms poll period.",
    ]
    return Section("Key to screen", ran, ["figure", "bandtimer", "bare Digits app", "ratio"],
                   rows, goals, notes, seconds)
