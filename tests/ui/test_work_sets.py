"""A time-boxed set (`work = 40`) in the app: its countdown, the question of how many reps,
and the count in the history, while the clock goes on into the rest."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Input

from bandtimer.domain.session import SessionState
from bandtimer.sound import Cue
from bandtimer.storage.history import HistoryStore, default_device_name
from bandtimer.storage.locations import Locations
from bandtimer.storage.routines import load_routine
from bandtimer.ui.screens.rep_count import RepCountScreen
from bandtimer.ui.screens.summary import SummaryScreen
from bandtimer.ui.widgets.countdown import Countdown
from tests.ui.harness import advance, build, text_of, workout, write_routine
from tests.ui.test_summary_screen import screen_text

SIZE = (100, 30)

INTERVALS = """
name = "Intervals"
[timing]
get_ready = 5
rest_between_sets = 20
[[exercise]]
name = "Band squat"
sets = 2
work = 40
"""


def test_a_work_set_counts_down_asks_for_reps_and_records_them(tmp_path: Path) -> None:
    routine = load_routine(write_routine(tmp_path, "intervals", INTERVALS))

    async def body() -> None:
        harness = build(tmp_path, routine)
        async with harness.app.run_test(size=SIZE) as pilot:
            screen = workout(pilot)
            await advance(pilot, harness.clock, 5)
            assert text_of(pilot, "#phase") == "WORK"
            assert screen.query_one(Countdown).value == "40"
            caption = str(screen.query_one("#caption").render())
            assert "seconds left of 40 s · as many reps as you can" in caption
            assert harness.player.played[-1] is Cue.GO

            await advance(pilot, harness.clock, 40)
            assert isinstance(pilot.app.screen, RepCountScreen)
            assert text_of(pilot, "#rep-question") == "Band squat, set 1 of 2: how many reps?"
            # The rest after the set counts down under the question, from the set's end.
            await advance(pilot, harness.clock, 3)
            assert screen.session.current.kind.value == "rest"
            assert screen.session.remaining() == 17
            assert screen.query_one(Countdown).value == "17"
            await pilot.press("1", "x", "4", "enter")  # a letter is not taken
            assert not isinstance(pilot.app.screen, RepCountScreen)
            assert screen.session.records[1].reps_done == 14
            [saved] = HistoryStore(
                Locations.under(tmp_path).history_dir, default_device_name()
            ).unfinished()
            assert saved.exercise("Band squat")[0].reps == (14,)

            await advance(pilot, harness.clock, 17 + 40)
            # The last set is over and so is the workout, but the summary waits for the answer.
            assert screen.session.state is SessionState.FINISHED
            assert isinstance(pilot.app.screen, RepCountScreen)
            assert pilot.app.screen.query_one(Input).has_focus
            await pilot.press("enter")  # nothing typed: skipped
            await pilot.pause()
            assert isinstance(pilot.app.screen, SummaryScreen)
            works = [r for r in screen.session.records if r.kind.value == "work"]
            assert [(r.reps_done, r.skipped) for r in works] == [(14, False), (None, False)]
            assert "14 · –" in screen_text(pilot.app)

    asyncio.run(body())


def test_a_skipped_work_set_is_not_asked_about(tmp_path: Path) -> None:
    routine = load_routine(write_routine(tmp_path, "intervals", INTERVALS))

    async def body() -> None:
        harness = build(tmp_path, routine)
        async with harness.app.run_test(size=SIZE) as pilot:
            screen = workout(pilot)
            await advance(pilot, harness.clock, 5 + 10)
            await pilot.press("s")
            assert not isinstance(pilot.app.screen, RepCountScreen)
            assert screen.session.reps_to_record == []
            assert screen.session.records[-1].skipped

    asyncio.run(body())
