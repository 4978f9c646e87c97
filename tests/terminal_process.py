"""Running the real `bandtimer` in a pseudo-terminal, as a person's terminal would."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
import threading
from pathlib import Path


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
