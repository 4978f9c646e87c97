"""The menu, driven the way a person drives it, in the real app built by `create_app`.

User routines are real files in a temporary BANDTIMER_HOME; starting is observed through the
`StartRoutine` messages the menu posts (run_test's message hook) and the workout the app then
shows. What a person reads is checked on the rendered lines of the widgets, so a routine name
that looks like markup must come out on screen exactly as it was written.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App
from textual.command import CommandList, DiscoveryHit, Hit
from textual.geometry import Region
from textual.message import Message
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input

from bandtimer.domain.history import Feel
from bandtimer.storage.routines import RoutineEntry
from bandtimer.ui.commands import RoutineCommands
from bandtimer.ui.screens.help import HelpScreen
from bandtimer.ui.screens.menu import MenuScreen
from bandtimer.ui.widgets.routine_list import RoutineList, entry_matches
from bandtimer.ui.widgets.routine_preview import RoutinePreview
from tests.ui.harness import build, quick_try, save_workout, workout, write_routine

SIZE = (100, 30)
SHIPPED = [
    "Marathoner deep strength",
    "Mini band workouts",
    "Quick try",
    "Resistance band workouts",
]


def routine_toml(name: str, exercise: str = "Clamshell", tags: str = "[]") -> str:
    return f"""
name = {json.dumps(name, ensure_ascii=False)}
tags = {tags}
[[exercise]]
name = {json.dumps(exercise, ensure_ascii=False)}
sets = 2
reps = 10
"""


BROKEN = """
name = "Broken one"
[[exercise]]
name = "Clamshell"
sets = "three"
reps = 0
"""


# -- helpers ------------------------------------------------------------------------------------


def menu(pilot: Pilot[Any]) -> MenuScreen:
    screen = pilot.app.screen
    assert isinstance(screen, MenuScreen), f"expected the menu, got {screen!r}"
    return screen


def routine_list(pilot: Pilot[Any]) -> RoutineList:
    return menu(pilot).query_one(RoutineList)


def shown_names(pilot: Pilot[Any]) -> list[str]:
    return [entry.name for entry in routine_list(pilot).entries]


def highlighted(pilot: Pilot[Any]) -> RoutineEntry:
    entry = routine_list(pilot).highlighted_entry
    assert entry is not None
    return entry


def preview_text(pilot: Pilot[Any]) -> str:
    return menu(pilot).query_one(RoutinePreview).text


def rendered(widget: Widget) -> list[str]:
    """The lines the terminal would show for `widget`, as text."""
    width, height = widget.region.size
    return [strip.text for strip in widget.render_lines(Region(0, 0, width, height))]


async def highlight(pilot: Pilot[Any], name: str) -> None:
    """Move the list's highlight to the routine called `name` with the arrow keys."""
    names = shown_names(pilot)
    await pilot.press("home")
    for _ in range(len(names)):
        if highlighted(pilot).name == name:
            return
        await pilot.press("down")
    assert highlighted(pilot).name == name, f"{name!r} is not in {names}"


def record_notifications(app: App[Any]) -> list[tuple[str, dict[str, Any]]]:
    notes: list[tuple[str, dict[str, Any]]] = []
    notify = app.notify

    def recording(message: str, **options: Any) -> None:
        notes.append((message, options))
        notify(message, **options)

    app.notify = recording  # type: ignore[method-assign]
    return notes


def run(
    home: Path,
    body: Callable[[Pilot[Any], list[MenuScreen.StartRoutine]], Any],
    *,
    size: tuple[int, int] = SIZE,
    app: App[Any] | None = None,
) -> None:
    """Open the real app (or `app`) on the menu in `home` and run `body(pilot, starts)`."""
    starts: list[MenuScreen.StartRoutine] = []

    def hook(message: Message) -> None:
        # A bubbling message is posted once to each node on its way up: count it once.
        if isinstance(message, MenuScreen.StartRoutine) and all(m is not message for m in starts):
            starts.append(message)

    async def main() -> None:
        tested = app or build(home).app
        async with tested.run_test(size=size, message_hook=hook) as pilot:
            await pilot.pause()
            await body(pilot, starts)

    asyncio.run(main())


# -- listing ------------------------------------------------------------------------------------


def test_the_shipped_routines_are_listed_with_their_size(tmp_path: Path) -> None:
    async def body(pilot: Pilot[Any], starts: list[MenuScreen.StartRoutine]) -> None:
        assert shown_names(pilot) == SHIPPED
        lines = "\n".join(rendered(routine_list(pilot)))
        assert "Quick try" in lines
        assert "2 exercises · 1:22 · sampler" in lines
        assert highlighted(pilot).name == SHIPPED[0]
        assert preview_text(pilot).startswith("Marathoner deep strength\n")

    run(tmp_path, body)


