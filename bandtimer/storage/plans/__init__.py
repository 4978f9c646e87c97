"""Plan files (plans over weeks) and the active plan's state file.

`loading` reads and finds plan files, `validation` turns a document into a `TrainingPlan` with
the routine files' machinery (every problem with file, line and field), `state` keeps which
plan is followed, and `schema` writes schema/plan.schema.json from the same field definitions.
"""

from __future__ import annotations

from bandtimer.storage.plans.loading import (
    MAX_PLAN_BYTES,
    PlanEntry,
    PlanNotFound,
    discover_plans,
    find_plan,
    load_plan,
    looks_like_plan,
    parse_plan,
    routines_by_name,
)
from bandtimer.storage.plans.state import (
    ActivePlan,
    PlanStateError,
    clear_active_plan,
    read_active_plan,
    write_active_plan,
)
from bandtimer.storage.plans.validation import PlanError

__all__ = [
    "MAX_PLAN_BYTES",
    "ActivePlan",
    "PlanEntry",
    "PlanError",
    "PlanNotFound",
    "PlanStateError",
    "clear_active_plan",
    "discover_plans",
    "find_plan",
    "load_plan",
    "looks_like_plan",
    "parse_plan",
    "read_active_plan",
    "routines_by_name",
    "write_active_plan",
]
