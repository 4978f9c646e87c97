"""A JSON Schema for routine files, made from the field definitions the validator reads with.

Editors with a TOML language server (taplo, VS Code's Even Better TOML) read a `#:schema` line at
the top of a TOML file and then complete field names, show each field's description and mark a
wrong type, an unknown key or a number out of range as it is typed. The schema is built here from
`routines.validation`'s `ROUTINE_TOP_FIELDS`, `TIMING_FIELDS`, `BLOCK_OWN_FIELDS` and
`EXERCISE_FIELD_KINDS`, the same
objects that read every file, so a field added there (or a bound changed) is in the schema as soon
as `scripts/make_schema.py` writes it again, and a test fails until it has been.

`bandtimer check` stays the authority. The schema cannot say everything: a range's min ≤ max, a
progression that goes up, a plan of at most `MAX_SEGMENTS` segments, exercise names unique
within a routine, and whatever makes a file not TOML at all are only checked by bandtimer. The
exercise shapes (`SHAPES`) are written out here, and the test that runs every file in
tests/data/bad/ through both keeps them honest.
"""

from __future__ import annotations

import json
from typing import Any

from bandtimer.storage.routines.fields import Field
from bandtimer.storage.routines.validation import (
    BLOCK_OWN_FIELDS,
    EXERCISE_FIELD_KINDS,
    MAX_EXERCISES,
    ROUTINE_TOP_FIELDS,
    TIMING_FIELDS,
)

SCHEMA_PATH = "schema/routine.schema.json"
"""Where the schema is kept, from the top of the repository."""
DRAFT = "http://json-schema.org/draft-07/schema#"
"""Draft 7: what taplo and most editors' schema support read in full."""

SHAPES: dict[str, Any] = {
    "anyOf": [
        {"required": ["reps"], "title": "reps (maybe held or paced)"},
        {"required": ["hold"], "title": "a timed hold"},
        {"required": ["work"], "title": "a time-boxed set: as many reps as you can"},
    ],
    "not": {
        "required": ["tempo", "hold"],
        "description": "tempo and hold do not go together: tempo paces reps that are not held",
    },
    "dependencies": {
        "tempo": ["reps"],
        "progression": ["hold"],
        "count_reps": ["work"],
        "work": {
            "not": {"anyOf": [{"required": [key]} for key in ("reps", "hold", "tempo")]},
            "description": "work goes alone: a work set is as many reps as you can in its "
            "seconds, not with reps, hold or tempo",
        },
    },
}
"""Which dose fields make an exercise: reps (with a hold or a tempo), a timed hold, or work
alone."""


def routine_schema() -> dict[str, Any]:
    exercise = {
        "type": "object",
        "additionalProperties": False,
        "required": ["name"],
        "properties": _properties(EXERCISE_FIELD_KINDS),
        **SHAPES,
    }
    return {
        "$schema": DRAFT,
        "title": "bandtimer routine",
        "description": "One routine for bandtimer, a workout timer for resistance-band "
        "training. `bandtimer check FILE` is the authority; see docs/routine-format.md.",
        "type": "object",
        "additionalProperties": False,
        "required": ["name"],
        "anyOf": [
            {
                "required": ["exercise"],
                "properties": {"exercise": {"minItems": 1}},
                "title": "exercises",
            },
            {
                "required": ["block"],
                "properties": {"block": {"minItems": 1}},
                "title": "blocks of exercises",
            },
        ],
        "properties": {
            **_properties(ROUTINE_TOP_FIELDS),
            "timing": {
                "description": "The routine's defaults, in seconds.",
                "type": "object",
                "additionalProperties": False,
                "properties": _properties(TIMING_FIELDS),
            },
            "exercise": {
                "description": "The exercises done on their own: one [[exercise]] table each, "
                "done in the order of the file, among the blocks.",
                "type": "array",
                "maxItems": MAX_EXERCISES,
                "items": exercise,
            },
            "block": {
                "description": "Exercises done one after the other for some rounds (a circuit, "
                "a superset): one [[block]] table each, followed by its [[block.exercise]] "
                "tables, done in the order of the file, among the exercises on their own.",
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["exercise"],
                    "properties": {
                        **_properties(BLOCK_OWN_FIELDS),
                        "exercise": {
                            "description": "The block's exercises, in the order of a round.",
                            "type": "array",
                            "minItems": 1,
                            "maxItems": MAX_EXERCISES,
                            "items": exercise,
                        },
                    },
                },
            },
        },
    }


def schema_text() -> str:
    """The schema as schema/routine.schema.json holds it."""
    return json.dumps(routine_schema(), indent=2, ensure_ascii=False) + "\n"


def _properties(fields: dict[str, Field] | dict[str, Any]) -> dict[str, Any]:
    return {key: field.schema() for key, field in fields.items()}
