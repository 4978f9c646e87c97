"""Each exercise's figures over time, as sparklines with the left and right side side by side.

What a runner looks for here is progress and imbalance: the reps creeping up, the band moving
to a stronger colour, one hip lagging behind the other. Three figures per workout, each side
apart:

- **reps**: the best set's reps, which stopping early or doing an extra set does not distort;
- **hold**: the longest hold of a timed hold, or the hold of each rep for held reps, in seconds;
- **band**: the band's place in the person's `config.bands` (lightest first). A band that is
  not in that list cannot be placed, so that workout leaves no bar.

Both sides of one figure share one scale. Textual's `Sparkline` scales each line to its own
lowest and highest value, which would draw a left side stuck at 8 reps exactly like a right
side at 15; `TrendLine` is a `Sparkline` drawn against a floor and ceiling it is given. It draws
one bar per workout, the newest on the right next to its figure, and averages neighbours only
when there are more workouts than columns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.widgets import Sparkline, Static

from bandtimer.coach import chronological
from bandtimer.domain.bands import BandColour
from bandtimer.domain.history import ExerciseRecord, WorkoutRecord
from bandtimer.domain.text import visible_controls

SIDES = ("left", "right", "both")
"""Column order: left and right next to each other; an exercise done on both sides at once has
one column."""
BARS = "▁▂▃▄▅▆▇█"
FIGURE_ROOM = 8
"""Columns kept for the figure after a line: `yellow`, `40 s`, `15`."""
LEVEL_BAR = BARS[3]
"""A figure that never changed is drawn half-way up: neither low nor high."""


@dataclass(frozen=True)
class Series:
    """One side's figure, oldest workout first, and how its latest value reads."""

    values: tuple[float, ...]
    latest: str


@dataclass(frozen=True)
class MetricTrend:
    label: str
    sides: dict[str, Series]
    """Keyed by the side's column (see SIDES); a side with no values is left out."""

    @property
    def floor(self) -> float:
        return min(min(series.values) for series in self.sides.values())

    @property
    def ceiling(self) -> float:
        return max(max(series.values) for series in self.sides.values())


@dataclass(frozen=True)
class ExerciseTrend:
    name: str
    columns: tuple[str, ...]
    metrics: tuple[MetricTrend, ...]


def exercise_trends(
    records: Iterable[WorkoutRecord], bands: Sequence[BandColour]
) -> list[ExerciseTrend]:
    """Every exercise in `records`, those of the newest workout first, in routine order."""
    oldest_first = chronological(records)
    names: dict[str, str] = {}
    for record in reversed(oldest_first):
        for entry in record.exercises:
            names.setdefault(entry.name.casefold(), entry.name)
    entries: dict[str, list[ExerciseRecord]] = {}
    for record in oldest_first:
        for entry in record.exercises:
            entries.setdefault(entry.name.casefold(), []).append(entry)
    band_places = {band.name.casefold(): place for place, band in enumerate(bands)}
    trends = []
    for key, name in names.items():
        by_column: dict[str, list[ExerciseRecord]] = {}
        for entry in entries[key]:  # sorted out once: years of history hold thousands each
            by_column.setdefault(_column(entry), []).append(entry)
        columns = tuple(side for side in SIDES if side in by_column)
        metrics = [
            _metric("reps", by_column, columns, _best_reps, lambda v, e: f"{v:g}"),
            _metric("hold", by_column, columns, _hold, lambda v, e: f"{v:g} s"),
            _metric(
                "band",
                by_column,
                columns,
                lambda e: band_places.get(e.band.casefold()) if e.band else None,
                lambda v, e: e.band or "",
            ),
        ]
        trends.append(ExerciseTrend(name, columns, tuple(m for m in metrics if m.sides)))
    return trends


def _column(entry: ExerciseRecord) -> str:
    return entry.side.value if entry.side is not None else "both"


def _best_reps(entry: ExerciseRecord) -> float | None:
    return max(entry.reps) if entry.reps else None


def _hold(entry: ExerciseRecord) -> float | None:
    if entry.held_seconds:
        return max(entry.held_seconds)
    return entry.hold_seconds


