"""Benchmark 6: a routine folder with 500 files, against the shipped routines alone.

Two things a person with many routines waits for, both timed in a real terminal (tmux): the
menu appearing, and the list following the filter as they type. 500 valid, varied routine files
(bench/routines.py) go in BANDTIMER_HOME/routines; the reference is an empty BANDTIMER_HOME, so
only the shipped routines. Runs alternate between the two folders.

Filtering is timed key by key: "/" focuses the filter, then "glute bridge" is typed one key at a
time with `tmux send-keys`, 150–300 ms apart (brisk typing), and after each key the pane is read
every 5 ms until it shows the key's whole effect: the filter box holding the text typed so far
and the visible rows of the list naming exactly the routines bandtimer's own `entry_matches`
says should be there, in order. The space is typed but not timed: it changes nothing that
`capture-pane` can see (the matches and the text shown are the same as before it).
"""

from __future__ import annotations

import random
import re
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bandtimer.storage.routines import RoutineEntry
from bandtimer.ui.widgets.routine_list import entry_matches
from bench.report import Goal, Section
from bench.routines import check_all_valid, many_routines
from bench.stats import Spread, paired_ratios, percentile, ratio_text
from bench.terminal import Terminal, bandtimer_argv

FILTER = "glute bridge"
MENU_GOAL = 2.0
KEY_GOAL = 0.050
_COLUMN_END = re.compile("[▎▌]")
_SCROLLBAR = re.compile("[▁▂▃▄▅▆▇█]+$")
YOURS = " · yours"


def left_column(screen: str) -> list[str]:
    """The menu's left column, line by line: the filter box, then the list's rows."""
    rows = []
    for line in screen.splitlines():
        if line.startswith("▊"):
            text = _COLUMN_END.split(line[1:], maxsplit=1)[0]
            rows.append(_SCROLLBAR.sub("", text.rstrip()).strip())
    return rows


def visible_names(screen: str, names: set[str]) -> list[str]:
    column = left_column(screen)
    return [row.removesuffix(YOURS) for row in column if row.removesuffix(YOURS) in names]


def shows_first(visible: list[str], expected: list[str], rows: int) -> bool:
    """The list shows the first of the `expected` routines, in order, as many as fit: `rows`
    two-line rows fit at once, and two thirds as many when each has a third line saying why it
    matched (`matched: exercise Glute bridge`)."""
    return visible == expected[: len(visible)] and len(visible) >= min(len(expected), rows * 2 // 3)


def filter_text(screen: str) -> str:
    column = left_column(screen)
    return column[1] if len(column) > 1 else ""


@dataclass
class Folder:
    """One BANDTIMER_HOME and what its menu should show."""

    label: str
    home: Path
    entries: list[RoutineEntry] = field(init=False)
    names: list[str] = field(init=False)
    menu: list[float] = field(default_factory=list)
    """Seconds until the menu showed, one per run, with the routine cache as the last run left
    it (a person's usual start: their files have not changed since yesterday)."""
    cold: list[float] = field(default_factory=list)
    """The same with the cache deleted first: the first start after every file changed."""
    keys: list[float] = field(default_factory=list)
    """Seconds from each timed key to the screen showing its effect, every run together."""

    def __post_init__(self) -> None:
        self.entries = check_all_valid(self.home)
        self.names = [entry.name for entry in self.entries]

    def matches(self, query: str) -> list[str]:
        return [entry.name for entry in self.entries if entry_matches(entry, query)]


def measure(runs: int = 5, count: int = 500, typed: str = FILTER, seed: int = 11) -> Section:
    began = time.monotonic()
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="bandtimer-bench-") as folder, Terminal() as terminal:
        many_home, shipped_home = Path(folder, "many"), Path(folder, "shipped")
        many_routines(many_home, count)
        shipped_home.mkdir()
        many, shipped = Folder(f"{count} routines", many_home), Folder("shipped", shipped_home)
        # The cache only trusts a file whose times are over 2 s old (routine_cache.SETTLED_NS),
        # as a person's routine files are by the time they open bandtimer.
        time.sleep(2.5)
        for run in range(runs + 1):  # run 0 is an untimed warm-up of each
            pair = (many, shipped) if run % 2 == 0 else (shipped, many)
            for target in pair:
                menu, keys = _one_run(terminal, target, typed, rng)
                if run > 0:
                    target.menu.append(menu)
                    target.keys += keys
        for run in range(runs):
            for target in (many, shipped) if run % 2 == 0 else (shipped, many):
                shutil.rmtree(target.home / "cache", ignore_errors=True)
                target.cold.append(_menu_drawn(terminal, target))
    return _section(runs, count, typed, many, shipped, time.monotonic() - began)


