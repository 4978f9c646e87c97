"""The menu's list, driven the way a person drives it, in the real app built by `create_app`.

Listing the routines with their preview and footer keys, filtering them, reading the files again,
and text from files shown as data: a routine name that looks like markup must come out on screen
exactly as it was written. Starting routines and refusing broken ones: test_menu_starting.py;
the command palette and the history's dates: test_menu_palette_history.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from bandtimer.ui.messages import StartRoutine
from bandtimer.ui.screens.help import HelpScreen
from bandtimer.ui.screens.menu import MenuScreen
from bandtimer.ui.widgets.routine_list import entry_matches
from tests.ui.harness import build, workout, write_routine
from tests.ui.menu_helpers import (
    BROKEN,
    SHIPPED,
    highlight,
    highlighted,
    menu,
    preview_text,
    rendered,
    routine_list,
    routine_toml,
    run,
    shown_names,
)

# -- listing ------------------------------------------------------------------------------------


def test_the_shipped_routines_are_listed_with_their_size(tmp_path: Path) -> None:
    async def body(pilot: Pilot[Any], starts: list[StartRoutine]) -> None:
        assert shown_names(pilot) == SHIPPED
        lines = "\n".join(rendered(routine_list(pilot)))
        assert "Quick try" in lines
        assert "2 exercises · 1:22 · sampler" in lines
        assert highlighted(pilot).name == "Quick try"  # a first start: nothing recorded yet
        assert preview_text(pilot).startswith("Quick try\n")

    run(tmp_path, body)


def test_the_preview_shows_everything_about_the_highlighted_routine(tmp_path: Path) -> None:
    async def body(pilot: Pilot[Any], starts: list[StartRoutine]) -> None:
        await highlight(pilot, "Quick try")
        text = preview_text(pilot)
        for expected in (
            "Quick try",
            "2 exercises · 1:22 planned",
            "Two tiny exercises that show every screen bandtimer has.",
            "Equipment: mini band, mat",
            "Tags: sampler",
            "Source: bandtimer sampler",
            "Notes: Not a workout",
            "quick-try.toml (shipped)",
            "1. Glute bridge\n   2 sets × 3 reps, 5 s hold each rep",
            "band: mini band",
            "placement: around the thighs, just above the knees",
            "2. Lateral banded walk\n   1 set × 3–4 reps, 2 s a rep, each side",
        ):
            assert expected in text

    run(tmp_path, body)


def test_the_footer_offers_the_menu_keys_with_ids(tmp_path: Path) -> None:
    async def body(pilot: Pilot[Any], starts: list[StartRoutine]) -> None:
        ids = {binding.id for binding in MenuScreen.BINDINGS if not isinstance(binding, tuple)}
        assert {"start", "filter", "reload", "quit"} <= ids
        shown = {
            binding.binding.id: binding.binding.description
            for binding in menu(pilot).active_bindings.values()
            if binding.binding.show
        }
        assert shown["start"] == "Start"
        assert shown["filter"] == "Filter"
        assert shown["reload"] == "Reload"
        assert shown["quit"] == "Quit"

    run(tmp_path, body)


# -- filtering ----------------------------------------------------------------------------------


def test_filter_narrows_by_name_tag_and_exercise_and_escape_restores(tmp_path: Path) -> None:
    async def body(pilot: Pilot[Any], starts: list[StartRoutine]) -> None:
        await pilot.press("slash")
        assert isinstance(pilot.app.focused, Input)
        await pilot.press(*"QUICK")
        assert shown_names(pilot) == ["Quick try"]
        await pilot.pause()  # the preview follows the list a frame later
        assert preview_text(pilot).startswith("Quick try\n")
        await pilot.press(*["backspace"] * 5, *"sampler")  # a tag
        assert shown_names(pilot) == ["Quick try"]
        await pilot.press(*["backspace"] * 7, *"banded plank")  # an exercise, two words
        assert shown_names(pilot) == [
            "Mini band weekday",
            "Mini band workouts",
            "Resistance band workouts",
        ]
        await pilot.press(*"zzz")
        assert shown_names(pilot) == []
        assert "No routine matches" in preview_text(pilot)
        await pilot.press("escape")
        assert shown_names(pilot) == SHIPPED
        assert pilot.app.focused is routine_list(pilot)
        assert menu(pilot).query_one(Input).value == ""

    run(tmp_path, body)


def test_typing_part_of_a_name_and_enter_starts_it(tmp_path: Path) -> None:
    async def body(pilot: Pilot[Any], starts: list[StartRoutine]) -> None:
        await pilot.press("slash", *"quick", "enter")
        await pilot.pause()
        assert [start.routine.name for start in starts] == ["Quick try"]
        assert workout(pilot).session.plan.routine.name == "Quick try"

    run(tmp_path, body)


def test_slash_and_letters_arriving_in_one_read_all_reach_the_filter(tmp_path: Path) -> None:
    """A paste, a fast typist or tmux can deliver `/quick` before `/` has been handled: every
    key is queued at once here, as the terminal driver would post them."""

    async def body(pilot: Pilot[Any], starts: list[StartRoutine]) -> None:
        for character in "/quick":
            key = "slash" if character == "/" else character
            pilot.app.post_message(events.Key(key, character))
        await pilot.pause()
        assert isinstance(pilot.app.focused, Input)
        assert pilot.app.focused.value == "quick"
        assert shown_names(pilot) == ["Quick try"]
        await pilot.press("slash")  # in the filter, `/` is only a character
        assert pilot.app.focused.value == "quick/"

    run(tmp_path, body)


def test_filter_keeps_the_highlighted_routine_when_it_still_matches(tmp_path: Path) -> None:
    async def body(pilot: Pilot[Any], starts: list[StartRoutine]) -> None:
        await highlight(pilot, "Resistance band workouts")
        await pilot.press("slash", *"band")
        assert highlighted(pilot).name == "Resistance band workouts"
        await pilot.press("down")  # from the filter to the list
        assert pilot.app.focused is routine_list(pilot)

    run(tmp_path, body)


def test_entry_matches_ignores_case_and_finds_broken_files_by_file_name(tmp_path: Path) -> None:
    write_routine(tmp_path, "mine", routine_toml("Hip day", "Monster walk", '["Hips"]'))
    write_routine(tmp_path, "oops", BROKEN)
    services = build(tmp_path).app.services
    mine, oops = (entry for entry in services.routines() if entry.origin == "user")
    assert all(entry_matches(mine, query) for query in ("HIP", "hips", "monster WALK", ""))
    assert not entry_matches(mine, "hip squat")
    assert entry_matches(oops, "oops")
    assert entry_matches(oops, "OOPS.toml")


# -- reading the files again --------------------------------------------------------------------


def test_r_reads_new_and_edited_files(tmp_path: Path) -> None:
    async def body(pilot: Pilot[Any], starts: list[StartRoutine]) -> None:
        assert "Hip day" not in shown_names(pilot)
        path = write_routine(tmp_path, "mine", routine_toml("Hip day"))
        await pilot.press("r")
        assert "Hip day" in shown_names(pilot)
        path.write_text(BROKEN.replace("Broken one", "Hip day"), encoding="utf-8")
        await pilot.press("r")
        assert "mine" in shown_names(pilot)

    run(tmp_path, body)


def test_coming_back_to_the_menu_reads_the_files_again(tmp_path: Path) -> None:
    async def body(pilot: Pilot[Any], starts: list[StartRoutine]) -> None:
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        write_routine(tmp_path, "mine", routine_toml("Hip day"))
        await pilot.press("escape")
        await pilot.pause()
        assert "Hip day" in shown_names(pilot)

    run(tmp_path, body)


# -- text from files is data --------------------------------------------------------------------

HOSTILE = [
    "[bold]x",
    "[/]",
    "[link=x]y",
    "🏃‍♀️ band day 💪",
    "تمرين الورك",  # right-to-left
    "$accent and [$warning]",
]


def test_names_that_look_like_markup_are_shown_as_written(tmp_path: Path) -> None:
    for number, name in enumerate(HOSTILE):
        write_routine(tmp_path, f"hostile{number}", routine_toml(name, f"{name} step", '["[/i]"]'))
    long_name = "L" * 299 + "!"
    write_routine(tmp_path, "long", routine_toml(long_name))

    async def body(pilot: Pilot[Any], starts: list[StartRoutine]) -> None:
        assert set(HOSTILE) <= set(shown_names(pilot))
        for name in HOSTILE:
            await highlight(pilot, name)  # scrolled into view: six shipped routines come first
            assert f"{name} · yours" in "\n".join(rendered(routine_list(pilot)))
            text = preview_text(pilot)
            assert text.startswith(name + "\n")
            assert f"1. {name} step" in text
            assert "Tags: [/i]" in text
            assert name in "\n".join(rendered(menu(pilot).query_one("#preview-text")))
        await highlight(pilot, long_name)
        assert preview_text(pilot).startswith(long_name + "\n")
        row = next(line for line in rendered(routine_list(pilot)) if "LLLL" in line)
        assert row.rstrip(" ▎").endswith("…"), row  # cut to the list's width, not wrapped
        await pilot.press("enter")
        await pilot.pause()
        assert starts[-1].routine.name == long_name

    run(tmp_path, body)
