"""Reading one field of a routine file: check its type and bounds, or say what is wrong with it.

Each reader returns the value when it is good and None when it is missing or bad; a bad value is
reported to the `Reporter` rather than raised, so one pass over a file finds every mistake in it.
TOML parses `true` as a bool, which Python also counts as an int; the readers never accept a bool
for a number.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from enum import Enum
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import TypeGuard, TypeVar

from bandtimer.domain.routine import IntRange
from bandtimer.domain.text import visible_controls
from bandtimer.storage.routines.problems import Problem, quoted, shown
from bandtimer.storage.routines.toml_lines import KeyPath, LineIndex

Table = Mapping[str, object]
EnumType = TypeVar("EnumType", bound=Enum)

_INVISIBLE = frozenset({"Cc", "Cf", "Cn", "Co", "Cs", "Mn", "Me", "Zl", "Zp", "Zs"})
"""Unicode categories that draw nothing by themselves: controls, zero-width formatting (U+200B),
unassigned, combining marks, separators. A name made only of these shows as a blank."""
_NOT_IN_A_NAME = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
"""Control characters and line breaks (Unicode's categories Cc, Zl and Zp, which are exactly
these): a name is shown on one line of a list."""


@dataclass(frozen=True)
class Bounds:
    """The inclusive limits a number in a routine file must keep to."""

    low: float
    high: float
    unit: str = ""

    def __contains__(self, value: float) -> bool:
        return self.low <= value <= self.high

    def __str__(self) -> str:
        limits = f"{self.low:g}–{self.high:g}"
        return f"{limits} {self.unit}" if self.unit else limits


@dataclass(frozen=True)
class Reporter:
    """Collects the problems of one part of a file: the top level, `[timing]` or one exercise."""

    path: Path
    lines: LineIndex
    problems: list[Problem] = field(default_factory=list)
    table: KeyPath = ()
    """Where this part is in the document, e.g. `("exercise", 2)`."""
    label_prefix: str = ""
    """Put before a key in messages, e.g. `"timing."`."""
    exercise_number: int | None = None
    exercise_name: str | None = None
    block_number: int | None = None
    block_name: str | None = None

    def label(self, key: str) -> str:
        return self.label_prefix + key

    def report(self, key: str | None, message: str) -> None:
        """Adds a problem with `key` (None: with this part as a whole)."""
        path = self.table if key is None else (*self.table, key)
        self.problems.append(
            Problem(
                path=self.path,
                line=self.lines.nearest(path),
                exercise_number=self.exercise_number,
                exercise_name=self.exercise_name,
                field=None if key is None else self.label(key),
                block_number=self.block_number,
                block_name=self.block_name,
                message=message,
            )
        )

    def within(self, key: str | int, label_prefix: str = "") -> Reporter:
        """A reporter for the table at `key` of this one, sharing the same list of problems."""
        return replace(self, table=(*self.table, key), label_prefix=label_prefix)

    def for_exercise(
        self, number: int, name: str | None = None, table: KeyPath | None = None
    ) -> Reporter:
        """A reporter for the routine's `number`th exercise, named `name` once its name is
        read, whose table is at `table` (the `number`th `[[exercise]]` unless said).

        Made directly rather than with `replace`: a routine folder can hold hundreds of files
        with several exercises each, and the menu reads them all before it is drawn."""
        return Reporter(
            self.path, self.lines, self.problems, table or ("exercise", number),
            self.label_prefix, number, name,
        )  # fmt: skip

    def for_block(self, number: int, name: str | None = None) -> Reporter:
        """A reporter for the `number`th `[[block]]`, named `name` if it has one."""
        return Reporter(
            self.path, self.lines, self.problems, ("block", number), "", None, None, number, name
        )


def check_keys(table: Table, known: Collection[str], at: Reporter) -> None:
    """Reports every key that is not in `known`, so no typo is lost.

    A key that is only misspelt gets the one key it was meant to be (`spelt_as`); anything else
    lists the table's fields. A suggestion is never a key of another table or a word that means
    something else."""
    for key in table:
        if key in known:
            continue
        close = spelt_as(key, known)
        if close is not None:
            suggestion = f", did you mean {quoted(at.label(close))}?"
        else:
            suggestion = "; the fields are " + ", ".join(known)
        at.report(key, f"unknown field {quoted(at.label(key))}{suggestion}")


def spelt_as(word: str, known: Collection[str]) -> str | None:
    """The one word of `known` that `word` is a misspelling of, or None.

    Only a slip of the keys counts: a letter or two wrong, missing, extra or swapped, or `-` or
    a space for `_`, ignoring case. A different word is never suggested, however alike it looks
    ("rounds" is not "sets", "notes" is not "steps", "tube with ankle strap" is not "tube with
    handles"), because a suggestion taken changes what the file means. When two known words
    are equally close, neither is offered."""
    typed = _spelling(word)
    allowed = 1 if len(typed) <= 5 else 2
    distances = {option: _edits(typed, _spelling(option), allowed) for option in known}
    best = min(distances.values(), default=allowed + 1)
    closest = [option for option, distance in distances.items() if distance == best]
    return closest[0] if best <= allowed and len(closest) == 1 else None


def _spelling(word: str) -> str:
    return re.sub(r"[\s_-]+", "_", word.strip().casefold())


def _edits(a: str, b: str, most: int) -> int:
    """Letters inserted, deleted, changed or swapped with a neighbour to turn `a` into `b`
    (optimal string alignment), or `most + 1` once it is past `most`."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    before: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, other in enumerate(b, start=1):
            current[j] = min(
                previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other)
            )
            if before is not None and i > 1 and j > 1 and char == b[j - 2] and a[i - 2] == other:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > most:
            return most + 1
        before, previous = previous, current
    return min(previous[-1], most + 1)