def _menu_drawn(terminal: Terminal, target: Folder) -> float:
    """Seconds until the menu shows the first routine of the list."""
    known = set(target.names)
    started = terminal.start("menu", bandtimer_argv(), {"BANDTIMER_HOME": str(target.home)})
    try:
        seen = terminal.wait_for("menu", lambda s: target.names[0] in visible_names(s, known))
        return seen.at - started
    finally:
        terminal.stop("menu")


def _one_run(
    terminal: Terminal, target: Folder, typed: str, rng: random.Random
) -> tuple[float, list[float]]:
    known = set(target.names)
    first = target.names[0]
    started = terminal.start("menu", bandtimer_argv(), {"BANDTIMER_HOME": str(target.home)})
    try:
        seen = terminal.wait_for("menu", lambda screen: first in visible_names(screen, known))
        menu = seen.at - started
        terminal.send("menu", "/")
        terminal.wait_for("menu", lambda screen: "/ Filter" not in screen.splitlines()[-1])
        time.sleep(0.3)
        rows = len(visible_names(terminal.capture("menu"), known))
        """How many routines the list shows at once, once the menu has settled."""
        keys = []
        for end in range(1, len(typed) + 1):
            prefix = typed[:end]
            time.sleep(rng.uniform(0.15, 0.3))
            expected = target.matches(prefix)
            sent = terminal.send("menu", typed[end - 1])
            if typed[end - 1] == " ":
                continue
            seen = terminal.wait_for(
                "menu",
                lambda s, p=prefix, e=expected: filter_text(s) == p.strip()
                and shows_first(visible_names(s, known), e, rows),
            )
            keys.append(seen.at - sent)
        return menu, keys
    finally:
        terminal.stop("menu")


def _section(
    runs: int, count: int, typed: str, many: Folder, shipped: Folder, seconds: float
) -> Section:
    def ms(value: float) -> str:
        return f"{value * 1000:.1f} ms"

    def key_row(label: str, fraction: float) -> list[str]:
        mine, theirs = percentile(many.keys, fraction), percentile(shipped.keys, fraction)
        return [label, ms(mine), ms(theirs), f"{mine / theirs:.2f}×"]

    menu_ratios = paired_ratios(many.menu, shipped.menu)
    rows = [
        ["menu drawn", Spread.of(many.menu).describe(), Spread.of(shipped.menu).describe(),
         ratio_text(menu_ratios)],
        ["menu drawn, routine cache deleted first", Spread.of(many.cold).describe(),
         Spread.of(shipped.cold).describe(), ratio_text(paired_ratios(many.cold, shipped.cold))],
        ["filter, key to list: median (IQR, min–max)", Spread.of(many.keys).describe(),
         Spread.of(shipped.keys).describe(), ""],
        key_row("filter, key to list: p95", 0.95),
        key_row("filter, key to list: slowest", 1.0),
    ]
    menu_ratio = Spread.of(menu_ratios).median
    slowest = max(many.keys)
    ran = (
        f"{runs} timed runs with each folder after one untimed warm-up, alternating. "
        f"{count} generated routine files (2–9 exercises each, every exercise shape, ranges, "
        "sides, tags; all valid) in BANDTIMER_HOME/routines, against an empty BANDTIMER_HOME "
        f"(the {len(shipped.names)} shipped routines only). Menu: `bandtimer` in tmux at "
        "100×30, until the first routine of the list shows in it. Filter: after “/”, "
        f"“{typed}” typed one key at a time, each timed from just before `tmux send-keys` "
        "until a capture shows the typed text in the filter box and exactly the expected "
        f"routines in the list's visible rows ({len(many.keys) // runs} timed keys a run; the "
        "space is not timed, as nothing visible changes). Then, menu only, "
        f"{runs} more runs of each with BANDTIMER_HOME/cache deleted before each start."
    )
    goals = [
        Goal(f"menu within {MENU_GOAL:g}× of shipped-only", menu_ratio <= MENU_GOAL,
             f"{menu_ratio:.2f}× (median of paired ratios)"),
        Goal("no filter key slower than 50 ms", slowest <= KEY_GOAL,
             f"slowest {ms(slowest)} of {len(many.keys)} keys; "
             f"{sum(key > KEY_GOAL for key in many.keys)} over 50 ms"),
    ]
    notes = [
        "bandtimer keeps what each routine file parsed to in its cache folder and parses only "
        "files whose size, inode, mtime or ctime changed (bandtimer/storage/routines/cache.py). "
        "The goal is judged on the usual start, with the cache the previous start left; the "
        "row with the cache deleted is the first start after every file changed, and says "
        "what parsing 500 files costs.",
        "Filtering times the list: as the person types, the menu draws the list first and the "
        "preview of the newly highlighted routine in the frame after it (menu.py, "
        "`MenuScreen._refilter`).",
    ]
    return Section(f"Many routines ({count} files)", ran,
                   ["figure", f"{count} routines", "shipped only", "ratio"], rows, goals, notes,
                   seconds)

