"""A calendar heatmap of workout days, laid out as GitHub lays out contributions.

One column per ISO week, oldest on the left, Monday at the top, each day shaded by how many
workouts were completed on it (`domain.streaks.daily_counts`, which counts completed workouts
only, like the streak). Twelve weeks at least; a wide terminal shows more of the past, up to a
year, but never weeks from before the first workout, which would only be empty squares. Days
after today are left blank.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from rich.text import Text
from textual.widget import Widget

from bandtimer.domain.history import Workout
from bandtimer.domain.streaks import daily_counts, week_start, workout_day

MIN_WEEKS = 12
MAX_WEEKS = 53
DAY_LABELS = ("Mon", "", "Wed", "", "Fri", "", "Sun")
LABEL_WIDTH = 4
CELL = "■"
CELL_WIDTH = 2
"""A square and a gap."""
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
"""English abbreviations, not the locale's: the rest of bandtimer is in English too."""
LEVELS = ("calendar--none", "calendar--one", "calendar--two", "calendar--more")
"""Shades for 0, 1, 2 and 3 or more workouts in a day."""


def weeks_for(width: int, history_weeks: int = MAX_WEEKS) -> int:
    """How many weeks to show in `width` columns when the history spans `history_weeks`."""
    fits = (width - LABEL_WIDTH) // CELL_WIDTH
    return max(MIN_WEEKS, min(MAX_WEEKS, fits, history_weeks))


def weeks_spanned(records: Sequence[Workout], today: date) -> int:
    """ISO weeks from the first workout's to today's, both counted; 0 with no workouts."""
    if not records:
        return 0
    first = week_start(min(workout_day(record) for record in records))
    return (week_start(today) - first).days // 7 + 1


def month_labels(mondays: Sequence[date]) -> str:
    """Month names over the week columns, each over the week holding the month's first day.

    The first column is named too, when that leaves room before the next name, so the
    calendar always says where it starts.
    """
    marks: list[tuple[int, str]] = []
    for column, monday in enumerate(mondays):
        sunday = monday + timedelta(days=6)
        if monday.day == 1 or sunday.month != monday.month:
            marks.append((column * CELL_WIDTH, MONTHS[sunday.month - 1]))
        elif column == 0:
            marks.append((0, MONTHS[monday.month - 1]))
    line = ""
    for index, (at, label) in enumerate(marks):
        following = marks[index + 1][0] if index + 1 < len(marks) else None
        if following is not None and at + len(label) >= following:
            continue
        line = line.ljust(at) + label
    return line


class CalendarHeatmap(Widget):
    """Completed workouts per day for the last weeks, up to `today`."""

    COMPONENT_CLASSES = {*LEVELS, "calendar--label"}
    DEFAULT_CSS = """
    CalendarHeatmap { height: 9; width: 1fr; }
    CalendarHeatmap > .calendar--label { color: $text-muted; }
    CalendarHeatmap > .calendar--none { color: $panel-lighten-2; }
    CalendarHeatmap > .calendar--one { color: $success-darken-2; }
    CalendarHeatmap > .calendar--two { color: $success; }
    CalendarHeatmap > .calendar--more { color: $success-lighten-2; }
    """

    def __init__(
        self,
        records: Sequence[Workout],
        *,
        today: date,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.records = records
        self.today = today
        self._span = weeks_spanned(records, today)
        self._counts: tuple[int, dict[date, int]] | None = None

    @property
    def weeks(self) -> int:
        return weeks_for(self.size.width, self._span)

    def counts(self) -> dict[date, int]:
        """`daily_counts` for the weeks shown, worked out again only when the width changes."""
        weeks = self.weeks
        if self._counts is None or self._counts[0] != weeks:
            self._counts = (weeks, daily_counts(self.records, weeks, today=self.today))
        return self._counts[1]

    def render(self) -> Text:
        counts = self.counts()
        days = sorted(counts)
        mondays = days[::7]
        label_style = self.get_component_rich_style("calendar--label")
        shades = [self.get_component_rich_style(level) for level in LEVELS]
        text = Text(" " * LABEL_WIDTH + month_labels(mondays), style=label_style, end="")
        for weekday, label in enumerate(DAY_LABELS):
            text.append("\n" + label.ljust(LABEL_WIDTH), style=label_style)
            for day in days[weekday::7]:
                if day > self.today:
                    text.append(" " * CELL_WIDTH)
                    continue
                shade = shades[min(counts[day], len(shades) - 1)]
                text.append(CELL.ljust(CELL_WIDTH), style=shade)
        text.append("\n" + " " * LABEL_WIDTH + "less ", style=label_style)
        for shade in shades:
            text.append(CELL + " ", style=shade)
        text.append(f"more · last {len(mondays)} weeks", style=label_style)
        return text
