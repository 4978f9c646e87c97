"""The fixtures of the test_filesystem_faults* modules: a home with history, and each fault."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.robustness.disk_faults import FAULTS, Fault
from tests.robustness.history_home import Home, make_home


@pytest.fixture(params=list(FAULTS))
def fault(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Fault:
    return FAULTS[request.param](monkeypatch)


@pytest.fixture
def home(tmp_path: Path) -> Home:
    return make_home(tmp_path)
