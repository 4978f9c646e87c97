"""Running the real `bandtimer` in a pseudo-terminal, as a person's terminal would."""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import threading
from pathlib import Path


def _default_hang_up() -> None:
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


def start_in_a_terminal(
    home: Path, *args: str, env: dict[str, str] | None = None, output: bytearray | None = None
) -> tuple[subprocess.Popen[bytes], threading.Thread]:
    """`python -m bandtimer ARGS` on an 80×24 pty, its output drained by a thread (and kept in
    `output`, when given); `env` is added to this process's environment.

    The drain matters: a terminal whose buffer fills up stalls the app writing to it.
    """
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = os.environ | {"BANDTIMER_HOME": str(home), "TERM": "xterm-256color"} | (env or {})
    process = subprocess.Popen(
        [sys.executable, "-m", "bandtimer", *args],
        stdin=terminal, stdout=terminal, stderr=terminal, env=env, close_fds=True,
        start_new_session=True,  # its own session: nothing it does reaches the test runner
    )  # fmt: skip
    os.close(terminal)

    def drain() -> None:
        try:
            while chunk := os.read(controller, 65536):
                if output is not None:
                    output.extend(chunk)
        except OSError:
            pass
        finally:
            os.close(controller)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    return process, reader


class Terminal:
    """A `bandtimer` in a pseudo-terminal that a test can type into and read back.

    Everything the app writes is kept (`written()`); `modes()` reads the terminal's settings as
    the app left them (raw or not), since the test keeps the terminal's own end open. `env` is
    added to this process's environment.
    """

    def __init__(self, home: Path, *args: str, env: dict[str, str] | None = None) -> None:
        self._controller, self._terminal = pty.openpty()
        fcntl.ioctl(self._terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.cooked = termios.tcgetattr(self._terminal)
        env = os.environ | {"BANDTIMER_HOME": str(home), "TERM": "xterm-256color"} | (env or {})
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bandtimer", *args],
            stdin=self._terminal, stdout=self._terminal, stderr=self._terminal, env=env,
            close_fds=True,
            # As a terminal starts it: a runner started under `nohup` ignores SIGHUP, and the
            # child would inherit that and outlive the hang-up a test sends it.
            preexec_fn=_default_hang_up,
        )  # fmt: skip
        self.output = bytearray()
        self._seen = threading.Condition()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        try:
            while chunk := os.read(self._controller, 65536):
                with self._seen:
                    self.output += chunk
                    self._seen.notify_all()
        except OSError:
            pass

    def wait_for(self, text: bytes, timeout: float) -> bool:
        """Whether `text` has appeared in the output within `timeout` seconds."""
        with self._seen:
            return self._seen.wait_for(lambda: text in self.output, timeout)

    def written(self) -> bytes:
        """Everything the app has written so far."""
        with self._seen:
            return bytes(self.output)

    def type(self, keys: str) -> None:
        os.write(self._controller, keys.encode())

    def modes(self) -> list[object]:
        return termios.tcgetattr(self._terminal)

    def close(self, timeout: float = 10) -> None:
        """Kill the app if it still runs, and close the terminal."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=timeout)
        os.close(self._terminal)
        self._reader.join(timeout=timeout)
        os.close(self._controller)


STEPS = """
name = "Quick steps"
[timing]
get_ready = 0
rest_between_sets = 1
[[exercise]]
name = "Quick steps"
sets = 8
reps = 2
tempo = 0.5
"""
"""A one-second set every two seconds: for tests that signal or kill a real bandtimer
mid-workout."""
