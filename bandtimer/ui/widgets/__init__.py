"""The widgets the screens are built from.

Callers import from here; each name is imported on first use (see `bandtimer.lazy_face`), so
importing the package costs nothing until something is asked for.
"""

from __future__ import annotations

from bandtimer.lazy_face import lazy_face

_WHERE = {
    "size_at": "big_number",
    "CalendarHeatmap": "calendar",
    "LastDone": "routine_list",
    "RoutineList": "routine_list",
    "entry_matches": "routine_list",
    "routine_size": "routine_list",
    "RoutinePreview": "routine_preview",
    "ExerciseTrend": "trends",
    "TrendsPanel": "trends",
    "exercise_trends": "trends",
    "WorkoutDisplay": "workout_display",
    "HangingIndent": "hanging_indent",
    "entry_match": "routine_list",
}

__all__ = [
    "CalendarHeatmap",
    "ExerciseTrend",
    "HangingIndent",
    "LastDone",
    "RoutineList",
    "RoutinePreview",
    "TrendsPanel",
    "WorkoutDisplay",
    "entry_match",
    "entry_matches",
    "exercise_trends",
    "routine_size",
    "size_at",
]

__getattr__ = lazy_face(__name__, _WHERE)
