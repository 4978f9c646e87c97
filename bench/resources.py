"""Benchmark 4: what a running countdown costs the machine, against a bare Digits clock.

Both run at once in a real terminal, each in its own tmux session: bandtimer counting down the
300 s get-ready of "Key bench", and the bare Digits app counting down from 5:00. Both redraw at
10 Hz. Their CPU time comes from /proc/PID/stat (utime + stime, every thread of the process) and
their resident memory from /proc/PID/status (VmRSS), the same way for both.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from bench.report import Goal, Section
from bench.routines import KEYS_NAME, keys_routine, write_routine
from bench.startup import BARE_APP, shows_digits
from bench.stats import Spread, paired_ratios, ratio_text
from bench.terminal import Terminal, bandtimer_argv, python_argv

TICKS = os.sysconf("SC_CLK_TCK")
SETTLE_SECONDS = 1.0
SAMPLE_EVERY = 0.5
GOAL = 1.5


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of the whole process so far."""
    text = Path(f"/proc/{pid}/stat").read_text()
    fields = text[text.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime: fields 14 and 15


def rss_bytes(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"no VmRSS for {pid}")


def measure(runs: int = 5, seconds: float = 12.0) -> Section:
    began = time.monotonic()
    cpu: dict[str, list[float]] = {"ours": [], "bare": []}
    rss: dict[str, list[float]] = {"ours": [], "bare": []}
    with tempfile.TemporaryDirectory(prefix="bandtimer-bench-") as folder, Terminal() as terminal:
        for run in range(runs):
            # A home of its own each run: the run before was stopped mid-get-ready, and
            # `run NAME` would offer to resume it rather than start the countdown measured here.
            home = Path(folder) / f"run-{run}"
            write_routine(home, "key-bench", keys_routine())
            terminal.start("ours", bandtimer_argv("run", KEYS_NAME), {"BANDTIMER_HOME": str(home)})
            terminal.start("bare", python_argv(str(BARE_APP)))
            terminal.wait_for("ours", lambda screen: "seconds left" in screen)
            terminal.wait_for("bare", shows_digits)
            pids = {name: terminal.pid(name) for name in cpu}
            time.sleep(SETTLE_SECONDS)
            first = {name: cpu_seconds(pid) for name, pid in pids.items()}
            start = time.monotonic()
            peak = dict.fromkeys(pids, 0)
            while time.monotonic() - start < seconds:
                for name, pid in pids.items():
                    peak[name] = max(peak[name], rss_bytes(pid))
                time.sleep(SAMPLE_EVERY)
            elapsed = time.monotonic() - start
            for name, pid in pids.items():
                cpu[name].append((cpu_seconds(pid) - first[name]) / elapsed)
                rss[name].append(float(peak[name]))
            for name in pids:
                terminal.stop(name)
    return _section(runs, seconds, cpu, rss, time.monotonic() - began)


def _section(
    runs: int, seconds: float, cpu: dict[str, list[float]], rss: dict[str, list[float]],
    took: float,
) -> Section:
    cpu_ratios = paired_ratios(cpu["ours"], cpu["bare"])
    rss_ratios = paired_ratios(rss["ours"], rss["bare"])
    rows = [
        ["CPU, share of one core", Spread.of(cpu["ours"]).describe("%", 100),
         Spread.of(cpu["bare"]).describe("%", 100), ratio_text(cpu_ratios)],
        ["peak resident memory (VmRSS)", Spread.of(rss["ours"]).describe("MiB", 2**-20),
         Spread.of(rss["bare"]).describe("MiB", 2**-20), ratio_text(rss_ratios)],
    ]
    cpu_ratio, rss_ratio = Spread.of(cpu_ratios).median, Spread.of(rss_ratios).median
    ran = (
        f"{runs} runs; in each, both apps started side by side in tmux (100×30), left "
        f"{SETTLE_SECONDS:g} s to settle once drawn, then measured for {seconds:g} s: CPU time "
        "from /proc/PID/stat (utime + stime, all threads; the kernel counts it in "
        f"1/{TICKS} s ticks) over the wall time, VmRSS from /proc/PID/status every "
        f"{SAMPLE_EVERY:g} s, the peak kept. Ours: `bandtimer run \"Key bench\"` counting down "
        "its 300 s get-ready. Reference: the bare Digits app counting down from 5:00, its "
        "Digits updated at 10 Hz."
    )
    goals = [
        Goal(f"CPU within {GOAL}× the bare app", cpu_ratio <= GOAL, f"{cpu_ratio:.2f}×"),
        Goal(f"memory within {GOAL}× the bare app", rss_ratio <= GOAL, f"{rss_ratio:.2f}×"),
    ]
    return Section("CPU and memory during a countdown", ran,
                   ["figure", "bandtimer", "bare Digits app", "ratio"], rows, goals, [], took)