# How much text a routine may hold, far above what the shipped ones use (the longest text, a
# routine's notes, has 213 characters; a step 63; a placement 73; a list 7 items). Without
# bounds a valid file with a megabyte-long description took the menu ten seconds to open;
# bench/largest_routine.py measures a routine with every limit reached.
MAX_NAME = 10_000
MAX_TEXT = 2_000
"""Characters in a paragraph: a description, notes, a source, an exercise's why."""
MAX_PHRASE = 200
"""Characters in a phrase: a placement, an anchor, and each step, tag, muscle or piece of
equipment. The menu's preview shows every exercise's placement and anchor."""
MAX_ITEMS = 20
"""Items in one list."""


def _too_long(value: str, key: str, at: Reporter, most: int, *, item: int | None = None) -> bool:
    """Whether `value` is over `most` characters, which is reported (for item `item` of a list)."""
    if len(value) <= most:
        return False
    what = at.label(key) if item is None else f"{at.label(key)} item {item}"
    at.report(key, f"{what} must be at most {most:,} characters, got {len(value):,}")
    return True


def read_name(table: Table, at: Reporter) -> str | None:
    """A required name, without surrounding whitespace: non-empty and on one line."""
    value = table.get("name")
    label = at.label("name")
    if value is None:
        at.report("name", f"{label} is required")
        return None
    if not isinstance(value, str):
        at.report("name", f"{label} must be text in quotes, got {shown(value)}")
        return None
    name = value.strip()
    if not name:
        at.report("name", f"{label} must not be empty")
        return None
    if _too_long(name, "name", at, MAX_NAME):
        return None
    if not any(unicodedata.category(char) not in _INVISIBLE for char in name):
        spelled = "".join(f"\\u{ord(char):04x}" for char in value[:16])
        at.report("name", f'{label} must have a character that shows, got "{spelled}"')
        return None
    if _NOT_IN_A_NAME.search(name):
        at.report(
            "name", f"{label} must be one line without control characters, got {shown(value)}"
        )
        return None
    return name


def read_text(table: Table, key: str, at: Reporter, *, most: int = MAX_TEXT) -> str | None:
    """Text as written, of at most `most` characters: nothing is stripped or interpreted, and
    control characters are shown as symbols (`visible_controls`)."""
    value = table.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return None if _too_long(value, key, at, most) else visible_controls(value)
    at.report(key, f"{at.label(key)} must be text in quotes, got {shown(value)}")
    return None


def read_texts(
    table: Table, key: str, at: Reporter, *, single: bool = False
) -> tuple[str, ...] | None:
    """A list of strings; with `single`, one string on its own is a list of one."""
    value = table.get(key)
    if value is None:
        return None
    if single and isinstance(value, str):
        return None if _too_long(value, key, at, MAX_PHRASE) else (visible_controls(value),)
    if not isinstance(value, list):
        expected = "a string or a list of strings" if single else "a list of strings"
        at.report(key, f"{at.label(key)} must be {expected}, got {shown(value)}")
        return None
    if len(value) > MAX_ITEMS:
        at.report(key, f"{at.label(key)} must list at most {MAX_ITEMS}, got {len(value):,}")
        return None
    texts: list[str] = []
    for number, item in enumerate(value, start=1):
        if isinstance(item, str):
            if not _too_long(item, key, at, MAX_PHRASE, item=number):
                texts.append(visible_controls(item))
        else:
            at.report(key, f"{at.label(key)} item {number} must be a string, got {shown(item)}")
    return tuple(texts) if len(texts) == len(value) else None


def read_seconds(table: Table, key: str, at: Reporter, bounds: Bounds) -> int | None:
    """A whole number of seconds within `bounds`."""
    value = table.get(key)
    if value is None:
        return None
    if not is_whole(value):
        at.report(key, f"{at.label(key)} must be a whole number of seconds, got {shown(value)}")
        return None
    if value not in bounds:
        at.report(key, f"{at.label(key)} must be {bounds}, got {shown(value)}")
        return None
    return value


