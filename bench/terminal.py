"""A real terminal to time apps in: a private tmux server, polled with `capture-pane`.

Start-up, key and resource figures must include what a person waits for: Python starting,
Textual drawing, and the bytes reaching a terminal. tmux gives a real pseudo-terminal with
a screen we can read. Every app under test and its reference go through the same calls, so
the cost of tmux itself (a `capture-pane` client is a couple of milliseconds) is in both sides
of every ratio; `Terminal.capture_cost()` measures it so the report can say how big it is.

The server runs on its own socket with no config file, so a person's own tmux is never touched.
"""

from __future__ import annotations

import itertools
import os
import shlex
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.stats import Spread

WIDTH = 100
HEIGHT = 30
POLL_SECONDS = 0.005
ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
"""The running interpreter's bin folder: `make bench` runs .venv/bin/python."""


_SERVERS = itertools.count(1)


class TimedOut(RuntimeError):
    """The screen never showed what was waited for; carries the last capture for the report."""


@dataclass(frozen=True)
class Seen:
    at: float
    """time.monotonic() when the capture that showed it returned (an upper bound)."""
    screen: str


class Terminal:
    """One private tmux server; sessions are named, each holds one program in one pane."""

    def __init__(self, width: int = WIDTH, height: int = HEIGHT) -> None:
        self.width = width
        self.height = height
        # A socket of its own: a server being killed on a reused name can take the next one down.
        self.socket = f"bandtimer-bench-{os.getpid()}-{next(_SERVERS)}"
        # A session that only keeps the server alive, so the first timed start does not pay
        # for starting the tmux server.
        self._tmux("new-session", "-d", "-s", "keepalive", "-x", "20", "-y", "5", "sleep 3600")
        # A program that dies stays on screen, so a failure can be reported with its traceback.
        self._tmux("set-option", "-g", "remain-on-exit", "on")
        self._socket_path = Path(self._tmux("display-message", "-p", "#{socket_path}").strip())

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
        self._socket_path.unlink(missing_ok=True)  # tmux leaves it behind

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True, text=True,
        )
        if result.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {result.stderr.strip()}")
        return result.stdout

    def start(
        self, name: str, argv: Sequence[str], env: Mapping[str, str] | None = None,
        cwd: Path = ROOT,
    ) -> float:
        """Start `argv` in a fresh session; returns time.monotonic() just before tmux was asked."""
        settings = [arg for key, value in (env or {}).items() for arg in ("-e", f"{key}={value}")]
        command = "exec " + shlex.join(argv)
        started = time.monotonic()
        self._tmux(
            "new-session", "-d", "-s", name, "-x", str(self.width), "-y", str(self.height),
            "-c", str(cwd), *settings, command,
        )
        return started

    def stop(self, name: str) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-session", "-t", name], capture_output=True)

    def pid(self, name: str) -> int:
        """The program's own process id (`exec` means the pane's shell became the program)."""
        return int(self._tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip())

    def exited(self, name: str) -> bool:
        """Whether the program in session `name` has ended (its pane stays, see __init__)."""
        return self._tmux("display-message", "-p", "-t", name, "#{pane_dead}").strip() == "1"

    def capture(self, name: str) -> str:
        return self._tmux("capture-pane", "-p", "-t", name)

    def send(self, name: str, text: str) -> float:
        """Type `text` literally; returns time.monotonic() just before tmux was asked."""
        sent = time.monotonic()
        self._tmux("send-keys", "-t", name, "-l", text)
        return sent

    def wait_for(
        self, name: str, shows: Callable[[str], bool], timeout: float = 15.0,
        period: float = POLL_SECONDS,
    ) -> Seen:
        """Capture every `period` seconds until `shows(screen)`; the time is when it was seen."""
        deadline = time.monotonic() + timeout
        screen = ""
        next_poll = time.monotonic()
        while True:
            screen = self.capture(name)
            now = time.monotonic()
            if shows(screen):
                return Seen(now, screen)
            if now > deadline or self.exited(name):
                raise TimedOut(f"{name}: gave up; the screen was:\n{screen}")
            next_poll += period
            time.sleep(max(0.0, next_poll - time.monotonic()))

    def capture_cost(self, name: str, count: int = 30) -> Spread:
        """Seconds one `capture-pane` round trip takes: the floor under every latency here."""
        costs = []
        for _ in range(count):
            before = time.monotonic()
            self.capture(name)
            costs.append(time.monotonic() - before)
        return Spread.of(costs)


def bandtimer_argv(*args: str) -> list[str]:
    """The installed `bandtimer` command, as a person starts it."""
    script = BIN / "bandtimer"
    return [str(script), *args] if script.exists() else [sys.executable, "-m", "bandtimer", *args]


def python_argv(*args: str) -> list[str]:
    return [sys.executable, *args]
