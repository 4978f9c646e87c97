"""Starting a routine from the menu, and refusing to start a broken one, in the real app.

Starting is observed through the `StartRoutine` messages the menu posts and the workout the app
then shows; a broken file is listed, explained in the preview and in one notification, and never
started. Small terminals keep the list usable for both.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from bandtimer.ui.messages import StartRoutine
from bandtimer.ui.screens.menu import MenuScreen
from bandtimer.ui.widgets.routine_preview import RoutinePreview
from tests.ui.harness import record_notifications, workout, write_routine
from tests.ui.menu_helpers import (
    BROKEN,
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

# -- broken files -------------------------------------------------------------------------------


def test_a_broken_routine_is_listed_explained_and_not_started(tmp_path: Path) -> None:
    write_routine(tmp_path, "oops", BROKEN)
    (tmp_path / "routines" / "latin1.toml").write_bytes(b'name = "caf\xe9"\n')
    (tmp_path / "routines" / "folder.toml").mkdir()
    write_routine(tmp_path, "empty", "")

    async def body(pilot: Pilot[Any], starts: list[StartRoutine]) -> None:
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
    async def body(pilot: Pilot[Any], starts: list[StartRoutine]) -> None:
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

    async def body(pilot: Pilot[Any], starts: list[StartRoutine]) -> None:
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
    async def body(pilot: Pilot[Any], starts: list[StartRoutine]) -> None:
        await pilot.press("q")
        await pilot.pause()
        assert pilot.app.return_code == 0  # None until the app exits

    run(tmp_path, body)


# -- small terminals ----------------------------------------------------------------------------


def test_sixty_by_twenty_shows_list_and_preview(tmp_path: Path) -> None:
    async def body(pilot: Pilot[Any], starts: list[StartRoutine]) -> None:
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

    async def body(pilot: Pilot[Any], starts: list[StartRoutine]) -> None:
        assert not menu(pilot).query_one(RoutinePreview).display
        await pilot.press("down", "down", "r", "slash", *"quick", "escape", "end", "home")
        await highlight(pilot, "oops")
        await pilot.press("enter", "slash", *"quick", "enter")
        await pilot.pause()
        assert [start.routine.name for start in starts] == ["Quick try"]

    run(tmp_path, body, size=(30, 10))
