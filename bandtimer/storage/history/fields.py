"""Typed reads from a TOML table of a history file, each failure naming the table and key.

A history file is data a person may have edited, so every value is checked for the type and
range the record needs, and the first one that is wrong becomes a `HistoryFormatError` whose
message points at it, such as: [[exercise]] 2 `reps` must be a list of whole numbers.
"""

from __future__ import annotations

import math
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

    def whole(self, key: str, *, minimum: int = 0) -> int:
        expected = f"a whole number of at least {minimum}"
        value = self._get(key, expected)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise self._fail(key, expected)
        return value

    def optional_whole(self, key: str) -> int | None:
        return self.whole(key) if key in self._table else None

    def seconds(self, key: str) -> float:
        value = self._get(key, "a number of seconds")
        if not _is_seconds(value):
            raise self._fail(key, "a number of seconds, 0 or more")
        return float(value)

    def flag(self, key: str) -> bool:
        value = self._table.get(key, False)
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

    def whole_list(self, key: str) -> tuple[int, ...]:
        value = self._table.get(key, [])
        if not isinstance(value, list) or not all(
            isinstance(item, int) and not isinstance(item, bool) and item >= 0 for item in value
        ):
            raise self._fail(key, "a list of whole numbers, such as [12, 12, 10]")
        return tuple(value)

    def seconds_list(self, key: str) -> tuple[float, ...]:
        value = self._table.get(key, [])
        if not isinstance(value, list) or not all(_is_seconds(item) for item in value):
            raise self._fail(key, "a list of seconds, such as [30.0, 28.5]")
        return tuple(float(item) for item in value)

    def table(self, key: str) -> Table:
        value = self._get(key, "a table")
        if not isinstance(value, dict):
            raise self._fail(key, "a table")
        return value

    def tables(self, key: str) -> list[Table]:
        value = self._table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise self._fail(key, f"a list of [[{key}]] tables")
        return value


def _is_seconds(value: object) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and value >= 0
    )
