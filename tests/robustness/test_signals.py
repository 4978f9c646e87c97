"""Signals to a real bandtimer mid-workout: SIGTERM, SIGHUP, and SIGSTOP then SIGCONT.

Each test runs `bandtimer run` in a pseudo-terminal whose own end the test keeps open, so it can
read the terminal's settings as the app left them. SIGTERM must end the app as ctrl+q does: the
workout kept for resuming and the terminal put back. SIGHUP (the terminal closed) must still end
it with the workout kept. A stop longer than a couple of seconds must pause the workout instead
of counting the sets that passed while nobody could see them.

The waits are real time on purpose, a real process is being signalled; each one is bounded.
"""

from __future__ import annotations

import signal
import termios
import time
from pathlib import Path

import pytest

from bandtimer.domain.history import WorkoutRecord
from bandtimer.storage.history import HistoryStore
from bandtimer.storage.locations import Locations
from tests.terminal_process import STEPS, Terminal
from tests.ui.harness import write_routine

PLANKS = """
name = "Planks"
[timing]
get_ready = 0
rest_between_sets = 5
[[exercise]]
name = "Plank"
sets = 2
hold = 5
"""
DEVICE = "laptop"
WAIT_LIMIT_SECONDS = 60
"""Only a bound on a broken run; every wait ends as soon as what it waits for happens."""
STOPPED_SECONDS = 7
"""Longer than the first hold (5 s) and than the 2 s a stop must last to pause the workout."""
RESTORED = (b"\x1b[?1049l", b"\x1b[?25h", b"\x1b[?1000l")
"""Leave the alternate screen, show the cursor, stop mouse tracking."""
TERMINAL_MODES = termios.ICANON | termios.ECHO | termios.ISIG


def home_with(tmp_path: Path, routine: str) -> HistoryStore:
    (tmp_path / "config.toml").write_text(f'device = "{DEVICE}"\n', encoding="utf-8")
    write_routine(tmp_path, "routine", routine)
    return HistoryStore(Locations.under(tmp_path).history_dir, DEVICE)


def wait_for_record(
    store: HistoryStore, terminal: Terminal, *, sets: int
) -> WorkoutRecord:
    deadline = time.monotonic() + WAIT_LIMIT_SECONDS
    while True:
        unfinished = store.unfinished()
        if unfinished and unfinished[0].sets_done >= sets:
            return unfinished[0]
        assert terminal.process.poll() is None, terminal.written().decode(errors="replace")
        assert time.monotonic() < deadline, f"no workout with {sets} sets on disk"
        time.sleep(0.05)


def assert_kept_for_resuming(store: HistoryStore, sets_seen: int) -> None:
    [record] = store.unfinished()
    assert record.sets_done >= sets_seen
    held = store.claim(record)  # nobody holds it any more
    assert held is not None
    held.release()


def test_sigterm_keeps_the_workout_for_resuming_and_puts_the_terminal_back(
    tmp_path: Path,
) -> None:
    store = home_with(tmp_path, STEPS)
    terminal = Terminal(tmp_path, "--mute", "run", "quick steps")
    try:
        seen = wait_for_record(store, terminal, sets=1)
        terminal.process.send_signal(signal.SIGTERM)
        assert terminal.process.wait(timeout=WAIT_LIMIT_SECONDS) == 128 + signal.SIGTERM
        assert terminal.modes()[3] & TERMINAL_MODES == terminal.cooked[3] & TERMINAL_MODES
        output = terminal.written()
        tail = output[output.rfind(b"\x1b[?1049h") :]
        for sequence in RESTORED:
            assert sequence in tail, sequence
    finally:
        terminal.close()
    assert_kept_for_resuming(store, seen.sets_done)


def test_sighup_still_ends_it_with_the_workout_kept(tmp_path: Path) -> None:
    store = home_with(tmp_path, STEPS)
    terminal = Terminal(tmp_path, "--mute", "run", "quick steps")
    try:
        seen = wait_for_record(store, terminal, sets=1)
        terminal.process.send_signal(signal.SIGHUP)
        assert terminal.process.wait(timeout=WAIT_LIMIT_SECONDS) != 0
    finally:
        terminal.close()
    assert_kept_for_resuming(store, seen.sets_done)


@pytest.mark.parametrize("stop", [signal.SIGSTOP, signal.SIGTSTP], ids=["sigstop", "ctrl-z"])
def test_a_stopped_process_pauses_its_workout_and_counts_nothing_unseen(
    tmp_path: Path, stop: signal.Signals
) -> None:
    store = home_with(tmp_path, PLANKS)
    terminal = Terminal(tmp_path, "--mute", "run", "planks")
    try:
        wait_for_record(store, terminal, sets=0)  # the first 5 s hold has just begun
        terminal.process.send_signal(stop)
        time.sleep(STOPPED_SECONDS)  # the hold's end passes while the process is stopped
        terminal.process.send_signal(signal.SIGCONT)
        assert terminal.wait_for(b"was stopped for", WAIT_LIMIT_SECONDS), "it did not pause"
        terminal.process.send_signal(signal.SIGTERM)
        terminal.process.wait(timeout=WAIT_LIMIT_SECONDS)
    finally:
        terminal.close()
    [record] = store.unfinished()
    assert (record.sets_done, record.resume_at) == (0, 0)
