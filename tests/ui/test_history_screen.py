"""The history screen over the fixture history: streak, calendar, workouts, trends, problems.

The fixture (tests/data/history, made by its make_history.py) is copied into a fresh
BANDTIMER_HOME for every test, and "today" is pinned to Thursday 20 March 2025 08:00 through the
app's wall clock, so the streak, the calendar and the pictures never depend on the real date.
"""

from __future__ import annotations

import asyncio
import shutil
import threading
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Sparkline, Static

from bandtimer.domain.clock import FakeClock
from bandtimer.domain.history import RoutineRef, WorkoutSummary
from bandtimer.domain.progression import DEFAULT_BANDS
from bandtimer.storage.history import HistoryLoad, HistoryStore
from bandtimer.storage.locations import Locations
from bandtimer.ui.app import BandtimerApp
from bandtimer.ui.factory import create_app
from bandtimer.ui.screens import history as history_screen
from bandtimer.ui.screens.history import READING, ROWS_PAGE, HistoryScreen
from bandtimer.ui.widgets.calendar import CalendarHeatmap, month_labels, weeks_for
from bandtimer.ui.widgets.trends import exercise_trends
from tests.ui.harness import RecordingPlayer

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "data" / "history"
TODAY = datetime(2025, 3, 20, 8, 0, tzinfo=timezone(timedelta(hours=1)))
SIZE = (100, 30)
CORRUPT = "2025/2025-02-11T07-30-00--hip-stability--phone-5ca1ab1e.toml"


def copy_fixture(home: Path) -> Path:
    """The fixture's record files into `home/history`, as BANDTIMER_HOME would hold them."""
    history = home / "history"
    shutil.copytree(FIXTURE / "2025", history / "2025")
    return history


def history_app(home: Path) -> BandtimerApp:
    player = RecordingPlayer()
    return create_app(
        Locations.under(home),
        clock=FakeClock(),
        player_factory=lambda on_fallback: (player, None),
        wall_clock=lambda: TODAY,
    )


async def open_history(pilot: Pilot[Any]) -> HistoryScreen:
    """Push the screen as the menu's `h` does, and wait until the history has been read."""
    await pilot.app.push_screen(HistoryScreen(pilot.app.services))
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, HistoryScreen)
    return screen


def run(app: BandtimerApp, body: Callable[[Pilot[Any]], Awaitable[None]], *, size=SIZE) -> None:
    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await body(pilot)

    asyncio.run(main())


