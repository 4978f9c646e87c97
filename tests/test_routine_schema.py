"""schema/routine.schema.json: generated from the validator's own field definitions, committed
as generated, true to every shipped routine, and rejecting every bad file it can express."""

from __future__ import annotations

import tomllib
from pathlib import Path

import jsonschema
import pytest

from bandtimer.storage.routines import RoutineError, load_routine
from bandtimer.storage.routines.schema import SCHEMA_PATH, routine_schema, schema_text
from bandtimer.storage.routines.validation import (
    BLOCK_FIELDS,
    EXERCISE_FIELDS,
    ROUTINE_FIELDS,
    TIMING_BOUNDS,
)

ROOT = Path(__file__).resolve().parents[1]
BAD = ROOT / "tests" / "data" / "bad"
GOOD = sorted([*(ROOT / "routines").glob("*.toml"), *(ROOT / "tests" / "data" / "good").glob("*")])

BEYOND_THE_SCHEMA = {
    "duplicate_exercise_names.toml": "JSON Schema cannot compare a field of one item with the "
    "same field of another (uniqueItems compares whole exercises)",
    "min_greater_than_max.toml": "draft 7 cannot compare the two numbers of [min, max]",
    "progression_not_ascending.toml": "draft 7 cannot compare neighbouring items of a list",
    "invisible_name.toml": "which characters show is a matter of Unicode categories (format, "
    "unassigned, combining, separators), which a draft-7 pattern cannot name",
}
"""Bad files the schema accepts, and why: only `bandtimer check` finds these."""
NOT_A_DOCUMENT = {
    "duplicate_key.toml": "a key defined twice is not TOML",
    "duplicate_timing_table.toml": "a table defined twice is not TOML",
    "not_toml.toml": "not TOML",
    "not_utf8.toml": "not UTF-8 text",
}
"""Bad files that never become a document for a schema to check: an editor's TOML parser, or
`bandtimer check`, reports them."""


def validator() -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(routine_schema())


def test_the_committed_schema_is_the_generated_one() -> None:
    committed = (ROOT / SCHEMA_PATH).read_text(encoding="utf-8")
    assert committed == schema_text(), "run: .venv/bin/python scripts/make_schema.py"


def test_the_schema_is_valid_draft_7() -> None:
    jsonschema.Draft7Validator.check_schema(routine_schema())


def test_every_field_the_validator_knows_is_in_the_schema() -> None:
    properties = routine_schema()["properties"]
    assert set(properties) == set(ROUTINE_FIELDS)
    assert set(properties["timing"]["properties"]) == set(TIMING_BOUNDS)
    assert set(properties["exercise"]["items"]["properties"]) == set(EXERCISE_FIELDS)
    block = properties["block"]["items"]["properties"]
    assert set(block) == set(BLOCK_FIELDS)
    assert set(block["exercise"]["items"]["properties"]) == set(EXERCISE_FIELDS)


@pytest.mark.parametrize("path", GOOD, ids=lambda path: path.name)
def test_every_shipped_routine_is_valid_by_the_schema(path: Path) -> None:
    load_routine(path)
    errors = list(validator().iter_errors(tomllib.loads(path.read_text(encoding="utf-8"))))
    assert errors == []


@pytest.mark.parametrize("path", sorted(BAD.glob("*.toml")), ids=lambda path: path.name)
def test_every_bad_file_is_rejected_by_check_and_by_the_schema_if_it_can(path: Path) -> None:
    with pytest.raises(RoutineError):
        load_routine(path)
    if path.name in NOT_A_DOCUMENT:
        with pytest.raises((tomllib.TOMLDecodeError, UnicodeDecodeError)):
            tomllib.loads(path.read_bytes().decode("utf-8"))
        return
    errors = list(validator().iter_errors(tomllib.loads(path.read_text(encoding="utf-8"))))
    if path.name in BEYOND_THE_SCHEMA:
        assert errors == [], "the schema now rejects it: take it off BEYOND_THE_SCHEMA"
    else:
        assert errors, "the schema accepts a file bandtimer rejects"
