"""Routine files the benchmarks need, written into a throw-away BANDTIMER_HOME.

Written as TOML text, the way a person writes them, and read back through bandtimer's own
loader, so a benchmark can never time a file the app would reject.
"""

from __future__ import annotations

import random
from pathlib import Path

from bandtimer.storage.locations import Locations, shipped_routines_dir
from bandtimer.storage.routines import RoutineEntry, discover_routines

ACCURACY_NAME = "Accuracy bench"
ACCURACY_HOLDS = (5, 10, 30, 60)
ACCURACY_GET_READY = 5
ACCURACY_REST = 10

KEYS_NAME = "Key bench"
KEYS_GET_READY = 300
"""The longest get-ready there is: nothing changes phase by itself while keys are timed."""


def accuracy_routine() -> str:
    """Holds of 5, 10, 30 and 60 s with 10 s rests: 140 s of segments that end by themselves."""
    lines = [
        f'name = "{ACCURACY_NAME}"',
        "[timing]",
        f"get_ready = {ACCURACY_GET_READY}",
        f"rest_between_exercises = {ACCURACY_REST}",
    ]
    for hold in ACCURACY_HOLDS:
        lines += ["[[exercise]]", f'name = "Hold {hold} s"', "sets = 1", f"hold = {hold}"]
    return "\n".join(lines) + "\n"


def keys_routine() -> str:
    return "\n".join(
        [
            f'name = "{KEYS_NAME}"',
            "[timing]",
            f"get_ready = {KEYS_GET_READY}",
            "[[exercise]]",
            'name = "Banded plank"',
            "sets = 1",
            "hold = 30",
        ]
    ) + "\n"


def write_routine(home: Path, stem: str, text: str) -> Path:
    folder = Locations.under(home).user_routines_dir
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.toml"
    path.write_text(text, encoding="utf-8")
    return path


EXERCISES = (
    "Glute bridge", "Clamshell", "Lateral band walk", "Monster walk", "Banded squat",
    "Hip thrust", "Fire hydrant", "Donkey kick", "Side plank", "Banded plank",
    "Standing kickback", "Hamstring curl", "Ankle dorsiflexion", "Ankle eversion",
    "Single-leg deadlift", "Pallof press", "Dead bug", "Bird dog", "Copenhagen plank",
    "Banded lunge",
)
FOCUS = ("Hip", "Glute", "Ankle", "Core", "Knee", "Hamstring", "Calf", "Stride", "Pelvis")
WHAT = ("stability", "strength", "activation", "prehab", "primer", "endurance", "reset")
TAGS = ("pre-run", "post-run", "rest-day", "strength", "mobility", "marathon", "trail")
BANDS = ("loop", "mini", "hip circle", "flat", "tube with handles")


def many_routines(home: Path, count: int, seed: int = 2024) -> list[Path]:
    """`count` valid, varied routine files: every exercise shape, ranges, sides, tags."""
    rng = random.Random(seed)
    paths = []
    for number in range(1, count + 1):
        name = f"{rng.choice(FOCUS)} {rng.choice(WHAT)} {number:03d}"
        paths.append(write_routine(home, f"routine-{number:03d}", _generated(rng, name)))
    return paths


def _generated(rng: random.Random, name: str) -> str:
    tags = ", ".join(f'"{tag}"' for tag in rng.sample(TAGS, rng.randint(0, 3)))
    lines = [
        f'name = "{name}"',
        f'description = "A generated routine for timing the menu ({name.lower()})."',
        f"tags = [{tags}]",
        'equipment = ["mini band", "mat"]',
        "[timing]",
        f"get_ready = {rng.choice((5, 10, 15))}",
        f"rest_between_sets = {rng.choice((15, 30, 45))}",
        f"rest_between_exercises = {rng.choice((30, 45, 60))}",
        f"switch_sides = {rng.choice((3, 5))}",
    ]
    for exercise in rng.sample(EXERCISES, rng.randint(2, 9)):
        lines += [
            "[[exercise]]",
            f'name = "{exercise}"',
            f'band = "{rng.choice(BANDS)}"',
            'placement = "around the thighs, just above the knees"',
            f"sets = {_amount(rng, 1, 4)}",
            'steps = ["Set up with the band taut.", "Move slowly.", "Return with control."]',
            'why = "Runners need it."',
        ]
        if rng.random() < 0.4:
            lines.append('sides = "each"')
        shape = rng.choice(("hold", "held reps", "tempo", "counted"))
        if shape == "hold":
            lines.append(f"hold = {_amount(rng, 10, 45)}")
        else:
            lines.append(f"reps = {_amount(rng, 6, 15)}")
            if shape == "held reps":
                lines.append(f"hold = {rng.choice((5, 8, 10))}")
            elif shape == "tempo":
                lines.append(f"tempo = {rng.choice((1.5, 2.0, 3.0))}")
    return "\n".join(lines) + "\n"


def _amount(rng: random.Random, low: int, high: int) -> str:
    """A number, or sometimes a [min, max] range, as the format allows."""
    first = rng.randint(low, high)
    if rng.random() < 0.5:
        return str(first)
    return f"[{first}, {rng.randint(first, high)}]"


def entries(home: Path) -> list[RoutineEntry]:
    """What the menu lists for `home`: found and read by bandtimer's own code."""
    return discover_routines(shipped_routines_dir(), Locations.under(home).user_routines_dir)


def check_all_valid(home: Path) -> list[RoutineEntry]:
    found = entries(home)
    broken = [entry for entry in found if not entry.ok]
    if broken:
        raise ValueError(f"generated routine {broken[0].path} is invalid: {broken[0].problems}")
    return found
