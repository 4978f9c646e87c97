"""Leaving mid-workout: ctrl+q and the palette's "Quit" ask first; a stopped process pauses.

SIGCONT itself, and SIGTERM, in a real process: tests/robustness/test_signals.py. Here the app
is told the process went on exactly as its SIGCONT handler tells it, on a fake clock.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from bandtimer.domain.history import WorkoutStatus
from bandtimer.domain.session import SessionState
from bandtimer.storage.history import HistoryStore, default_device_name
from bandtimer.storage.locations import Locations
from bandtimer.ui.screens.confirm import ConfirmScreen
from tests.ui.harness import advance, build, quick_try, record_notifications, text_of, workout

SIZE = (100, 30)


def records(home: Path) -> list[WorkoutStatus]:
    store = HistoryStore(Locations.under(home).history_dir, default_device_name())
    return [record.status for record in store.load_all().records]


def test_a_stopped_process_pauses_the_workout_as_of_its_last_frame_and_says_so(
    tmp_path: Path,
) -> None:
    async def body() -> None:
        harness = build(tmp_path, quick_try())
        async with harness.app.run_test(size=SIZE) as pilot:
            notes = record_notifications(pilot.app)
            await advance(pilot, harness.clock, 5 + 3)  # 3 s into the first set
            harness.clock.advance(45)  # SIGSTOP … SIGCONT: the set's 19 s pass unseen
            pilot.app.process_continued()
            await pilot.pause()
            session = workout(pilot).session
            assert session.state is SessionState.PAUSED
            assert (session.index, session.records[-1].segment_index) == (1, 0)
            assert text_of(pilot, "#phase") == "PAUSED"
            assert any("stopped for 45 s" in message for message, _ in notes), notes

    asyncio.run(body())
    [unfinished] = HistoryStore(
        Locations.under(tmp_path).history_dir, default_device_name()
    ).unfinished()
    assert unfinished.sets_done == 0


def test_ctrl_q_mid_workout_asks_the_workout_s_question_first(tmp_path: Path) -> None:
    async def body() -> None:
        harness = build(tmp_path, quick_try())
        async with harness.app.run_test(size=SIZE) as pilot:
            await advance(pilot, harness.clock, 5 + 19)
            await pilot.press("ctrl+q")
            assert isinstance(pilot.app.screen, ConfirmScreen)
            await pilot.press("n")
            assert workout(pilot).session.state is SessionState.RUNNING
            await pilot.press("ctrl+q", "y")
            await pilot.pause()
            assert not pilot.app.is_running

    asyncio.run(body())
    assert records(tmp_path) == [WorkoutStatus.STOPPED_EARLY]


def test_the_palette_s_quit_mid_workout_asks_first_too(tmp_path: Path) -> None:
    async def body() -> None:
        harness = build(tmp_path, quick_try())
        async with harness.app.run_test(size=SIZE) as pilot:
            await advance(pilot, harness.clock, 5)
            await pilot.press("ctrl+p", *"quit")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(pilot.app.screen, ConfirmScreen)
            await pilot.press("n")
            assert pilot.app.is_running
            assert workout(pilot).session.state is SessionState.RUNNING

    asyncio.run(body())
