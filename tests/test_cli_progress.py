"""The progress bar while the history index is built: on stderr at a terminal, nowhere else.

Real processes over 60 workout files (enough for a bar) and a real pseudo-terminal for stderr,
while stdout is a pipe, as in `bandtimer history --format csv > sets.csv` typed at a terminal.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from bandtimer.cli.progress import SHOWN_FROM
from bandtimer.coach.history_export import csv_text
from bandtimer.storage.history import HistoryStore

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "data" / "history"
BAR = b"Indexing the history ["


@pytest.fixture
def home(tmp_path: Path) -> Path:
    source = HistoryStore(FIXTURE, "laptop").load_all().records[1]
    store = HistoryStore(tmp_path / "history", source.device)
    for number in range(SHOWN_FROM + 10):
        store.save(replace(source, id=f"{number:08x}"))
    return tmp_path


def run(home: Path, *args: str, stderr_on_a_terminal: bool) -> tuple[bytes, bytes]:
    """stdout through a pipe; stderr on a pty (all it printed) or through a pipe."""
    env = os.environ | {"BANDTIMER_HOME": str(home), "TERM": "xterm-256color"}
    argv = [sys.executable, "-m", "bandtimer", *args]
    if not stderr_on_a_terminal:
        result = subprocess.run(argv, env=env, capture_output=True, timeout=120, cwd=ROOT)
        return result.stdout, result.stderr
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=terminal, env=env, cwd=ROOT, close_fds=True
    )
    os.close(terminal)
    stdout = process.communicate(timeout=120)[0]
    stderr = b""
    try:
        while chunk := os.read(controller, 65536):
            stderr += chunk
    except OSError:
        pass  # the terminal's other end has closed: everything has been read
    os.close(controller)
    return stdout, stderr


def test_building_the_index_shows_a_bar_on_a_terminal_and_stdout_stays_data(home: Path) -> None:
    expected = csv_text(HistoryStore(home / "history", "x").load_all().records)

    stdout, stderr = run(home, "history", "--format", "csv", stderr_on_a_terminal=True)

    assert stdout.decode("utf-8") == expected
    assert BAR in stderr and f"of {SHOWN_FROM + 10} files".encode() in stderr
    assert stderr.endswith(b"\r"), "the bar is wiped when the work is done"


def test_no_bar_when_stderr_is_not_a_terminal(home: Path) -> None:
    stdout, stderr = run(home, "stats", stderr_on_a_terminal=False)

    assert b"Streak" in stdout
    assert stderr == b""
