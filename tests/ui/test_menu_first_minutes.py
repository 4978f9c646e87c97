"""The menu as a new user meets it: where it opens, what the filter finds and why, where focus
goes after a workout, how the missing sound device is told, and how long lines wrap."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Input

from bandtimer.storage.locations import Locations
from bandtimer.ui.factory import create_app
from bandtimer.ui.messages import StartRoutine
from bandtimer.ui.screens.summary import SummaryScreen
from bandtimer.ui.widgets.hanging_indent import HangingIndent
from bandtimer.ui.widgets.routine_preview import RoutinePreview
from tests.ui.harness import (
    RecordingPlayer,
    advance,
    build,
    quick_try,
    record_notifications,
    save_workout,
)
from tests.ui.menu_helpers import (
    SHIPPED,
    highlighted,
    menu,
    preview_text,
    rendered,
    routine_list,
    run,
    shown_names,
)

NO_DEVICE = "No audio device: ALSA could not open 'default' (No such file or directory)"

# -- where it opens -------------------------------------------------------------------------------


def test_a_first_start_opens_on_quick_try(tmp_path: Path) -> None:
    async def body(pilot: Pilot[Any], starts: list[StartRoutine]) -> None:
        assert shown_names(pilot) == SHIPPED
        assert highlighted(pilot).name == "Quick try"
        assert preview_text(pilot).startswith("Quick try\n")
        await pilot.press("enter")
        assert [start.routine.name for start in starts] == ["Quick try"]

    run(tmp_path, body)


def test_with_a_workout_recorded_it_opens_at_the_top_as_before(tmp_path: Path) -> None:
    save_workout(tmp_path, quick_try(), datetime(2026, 11, 28, 7, tzinfo=UTC))

    async def body(pilot: Pilot[Any], starts: list[StartRoutine]) -> None:
        assert highlighted(pilot).name == SHIPPED[0]

    run(tmp_path, body)


# -- what the filter finds ------------------------------------------------------------------------


def test_hip_finds_the_hip_circle_band_and_says_why(tmp_path: Path) -> None:
    async def body(pilot: Pilot[Any], starts: list[StartRoutine]) -> None:
        await pilot.press("slash", *"hip")
        assert "Marathoner deep strength" in shown_names(pilot)
        rows = "\n".join(rendered(routine_list(pilot)))
        assert "matched: equipment hip circle band" in rows
        # to the list, its first row (Band circuit, which matches "hip" in its muscles), and on
        await pilot.press("down", "home", "down")
        await pilot.pause()
        assert highlighted(pilot).name == "Marathoner deep strength"
        lines = preview_text(pilot).splitlines()
        assert lines[:3] == [
            "Marathoner deep strength",
            "5 exercises · 15:00 planned",
            "matched: equipment hip circle band",
        ]

    run(tmp_path, body)


def test_the_filter_looks_in_muscles_description_and_exercises(tmp_path: Path) -> None:
    async def body(pilot: Pilot[Any], starts: list[StartRoutine]) -> None:
        rows = routine_list(pilot)
        await pilot.press("slash", *"calves")
        no_calves = ("Quick try", "Band circuit")
        assert shown_names(pilot) == [name for name in SHIPPED if name not in no_calves]
        assert {rows.why(entry) for entry in rows.entries} == {"matched: muscle calves"}
        await pilot.press(*["backspace"] * 6, *"injury-prone")
        assert shown_names(pilot) == []  # a `why` is not searched: not in the description
        await pilot.press(*["backspace"] * 12, *"marathoners")
        [entry] = rows.entries
        assert rows.why(entry) == "matched: description “…at marathoners who want fewer injuries…”"
        await pilot.press(*["backspace"] * 11, *"quick bridge")
        [entry] = rows.entries
        assert rows.why(entry) == "matched: exercise Glute bridge"  # the name needs no reason

    run(tmp_path, body)


# -- focus after a workout ------------------------------------------------------------------------


def test_back_from_a_workout_the_list_has_focus_and_q_quits(tmp_path: Path) -> None:
    async def body() -> None:
        harness = build(tmp_path)
        async with harness.app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("slash", *"quick bridge", "enter")  # started from the filter
            await advance(pilot, harness.clock, 5 + 19)
            await pilot.press("q", "y")
            await pilot.pause()
            assert isinstance(pilot.app.screen, SummaryScreen)
            await advance(pilot, harness.clock, 2)  # the summary stays its first 2 s
            await pilot.press("escape")
            await pilot.pause()
            screen = menu(pilot)
            assert pilot.app.focused is routine_list(pilot)
            assert screen.query_one(Input).value == "quick bridge"  # kept, not focused
            rows = [line.strip(" ▊▎▌") for line in rendered(routine_list(pilot))]
            [quick] = [i for i, line in enumerate(rows) if line.startswith("Quick try")]
            assert "last done" in rows[quick + 1]  # the date arrived, the reason stayed
            assert rows[quick + 2].startswith("matched: exercise Glute bridge"), rows
            await pilot.press("slash")
            assert pilot.app.focused is screen.query_one(Input)
            await pilot.press("escape", "q")
            await pilot.pause()
            assert not pilot.app.is_running

    asyncio.run(body())


# -- no sound device ------------------------------------------------------------------------------


def test_no_sound_device_is_said_once_in_the_status_line_covering_nothing(
    tmp_path: Path,
) -> None:
    async def body() -> None:
        player = RecordingPlayer()
        app = create_app(
            Locations.under(tmp_path), player_factory=lambda on_fallback: (player, NO_DEVICE)
        )
        notes = record_notifications(app)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = menu(pilot)
            assert screen.status == NO_DEVICE
            assert notes == [], "a notification would sit over the preview"
            status = screen.query_one("#menu-status")
            preview = screen.query_one(RoutinePreview)
            assert status.region.y >= preview.region.bottom  # below it, not over it
            screen.show_status("")  # as if read
            app.sound_problem_changed(NO_DEVICE)  # the same again: not said again
            await pilot.pause()
            assert screen.status == ""
            app.sound_problem_changed("No audio device: Device went away")
            await pilot.pause()
            assert screen.status == "No audio device: Device went away"
            assert notes == []

    asyncio.run(body())


# -- wrapped lines --------------------------------------------------------------------------------


def test_wrapped_lines_hang_under_their_own_indent() -> None:
    text = HangingIndent(
        Content("5 exercises · 15:00 · last done 29 Nov 2026\n   placement: just above the knees")
    )
    assert text.wrapped(24).plain.splitlines() == [
        "5 exercises · 15:00 ·",
        "  last done 29 Nov 2026",
        "   placement: just",
        "     above the knees",
    ]
    assert str(text) == text.content.plain  # what tests and the preview's `text` read


def test_the_preview_and_a_narrow_list_keep_indents_when_they_wrap(tmp_path: Path) -> None:
    save_workout(tmp_path, quick_try(), datetime(2026, 11, 29, 7, tzinfo=UTC))

    async def body(pilot: Pilot[Any], starts: list[StartRoutine]) -> None:
        await pilot.press("slash", *"quick")
        await pilot.pause()
        preview = [line.rstrip() for line in rendered(menu(pilot).query_one("#preview-text"))]
        placement = next(i for i, line in enumerate(preview) if "placement: around" in line)
        indent = len(preview[placement]) - len(preview[placement].lstrip())
        assert indent == 3, preview
        knees = next(i for i, line in enumerate(preview) if line.endswith("the knees"))
        for follows in preview[placement + 1 : knees + 1]:  # "…just above the" / "knees"
            assert follows.startswith(" " * (indent + 2) + follows.lstrip()), preview
        assert "last done 29" in preview[2] and preview[3] == "  Nov 2026", preview

        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert not menu(pilot).query_one(RoutinePreview).display  # the list alone, wrapping
        rows = [line for line in rendered(routine_list(pilot)) if line.strip()]
        summary = next(i for i, line in enumerate(rows) if "2 exercises" in line)
        start = rows[summary].index("2 exercises")
        assert rows[summary + 1][start : start + 2] == "  ", rows
        assert "2026" in rows[summary + 1] or "2026" in rows[summary + 2], rows

    run(tmp_path, body, size=(60, 30))