def _metric(
    label: str,
    by_column: Mapping[str, Sequence[ExerciseRecord]],
    columns: Sequence[str],
    figure: Callable[[ExerciseRecord], float | None],
    reads: Callable[[float, ExerciseRecord], str],
) -> MetricTrend:
    sides: dict[str, Series] = {}
    for column in columns:
        points = [
            (value, entry) for entry in by_column[column] if (value := figure(entry)) is not None
        ]
        if points:
            value, entry = points[-1]
            sides[column] = Series(tuple(float(v) for v, _ in points), reads(value, entry))
    return MetricTrend(label, sides)


class TrendLine(Sparkline):
    """A sparkline drawn against a given floor and ceiling, so that lines can be compared."""

    def __init__(
        self,
        data: Sequence[float],
        *,
        floor: float,
        ceiling: float,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(data, id=id, classes=classes)
        self.floor = floor
        self.ceiling = ceiling

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """A column per workout, so the newest bar sits next to its figure, leaving the figure
        room in `container` (the cell it shares with it)."""
        return max(1, min(len(self.data or ()), container.width - FIGURE_ROOM))

    def render(self) -> Text:
        _, base = self.background_colors
        low = base + self.get_component_styles("sparkline--min-color").color
        high = base + self.get_component_styles("sparkline--max-color").color
        values = _fit(list(self.data or []), self.size.width)
        extent = self.ceiling - self.floor
        line = Text(" " * (self.size.width - len(values)))
        for value in values:
            if extent:
                ratio = min(1.0, max(0.0, (value - self.floor) / extent))
                bar = BARS[round(ratio * (len(BARS) - 1))]
            else:
                ratio, bar = 0.5, LEVEL_BAR
            line.append(bar, Style(color=low.blend(high, ratio).rich_color))
        return line


def _fit(values: list[float], width: int) -> list[float]:
    """One value per column: as they are if they fit, else the mean of each run of neighbours."""
    if len(values) <= width or width <= 0:
        return values
    step = Fraction(len(values), width)
    runs = [values[int(step * n) : int(step * (n + 1))] for n in range(width)]
    return [sum(run) / len(run) for run in runs if run]


class TrendsPanel(Vertical):
    """Per exercise: its name, the side columns' headings, then a row per figure.

    Clamshell
            left                right
      reps  ▁▁▃▃▃▅▅▅▇▇ 14       ▂▃▄▄▅▆▆▇██ 15
    """

    DEFAULT_CSS = """
    TrendsPanel { height: auto; }
    TrendsPanel .trend-name { margin-top: 1; text-style: bold; }
    TrendsPanel .trend-row { height: 1; }
    TrendsPanel .trend-label { width: 8; padding-left: 2; color: $text-muted; }
    TrendsPanel .trend-side { width: 1fr; max-width: 36; color: $text-muted; }
    TrendsPanel .trend-cell { width: 1fr; max-width: 36; height: 1; }
    TrendsPanel TrendLine { width: auto; }
    TrendsPanel .trend-value { width: auto; padding-left: 1; }
    """

    def __init__(self, trends: Sequence[ExerciseTrend], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.trends = tuple(trends)

    def compose(self) -> ComposeResult:
        for number, trend in enumerate(self.trends, start=1):
            name = Text(visible_controls(trend.name))
            if trend.columns == ("both",):
                name.append(" · both sides together", style="not bold dim")
            yield Static(name, classes="trend-name")
            if trend.columns != ("both",):
                with Horizontal(classes="trend-row"):
                    yield Static("", classes="trend-label")
                    for column in trend.columns:
                        yield Static(column, classes="trend-side")
            for metric in trend.metrics:
                with Horizontal(classes="trend-row"):
                    yield Static(metric.label, classes="trend-label")
                    for column in trend.columns:
                        yield self._cell(metric, column, f"trend-{number}-{metric.label}")

    def _cell(self, metric: MetricTrend, column: str, name: str) -> Horizontal:
        series = metric.sides.get(column)
        if series is None:
            return Horizontal(classes="trend-cell")
        line = TrendLine(
            series.values, floor=metric.floor, ceiling=metric.ceiling, id=f"{name}-{column}"
        )
        value = Static(Text(visible_controls(series.latest)), classes="trend-value")
        return Horizontal(line, value, classes="trend-cell")
