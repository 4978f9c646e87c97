"""Whatever a plan file holds, loading it ends in a TrainingPlan or a PlanError, never a crash.

Fuzzed as routine files are (tests/robustness/test_routine_fuzz.py, whose checks of an error are
reused): random bytes and TOML fragments, plan-shaped documents with mostly plausible values,
any valid TOML, and the shipped plan with exactly one thing changed the way a person editing it
changes things. Loaded against the shipped routines, so the checks of routine and exercise names
and of doses within the routines' ranges are fuzzed too.
"""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import event, given, settings
from hypothesis import strategies as st

from bandtimer.domain.plan import build_plan
from bandtimer.domain.weekly_plan import TrainingPlan, week_change
from bandtimer.storage.locations import shipped_routines_dir
from bandtimer.storage.plans import PlanError, load_plan, routines_by_name
from bandtimer.storage.routines import discover_routines
from tests.robustness.test_routine_fuzz import (
    FUZZ,
    HANG_ALARM_SECONDS,
    hang_alarm,
    mostly,
    plain_values,
    routine_files,
    tables,
    toml_values,
)

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "plans" / "six-weeks-to-mini-band.toml"
SHIPPED_DOCUMENT = tomllib.loads(SHIPPED.read_text("utf-8"))
ROUTINES = routines_by_name(discover_routines(shipped_routines_dir(), Path("/nonexistent")))
ROUTINE_NAMES = sorted(routine.name for routine in ROUTINES.values())


def load_and_check_plan(path: Path) -> TrainingPlan | PlanError:
    outcome: TrainingPlan | PlanError
    with hang_alarm(HANG_ALARM_SECONDS):
        try:
            outcome = load_plan(path, ROUTINES)
        except PlanError as error:
            outcome = error
    if isinstance(outcome, PlanError):
        line_count = path.read_bytes().count(b"\n") + 1
        assert outcome.problems, "a PlanError with no problem in it"
        for problem in outcome.problems:
            assert problem.message.strip()
            assert str(problem).startswith(str(path)), f"does not name the file: {problem}"
            assert problem.line is None or 1 <= problem.line <= line_count, str(problem)
            assert len(str(problem).splitlines()) == 1, str(problem)
    else:
        # A plan that loads names only routines there are, and each week's doses time a plan.
        for week in outcome.weeks:
            assert len(week.sessions) == outcome.sessions_per_week
            for name in week.sessions:
                routine = ROUTINES[name.casefold()]
                changes = outcome.doses_for(week.number, name)
                doses = {
                    number: week_change(exercise, None, changes[exercise.name.casefold()]).after
                    for number, exercise in enumerate(routine.exercises, start=1)
                    if exercise.name.casefold() in changes
                }
                assert build_plan(routine, doses).segments
    return outcome


def write(folder: Path, document: dict[str, Any]) -> Path:
    path = folder / "fuzzed-plan.toml"
    path.write_bytes(tomli_w.dumps(document).encode("utf-8"))
    return path


names = mostly(st.sampled_from(ROUTINE_NAMES) | st.text(min_size=1, max_size=12))
exercises = mostly(st.sampled_from(["Banded plank", "Glute bridge", "Lateral banded walk", "x"]))
dose_tables = st.fixed_dictionaries(
    {"routine": names, "exercise": exercises},
    optional={
        "sets": mostly(st.integers(-1, 25)),
        "hold": mostly(st.sampled_from([5, 10, 30, 45, 60, 61, 0])),
        "reps": plain_values,
    },
)
week_tables = st.fixed_dictionaries(
    {"sessions": mostly(st.lists(names, max_size=4))},
    optional={"dose": st.lists(dose_tables, max_size=3), "note": mostly(st.text(max_size=10))},
)
plan_documents = st.fixed_dictionaries(
    {"name": mostly(st.text(min_size=1, max_size=12)), "week": st.lists(week_tables, max_size=4)},
    optional={"sessions_per_week": mostly(st.integers(0, 8)), "notes": plain_values},
)


@settings(FUZZ, max_examples=200)
@given(content=routine_files)
def test_any_bytes_load_or_fail_with_plan_error(
    content: bytes, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.getbasetemp() / "fuzzed-plan.toml"
    path.write_bytes(content)
    event(type(load_and_check_plan(path)).__name__)


@settings(FUZZ, max_examples=200)
@given(document=plan_documents)
def test_any_plan_shaped_document_loads_or_fails_with_plan_error(
    document: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = write(tmp_path_factory.getbasetemp(), document)
    event(type(load_and_check_plan(path)).__name__)


@settings(FUZZ, max_examples=100)
@given(
    document=st.fixed_dictionaries({"name": toml_values, "week": st.lists(tables) | toml_values})
)
def test_any_valid_toml_loads_or_fails_with_plan_error(
    document: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> None:
    event(type(load_and_check_plan(write(tmp_path_factory.getbasetemp(), document))).__name__)


@st.composite
def one_edit(draw: st.DrawFn) -> dict[str, Any]:
    """The shipped plan with one thing changed: a key gone, a value replaced, a week copied."""
    document = copy.deepcopy(SHIPPED_DOCUMENT)
    week = draw(st.integers(0, len(document["week"]) - 1))
    table = document["week"][week]
    choice = draw(st.sampled_from(["top", "week", "dose", "copy week", "drop week"]))
    if choice == "top":
        key = draw(st.sampled_from([*document, "sesions_per_week"]))
        if draw(st.booleans()) and key in document:
            del document[key]
        else:
            document[key] = draw(plain_values)
    elif choice == "week":
        key = draw(st.sampled_from(["sessions", "note", "dose", "sesions"]))
        table[key] = draw(plain_values | st.lists(names, max_size=3))
    elif choice == "dose" and table.get("dose"):
        dose = draw(st.sampled_from(table["dose"]))
        key = draw(st.sampled_from(["routine", "exercise", "sets", "hold", "reps"]))
        dose[key] = draw(plain_values | names | st.integers(-5, 70))
    elif choice == "copy week":
        document["week"].insert(week, copy.deepcopy(table))
    elif len(document["week"]) > 1:
        del document["week"][week]
    return document


@settings(FUZZ, max_examples=200)
@given(document=one_edit())
def test_the_shipped_plan_with_one_edit_loads_or_fails_with_plan_error(
    document: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> None:
    event(type(load_and_check_plan(write(tmp_path_factory.getbasetemp(), document))).__name__)
