"""The mark for tests that hold a real process to real time, and what the suite does for them.

`make test` runs the suite on pytest-xdist workers with `--dist loadgroup`. Tests marked
`REAL_TIME` form one group: its tests run one after another on one worker, and, being the
largest group, it is the first work that worker is given. Every other worker lowers its own
priority (`BULK_NICENESS`) before its first test, and so does the real-time worker once the
group is done, so the processes the real-time tests time get the CPU when they need it, however
busy the rest of the suite keeps the cores. Their bounds are unchanged: they are met because
the suite beside them yields, not because they were widened.
"""

from __future__ import annotations

import os

import pytest

GROUP = "real-time"
REAL_TIME = pytest.mark.xdist_group(GROUP)
BULK_NICENESS = 10
"""CFS gives a process of niceness 0 about nine times the CPU of one at 10 when both want it."""


def is_real_time(item: pytest.Item) -> bool:
    return any(
        (mark.args[0] if mark.args else mark.kwargs.get("name")) == GROUP
        for mark in item.iter_markers("xdist_group")
    )


def workers() -> int:
    """One worker per core, and one more for the real-time group, which mostly waits."""
    return len(os.sched_getaffinity(0)) + 1