def text_of(screen: HistoryScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


@pytest.mark.parametrize("size", [(100, 30), (120, 40)], ids=["100x30", "120x40"])
def test_history_screen(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    copy_fixture(tmp_path)
    assert snap_compare(history_app(tmp_path), terminal_size=size, run_before=open_history)


def test_the_screen_shows_streak_workouts_trends_and_problems(tmp_path: Path) -> None:
    history = copy_fixture(tmp_path)
    corrupt = (history / CORRUPT).read_bytes()
    app = history_app(tmp_path)

    async def body(pilot: Pilot[Any]) -> None:
        screen = await open_history(pilot)

        assert text_of(screen, "#streak") == "Streak: 3 weeks · this week 1 / 2"
        assert text_of(screen, "#totals") == "13 workouts · 1:18:37 active · 108 sets"

        table = screen.query_one("#workouts", DataTable)
        assert table.row_count == 15
        newest = [str(cell) for cell in table.get_row_at(0)]
        assert newest == ["2025-03-19 19:00", "Hip stability", "in progress", "4", "3:25", "phone"]
        routines = {str(table.get_row_at(row)[1]) for row in range(table.row_count)}
        # Names are text, never markup.
        assert routines == {"Hip stability", "Calves, core & plank [v2]"}

        # Clamshell (each side) has a line per side for every figure; the bridge has one.
        for figure in ("reps", "band"):
            for side in ("left", "right"):
                assert isinstance(screen.query_one(f"#trend-1-{figure}-{side}"), Sparkline)
        assert not screen.query("#trend-1-hold-left")
        assert isinstance(screen.query_one("#trend-2-reps-both"), Sparkline)
        assert not screen.query("#trend-2-reps-left")

        problems = text_of(screen, "#problems")
        assert problems.startswith(f"{CORRUPT}: ")
        assert str(tmp_path) not in problems

        await pilot.press("escape")
        assert not isinstance(app.screen, HistoryScreen)

    run(app, body, size=(120, 40))
    assert (history / CORRUPT).read_bytes() == corrupt


def test_q_goes_back_too(tmp_path: Path) -> None:
    async def body(pilot: Pilot[Any]) -> None:
        await open_history(pilot)
        await pilot.press("q")
        assert not isinstance(pilot.app.screen, HistoryScreen)

    run(history_app(tmp_path), body)


def test_an_empty_history_says_what_will_appear(tmp_path: Path) -> None:
    async def body(pilot: Pilot[Any]) -> None:
        screen = await open_history(pilot)
        assert text_of(screen, "#no-workouts") == (
            "No workouts yet — finish one and it shows here."
        )
        assert not screen.query(CalendarHeatmap)

    run(history_app(tmp_path), body)
    assert not (tmp_path / "history").exists()


class SlowStore(HistoryStore):
    """A store whose reading waits until the test lets it go on."""

    def __init__(self, history_dir: Path) -> None:
        super().__init__(history_dir, "laptop")
        self.go_on = threading.Event()

    def summaries(self, *args: Any, **kwargs: Any) -> HistoryLoad[WorkoutSummary]:
        assert self.go_on.wait(timeout=10)
        return super().summaries(*args, **kwargs)


def test_reading_happens_off_the_event_loop(tmp_path: Path) -> None:
    history = copy_fixture(tmp_path)
    store = SlowStore(history)

    async def body(pilot: Pilot[Any]) -> None:
        app = pilot.app
        await app.push_screen(HistoryScreen(replace(app.services, history=store)))
        await pilot.pause()
        screen = app.screen
        assert text_of(screen, "#history-loading") == READING
        await pilot.press("down")  # the app still answers keys

        store.go_on.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not screen.query_one("#history-loading").display
        assert screen.query_one("#workouts", DataTable).row_count == 15

    run(history_app(tmp_path), body)


def test_control_characters_in_a_file_are_shown_as_symbols(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history", "laptop")
    record = HistoryStore(FIXTURE, "laptop").load_all().records[1]
    bridge = replace(record.exercises[2], name="Bridge\x1b[2J\x07")
    store.save(replace(record, routine=RoutineRef("\x1b]52;c;aGk=\x07Hips"), exercises=(bridge,)))

    async def body(pilot: Pilot[Any]) -> None:
        screen = await open_history(pilot)
        row = [str(cell) for cell in screen.query_one("#workouts", DataTable).get_row_at(0)]
        assert row[1] == "␛]52;c;aGk=␇Hips"
        shown = "\n".join(str(static.render()) for static in screen.query("TrendsPanel Static"))
        assert "Bridge␛[2J␇" in shown
        assert "\x1b" not in shown and "\x07" not in shown

    run(history_app(tmp_path), body)


def test_leaving_before_the_history_is_read_is_fine(tmp_path: Path) -> None:
    store = SlowStore(copy_fixture(tmp_path))

    async def body(pilot: Pilot[Any]) -> None:
        app = pilot.app
        screen = HistoryScreen(replace(app.services, history=store))
        await app.push_screen(screen)
        await pilot.pause()
        await pilot.press("escape")
        assert app.screen is not screen

        store.go_on.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.view is None, "a screen that is gone shows nothing"

    run(history_app(tmp_path), body)


def test_trends_follow_each_side_and_place_bands_in_the_configured_order() -> None:
    records = HistoryStore(FIXTURE, "laptop").load_all().records
    trends = {trend.name: trend for trend in exercise_trends(records, DEFAULT_BANDS)}

    clamshell = trends["Clamshell"]
    assert clamshell.columns == ("left", "right")
    reps = {metric.label: metric for metric in clamshell.metrics}["reps"]
    assert reps.sides["right"].values[-3:] == (14.0, 15.0, 15.0)
    assert reps.sides["left"].values[-3:] == (12.0, 14.0, 14.0)
    band = {metric.label: metric for metric in clamshell.metrics}["band"]
    assert band.sides["left"].values == (0, 0, 0, 1, 1, 1, 1, 1, 2, 2)  # green, blue, yellow
    assert band.sides["left"].latest == "yellow"
    assert [metric.label for metric in clamshell.metrics] == ["reps", "band"]

    assert trends["Glute bridge"].columns == ("both",)
    # "purple" is not one of the configured bands: that workout leaves no bar.
    ankle_band = {m.label: m for m in trends["Ankle plantar flexion"].metrics}["band"]
    assert len(ankle_band.sides["left"].values) == 4
    plank = {m.label: m for m in trends["Banded plank"].metrics}["hold"]
    assert plank.sides["both"].values == (20.0, 30.0, 30.0, 40.0, 40.0)
    assert plank.sides["both"].latest == "40 s"


def test_the_calendar_grows_with_the_width_and_names_its_months() -> None:
    assert weeks_for(20) == 12
    assert weeks_for(4 + 2 * 30) == 30
    assert weeks_for(500) == 53
    assert weeks_for(500, history_weeks=20) == 20, "no empty weeks from before the first workout"
    assert weeks_for(500, history_weeks=3) == 12
    mondays = [datetime(2024, 12, 30).date() + timedelta(weeks=n) for n in range(12)]
    # Dec 30's week holds 1 January; 27 Jan's holds 1 February; 24 Feb's holds 1 March.
    assert month_labels(mondays) == "Jan" + " " * 5 + "Feb" + " " * 5 + "Mar"


def test_a_long_list_of_workouts_makes_its_rows_a_page_at_a_time_as_the_cursor_comes(
    tmp_path: Path,
) -> None:
    """Rows are made as they come into reach: the newest page first, the next near its end."""
    store = HistoryStore(tmp_path / "history", "laptop")
    record = HistoryStore(FIXTURE, "laptop").load_all().records[1]
    count = ROWS_PAGE + 30
    for day in range(count):
        started = record.started - timedelta(days=day)
        store.save(replace(record, id=f"{day:08x}", started=started,
                           ended=started + timedelta(minutes=8)))

    async def body(pilot: Pilot[Any]) -> None:
        screen = await open_history(pilot)
        table = screen.query_one("#workouts", DataTable)
        assert table.row_count == ROWS_PAGE
        assert str(table.get_row_at(0)[0]) == record.started.strftime("%Y-%m-%d %H:%M")
        table.focus()
        table.move_cursor(row=ROWS_PAGE // 2)
        await pilot.pause()
        assert table.row_count == ROWS_PAGE, "not yet within reach of the end"
        await pilot.press("ctrl+end")  # the last row made so far
        await pilot.pause()
        assert table.row_count == count
        oldest = record.started - timedelta(days=count - 1)
        assert str(table.get_row_at(count - 1)[0]) == oldest.strftime("%Y-%m-%d %H:%M")

    run(history_app(tmp_path), body)


def test_streak_and_workouts_show_before_the_trends_are_worked_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    copy_fixture(tmp_path)
    go_on = threading.Event()
    real = history_screen.exercise_trends

    def slow_trends(*args: Any) -> Any:
        assert go_on.wait(timeout=10)
        return real(*args)

    monkeypatch.setattr(history_screen, "exercise_trends", slow_trends)

    async def body(pilot: Pilot[Any]) -> None:
        app = pilot.app
        await app.push_screen(HistoryScreen(app.services))
        screen = app.screen
        for _ in range(200):  # event-loop turns, until the first part is shown
            await pilot.pause()
            if screen.query("#streak"):
                break
        assert text_of(screen, "#streak") == "Streak: 3 weeks · this week 1 / 2"
        assert screen.query_one("#workouts", DataTable).row_count == 15
        assert not screen.query("#trends")

        go_on.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.query("#trends TrendLine")

    run(history_app(tmp_path), body)
