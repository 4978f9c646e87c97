"""Typed reads from a TOML table of a history file, each failure naming the table and key.

A history file is data a person may have edited, so every value is checked for the type and
range the record needs, and the first one that is wrong becomes a `HistoryFormatError` whose
message points at it, such as: [[exercise]] 2 `reps` must be a list of whole numbers.

Every number has an upper bound as well as a lower one, as routine fields do: a synced or
hand-edited file saying `sets_done = 1000000000000` is reported, never shown as a figure or
used to size anything (the CSV export makes one row per set).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

from bandtimer.storage.routines import quoted, shown

Enum = TypeVar("Enum", bound=StrEnum)
Table = dict[str, Any]


class HistoryFormatError(ValueError):
    """A history file whose content is not a workout record; the message says where and why."""


class Fields:
    """Typed reads from one TOML table, each failure naming the table and the key."""

    def __init__(self, table: Table, where: str) -> None:
        self._table = table
        self._where = where

    @property
    def where(self) -> str:
        """The table's name in messages: `[[exercise]] 2`."""
        return self._where

    def has(self, key: str) -> bool:
        return key in self._table

    def _fail(self, key: str, expected: str) -> HistoryFormatError:
        place = f"{self._where} " if self._where else ""
        if key not in self._table:
            return HistoryFormatError(f"{place}has no `{key}` ({expected})")
        return HistoryFormatError(
            f"{place}`{key}` must be {expected}, got {shown(self._table[key])}"
        )

    def _get(self, key: str, expected: str) -> Any:
        if key not in self._table:
            raise self._fail(key, expected)
        return self._table[key]

    def text(self, key: str) -> str:
        value = self._get(key, "some text")
        if not isinstance(value, str) or not value.strip():
            raise self._fail(key, "some text")
        return value

    def optional_text(self, key: str) -> str | None:
        return self.text(key) if key in self._table else None

    def whole(self, key: str, *, most: int, least: int = 0) -> int:
        expected = f"a whole number from {least} to {most:,}"
        value = self._get(key, expected)
        if not _is_whole(value, least, most):
            raise self._fail(key, expected)
        return value  # type: ignore[no-any-return]

    def optional_whole(self, key: str, *, most: int) -> int | None:
        return self.whole(key, most=most) if key in self._table else None

    def seconds(self, key: str) -> float:
        value = self._get(key, "a number of seconds")
        if not _is_seconds(value):
            raise self._fail(key, SECONDS_EXPECTED)
        return float(value)

    def flag(self, key: str, *, default: bool = False) -> bool:
        value = self._table.get(key, default)
        if not isinstance(value, bool):
            raise self._fail(key, "true or false")
        return value

    def moment(self, key: str) -> datetime:
        expected = "a date and time such as 2025-03-01T07:30:00+01:00"
        value = self._get(key, expected)
        if not isinstance(value, datetime):
            raise self._fail(key, expected)
        # A time without an offset is what a person typing in local time means.
        return value if value.tzinfo is not None else value.astimezone()

    def choice(self, key: str, kind: type[Enum]) -> Enum:
        try:
            return kind(self._table[key])
        except (KeyError, ValueError, TypeError):
            # Spelled out only on failure: choices are read thousands of times per history.
            expected = "one of " + ", ".join(quoted(member.value) for member in kind)
            raise self._fail(key, expected) from None

    def optional_choice(self, key: str, kind: type[Enum]) -> Enum | None:
        return self.choice(key, kind) if key in self._table else None

    def whole_list(self, key: str, *, most: int, longest: int) -> tuple[int, ...]:
        value = self._table.get(key, [])
        if not _is_list(value, longest) or not all(_is_whole(item, 0, most) for item in value):
            raise self._fail(
                key, f"a list of at most {longest} whole numbers up to {most:,}, such as [12, 10]"
            )
        return tuple(value)

    def seconds_list(self, key: str, *, longest: int) -> tuple[float, ...]:
        value = self._table.get(key, [])
        if not _is_list(value, longest) or not all(_is_seconds(item) for item in value):
            raise self._fail(
                key, f"a list of at most {longest} numbers of seconds, such as [30.0, 28.5]"
            )
        return tuple(float(item) for item in value)

    def table(self, key: str) -> Table:
        value = self._get(key, "a table")
        if not isinstance(value, dict):
            raise self._fail(key, "a table")
        return value

    def tables(self, key: str, *, most: int, inline: bool = False) -> list[Table]:
        """`[[key]]` tables, or with `inline` a list of `{ ... }` tables."""
        value = self._table.get(key, [])
        if not _is_list(value, most) or not all(isinstance(item, dict) for item in value):
            what = f"a list of at most {most:,} {{ ... }} tables" if inline else (
                f"at most {most:,} [[{key}]] tables"
            )
            raise self._fail(key, what)
        return value  # type: ignore[no-any-return]


# Upper bounds of the numbers a record holds, far above any real workout's.
MOST_SETS = 400
"""Sets of one exercise on one side: a routine may plan 20 in each of 20 rounds (set numbers
count on through the rounds); more is not a workout."""
MOST_REPS = 1000
MOST_HOLD_SECONDS = 3600
MOST_SECONDS = 366 * 24 * 3600
"""A year: more than any segment lasts, or a pause in one, even a workout left paused over a
holiday; a bound that only an absurd value (`1e308`, a 309-digit number) goes past."""
SECONDS_EXPECTED = f"a number of seconds from 0 to {MOST_SECONDS:,} (a year)"


def _is_whole(value: object, least: int, most: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and least <= value <= most


def _is_seconds(value: object) -> bool:
    """Compared, not converted: `float()` of a 400-digit whole number raises OverflowError, and
    NaN is neither more nor less than anything, so it fails the comparison too."""
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and (0 <= value <= MOST_SECONDS)
    )


def _is_list(value: object, longest: int) -> bool:
    return isinstance(value, list) and len(value) <= longest
