"""Where the test routine files are, and the problems loading one of them reports.

For the test_routine_* modules that read files: tests/data/good/ holds files that load,
tests/data/bad/ one file per mistake the loader explains.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bandtimer.storage.routines import RoutineError, load_routine

DATA = Path(__file__).resolve().parent.parent / "data"
BAD = DATA / "bad"


def problems_in(path: Path) -> list[str]:
    with pytest.raises(RoutineError) as caught:
        load_routine(path)
    return [str(problem) for problem in caught.value.problems]
