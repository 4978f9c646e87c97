"""What is wrong with a routine file, said so that a person can fix it without reading code.

Routine files are written by hand, so mistakes are normal and every one of them is reported at
once, each pointing at the file, the line, the exercise and the field, and saying what was
expected and what was found. A `Problem` is plain data so that `bandtimer check`, the menu and
the tests can all show or compare it; `RoutineError` carries all of them out of the loader.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from bandtimer.domain.text import visible_controls

_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029]")
"""What json.dumps leaves as it is but a terminal or `splitlines()` may take as a break."""
_SHOWN_LENGTH = 60
_SHOWN_DEPTH = 3


@dataclass(frozen=True)
class Problem:
    """One mistake in a routine file; `str()` is the line a person reads.

    `field` is the key as written in the file (`"hold"`, `"timing.get_ready"`), or None for a
    problem with the file as a whole. `line` is None when the file has no line for it, such as a
    field that is missing.
    """

    path: Path
    line: int | None
    exercise_number: int | None
    exercise_name: str | None
    field: str | None
    message: str
    block_number: int | None = None
    """For a problem with a `[[block]]`'s own fields: which block (1-based)."""
    block_name: str | None = None

    def __str__(self) -> str:
        path = visible_controls(str(self.path))  # a file name is shown, never obeyed
        where = path if self.line is None else f"{path}:{self.line}"
        if self.block_number is not None:
            block = f"block {self.block_number}"
            if self.block_name:
                block += f" {quoted(self.block_name)}"
            return f"{where}: {block}: {self.message}"
        if self.exercise_number is None:
            return f"{where}: {self.message}"
        exercise = f"exercise {self.exercise_number}"
        if self.exercise_name is not None:
            exercise += f" {quoted(self.exercise_name)}"
        return f"{where}: {exercise}: {self.message}"


class RoutineError(Exception):
    """A routine file that cannot be used, with every problem found in it, one per line."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    def __str__(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)


def quoted(text: str) -> str:
    """Text in double quotes, with quotes and line breaks escaped so a message stays one line."""
    return _UNSAFE.sub(_escape, json.dumps(text, ensure_ascii=False))


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match[0]):04x}"


def shown(value: object) -> str:
    """A value found in a file, written the way TOML writes it, and cut short if it is long."""
    text = _as_toml(value, _SHOWN_DEPTH)
    if len(text) > _SHOWN_LENGTH:
        return text[: _SHOWN_LENGTH - 1] + "…"
    return text


def _as_toml(value: object, depth: int) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return quoted(value)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # "nan", "inf", "-inf", as TOML spells them
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        if depth == 0:
            return "[…]"
        return "[" + ", ".join(_as_toml(item, depth - 1) for item in value) + "]"
    if isinstance(value, dict):
        return "a table" if depth == _SHOWN_DEPTH else "{…}"
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)