def read_range(table: Table, key: str, at: Reporter, bounds: Bounds) -> IntRange | None:
    """A whole number or `[min, max]`, both ends within `bounds`."""
    value = table.get(key)
    if value is None:
        return None
    label = at.label(key)
    if is_whole(value):
        low = high = value
    elif not isinstance(value, list) or not all(is_whole(end) for end in value):
        at.report(key, f"{label} must be a whole number or [min, max], got {shown(value)}")
        return None
    elif len(value) != 2:
        at.report(key, f"{label} must be [min, max] with exactly two numbers, got {shown(value)}")
        return None
    else:
        low, high = value
        if low > high:
            at.report(key, f"{label} must be [min, max] with min ≤ max, got {shown(value)}")
            return None
    if low not in bounds or high not in bounds:
        at.report(key, f"{label} must be {bounds}, got {shown(value)}")
        return None
    return IntRange(low, high)


def read_number(table: Table, key: str, at: Reporter, bounds: Bounds) -> float | None:
    """A number of seconds, whole or not, within `bounds`."""
    value = table.get(key)
    if value is None:
        return None
    label = at.label(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        at.report(key, f"{label} must be a number of seconds, got {shown(value)}")
        return None
    if value not in bounds:
        at.report(key, f"{label} must be {bounds}, got {shown(value)}")
        return None
    return float(value)


def read_choice(table: Table, key: str, at: Reporter, choices: type[EnumType]) -> EnumType | None:
    """One of an enum's values, spelled exactly as the enum spells it."""
    value = table.get(key)
    if value is None:
        return None
    allowed = _values_of(choices)
    if isinstance(value, str) and value in allowed:
        return choices(value)
    expected = ", ".join(quoted(choice) for choice in allowed)
    message = f"{at.label(key)} must be one of {expected}, got {shown(value)}"
    if isinstance(value, str):
        close = spelt_as(value, allowed)
        if close is not None:
            message += f", did you mean {quoted(close)}?"
    at.report(key, message)
    return None


@cache
def _values_of(choices: type[Enum]) -> list[str]:
    """An enum's values as a file spells them; worked out once per enum, not once per field."""
    return [str(choice.value) for choice in choices]


def read_progression(table: Table, at: Reporter, bounds: Bounds) -> tuple[int, ...] | None:
    """Hold seconds to step up through, each within `bounds`, easiest first."""
    value = table.get("progression")
    if value is None:
        return None
    label = at.label("progression")
    if not isinstance(value, list):
        at.report("progression", f"{label} must be a list of hold seconds, got {shown(value)}")
        return None
    steps: list[int] = []
    for number, item in enumerate(value, start=1):
        if not is_whole(item):
            message = f"{label} item {number} must be a whole number of seconds, got {shown(item)}"
        elif item not in bounds:
            message = f"{label} item {number} must be {bounds}, got {shown(item)}"
        else:
            steps.append(item)
            continue
        at.report("progression", message)
    if len(steps) != len(value):
        return None
    if any(later <= earlier for earlier, later in pairwise(steps)):
        at.report("progression", f"{label} must go up, easiest first, got {shown(value)}")
        return None
    return tuple(steps)


def read_flag(table: Table, key: str, at: Reporter) -> bool | None:
    """`true` or `false`, and nothing TOML might be mistaken for them ("no", 0)."""
    value = table.get(key)
    if value is None or isinstance(value, bool):
        return value
    at.report(key, f"{at.label(key)} must be true or false, got {shown(value)}")
    return None


def is_whole(value: object) -> TypeGuard[int]:
    """An int from TOML, which a bool is not, whatever Python thinks."""
    return isinstance(value, int) and not isinstance(value, bool)


# -- the kinds of field, each reading itself and describing itself as JSON Schema ----------------
# The validator reads a routine file through these, and `routines.schema` builds
# schema/routine.schema.json from the very same objects, so the two cannot disagree about which
# fields there are, what type each holds or what its bounds are.

JsonSchema = dict[str, object]


def _whole_within(bounds: Bounds) -> JsonSchema:
    return {"type": "integer", "minimum": _number(bounds.low), "maximum": _number(bounds.high)}


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _range_words(bounds: Bounds) -> str:
    return f"{bounds.low:g}–{bounds.high:g}" + (f" {bounds.unit}" if bounds.unit else "")


@dataclass(frozen=True)
class NameField:
    """A required name on one line (`read_name`)."""

    description: str

    def read(self, table: Table, key: str, at: Reporter) -> str | None:
        return read_name(table, at)

    def schema(self) -> JsonSchema:
        return {
            "type": "string",
            "description": self.description,
            "maxLength": MAX_NAME,
            "pattern": "^[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]*\\S"
            "[^\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]*$",
        }


@dataclass(frozen=True)
class TextField:
    """Free text of at most `most` characters (`read_text`)."""

    description: str
    most: int = MAX_TEXT

    def read(self, table: Table, key: str, at: Reporter) -> str | None:
        return read_text(table, key, at, most=self.most)

    def schema(self) -> JsonSchema:
        return {"type": "string", "description": self.description, "maxLength": self.most}


@dataclass(frozen=True)
class TextsField:
    """A list of strings (`read_texts`); with `single`, one string is a list of one."""

    description: str
    single: bool = False

    def read(self, table: Table, key: str, at: Reporter) -> tuple[str, ...] | None:
        return read_texts(table, key, at, single=self.single)

    def schema(self) -> JsonSchema:
        phrase: JsonSchema = {"type": "string", "maxLength": MAX_PHRASE}
        texts: JsonSchema = {"type": "array", "items": phrase, "maxItems": MAX_ITEMS}
        if self.single:
            return {"description": self.description, "oneOf": [phrase, texts]}
        return {"description": self.description, **texts}


@dataclass(frozen=True)
class SecondsField:
    """A whole number of seconds within bounds (`read_seconds`)."""

    bounds: Bounds
    description: str

    def read(self, table: Table, key: str, at: Reporter) -> int | None:
        return read_seconds(table, key, at, self.bounds)

    def schema(self) -> JsonSchema:
        words = f"{self.description} ({_range_words(self.bounds)})"
        return {"description": words, **_whole_within(self.bounds)}


@dataclass(frozen=True)
class RangeField:
    """A whole number or `[min, max]` within bounds (`read_range`)."""

    bounds: Bounds
    description: str

    def read(self, table: Table, key: str, at: Reporter) -> IntRange | None:
        return read_range(table, key, at, self.bounds)

    def schema(self) -> JsonSchema:
        whole = _whole_within(self.bounds)
        pair = {"type": "array", "items": whole, "minItems": 2, "maxItems": 2}
        words = f"{self.description}: a number or [min, max] ({_range_words(self.bounds)})"
        return {"description": words, "oneOf": [whole, pair]}


@dataclass(frozen=True)
class NumberField:
    """A number, whole or not, within bounds (`read_number`)."""

    bounds: Bounds
    description: str

    def read(self, table: Table, key: str, at: Reporter) -> float | None:
        return read_number(table, key, at, self.bounds)

    def schema(self) -> JsonSchema:
        return {
            "type": "number",
            "description": f"{self.description} ({_range_words(self.bounds)})",
            "minimum": _number(self.bounds.low),
            "maximum": _number(self.bounds.high),
        }


@dataclass(frozen=True)
class ChoiceField:
    """One of an enum's values (`read_choice`)."""

    choices: type[Enum]
    description: str

    def read(self, table: Table, key: str, at: Reporter) -> Enum | None:
        return read_choice(table, key, at, self.choices)

    def schema(self) -> JsonSchema:
        return {"description": self.description, "enum": _values_of(self.choices)}


@dataclass(frozen=True)
class ProgressionField:
    """Hold seconds to step up through, easiest first (`read_progression`)."""

    bounds: Bounds
    description: str

    def read(self, table: Table, key: str, at: Reporter) -> tuple[int, ...] | None:
        return read_progression(table, at, self.bounds)

    def schema(self) -> JsonSchema:
        words = f"{self.description} ({_range_words(self.bounds)} each, going up)"
        return {"description": words, "type": "array", "items": _whole_within(self.bounds)}


@dataclass(frozen=True)
class FlagField:
    """`true` or `false` (`read_flag`); left out, the routine's default holds."""

    description: str

    def read(self, table: Table, key: str, at: Reporter) -> bool | None:
        return read_flag(table, key, at)

    def schema(self) -> JsonSchema:
        return {"type": "boolean", "description": self.description}


@dataclass(frozen=True)
class SwitchOffField:
    """A switch that is on unless the file says `false`: only `false` may be written."""

    description: str
    on_means: str
    """Why `true` is never needed, said when a file writes it."""

    def read(self, table: Table, key: str, at: Reporter) -> bool | None:
        value = table.get(key)
        if value is None or value is False:
            return value
        label = at.label(key)
        if value is True:
            at.report(key, f"{label} can only be false: {self.on_means}; leave it out")
        else:
            at.report(key, f"{label} must be false, got {shown(value)}")
        return None

    def schema(self) -> JsonSchema:
        return {"description": self.description, "type": "boolean", "const": False}


Field = (
    NameField | TextField | TextsField | SecondsField | RangeField | NumberField | ChoiceField
    | ProgressionField | FlagField | SwitchOffField
)
"""Every kind of field a routine file has."""
