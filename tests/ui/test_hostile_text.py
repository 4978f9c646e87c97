"""Routine files are data from anywhere: whatever they say is shown as written, never obeyed.

Markup (`[bold]`, `[link=…]`, `[$accent]`) must come out as those very characters; emoji with
joiners, right-to-left scripts, combining marks and a 10,000-character name must not break a
screen; and no control character from a file may reach the terminal, where an ESC would start
an escape sequence (colours, cursor moves, a write to the clipboard) and a BEL would ring. Names
with control characters are refused by the loader; in other text they are shown as symbols.
"""

from __future__ import annotations

import asyncio
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Static

from bandtimer.domain.text import visible_controls
from bandtimer.storage.routines import RoutineError, load_routine
from bandtimer.ui.screens.menu import MenuScreen
from bandtimer.ui.screens.summary import SummaryScreen
from bandtimer.ui.widgets.routine_list import RoutineList
from bandtimer.ui.widgets.routine_preview import RoutinePreview
from tests.ui.harness import advance, build, write_routine

SIZE = (100, 30)

MARKUP = "[bold]b [/] [link=file:///etc/passwd]x [$accent]a [/i]"
EMOJI = "🏃‍♀️ 👩‍👩‍👧‍👦 💪🏽"
RIGHT_TO_LEFT = "تمرين الورك · תרגיל ירך"
COMBINING = "Z̵̡̢a̸̛l̷g̶o̴ e\u0301\u0302"
ESCAPE = "\x1b[31mred"
BEL = "\x07"
CLIPBOARD = "\x1b]52;c;cGF5bG9hZA==\x07"
"""OSC 52: a terminal that obeys it puts "payload" on the clipboard."""
LONG_NAME = "".join(f"{n % 10}界[b]" for n in range(2000))
assert len(LONG_NAME) == 10_000

ROUTINE_NAME = f"{MARKUP} {EMOJI} {RIGHT_TO_LEFT} {COMBINING}"
FIRST_EXERCISE = f"{COMBINING} {MARKUP}"
NASTY = f"{MARKUP} {ESCAPE} {BEL}{CLIPBOARD} {EMOJI} {RIGHT_TO_LEFT} {COMBINING}"
"""For the text fields, which keep control characters (as symbols)."""

TEXTS = {
    "description": NASTY,
    "source": f"{ESCAPE}source",
    "notes": f"notes {BEL}{MARKUP}",
}
PLACEMENT = f"[link=file:///etc/passwd]around {ESCAPE}"
ANCHOR = f"[$accent] a post {BEL}"
STEPS = [MARKUP, NASTY, f"{ESCAPE}[2J{CLIPBOARD} clear the screen", RIGHT_TO_LEFT]


def toml(value: object) -> str:
    """A TOML value: JSON's strings and lists of strings are TOML's too."""
    return json.dumps(value, ensure_ascii=False)


def hostile_routine(name: str = ROUTINE_NAME) -> str:
    texts = "\n".join(f"{key} = {toml(value)}" for key, value in TEXTS.items())
    return f"""
name = {toml(name)}
{texts}
tags = {toml([MARKUP, ESCAPE])}
equipment = {toml([f"mini band {BEL}", "[red]mat"])}
[timing]
get_ready = 5
rest_between_exercises = 10
[[exercise]]
name = {toml(FIRST_EXERCISE)}
band = "mini"
placement = {toml(PLACEMENT)}
anchor = {toml(ANCHOR)}
sets = 1
hold = 30
steps = {toml(STEPS)}
[[exercise]]
name = {toml(LONG_NAME)}
sets = 1
reps = 2
"""


def named(name: str) -> str:
    return f"""
name = {toml(name)}
[[exercise]]
name = "Clamshell"
sets = 1
reps = 10
"""


# -- what reaches the terminal ------------------------------------------------------------------


def controls_in(text: str) -> set[str]:
    return {char for char in text if unicodedata.category(char) == "Cc" and char not in "\n\t"}


def assert_nothing_obeyed(app: App[Any]) -> None:
    """No control character from a file is in what is drawn: the SVG export holds every
    character the compositor would write to the terminal, as it would write it."""
    drawn = app.export_screenshot()
    assert "\x1b" not in drawn, "an ESC from a routine file reaches the terminal"
    assert "\x07" not in drawn, "a BEL from a routine file reaches the terminal"
    assert not controls_in(drawn)


