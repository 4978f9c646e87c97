"""Shared test settings.

On CI (`CI` is set, as `.ci/run` runs) Hypothesis draws the same examples every run, so a
submission never fails on a draw nobody can reproduce; on a developer's machine it explores
fresh examples each time and keeps the failures it finds in its database.

Under pytest-xdist, the real-time tests keep their priority and the rest of the suite yields to
them (tests/real_time.py).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from tests.real_time import BULK_NICENESS, is_real_time, workers

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

_yielded = False


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    return workers()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """On an xdist worker, lower this worker's priority before its first test that is not a
    real-time one (and so for every later test: a priority is not raised again)."""
    global _yielded
    if not _yielded and os.environ.get("PYTEST_XDIST_WORKER") and not is_real_time(item):
        os.nice(BULK_NICENESS)
        _yielded = True