def test_the_preview_shows_everything_about_the_highlighted_routine(tmp_path: Path) -> None:
    async def body(pilot: Pilot[Any], starts: list[MenuScreen.StartRoutine]) -> None:
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
    async def body(pilot: Pilot[Any], starts: list[MenuScreen.StartRoutine]) -> None:
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
    async def body(pilot: Pilot[Any], starts: list[MenuScreen.StartRoutine]) -> None:
        await pilot.press("slash")
        assert isinstance(pilot.app.focused, Input)
        await pilot.press(*"QUICK")
        assert shown_names(pilot) == ["Quick try"]
        await pilot.pause()  # the preview follows the list a frame later
        assert preview_text(pilot).startswith("Quick try\n")
        await pilot.press(*["backspace"] * 5, *"sampler")  # a tag
        assert shown_names(pilot) == ["Quick try"]
        await pilot.press(*["backspace"] * 7, *"banded plank")  # an exercise, two words
        assert shown_names(pilot) == ["Mini band workouts", "Resistance band workouts"]
        await pilot.press(*"zzz")
        assert shown_names(pilot) == []
        assert "No routine matches" in preview_text(pilot)
        await pilot.press("escape")
        assert shown_names(pilot) == SHIPPED
        assert pilot.app.focused is routine_list(pilot)
        assert menu(pilot).query_one(Input).value == ""

    run(tmp_path, body)


def test_typing_part_of_a_name_and_enter_starts_it(tmp_path: Path) -> None:
    async def body(pilot: Pilot[Any], starts: list[MenuScreen.StartRoutine]) -> None:
        await pilot.press("slash", *"quick", "enter")
        await pilot.pause()
        assert [start.routine.name for start in starts] == ["Quick try"]
        assert workout(pilot).session.plan.routine.name == "Quick try"

    run(tmp_path, body)


def test_slash_and_letters_arriving_in_one_read_all_reach_the_filter(tmp_path: Path) -> None:
    """A paste, a fast typist or tmux can deliver `/quick` before `/` has been handled: every
    key is queued at once here, as the terminal driver would post them."""

    async def body(pilot: Pilot[Any], starts: list[MenuScreen.StartRoutine]) -> None:
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
    async def body(pilot: Pilot[Any], starts: list[MenuScreen.StartRoutine]) -> None:
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


# -- broken files -------------------------------------------------------------------------------


def test_a_broken_routine_is_listed_explained_and_not_started(tmp_path: Path) -> None:
    write_routine(tmp_path, "oops", BROKEN)
    (tmp_path / "routines" / "latin1.toml").write_bytes(b'name = "caf\xe9"\n')
    (tmp_path / "routines" / "folder.toml").mkdir()
    write_routine(tmp_path, "empty", "")

    async def body(pilot: Pilot[Any], starts: list[MenuScreen.StartRoutine]) -> None:
        notes = record_notifications(pilot.app)
        names = shown_names(pilot)
        assert {"oops", "latin1", "folder", "empty"} <= set(names)
        assert "⚠ oops — invalid" in "\n".join(rendered(routine_list(pilot)))
        await highlight(pilot, "oops")
        text = preview_text(pilot)
        assert "⚠ oops — invalid" in text
        assert "2 problems to fix" in text
        assert 'exercise 1 "Clamshell": sets' in text
        assert 'exercise 1 "Clamshell": reps' in text
        await pilot.press("enter")
        await pilot.pause()
        assert starts == []
        assert isinstance(pilot.app.screen, MenuScreen)
        message, options = notes[-1]
        assert message.startswith('Fix oops.toml first:\noops.toml:5: exercise 1 "Clamshell": ')
        assert message.endswith("(and 1 more in the preview)")
        assert options["markup"] is False
        for name in ("latin1", "folder", "empty"):
            await highlight(pilot, name)
            assert "invalid" in preview_text(pilot)

    run(tmp_path, body)


# -- starting -----------------------------------------------------------------------------------


def test_enter_starts_the_highlighted_routine(tmp_path: Path) -> None:
    async def body(pilot: Pilot[Any], starts: list[MenuScreen.StartRoutine]) -> None:
        await highlight(pilot, "Quick try")
        expected = highlighted(pilot).routine
        await pilot.press("enter")
        await pilot.pause()
        assert len(starts) == 1
        assert starts[0].routine is expected
        assert workout(pilot).session.plan.routine is expected

    run(tmp_path, body)


