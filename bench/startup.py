"""Benchmark 2: how long until a person sees something.

The menu is timed in a real terminal: `bandtimer` is started in tmux and the pane is read every
5 ms until "Quick try" is on it; the bare Digits app (reference_apps/bare_digits_app.py) is timed
the same way until its digits are on screen. Runs alternate between the two so both share the
machine's moment-to-moment noise, and the ratio is taken run by run. The commands that only
print (`--help`, `check`) are timed as plain subprocesses against a Python that does nothing.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence

from bench.report import Goal, Section
from bench.stats import Spread, paired_ratios, ratio_text
from bench.terminal import ROOT, Terminal, bandtimer_argv, python_argv

BARE_APP = ROOT / "bench" / "reference_apps" / "bare_digits_app.py"
MENU_MARK = "Quick try"
DIGIT_STROKES = frozenset("╭╮╰╯─│╷╵╴╶┤├")
"""The strokes Textual's Digits draws with; nothing else on the bare app's screen uses them."""
MENU_GOAL = 1.3
PRINT_GOAL = 0.3


def shows_digits(screen: str) -> bool:
    return not DIGIT_STROKES.isdisjoint(screen)


def time_to_screen(
    terminal: Terminal, name: str, argv: Sequence[str], shows: Callable[[str], bool],
    env: dict[str, str] | None = None,
) -> float:
    """Seconds from asking tmux to start `argv` until the screen `shows` what it should."""
    started = terminal.start(name, argv, env)
    try:
        return terminal.wait_for(name, shows).at - started
    finally:
        terminal.stop(name)


def time_command(argv: Sequence[str], env: dict[str, str] | None = None) -> float:
    started = time.monotonic()
    subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, check=True)
    return time.monotonic() - started


def alternate(runs: int, ours: Callable[[], float], reference: Callable[[], float]) -> tuple[
    list[float], list[float]
]:
    """`runs` timings of each, in the order ours-ref, ref-ours, ...; one untimed warm-up each."""
    ours(), reference()
    mine: list[float] = []
    theirs: list[float] = []
    for run in range(runs):
        if run % 2 == 0:
            mine.append(ours())
            theirs.append(reference())
        else:
            theirs.append(reference())
            mine.append(ours())
    return mine, theirs


def measure(runs: int = 7) -> Section:
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="bandtimer-bench-") as folder:
        env = {"BANDTIMER_HOME": folder}
        with Terminal() as terminal:
            menu, bare = alternate(
                runs,
                lambda: time_to_screen(
                    terminal, "menu", bandtimer_argv(), lambda s: MENU_MARK in s, env
                ),
                lambda: time_to_screen(
                    terminal, "bare", python_argv(str(BARE_APP)), shows_digits
                ),
            )
            floor = terminal.capture_cost("keepalive")
        run_env = os.environ | env
        shipped = sorted(str(path) for path in (ROOT / "routines").glob("*.toml"))

        def nothing() -> float:
            return time_command(python_argv("-c", "pass"), run_env)

        helps, python_help = alternate(
            runs, lambda: time_command(bandtimer_argv("--help"), run_env), nothing
        )
        checks, python_check = alternate(
            runs, lambda: time_command(bandtimer_argv("check", *shipped), run_env), nothing
        )
    return _section(
        runs, len(shipped), (menu, bare), (helps, python_help), (checks, python_check), floor,
        time.monotonic() - began,
    )


Pair = tuple[list[float], list[float]]


def _section(
    runs: int, files: int, menu: Pair, helps: Pair, checks: Pair, floor: Spread, seconds: float
) -> Section:
    def row(label: str, pair: Pair, reference: str) -> list[str]:
        return [label, Spread.of(pair[0]).describe(), reference + ": " +
                Spread.of(pair[1]).describe(), ratio_text(paired_ratios(*pair))]

    menu_ratio = Spread.of(paired_ratios(*menu)).median
    help_median = Spread.of(helps[0]).median
    check_median = Spread.of(checks[0]).median
    rows = [
        row("menu drawn (tmux, until “Quick try” shows)", menu, "bare Digits app, until digits"),
        row("`bandtimer --help`", helps, "`python -c pass`"),
        row(f"`bandtimer check routines/*.toml` ({files} files)", checks, "`python -c pass`"),
    ]
    ran = (
        f"{runs} timed runs of each, after one untimed warm-up of each, alternating ours and "
        "the reference run by run. Menu: `bandtimer` (empty BANDTIMER_HOME, so the shipped "
        "routines) started with `tmux new-session -d -x 100 -y 30`, the pane captured every "
        "5 ms until “Quick try” is on it; from just before tmux is asked to start it until the "
        "capture that shows it returns. The bare Digits app (bench/reference_apps/"
        "bare_digits_app.py) the same way, until its digits are on screen. `--help` and `check` "
        "as subprocess wall time, against the venv's Python running nothing."
    )
    goals = [
        Goal(f"menu ≤ {MENU_GOAL}× the bare app", menu_ratio <= MENU_GOAL,
             f"{menu_ratio:.2f}× (median of paired ratios)"),
        Goal(f"`--help` < {PRINT_GOAL} s (median)", help_median < PRINT_GOAL,
             f"{help_median * 1000:.0f} ms (max {max(helps[0]) * 1000:.0f} ms)"),
        Goal(f"`check` < {PRINT_GOAL} s (median)", check_median < PRINT_GOAL,
             f"{check_median * 1000:.0f} ms (max {max(checks[0]) * 1000:.0f} ms)"),
    ]
    notes = [
        f"Both terminal timings include tmux: one `capture-pane` round trip took "
        f"{floor.describe()}, and a poll every 5 ms adds up to one period more.",
    ]
    return Section("Start-up", ran, ["figure", "bandtimer", "reference", "ratio"], rows,
                   goals, notes, seconds)
