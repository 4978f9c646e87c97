"""What a path can lead to besides a file, for the tests of every reader: a FIFO nobody writes to,
a link to /dev/zero, and a bound on the memory a test may use while one is being read.

Both are made to fail fast on a reader that does not refuse them, instead of hanging the test
run or filling the machine's memory: `rescue_after` opens a FIFO's writing end (which lets a
blocked `open()` go on, and read an empty file) once a test has waited long enough, and says
whether it had to; `memory_ceiling` lowers this process's address-space limit for the length
of a test, so an endless read ends in MemoryError.
"""

from __future__ import annotations

import contextlib
import os
import resource
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

RESCUE_SECONDS = 10.0
"""Only a bound on a broken reader: a reader that refuses a FIFO does so without waiting."""
HEADROOM_BYTES = 1024**3


def make_fifo(path: Path) -> Path:
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    return path


def link_to_dev_zero(path: Path) -> Path:
    path.unlink(missing_ok=True)
    path.symlink_to("/dev/zero")
    return path


@dataclass
class Rescue:
    needed: bool = False


@contextlib.contextmanager
def rescue_after(fifo: Path, seconds: float = RESCUE_SECONDS) -> Iterator[Rescue]:
    """Within the block, a reader stuck opening `fifo` is let go after `seconds`."""
    rescue = Rescue()
    done = threading.Event()

    def watch() -> None:
        while not done.wait(seconds):
            try:  # succeeds only while a reader is waiting in open()
                descriptor = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                continue
            rescue.needed = True
            os.close(descriptor)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        yield rescue
    finally:
        done.set()
        watcher.join()


@contextlib.contextmanager
def memory_ceiling(headroom: int = HEADROOM_BYTES) -> Iterator[None]:
    """This process may use `headroom` more bytes of address space than it does now."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    with open("/proc/self/statm", encoding="ascii") as statm:
        in_use = int(statm.read().split()[0]) * resource.getpagesize()
    ceiling = in_use + headroom
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
