"""Plan files: the shipped plan loads, every mistake is reported with file, line and field, a
routine or exercise that does not exist is named with the plan, and the schema is current."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import jsonschema
import pytest

from bandtimer.storage.locations import shipped_plans_dir, shipped_routines_dir
from bandtimer.storage.plans import (
    PlanError,
    discover_plans,
    find_plan,
    load_plan,
    parse_plan,
    routines_by_name,
)
from bandtimer.storage.plans.schema import SCHEMA_PATH, schema_text
from bandtimer.storage.routines import discover_routines

ROOT = Path(__file__).resolve().parents[2]
ROUTINES = routines_by_name(discover_routines(shipped_routines_dir(), Path("/nonexistent")))
PATH = Path("plans/mine.toml")

GOOD = """\
name = "Two weeks"
sessions_per_week = 2

[[week]]
sessions = ["Quick try", "Mini band weekday"]

[[week]]
note = "The plank longer."
sessions = ["Mini band weekday", "quick try"]

[[week.dose]]
routine = "Mini band weekday"
exercise = "Banded plank"
hold = 30
"""


def problems(text: str) -> list[str]:
    with pytest.raises(PlanError) as raised:
        parse_plan(text, PATH, ROUTINES)
    return [str(problem) for problem in raised.value.problems]


def test_the_shipped_plan_loads_against_the_shipped_routines() -> None:
    entries = discover_plans(shipped_plans_dir(), Path("/nonexistent"), ROUTINES)
    assert [entry.problems for entry in entries] == [()]
    plan = find_plan(entries, "six")
    assert len(plan.weeks) == 6 and plan.sessions_per_week == 2


def test_a_good_plan_reads_as_written() -> None:
    plan = parse_plan(GOOD, PATH, ROUTINES)
    assert plan.weeks[1].sessions == ("Mini band weekday", "quick try")
    assert plan.weeks[1].note == "The plank longer."
    (change,) = plan.weeks[1].doses
    assert (change.exercise, change.hold, change.sets, change.line) == (
        "Banded plank",
        30,
        None,
        11,
    )


def test_a_routine_that_does_not_exist_names_the_plan_and_the_routine() -> None:
    text = GOOD.replace('"Quick try", "Mini band weekday"', '"Quick try", "Mini band weekdy"')
    assert problems(text) == [
        'plans/mine.toml:5: week 1: plan "Two weeks" names routine "Mini band weekdy", which '
        'does not exist; did you mean "Mini band weekday"? (session 2)'
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "sessions_per_week = 2",
            "sessions_per_week = 9",
            "plans/mine.toml:2: sessions_per_week must be 1–7, got 9",
        ),
        (
            'sessions = ["Quick try", "Mini band weekday"]',
            'sessions = ["Quick try"]',
            "plans/mine.toml:5: week 1: sessions must list 2 routines (sessions_per_week is 2), "
            "got 1",
        ),
        (
            'sessions = ["Quick try", "Mini band weekday"]',
            'sessions = ["Quick try", 3]',
            "plans/mine.toml:5: week 1: sessions item 2 must be a routine's name in quotes, got 3",
        ),
        (
            'note = "The plank longer."',
            'note = "The plank longer."\nsesions = []',
            'plans/mine.toml:9: week 2: unknown field "sesions", did you mean "sessions"?',
        ),
        (
            "hold = 30",
            "hold = 35",
            "plans/mine.toml:14: week 2, dose 1: hold must be one of 10, 30, 45, 60 s for "
            '"Banded plank" in "Mini band weekday", as its routine allows, got 35',
        ),
        (
            "hold = 30",
            "hold = 90",
            "plans/mine.toml:14: week 2, dose 1: hold must be 5–60 seconds, got 90",
        ),
        (
            "hold = 30",
            "sets = 3",
            'plans/mine.toml:14: week 2, dose 1: sets must be 1 for "Banded plank" in "Mini band '
            'weekday", as its routine allows, got 3',
        ),
        (
            'exercise = "Banded plank"',
            'exercise = "Banded plonk"',
            'plans/mine.toml:13: week 2, dose 1: routine "Mini band weekday" has no exercise '
            '"Banded plonk"; its exercises are "Ankle plantar flexion", "Lateral banded walk", '
            '"Banded squat with side leg lift", "Banded plank", "Standing leg extension", '
            '"Isometric lunge and row", "Deadbug with band", "Glute bridge"',
        ),
        (
            'routine = "Mini band weekday"',
            'routine = "Nope"',
            'plans/mine.toml:12: week 2, dose 1: plan "Two weeks" names routine "Nope", which '
            "does not exist; `bandtimer list` shows the routines there are",
        ),
        (
            'routine = "Mini band weekday"',
            'routine = ""',
            "plans/mine.toml:12: week 2, dose 1: routine must not be empty",
        ),
        (
            "[[week.dose]]",
            "[week.dose]",
            "plans/mine.toml:11: week 2: dose changes must be written [[week.dose]], got a table",
        ),
    ],
)
def test_each_mistake_says_file_line_part_and_field(old: str, new: str, expected: str) -> None:
    text = GOOD.replace(old, new)
    assert text != GOOD
    assert problems(text) == [expected]


def test_reps_cannot_change_and_a_dose_change_must_change_something() -> None:
    assert problems(GOOD.replace("hold = 30", "reps = 3")) == [
        "plans/mine.toml:11: week 2, dose 1: a dose change needs sets, hold or both",
        'plans/mine.toml:14: week 2, dose 1: unknown field "reps"; the fields are routine, '
        "exercise, sets, hold",
    ]


def test_a_file_with_no_weeks_or_sessions_says_so() -> None:
    assert problems('name = "Empty"\n') == [
        "plans/mine.toml: sessions_per_week is required",
        "plans/mine.toml: the plan has no weeks: add at least one [[week]]",
    ]


def test_not_toml_is_a_problem_at_its_line() -> None:
    assert problems('name = "x"\nsessions_per_week = \n') == [
        "plans/mine.toml:2: is not valid TOML: invalid value (column 21)"
    ]


def test_a_plan_of_the_persons_own_replaces_a_shipped_one(tmp_path: Path) -> None:
    shipped = tomllib.loads((ROOT / "plans" / "six-weeks-to-mini-band.toml").read_text("utf-8"))
    mine = tmp_path / "mine.toml"
    mine.write_text(GOOD.replace('"Two weeks"', json.dumps(shipped["name"])), encoding="utf-8")
    entries = discover_plans(shipped_plans_dir(), tmp_path, ROUTINES)
    assert [(entry.origin, entry.path) for entry in entries] == [("user", mine)]
    assert len(load_plan(mine, ROUTINES).weeks) == 2


def test_the_schema_is_current_and_accepts_the_shipped_plan() -> None:
    committed = (ROOT / SCHEMA_PATH).read_text(encoding="utf-8")
    assert committed == schema_text(), "run scripts/make_schema.py"
    schema = json.loads(committed)
    for path in (ROOT / "plans").glob("*.toml"):
        jsonschema.validate(tomllib.loads(path.read_text("utf-8")), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(tomllib.loads(GOOD.replace("hold = 30", "")), schema)
