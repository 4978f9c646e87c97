"""A JSON Schema for plan files, made from the field definitions the plan validator reads with,
as `routines.schema` does for routine files. `bandtimer check` stays the authority: whether a
week lists `sessions_per_week` routines, and whether the routines and exercises exist, only it
can say."""

from __future__ import annotations

import json
from typing import Any

from bandtimer.storage.plans.validation import (
    DOSE_FIELDS,
    MAX_DOSES,
    MAX_WEEKS,
    PLAN_TOP_FIELDS,
    WEEK_FIELDS,
)
from bandtimer.storage.routines.schema import DRAFT

SCHEMA_PATH = "schema/plan.schema.json"


def plan_schema() -> dict[str, Any]:
    dose = {
        "type": "object",
        "additionalProperties": False,
        "required": ["routine", "exercise"],
        "anyOf": [{"required": [key]} for key in ("sets", "hold")],
        "properties": _properties(DOSE_FIELDS),
    }
    week = {
        "type": "object",
        "additionalProperties": False,
        "required": ["sessions"],
        "properties": {
            **_properties(WEEK_FIELDS),
            "dose": {
                "description": "Exercises dosed differently from this week on: one "
                "[[week.dose]] table each.",
                "type": "array",
                "maxItems": MAX_DOSES,
                "items": dose,
            },
        },
    }
    return {
        "$schema": DRAFT,
        "title": "bandtimer plan",
        "description": "A plan over weeks for bandtimer: sessions by routine name, and the "
        "doses that change week by week. `bandtimer check FILE` is the authority; see "
        "docs/plan-format.md.",
        "type": "object",
        "additionalProperties": False,
        "required": ["name", "sessions_per_week", "week"],
        "properties": {
            **_properties(PLAN_TOP_FIELDS),
            "week": {
                "description": "The weeks, in order: one [[week]] table each.",
                "type": "array",
                "minItems": 1,
                "maxItems": MAX_WEEKS,
                "items": week,
            },
        },
    }


def schema_text() -> str:
    return json.dumps(plan_schema(), indent=2, ensure_ascii=False) + "\n"


def _properties(fields: dict[str, Any]) -> dict[str, Any]:
    return {key: field.schema() for key, field in fields.items()}