def test_the_check_itself_sees_an_escape_that_gets_through() -> None:
    """Textual passes ESC in `Content` through to the terminal: this is what the tests guard."""

    class Leaky(App[None]):
        def compose(self) -> ComposeResult:
            yield Static(Content(f"a {ESCAPE} b"))

    async def body() -> None:
        app = Leaky()
        async with app.run_test(size=(40, 3)) as pilot:
            await pilot.pause()
            with pytest.raises(AssertionError):
                assert_nothing_obeyed(app)

    asyncio.run(body())


# -- the loader ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [f"Hip {ESCAPE}", f"Hip day{BEL}", "Hip\x9b31m", "a\u2028b"])
def test_a_name_with_control_characters_is_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(RoutineError) as refused:
        load_routine(write_routine(tmp_path, "evil", named(name)))
    message = str(refused.value)
    assert "must be one line without control characters" in message
    assert not controls_in(message), "the refusal shows the name escaped, not raw"


def test_an_exercise_name_with_control_characters_is_refused(tmp_path: Path) -> None:
    text = named("Fine").replace('"Clamshell"', toml(f"Clam{ESCAPE}"))
    with pytest.raises(RoutineError, match="without control characters"):
        load_routine(write_routine(tmp_path, "evil", text))


def test_text_fields_keep_everything_but_show_control_characters_as_symbols(
    tmp_path: Path,
) -> None:
    routine = load_routine(write_routine(tmp_path, "hostile", hostile_routine()))
    assert routine.name == ROUTINE_NAME
    assert routine.description == "".join(
        {"\x1b": "␛", "\x07": "␇"}.get(char, char) for char in NASTY
    )
    assert routine.notes == f"notes ␇{MARKUP}"
    assert routine.tags == (MARKUP, "␛[31mred")
    first, second = routine.exercises
    assert first.name == FIRST_EXERCISE
    assert first.placement == "[link=file:///etc/passwd]around ␛[31mred"
    assert first.steps == tuple(visible_controls(step) for step in STEPS)
    assert second.name == LONG_NAME
    for text in (routine.description, routine.source, first.anchor, *first.steps):
        assert not controls_in(text or "")


def test_line_breaks_and_tabs_in_text_stay() -> None:
    assert visible_controls("one\ntwo\tthree") == "one\ntwo\tthree"
    assert visible_controls("\r\x00\x7f\x9b") == "␍␀␡\ufffd"


# -- the menu -----------------------------------------------------------------------------------


async def highlight(pilot: Pilot[Any], name: str) -> None:
    routines = pilot.app.screen.query_one(RoutineList)
    routines.highlighted = [entry.name for entry in routines.entries].index(name)
    await pilot.pause()


def static_text(pilot: Pilot[Any], selector: str) -> str:
    """What a `Static` holds, as the `Content` string it renders."""
    return str(pilot.app.screen.query_one(selector, Static).content)


def test_the_menu_shows_hostile_text_as_written_and_obeys_none_of_it(tmp_path: Path) -> None:
    write_routine(tmp_path, "hostile", hostile_routine())
    write_routine(tmp_path, "long", named(LONG_NAME))
    write_routine(tmp_path, "evil", named(f"Evil {ESCAPE}"))

    async def body() -> None:
        harness = build(tmp_path)
        async with harness.app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            menu = pilot.app.screen
            assert isinstance(menu, MenuScreen)
            names = [entry.name for entry in menu.query_one(RoutineList).entries]
            assert {ROUTINE_NAME, LONG_NAME, "evil"} <= set(names)
            assert_nothing_obeyed(pilot.app)

            await highlight(pilot, ROUTINE_NAME)
            preview = menu.query_one(RoutinePreview).text
            assert preview.startswith(ROUTINE_NAME + "\n")
            shown = visible_controls(NASTY)
            assert f"\n\n{shown}\n" in preview  # the description
            assert f"Tags: {MARKUP}, ␛[31mred" in preview
            assert "Equipment: mini band ␇, [red]mat" in preview
            assert f"1. {FIRST_EXERCISE}\n" in preview
            assert "placement: [link=file:///etc/passwd]around ␛[31mred" in preview
            assert "anchor: [$accent] a post ␇" in preview
            assert f"2. {LONG_NAME}\n" in preview
            assert_nothing_obeyed(pilot.app)

            await highlight(pilot, LONG_NAME)
            assert menu.query_one(RoutinePreview).text.startswith(LONG_NAME + "\n")
            assert_nothing_obeyed(pilot.app)

            await highlight(pilot, "evil")  # refused: listed by its file name, explained
            preview = menu.query_one(RoutinePreview).text
            assert "without control characters" in preview
            assert not controls_in(preview)
            assert_nothing_obeyed(pilot.app)

            await pilot.press("enter")  # refused with a notification, which is drawn too
            await pilot.pause()
            assert isinstance(pilot.app.screen, MenuScreen)
            assert "Cannot start" in pilot.app.export_screenshot().replace("&#160;", " ")
            assert_nothing_obeyed(pilot.app)

    asyncio.run(body())


