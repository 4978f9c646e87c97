"""`bandtimer check FILE...`: validate routine files the way a linter does.

Plain `print` only, no Rich and no Textual, so it starts quickly inside a pre-commit hook.
"""

from __future__ import annotations

from pathlib import Path

from bandtimer.coach import clock_time, plural
from bandtimer.domain.plan import build_plan
from bandtimer.domain.text import visible_controls
from bandtimer.storage.routines import RoutineError, load_routine


def check_files(files: list[str]) -> int:
    """Exit status 0 when every file is valid, 1 when any is not, with every problem printed."""
    failed = 0
    for name in files:
        path = Path(name)
        try:
            routine = load_routine(path)
        except RoutineError as error:
            failed += 1
            for problem in error.problems:
                print(problem)
            continue
        total = build_plan(routine).total_seconds
        count = plural(len(routine.exercises), "exercise")
        shown = visible_controls(str(path))  # a file name is shown, never obeyed
        print(f"{shown}: ok, {routine.name!r}: {count}, planned {clock_time(total)}")
    if failed:
        print(f"{plural(failed, 'file')} of {len(files)} with problems")
        return 1
    return 0
