"""Which exercises a band picked with `c` goes to: the one on screen and the ones after it
that use the same kind of band.

A person who swaps the mini band for a heavier one at the clamshell keeps that band on for the
side walk that follows: asking again at every exercise would be asking the same thing. An
exercise with another kind of band (a long loop after mini bands), or none, keeps its own.
"""

from __future__ import annotations

from bandtimer.domain.routine import Routine


def exercises_sharing_band(routine: Routine, exercise_number: int) -> list[str]:
    """Names of exercise `exercise_number` (1-based) and of every later exercise of `routine`
    whose kind of band is the same; only the first when it names no kind of band."""
    exercises = routine.exercises
    chosen = exercises[exercise_number - 1]
    if chosen.band is None:
        return [chosen.name]
    later = [e.name for e in exercises[exercise_number:] if e.band is chosen.band]
    return list(dict.fromkeys([chosen.name, *later]))
