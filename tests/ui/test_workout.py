"""Following a workout through the real app, with a fake clock moved by the tests."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bandtimer.domain.session import SessionState
from bandtimer.sound import Cue
from bandtimer.storage.routines import load_routine
from bandtimer.ui.screens.confirm import ConfirmScreen
from bandtimer.ui.screens.help import HelpScreen
from bandtimer.ui.screens.menu import MenuScreen
from bandtimer.ui.screens.summary import SummaryScreen
from bandtimer.ui.widgets.countdown import Countdown
from tests.ui.harness import advance, build, quick_try, text_of, workout, write_routine

SIZE = (100, 30)

COUNTED = """
name = "Counted"
[timing]
get_ready = 5
rest_between_sets = 20
[[exercise]]
name = "Clamshell"
sets = 2
reps = [3, 5]
"""

TEMPO_EACH = """
name = "Tempo each side"
[timing]
get_ready = 5
switch_sides = 4
[[exercise]]
name = "Kick back"
sides = "each"
sets = 1
reps = 4
tempo = 2.0
"""

LONG_HOLD = """
name = "Plank"
[timing]
get_ready = 5
[[exercise]]
name = "Banded plank"
sets = 1
hold = 30
"""


def digits(pilot) -> str:
    return pilot.app.screen.query_one(Countdown).value


def test_quick_try_from_the_menu_to_the_summary(tmp_path: Path) -> None:
    async def body() -> None:
        harness = build(tmp_path)
        async with harness.app.run_test(size=SIZE) as pilot:
            assert isinstance(pilot.app.screen, MenuScreen)
            await pilot.press("slash", *"quick", "enter")
            await pilot.pause()
            screen = workout(pilot)
            assert screen.session.plan.routine.name == "Quick try"
            assert text_of(pilot, "#phase") == "GET READY"
            assert digits(pilot) == "5"
            await advance(pilot, harness.clock, 5)
            assert text_of(pilot, "#phase") == "HOLD"
            assert digits(pilot) == "1"
            assert screen.query_one(Countdown).words == ("REP", "OF 3")
            assert text_of(pilot, "#caption") == "hold · 5 s left of 5 s"
            # Follow the rest of the plan one second at a time, as a person would.
            for _ in range(200):
                if not isinstance(pilot.app.screen, type(screen)):
                    break
                await advance(pilot, harness.clock, 1)
            assert isinstance(pilot.app.screen, SummaryScreen)
            assert screen.session.state is SessionState.FINISHED
            assert Cue.DONE in harness.player.played
            assert Cue.SWITCH in harness.player.played
            await pilot.press("enter")  # a rep pressed as it ends: the summary stays
            await pilot.pause()
            assert isinstance(pilot.app.screen, SummaryScreen)
            await advance(pilot, harness.clock, 2)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(pilot.app.screen, SummaryScreen), "Enter never leaves it"
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(pilot.app.screen, MenuScreen)

    asyncio.run(body())


def test_pause_holds_the_time_and_nothing_counts(tmp_path: Path) -> None:
    async def body() -> None:
        harness = build(tmp_path, load_routine(write_routine(tmp_path, "plank", LONG_HOLD)))
        async with harness.app.run_test(size=SIZE) as pilot:
            await advance(pilot, harness.clock, 5 + 10)
            assert text_of(pilot, "#phase") == "HOLD"
            assert digits(pilot) == "20"
            await pilot.press("space")
            assert text_of(pilot, "#phase").startswith("PAUSED")
            assert workout(pilot).query_one("#countdown").has_class("-paused")
            cues_before = list(harness.player.played)
            await advance(pilot, harness.clock, 600)
            assert digits(pilot) == "20"
            assert harness.player.played == cues_before
            await pilot.press("space")
            assert text_of(pilot, "#phase") == "HOLD"
            await advance(pilot, harness.clock, 5)
            assert digits(pilot) == "15"

    asyncio.run(body())


def test_skip_and_back(tmp_path: Path) -> None:
    async def body() -> None:
        harness = build(tmp_path, quick_try())
        async with harness.app.run_test(size=SIZE) as pilot:
            assert text_of(pilot, "#phase") == "GET READY"
            await pilot.press("b")  # back on the first segment restarts it
            assert text_of(pilot, "#phase") == "GET READY"
            assert workout(pilot).session.index == 0
            await pilot.press("s")
            assert text_of(pilot, "#phase") == "HOLD"
            await pilot.press("s")
            assert text_of(pilot, "#phase") == "REST"
            await pilot.press("b")
            assert text_of(pilot, "#phase") == "HOLD"
            assert digits(pilot) == "1"  # the set starts again from its first hold
            assert text_of(pilot, "#caption") == "hold · 5 s left of 5 s"
            assert workout(pilot).session.records[-1].skipped

    asyncio.run(body())


def test_quit_asks_first_and_keeps_what_was_done(tmp_path: Path) -> None:
    async def body() -> None:
        harness = build(tmp_path, quick_try())
        async with harness.app.run_test(size=SIZE) as pilot:
            await advance(pilot, harness.clock, 5 + 19)  # get ready and the first set
            session = workout(pilot).session
            await pilot.press("q")
            await pilot.pause()
            assert isinstance(pilot.app.screen, ConfirmScreen)
            assert session.is_paused, "the clock stands still while the question is open"
            await pilot.press("n")
            await pilot.pause()
            assert workout(pilot).session is session
            assert session.state is SessionState.RUNNING
            await pilot.press("q")
            await pilot.pause()
            await pilot.press("y")
            await pilot.pause()
            assert isinstance(pilot.app.screen, SummaryScreen)
            assert session.state is SessionState.QUIT
            done = [r for r in session.records if r.reps_done and not r.skipped]
            assert [r.reps_done for r in done] == [3]

    asyncio.run(body())


def test_counting_reps_by_hand(tmp_path: Path) -> None:
    async def body() -> None:
        harness = build(tmp_path, load_routine(write_routine(tmp_path, "counted", COUNTED)))
        async with harness.app.run_test(size=SIZE) as pilot:
            await advance(pilot, harness.clock, 5)
            session = workout(pilot).session
            assert text_of(pilot, "#phase") == "REPS"
            await pilot.press("enter", "enter")
            assert digits(pilot) == "2"
            await pilot.press("f")  # 2 is below the range: refused
            assert text_of(pilot, "#phase") == "REPS"
            await pilot.press("enter")
            assert "f finishes the set" in str(workout(pilot).query_one("#caption").render())
            await pilot.press("f")
            assert text_of(pilot, "#phase") == "REST"
            await advance(pilot, harness.clock, 20)
            await pilot.press(*["enter"] * 5)  # the top of the range ends the set by itself
            assert isinstance(pilot.app.screen, SummaryScreen)
            reps = [r.reps_done for r in session.records if r.reps_done is not None]
            assert reps == [3, 5]

    asyncio.run(body())


def test_tempo_reps_count_themselves_on_both_sides(tmp_path: Path) -> None:
    async def body() -> None:
        harness = build(tmp_path, load_routine(write_routine(tmp_path, "tempo", TEMPO_EACH)))
        async with harness.app.run_test(size=SIZE) as pilot:
            await advance(pilot, harness.clock, 5)
            assert workout(pilot).query_one("#side").word == "RIGHT"
            await advance(pilot, harness.clock, 6)
            assert digits(pilot) == "4"  # rep 4 of 4: three are done
            assert text_of(pilot, "#caption") == "3 of 4 done · 2 s a rep"
            await advance(pilot, harness.clock, 2)
            assert text_of(pilot, "#phase") == "SWITCH SIDES"
            assert Cue.SWITCH in harness.player.played
            assert workout(pilot).query_one("#side").word == "LEFT"
            assert text_of(pilot, "#exercise") == "Kick back: LEFT side next"
            await advance(pilot, harness.clock, 4)
            assert text_of(pilot, "#phase") == "REPS"
            assert workout(pilot).query_one("#side").word == "LEFT"

    asyncio.run(body())


def test_rest_can_be_stretched_and_shortened(tmp_path: Path) -> None:
    async def body() -> None:
        harness = build(tmp_path, quick_try())
        async with harness.app.run_test(size=SIZE) as pilot:
            await advance(pilot, harness.clock, 5 + 19)
            assert text_of(pilot, "#phase") == "REST"
            assert digits(pilot) == "10"
            await pilot.press("plus")
            assert digits(pilot) == "20"
            await pilot.press("minus", "minus")
            assert digits(pilot) == "0" or text_of(pilot, "#phase") == "HOLD"
            await pilot.pause()
            assert text_of(pilot, "#phase") == "HOLD"

    asyncio.run(body())


def test_rest_keys_do_nothing_during_work(tmp_path: Path) -> None:
    async def body() -> None:
        harness = build(tmp_path, quick_try())
        async with harness.app.run_test(size=SIZE) as pilot:
            await advance(pilot, harness.clock, 5)
            before = digits(pilot)
            await pilot.press("plus")
            assert digits(pilot) == before

    asyncio.run(body())


def test_mute_silences_cues(tmp_path: Path) -> None:
    async def body() -> None:
        harness = build(tmp_path, quick_try())
        async with harness.app.run_test(size=SIZE) as pilot:
            await advance(pilot, harness.clock, 5)
            assert harness.player.played, "going from get ready into work plays a cue"
            await pilot.press("m")
            heard = len(harness.player.played)
            for _ in range(30):
                await advance(pilot, harness.clock, 1)
            assert len(harness.player.played) == heard
            await pilot.press("m")
            for _ in range(30):
                await advance(pilot, harness.clock, 1)
            assert len(harness.player.played) > heard

    asyncio.run(body())


def test_started_muted_plays_nothing(tmp_path: Path) -> None:
    async def body() -> None:
        harness = build(tmp_path, quick_try(), mute=True)
        async with harness.app.run_test(size=SIZE) as pilot:
            for _ in range(90):
                await advance(pilot, harness.clock, 1)
            assert harness.player.played == []

    asyncio.run(body())


def test_help_lists_the_workout_keys_and_holds_the_clock(tmp_path: Path) -> None:
    async def body() -> None:
        harness = build(tmp_path, quick_try())
        async with harness.app.run_test(size=SIZE) as pilot:
            await pilot.press("question_mark")
            await pilot.pause()
            help_screen = pilot.app.screen
            assert isinstance(help_screen, HelpScreen)
            keys = [key for row in help_screen.rows() for key in row[0].split(" / ")]
            assert {"space", "enter", "f", "s", "b", "+", "-", "m", "q", "?"} <= set(keys)
            assert keys.count("space") == 1, "space once: pause / resume"
            assert ("space", "pause / resume") in help_screen.rows()
            await pilot.press("escape")
            await pilot.pause()
            assert workout(pilot).session.state is SessionState.RUNNING

    asyncio.run(body())
