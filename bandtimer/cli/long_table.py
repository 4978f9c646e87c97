"""The workouts table for a long history: laid out by Rich, its rows written out directly.

Rich lays a table out cell by cell, about half a millisecond a row: `bandtimer history --all`
over ten thousand workouts spent seconds in it. Every row of this table is six short cells on
one line, so once Rich has laid out a sample (the header and, for each column, the row with its
widest cell, so the widths are the ones the whole table gets), each row is its cells padded to
those widths between the sample's borders. The fast way is taken only when it reproduces Rich's
own lines for every sample row exactly and the output has no colour (piped, redirected,
NO_COLOR); otherwise, or if any cell would wrap, Rich prints the whole table as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

ROW_EDGE = "│"
HEADER_RULE = "┡╇"
"""The first character of the rule under the header, and where it crosses a column edge."""
MAX_WRAPPING = 200
"""More distinct cells that wrap than this, and Rich prints the table itself."""


def print_long_table(
    console: Console, rows: Sequence[Sequence[str]], right_aligned: Sequence[bool],
    make_table: Callable[[Sequence[int]], Table],
) -> None:
    """Print `make_table(range(len(rows)))`, but fast; `make_table(indexes)` makes the table of
    those rows alone. `rows` are the cells' plain text, as the table shows them."""
    if console.color_system is not None or len(rows) < 2:
        console.print(make_table(range(len(rows))))
        return
    sample = sorted({0, *(_widest(rows, column) for column in range(len(right_aligned)))})
    with console.capture() as capture:
        console.print(make_table(sample))
    layout = _Layout.of(capture.get().split("\n"), console, right_aligned)
    if layout is None or not layout.matches([rows[index] for index in sample]):
        console.print(make_table(range(len(rows))))
        return
    wrapping = layout.first_rows_that_wrap(rows)
    if wrapping:  # every cell that wraps differently must come out as Rich wraps it too
        with console.capture() as capture:
            console.print(make_table(wrapping))
        check = _Layout.of(capture.get().split("\n"), console, right_aligned)
        if len(wrapping) > MAX_WRAPPING or check is None or check.widths != layout.widths or (
            not check.matches([rows[index] for index in wrapping])
        ):
            console.print(make_table(range(len(rows))))
            return
    lines = [*layout.head, *(line for row in rows for line in layout.row_lines(row))]
    console.file.write("\n".join([*lines, *layout.tail]))


def _widest(rows: Sequence[Sequence[str]], column: int) -> int:
    return max(range(len(rows)), key=lambda index: cell_len(rows[index][column]))


class _Layout:
    """Where the sample table's rows begin and end, and how wide each column is."""

    def __init__(
        self, lines: list[str], first_row: int, widths: list[int], console: Console,
        right_aligned: Sequence[bool],
    ) -> None:
        self.head = lines[:first_row]
        self.rows = lines[first_row:-2]
        self.tail = lines[-2:]
        self.widths = widths
        self._console = console
        self._right = right_aligned
        self._wrapped: dict[tuple[str, int, bool], list[str]] = {}

    @classmethod
    def of(
        cls, lines: list[str], console: Console, right_aligned: Sequence[bool]
    ) -> _Layout | None:
        """None unless the table is drawn as expected: header, a `┡…╇…┩` rule, rows, a border."""
        rules = [index for index, line in enumerate(lines) if line.startswith(HEADER_RULE[0])]
        if len(rules) != 1 or lines[-1] != "":
            return None
        rule = lines[rules[0]]
        widths = [len(part) - 2 for part in rule[1:-1].split(HEADER_RULE[1])]
        if len(widths) != len(right_aligned) or min(widths) < 1:
            return None
        return cls(lines, rules[0] + 1, widths, console, right_aligned)

    def first_rows_that_wrap(self, rows: Sequence[Sequence[str]]) -> list[int]:
        """For each shape of cell text too wide for its column, the first row holding it.

        Cells of one shape (see `_shape`) wrap at the same places, so Rich drawing one of them
        shows how all of them come out: in a narrow terminal every date wraps, and ten thousand
        distinct dates are still one shape, not ten thousand rows for Rich to lay out."""
        first: dict[tuple[int, str], int] = {}
        for index, row in enumerate(rows):
            for column, (cell, width) in enumerate(zip(row, self.widths, strict=True)):
                if _unusual(cell, width):
                    first.setdefault((column, _shape(cell)), index)
        return sorted(set(first.values()))

    def matches(self, sample: Sequence[Sequence[str]]) -> bool:
        """Whether these rows come out exactly as Rich drew them."""
        return [line for row in sample for line in self.row_lines(row)] == self.rows

    def row_lines(self, cells: Sequence[str]) -> list[str]:
        columns = [
            self._cell_lines(cell, width, right)
            for cell, width, right in zip(cells, self.widths, self._right, strict=True)
        ]
        height = max(len(lines) for lines in columns)
        out = []
        for number in range(height):
            parts = []
            for lines, width, right in zip(columns, self.widths, self._right, strict=True):
                text = lines[number] if number < len(lines) else ""
                room = " " * (width - cell_len(text))
                parts.append(f" {room}{text} " if right else f" {text}{room} ")
            out.append(ROW_EDGE + ROW_EDGE.join(parts) + ROW_EDGE)
        return out

    def _cell_lines(self, cell: str, width: int, right: bool) -> list[str]:
        if not _unusual(cell, width):
            return [cell]
        key = (cell, width, right)
        if key not in self._wrapped:  # a routine's name wraps the same on every row
            wrapped = Text(cell).wrap(
                self._console, width, justify="right" if right else "left", overflow="fold"
            )
            self._wrapped[key] = [line.plain.rstrip() if not right else line.plain.strip()
                                  for line in wrapped]
        return self._wrapped[key]


def _unusual(cell: str, width: int) -> bool:
    """Too wide for its column, or holding a tab or line break that Rich lays out itself."""
    return cell_len(cell) > width or _CONTROL.search(cell) is not None


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_PLAIN = re.compile(r"[A-Za-z0-9]")


def _shape(cell: str) -> str:
    """The cell with every ASCII letter and digit as `a`: Rich wraps text by where its
    whitespace is and how many cells each character takes, so two cells of one shape break
    into lines at the same places (`2026-11-29 07:00` and `1999-01-02 18:30` alike). Every
    other character is kept as it is."""
    return _PLAIN.sub("a", cell)
