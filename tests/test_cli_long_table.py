"""The long workouts table prints exactly what Rich's table prints, only faster."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import timedelta

import pytest
from rich.console import Console

from bandtimer.cli import long_table
from bandtimer.cli.history import RIGHT_ALIGNED, workouts_table
from bandtimer.coach.history_export import LISTING_COLUMNS, listing_row
from bandtimer.domain.history import RoutineRef
from bandtimer.storage.history import HistoryStore
from tests.test_cli_history import FIXTURE

ODD_NAMES = (
    "Hüftstabilität mit Miniband",
    "腰の安定 ミニバンド トレーニング",
    "A name long enough that it has to wrap over three lines in a narrow table, surely",
    "Tabs\tand\x1b escapes",
)


def printed(width: int, fast: bool, names: tuple[str, ...] = ODD_NAMES) -> str:
    records = HistoryStore(FIXTURE, "laptop").load_all().records
    records += [
        replace(record, routine=RoutineRef(name), id=f"odd{number}")
        for number, (record, name) in enumerate(zip(records, names, strict=False))
    ]
    console = Console(file=io.StringIO(), width=width, color_system=None, markup=False)
    if fast:
        long_table.print_long_table(
            console, [listing_row(record) for record in records],
            [column in RIGHT_ALIGNED for column in LISTING_COLUMNS],
            lambda indexes: workouts_table([records[index] for index in indexes]),
        )
    else:
        console.print(workouts_table(records))
    return console.file.getvalue()  # type: ignore[attr-defined]


@pytest.mark.parametrize("width", [40, 60, 80, 120, 200])
def test_the_fast_table_is_rich_s_table_byte_for_byte(width: int) -> None:
    assert printed(width, fast=True) == printed(width, fast=False)


def test_the_fast_way_is_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich's own table is laid out from a sample and the rows that wrap; a tab, which Rich
    expands itself, sends the whole table to Rich (the test above shows it comes out right)."""
    laid_out: list[int] = []
    real = workouts_table

    def counting(records: list) -> object:  # type: ignore[type-arg]
        laid_out.append(len(records))
        return real(records)

    monkeypatch.setattr("tests.test_cli_long_table.workouts_table", counting)
    printed(200, fast=True, names=ODD_NAMES[:3])
    assert laid_out and max(laid_out) < 15
    laid_out.clear()
    printed(200, fast=True)
    assert max(laid_out) == 19


def test_a_narrow_terminal_s_wrapped_dates_are_laid_out_by_rich_once_not_row_by_row(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """At 40 columns every date wraps, and each is a different text; they wrap alike, so Rich
    lays out a handful of rows (before: all 300, seconds a thousand rows) and the table is
    still Rich's own, byte for byte."""
    base = HistoryStore(FIXTURE, "laptop").load_all().records[0]
    records = [
        replace(base, started=base.started - timedelta(days=day, minutes=7 * day), id=f"d{day}")
        for day in range(300)
    ]
    laid_out: list[int] = []

    def counting(indexes: object) -> object:
        chosen = [records[index] for index in indexes]  # type: ignore[attr-defined]
        laid_out.append(len(chosen))
        return workouts_table(chosen)

    rows = [listing_row(record) for record in records]
    fast = Console(file=io.StringIO(), width=40, color_system=None, markup=False)
    long_table.print_long_table(fast, rows, [c in RIGHT_ALIGNED for c in LISTING_COLUMNS], counting)
    rich = Console(file=io.StringIO(), width=40, color_system=None, markup=False)
    rich.print(workouts_table(records))
    assert fast.file.getvalue() == rich.file.getvalue()  # type: ignore[attr-defined]
    assert max(laid_out) < 10
