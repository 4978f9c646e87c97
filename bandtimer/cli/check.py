"""`bandtimer check FILE...`: validate routine and plan files the way a linter does.

Plain `print` only, no Rich and no Textual, so it starts quickly inside a pre-commit hook. A
file in a `plans` folder, or with a plan's own keys, is read as a plan, and checked against the
routines there are (shipped, the person's own, and any routine files checked alongside it).
"""

from __future__ import annotations

from pathlib import Path

from bandtimer.coach import clock_time, plural
from bandtimer.domain.plan import build_plan
from bandtimer.domain.routine import Routine
from bandtimer.domain.text import visible_controls
from bandtimer.storage.locations import Locations, shipped_routines_dir
from bandtimer.storage.routines import RoutineError, load_routine


def check_files(files: list[str], locations: Locations | None = None) -> int:
    """Exit status 0 when every file is valid, 1 when any is not, with every problem printed."""
    from bandtimer.storage.plans import looks_like_plan

    failed = 0
    paths = [Path(name) for name in files]
    plans = [path for path in paths if looks_like_plan(path)]
    checked: list[Routine] = []
    for path in paths:
        if path in plans:
            continue
        try:
            routine = load_routine(path)
        except RoutineError as error:
            failed += 1
            for problem in error.problems:
                print(problem)
            continue
        checked.append(routine)
        total = build_plan(routine).total_seconds
        count = plural(len(routine.exercises), "exercise")
        shown = visible_controls(str(path))  # a file name is shown, never obeyed
        print(f"{shown}: ok, {routine.name!r}: {count}, planned {clock_time(total)}")
    if plans:
        failed += _check_plans(plans, checked, locations)
    if failed:
        print(f"{plural(failed, 'file')} of {len(files)} with problems")
        return 1
    return 0


def _check_plans(paths: list[Path], checked: list[Routine], locations: Locations | None) -> int:
    """Check each plan against the routines it could use; the number that failed."""
    from bandtimer.storage.plans import PlanError, load_plan, routines_by_name
    from bandtimer.storage.routines import discover_routines

    user_dir = locations.user_routines_dir if locations is not None else Path("/nonexistent")
    routines = routines_by_name(discover_routines(shipped_routines_dir(), user_dir))
    routines |= {routine.name.casefold(): routine for routine in checked}
    failed = 0
    for path in paths:
        try:
            plan = load_plan(path, routines)
        except PlanError as error:
            failed += 1
            for problem in error.problems:
                print(problem)
            continue
        shown = visible_controls(str(path))
        weeks = plural(len(plan.weeks), "week")
        sessions = plural(plan.session_count, "session")
        print(f"{shown}: ok, plan {plan.name!r}: {weeks}, {sessions}")
    return failed
