"""The command palette's routines and the history's dates and advice, as the menu shows them.

The palette offers each valid routine (and none over a workout) and starts it; the list and the
preview say when a routine was last done and what the history advises for next time.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from textual.command import CommandList, DiscoveryHit, Hit
from textual.pilot import Pilot

from bandtimer.domain.history import Feel
from bandtimer.ui.commands import RoutineCommands
from bandtimer.ui.messages import StartRoutine
from tests.ui.harness import quick_try, save_workout, workout, write_routine
from tests.ui.menu_helpers import (
    BROKEN,
    highlight,
    menu,
    preview_text,
    rendered,
    routine_list,
    routine_toml,
    run,
)

# -- the command palette ------------------------------------------------------------------------


def test_the_palette_offers_each_valid_routine_and_starts_it(tmp_path: Path) -> None:
    write_routine(tmp_path, "oops", BROKEN)
    write_routine(tmp_path, "mark", routine_toml("[bold]x"))

    async def body(pilot: Pilot[Any], starts: list[StartRoutine]) -> None:
        provider = RoutineCommands(menu(pilot))
        await provider.startup()
        offered = [hit.text async for hit in provider.discover()]
        assert "Start routine: Quick try" in offered
        assert "Start routine: [bold]x" in offered
        assert not any("oops" in (text or "") for text in offered)
        hits = [hit async for hit in provider.search("quick try")]
        assert [hit.text for hit in hits] == ["Start routine: Quick try"]
        assert isinstance(hits[0], Hit) and str(hits[0].match_display) == hits[0].text
        bold = [hit async for hit in provider.search("bold")]
        assert [str(hit.prompt) for hit in bold] == ["Start routine: [bold]x"]
        hits[0].command()
        await pilot.pause()
        assert [start.routine.name for start in starts] == ["Quick try"]
        assert workout(pilot).session.plan.routine.name == "Quick try"

    run(tmp_path, body)


def test_the_palette_offers_no_routines_over_a_workout(tmp_path: Path) -> None:
    async def body(pilot: Pilot[Any], starts: list[StartRoutine]) -> None:
        await pilot.press("enter")
        await pilot.pause()
        provider = RoutineCommands(workout(pilot))
        await provider.startup()
        hits: list[DiscoveryHit | Hit] = [hit async for hit in provider.discover()]
        assert hits == []

    run(tmp_path, body)


def test_the_palette_starts_a_routine_end_to_end(tmp_path: Path) -> None:
    async def body(pilot: Pilot[Any], starts: list[StartRoutine]) -> None:
        await pilot.press("ctrl+p", *"quick try")
        for _ in range(100):  # the palette searches in a worker: let it answer
            if pilot.app.screen.query_one(CommandList).option_count:
                break
            await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert [start.routine.name for start in starts] == ["Quick try"]
        assert workout(pilot).session.plan.routine.name == "Quick try"

    run(tmp_path, body)


# -- last done and advice, from the history ----------------------------------------------------


def test_last_done_and_advice_come_from_the_history(tmp_path: Path) -> None:
    started = datetime(2025, 3, 3, 7, 30, tzinfo=UTC)
    save_workout(tmp_path, quick_try(), started, band="blue", feel=Feel.EASY)

    async def body(pilot: Pilot[Any], starts: list[StartRoutine]) -> None:
        await highlight(pilot, "Quick try")
        assert "last done 3 Mar 2025" in "\n".join(rendered(routine_list(pilot)))
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        preview = preview_text(pilot)
        assert "last done 3 Mar 2025" in preview
        assert "Glute bridge: yellow band this time, up from blue band" in preview
        assert "2 sets × 3 reps, 5 s hold each rep" in preview
        await highlight(pilot, "Mini band workouts")
        assert "last done" not in preview_text(pilot)

    run(tmp_path, body)