# -- the workout --------------------------------------------------------------------------------


def test_the_workout_shows_hostile_text_as_written_and_obeys_none_of_it(tmp_path: Path) -> None:
    routine = load_routine(write_routine(tmp_path, "hostile", hostile_routine()))

    async def body() -> None:
        harness = build(tmp_path, routine)
        async with harness.app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            assert static_text(pilot, "#heading") == f"{ROUTINE_NAME} · exercise 1 / 2"
            assert static_text(pilot, "#exercise") == f"Up next: {FIRST_EXERCISE}"
            assert_nothing_obeyed(pilot.app)

            await advance(pilot, harness.clock, 5 + 3)  # into the hold
            assert static_text(pilot, "#phase") == "HOLD"
            assert static_text(pilot, "#exercise") == FIRST_EXERCISE
            band = static_text(pilot, "#band")
            assert band == f"mini band · {visible_controls(PLACEMENT)} · anchor: [$accent] a post ␇"
            steps = static_text(pilot, "#steps")
            expected = [f"{n}. {visible_controls(step)}" for n, step in enumerate(STEPS, 1)]
            assert steps == "\n".join(expected)
            assert_nothing_obeyed(pilot.app)

            await advance(pilot, harness.clock, 27 + 1)  # the rest before the long one
            assert static_text(pilot, "#exercise") == f"Up next: {LONG_NAME}"
            assert_nothing_obeyed(pilot.app)
            await advance(pilot, harness.clock, 10)
            assert static_text(pilot, "#exercise") == LONG_NAME
            assert_nothing_obeyed(pilot.app)

            await pilot.press("enter", "enter")  # two reps: the end, and the summary
            await pilot.pause()
            assert isinstance(pilot.app.screen, SummaryScreen)
            assert static_text(pilot, "#routine-name") == ROUTINE_NAME
            assert_nothing_obeyed(pilot.app)

    asyncio.run(body())


def test_file_names_are_shown_and_never_obeyed(tmp_path: Path) -> None:
    """A file name can hold an ESC as well as any text can (Linux allows all but / and NUL)."""
    write_routine(tmp_path, f"fine{ESCAPE}", named("Fine file"))
    write_routine(tmp_path, f"broken{ESCAPE}", "name = 3")

    async def body() -> None:
        harness = build(tmp_path)
        async with harness.app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            names = [entry.name for entry in pilot.app.screen.query_one(RoutineList).entries]
            assert "broken␛[31mred" in names
            assert_nothing_obeyed(pilot.app)
            await highlight(pilot, "Fine file")
            assert "fine␛[31mred.toml (yours)" in static_text(pilot, "#preview-text")
            assert_nothing_obeyed(pilot.app)
            await highlight(pilot, "broken␛[31mred")
            preview = static_text(pilot, "#preview-text")
            assert "broken␛[31mred.toml:1: name must be text in quotes" in preview
            assert_nothing_obeyed(pilot.app)
            await pilot.press("enter")  # "Fix broken␛[31mred.toml first", as a notification
            await pilot.pause()
            drawn = pilot.app.export_screenshot().replace("&#160;", " ")
            assert "Fix broken␛[31mred.toml first" in drawn
            assert_nothing_obeyed(pilot.app)

    asyncio.run(body())
