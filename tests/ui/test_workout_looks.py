"""The workout screen read from the mat, two metres away, at the sizes people really use.

Issue 11: digits that use the height, a banner whose colour says what to do and turns red for
the last seconds, "rep 3 of 12" with a bar through each rep, and the time the workout has left.
Issue 16: at 40×12 and 60×20 nothing a runner needs (time left, what to do, side, set, the keys,
the rating) is cut off, and at 200×60 the side sits beside the phase.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from rich.cells import cell_len
from textual.color import Color
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Footer, ProgressBar

from bandtimer.ui.widgets.big_number import BigNumber
from bandtimer.ui.widgets.countdown import Countdown
from tests.ui.harness import Harness, advance, build, quick_try, text_of, workout

INTO_THE_BRIDGE = 5 + 2
"""Quick try: 2 s into the first 5 s hold of the glute bridge (rep 1 of 3)."""
INTO_THE_RELEASE = 5 + 5.5
INTO_THE_REST = 5 + 48 + 4
"""The rest before the lateral walk, RIGHT side next, with the glute bridge to be rated."""
INTO_THE_WALK = 5 + 48 + 10 + 3
"""The lateral walk, right side: 2 s a rep, so rep 2 of 4, half way through it."""
INTO_THE_SWITCH = 5 + 48 + 10 + 8 + 1


def run(harness: Harness, size: tuple[int, int], body: Any) -> None:
    async def main() -> None:
        async with harness.app.run_test(size=size) as pilot:
            await pilot.pause()
            await body(pilot)

    asyncio.run(main())


def shows(widget: Widget) -> bool:
    """Displayed, with an area, wholly inside the screen."""
    screen = widget.screen
    return (
        widget.display
        and widget.region.area > 0
        and screen.region.contains_region(widget.region)
    )


def banner_colour(pilot: Pilot[Any]) -> Color:
    return workout(pilot).query_one("#banner").styles.background


# -- issue 11: readable from two metres ----------------------------------------------------------


def test_the_digits_use_the_height_they_have(tmp_path: Path) -> None:
    rows = {}
    for size in [(80, 24), (100, 30), (120, 40), (200, 60)]:
        # A home of its own each time: a second run of Quick try in one home is offered the
        # first one's unfinished workout to resume.
        harness = build(tmp_path / f"{size[0]}x{size[1]}", quick_try())

        async def body(
            pilot: Pilot[Any], size: tuple[int, int] = size, harness: Harness = harness
        ) -> None:
            await advance(pilot, harness.clock, INTO_THE_REST)
            number = workout(pilot).query_one(BigNumber)
            assert shows(number), f"at {size}"
            rows[size] = number.region.height

        run(harness, size, body)
    assert rows[(100, 30)] >= 9
    assert rows == {(80, 24): 5, (100, 30): 10, (120, 40): 15, (200, 60): 20}


def test_each_thing_to_do_colours_the_banner_its_own_colour(tmp_path: Path) -> None:
    harness = build(tmp_path, quick_try())
    colours: dict[str, Color] = {}

    async def body(pilot: Pilot[Any]) -> None:
        moments = [
            ("GET READY", 1),
            ("HOLD", INTO_THE_BRIDGE - 1),
            ("RELEASE", INTO_THE_RELEASE - INTO_THE_BRIDGE),
            ("REST", INTO_THE_REST - INTO_THE_RELEASE),
            ("REPS", INTO_THE_WALK - INTO_THE_REST),
            ("SWITCH SIDES", INTO_THE_SWITCH - INTO_THE_WALK),
        ]
        for phase, seconds in moments:
            await advance(pilot, harness.clock, seconds)
            assert text_of(pilot, "#phase") == phase
            colours[phase] = banner_colour(pilot)

    run(harness, (100, 30), body)
    assert len(set(colours.values())) == 6, colours


def test_the_last_three_seconds_turn_the_whole_banner_red(tmp_path: Path) -> None:
    harness = build(tmp_path, quick_try())

    async def body(pilot: Pilot[Any]) -> None:
        await advance(pilot, harness.clock, INTO_THE_REST)  # 6 s of the 10 s rest left
        rest = banner_colour(pilot)
        await advance(pilot, harness.clock, 3.5)
        assert workout(pilot).query_one(Countdown).value == "3"
        red = banner_colour(pilot)
        assert red != rest
        assert workout(pilot).query_one("#big-number").styles.color == red
        await advance(pilot, harness.clock, 3)  # the walk: its own colour again
        assert banner_colour(pilot) not in (red, rest)

    run(harness, (100, 30), body)


def test_a_three_second_switch_keeps_its_colour_throughout(tmp_path: Path) -> None:
    harness = build(tmp_path, quick_try())

    async def body(pilot: Pilot[Any]) -> None:
        await advance(pilot, harness.clock, INTO_THE_SWITCH)
        assert not workout(pilot).query_one("#banner").has_class("-final")

    run(harness, (100, 30), body)


def test_tempo_reps_read_rep_2_of_4_with_a_bar_through_the_rep(tmp_path: Path) -> None:
    harness = build(tmp_path, quick_try())

    async def body(pilot: Pilot[Any]) -> None:
        await advance(pilot, harness.clock, INTO_THE_WALK - 1)  # rep 2 just begun
        countdown = workout(pilot).query_one(Countdown)
        bar = workout(pilot).query_one("#rep-bar")
        assert (countdown.value, countdown.words) == ("2", ("REP", "OF 4"))
        assert shows(bar)
        assert bar.filled == 0
        await advance(pilot, harness.clock, 1)  # half way through rep 2
        assert bar.filled == bar.size.width // 2
        await advance(pilot, harness.clock, 0.9)
        assert bar.filled > bar.size.width * 9 // 10
        await advance(pilot, harness.clock, 0.1)  # rep 3: the bar starts again
        assert (countdown.value, bar.filled) == ("3", 0)

    run(harness, (100, 30), body)


def test_held_reps_count_the_rep_and_name_the_hold(tmp_path: Path) -> None:
    harness = build(tmp_path, quick_try())

    async def body(pilot: Pilot[Any]) -> None:
        await advance(pilot, harness.clock, INTO_THE_BRIDGE)
        countdown = workout(pilot).query_one(Countdown)
        assert (countdown.value, countdown.words) == ("1", ("REP", "OF 3"))
        assert text_of(pilot, "#caption") == "hold · 3 s left of 5 s"
        await advance(pilot, harness.clock, INTO_THE_RELEASE - INTO_THE_BRIDGE)
        assert text_of(pilot, "#phase") == "RELEASE"
        assert text_of(pilot, "#caption") == "release · rep 2 in 2 s"

    run(harness, (100, 30), body)


def test_the_header_shows_the_time_left_as_skips_backs_and_rests_change_it(
    tmp_path: Path,
) -> None:
    harness = build(tmp_path, quick_try())  # 82 s planned

    async def body(pilot: Pilot[Any]) -> None:
        assert text_of(pilot, "#time-left") == "1:22 left"
        await advance(pilot, harness.clock, 2)
        assert text_of(pilot, "#time-left") == "1:20 left"
        await pilot.press("s")  # the 3 s left of the get ready are skipped
        assert text_of(pilot, "#time-left") == "1:17 left"
        await pilot.press("b")  # and done again
        assert text_of(pilot, "#time-left") == "1:22 left"
        await advance(pilot, harness.clock, 5 + 19 + 1)  # 1 s into the rest between sets
        assert text_of(pilot, "#phase") == "REST"
        assert text_of(pilot, "#time-left") == "0:57 left"
        await pilot.press("plus")
        assert text_of(pilot, "#time-left") == "1:07 left"
        await pilot.press("minus", "minus")
        assert text_of(pilot, "#time-left") == "0:48 left"  # the rest ends now: 19 + 10 + 19

    run(harness, (100, 30), body)


# -- issue 16: small and large terminals ----------------------------------------------------------


def test_at_40_by_12_what_to_do_the_side_the_set_and_the_time_left_stay(tmp_path: Path) -> None:
    harness = build(tmp_path, quick_try())

    async def body(pilot: Pilot[Any]) -> None:
        await advance(pilot, harness.clock, INTO_THE_REST)
        screen = workout(pilot)
        for selector in ("#time-left", "#phase", "#side-text", "#exercise", "#set-line"):
            assert shows(screen.query_one(selector)), f"{selector} is not visible at 40×12"
        assert text_of(pilot, "#side-text") == "RIGHT"
        assert text_of(pilot, "#set-line") == "set 1 / 1 · RIGHT side"
        assert shows(screen.query_one("#countdown"))
        # The rating question whole, its answers on a line of their own.
        feel = screen.query_one("#feel")
        assert shows(feel)
        assert text_of(pilot, "#feel").endswith("\n1 easy · 2 right · 3 hard")
        assert feel.region.height == 2
        # The footer's keys would be cut off: a hint that fits replaces it.
        hint = screen.query_one("#key-hint")
        assert shows(hint)
        assert cell_len(text_of(pilot, "#key-hint")) <= 40
        assert not shows(screen.query_one("Footer"))

    run(harness, (40, 12), body)


def test_at_40_by_12_a_tempo_set_still_reads_rep_2_of_4(tmp_path: Path) -> None:
    harness = build(tmp_path, quick_try())

    async def body(pilot: Pilot[Any]) -> None:
        await advance(pilot, harness.clock, INTO_THE_WALK)
        word = workout(pilot).query_one("#count-word")
        assert shows(word)
        assert word.word == "REP 2 OF 4"

    run(harness, (40, 12), body)


def test_at_60_by_20_the_banner_keeps_its_big_letters_in_every_phase(tmp_path: Path) -> None:
    harness = build(tmp_path, quick_try())

    async def body(pilot: Pilot[Any]) -> None:
        screen = workout(pilot)
        seen = []
        for _ in range(80):
            banner = screen.query_one("#banner")
            assert not banner.has_class("-plain"), f"plain letters for {text_of(pilot, '#phase')}"
            assert shows(screen.query_one("#phase-big"))
            seen.append(text_of(pilot, "#phase"))
            await advance(pilot, harness.clock, 1)
        assert {"GET READY", "HOLD", "RELEASE", "REST", "REPS", "SWITCH SIDES"} <= set(seen)
        assert screen.query_one(Footer).compact, "the footer closes up so every key fits"

    run(harness, (60, 20), body)


def test_at_200_by_60_the_side_sits_beside_the_phase(tmp_path: Path) -> None:
    harness = build(tmp_path, quick_try())

    async def body(pilot: Pilot[Any]) -> None:
        await advance(pilot, harness.clock, INTO_THE_REST)
        screen = workout(pilot)
        phase, side = screen.query_one("#phase-big"), screen.query_one("#side")
        assert (text_of(pilot, "#phase"), side.word) == ("REST", "RIGHT")
        assert shows(phase) and shows(side)
        assert 0 < side.region.x - phase.region.right <= 4
        middle = (phase.region.x + side.region.right) / 2
        assert abs(middle - 100) <= 3, "the banner's words sit over the number, mid-screen"

    run(harness, (200, 60), body)


def test_the_progress_bar_moves_with_the_second_not_on_a_redraw_of_its_own(
    tmp_path: Path,
) -> None:
    """Across a 100-column screen the bar of an 82 s routine could move five times a second,
    each a frame of its own; it moves when the time left turns over, never between."""
    harness = build(tmp_path, quick_try())

    async def body(pilot: Pilot[Any]) -> None:
        await advance(pilot, harness.clock, 10.0)
        bar = workout(pilot).query_one("#progress", ProgressBar)
        shown = bar.progress
        await advance(pilot, harness.clock, 0.6)  # the bar's half cell is some 0.4 s here
        assert bar.progress == shown
        await advance(pilot, harness.clock, 0.4)  # the second turns over
        assert bar.progress > shown

    run(harness, (100, 30), body)
