"""The 1, 2, 3 keys that say how an exercise felt, on the workout and on its summary.

How it felt decides when bandtimer suggests a heavier band, so the question is asked right
after each exercise and, for the last one, on the summary.
"""

from __future__ import annotations

from textual.binding import Binding

FEEL_BINDINGS = [
    Binding(
        key,
        f"rate('{feel}')",
        feel.title(),
        id=f"feel-{feel}",
        show=False,
        tooltip=f"the exercise just done felt {feel}",
    )
    for key, feel in (("1", "easy"), ("2", "right"), ("3", "hard"))
]


def feel_question(exercise_name: str | None) -> str:
    if exercise_name is None:
        return ""
    return f"How did {exercise_name} feel?  1 easy · 2 right · 3 hard"