def test_a_user_routine_replaces_the_shipped_one_of_the_same_name(tmp_path: Path) -> None:
    path = write_routine(tmp_path, "my-quick", routine_toml("QUICK TRY", "Clamshell"))

    async def body(pilot: Pilot[Any], starts: list[MenuScreen.StartRoutine]) -> None:
        assert [name.casefold() for name in shown_names(pilot)].count("quick try") == 1
        await highlight(pilot, "QUICK TRY")
        assert "QUICK TRY · yours" in "\n".join(rendered(routine_list(pilot)))
        assert "my-quick.toml (yours)" in preview_text(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert starts[0].routine.path == path
        assert starts[0].routine.exercises[0].name == "Clamshell"

    run(tmp_path, body)


def test_q_quits_from_the_menu(tmp_path: Path) -> None:
    async def body(pilot: Pilot[Any], starts: list[MenuScreen.StartRoutine]) -> None:
        await pilot.press("q")
        await pilot.pause()
        assert pilot.app.return_code == 0  # None until the app exits

    run(tmp_path, body)


# -- reading the files again --------------------------------------------------------------------


def test_r_reads_new_and_edited_files(tmp_path: Path) -> None:
    async def body(pilot: Pilot[Any], starts: list[MenuScreen.StartRoutine]) -> None:
        assert "Hip day" not in shown_names(pilot)
        path = write_routine(tmp_path, "mine", routine_toml("Hip day"))
        await pilot.press("r")
        assert "Hip day" in shown_names(pilot)
        path.write_text(BROKEN.replace("Broken one", "Hip day"), encoding="utf-8")
        await pilot.press("r")
        assert "mine" in shown_names(pilot)

    run(tmp_path, body)


def test_coming_back_to_the_menu_reads_the_files_again(tmp_path: Path) -> None:
    async def body(pilot: Pilot[Any], starts: list[MenuScreen.StartRoutine]) -> None:
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

    async def body(pilot: Pilot[Any], starts: list[MenuScreen.StartRoutine]) -> None:
        assert set(HOSTILE) <= set(shown_names(pilot))
        lines = "\n".join(rendered(routine_list(pilot)))
        for name in HOSTILE:
            assert f"{name} · yours" in lines
            await highlight(pilot, name)
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


# -- small terminals ----------------------------------------------------------------------------


def test_sixty_by_twenty_shows_list_and_preview(tmp_path: Path) -> None:
    async def body(pilot: Pilot[Any], starts: list[MenuScreen.StartRoutine]) -> None:
        routines = routine_list(pilot)
        preview = menu(pilot).query_one(RoutinePreview)
        assert preview.display and preview.size.width >= 20
        assert routines.size.width >= 24
        assert "Marathoner deep strength" in "\n".join(rendered(routines))
        await highlight(pilot, "Quick try")
        assert "Quick try" in "\n".join(rendered(preview.query_one("#preview-text")))

    run(tmp_path, body, size=(60, 20))


def test_thirty_by_ten_keeps_the_list_usable(tmp_path: Path) -> None:
    write_routine(tmp_path, "oops", BROKEN)

    async def body(pilot: Pilot[Any], starts: list[MenuScreen.StartRoutine]) -> None:
        assert not menu(pilot).query_one(RoutinePreview).display
        await pilot.press("down", "down", "r", "slash", *"quick", "escape", "end", "home")
        await highlight(pilot, "oops")
        await pilot.press("enter", "slash", *"quick", "enter")
        await pilot.pause()
        assert [start.routine.name for start in starts] == ["Quick try"]

    run(tmp_path, body, size=(30, 10))


# -- the command palette ------------------------------------------------------------------------


def test_the_palette_offers_each_valid_routine_and_starts_it(tmp_path: Path) -> None:
    write_routine(tmp_path, "oops", BROKEN)
    write_routine(tmp_path, "mark", routine_toml("[bold]x"))

    async def body(pilot: Pilot[Any], starts: list[MenuScreen.StartRoutine]) -> None:
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
    async def body(pilot: Pilot[Any], starts: list[MenuScreen.StartRoutine]) -> None:
        await pilot.press("enter")
        await pilot.pause()
        provider = RoutineCommands(workout(pilot))
        await provider.startup()
        hits: list[DiscoveryHit | Hit] = [hit async for hit in provider.discover()]
        assert hits == []

    run(tmp_path, body)


def test_the_palette_starts_a_routine_end_to_end(tmp_path: Path) -> None:
    async def body(pilot: Pilot[Any], starts: list[MenuScreen.StartRoutine]) -> None:
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

    async def body(pilot: Pilot[Any], starts: list[MenuScreen.StartRoutine]) -> None:
        await highlight(pilot, "Quick try")
        assert "last done 3 Mar 2025" in "\n".join(rendered(routine_list(pilot)))
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        preview = preview_text(pilot)
        assert "last done 3 Mar 2025" in preview
        assert "Glute bridge: Move up from blue to yellow" in preview
        await highlight(pilot, "Mini band workouts")
        assert "last done" not in preview_text(pilot)

    run(tmp_path, body)
