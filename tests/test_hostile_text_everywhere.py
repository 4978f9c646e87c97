"""One hostile string, put everywhere a file or a path can carry text, reaches no terminal raw.

`HOSTILE` sets the terminal's title (OSC 0), rings the bell and starts an 8-bit CSI. It is put
in every place text comes from a file or a path rather than from bandtimer itself: the home
folder's path (so every config, routine and history path has it), a routine file's name, a
broken routine file's name, a routine's description, band names in config.toml, a band, a
routine name and a device in synced history files, an unfinished workout's routine name, and an
unreadable history file's name. Then the one test below walks every surface a person sees:

* every printing command (`list`, `show`, `check`, `run` with a broken file, `history` as a
  table, CSV and JSON printed on a terminal, `stats`), with stdout and stderr that say they are
  terminals;
* the app: the resume dialog, the settings warning, the menu's list and preview with its "Next
  time" advice, the history screen, the workout screen's band, the summary and its advice.

Each is checked for control characters other than line breaks and tabs. (Written to a pipe,
CSV and JSON keep the exact text: see tests/test_cli_history.py.)
"""

from __future__ import annotations

import asyncio
import io
import json
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.app import App

from bandtimer.__main__ import main
from bandtimer.domain.history import Feel, RoutineRef, WorkoutStatus
from bandtimer.storage.history import HistoryStore, default_device_name
from bandtimer.storage.locations import Locations
from bandtimer.storage.routines import load_routine
from bandtimer.ui.resume import ResumeScreen
from bandtimer.ui.screens.history import HistoryScreen
from bandtimer.ui.screens.menu import MenuScreen
from bandtimer.ui.screens.summary import SummaryScreen
from bandtimer.ui.screens.workout import WorkoutScreen
from tests.ui.harness import advance, build, save_workout
from tests.ui.menu_helpers import highlight, preview_text
from tests.ui.test_hostile_text import controls_in

HOSTILE = "\x1b]0;PWNED\x07\x9b31m"
ROUTINE = f"""
name = "Hostile"
description = {json.dumps(f"Says {HOSTILE}")}
[timing]
get_ready = 0
[[exercise]]
name = "Clamshell"
sets = 1
hold = 5
"""
BROKEN = 'name = "Broken"\n[[exercise]]\nname = "Clamshell"\nsets = "three"\nhold = 5\n'
CONFIG = f"""
weekly_target = "often"
[[band]]
name = "red"
[[band]]
name = {json.dumps(HOSTILE)}
"""
# The hostile band is the heaviest: easy on it, the dose stays on it (and says so), so it is the
# band the workout shows and the summary's line names.


class Terminal(io.StringIO):
    """stdout or stderr as a terminal: the CLI decides what to show by `isatty()`."""

    def isatty(self) -> bool:
        return True


def make_home(tmp_path: Path) -> tuple[Path, Path, Path]:
    """The home, its hostile routine file and its broken one."""
    home = tmp_path / f"home {HOSTILE}"
    routines = home / "routines"
    routines.mkdir(parents=True)
    routine_file = routines / f"{HOSTILE}.toml"
    routine_file.write_text(ROUTINE, encoding="utf-8")
    broken = routines / f"broken {HOSTILE}.toml"
    broken.write_text(BROKEN, encoding="utf-8")
    (home / "config.toml").write_text(CONFIG, encoding="utf-8")
    routine = load_routine(routine_file)
    assert HOSTILE[0] in routine.description.replace("␛", HOSTILE[0])  # the file does hold it

    history = Locations.under(home).history_dir
    done = save_workout(home, routine, datetime(2026, 3, 2, 7, tzinfo=UTC), band=HOSTILE,
                        feel=Feel.EASY)  # fmt: skip
    synced = HistoryStore(history, HOSTILE)
    synced.save(replace(done, id="5ca1ab1e", device=HOSTILE, routine=RoutineRef(HOSTILE),
                        started=done.started - timedelta(days=1)))  # fmt: skip
    mine = HistoryStore(history, default_device_name())  # only this device's are offered
    mine.save(replace(done, id="0ddba11e", device=mine.device, status=WorkoutStatus.IN_PROGRESS,
                      routine=RoutineRef(f"Gone {HOSTILE}"), resume_at=1,
                      started=done.started - timedelta(days=2)))  # fmt: skip
    (history / "2026" / f"2026-03-01T07-00-00--x--{HOSTILE}-0badf00d.toml").write_text("junk")
    return home, routine_file, broken


def printed(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> str:
    out, err = Terminal(), Terminal()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    main(argv)
    return out.getvalue() + err.getvalue()


def drawn(app: App[Any]) -> str:
    """Everything the compositor would write to the terminal, notifications included."""
    return app.export_screenshot()


def test_one_hostile_string_reaches_no_surface_raw(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home, routine_file, broken = make_home(tmp_path)
    monkeypatch.setenv("BANDTIMER_HOME", str(home))
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("TERM", "dumb")  # Rich draws no styles of its own: any ESC is a leak

    commands = [
        ["list"],
        ["show", "hostile"],
        ["show", str(routine_file)],
        ["show", f"nothing {HOSTILE}"],
        ["check", str(routine_file), str(broken)],
        ["run", str(broken)],
        ["history"],
        ["history", "--format", "csv"],
        ["history", "--format", "json"],
        ["stats"],
    ]
    for argv in commands:
        text = printed(argv, monkeypatch)
        assert text.strip(), argv
        assert not controls_in(text), f"bandtimer {' '.join(argv)!r} printed {text!r}"
    assert "PWNED" in printed(["history", "--format", "csv"], monkeypatch)
    monkeypatch.undo()

    surfaces: dict[str, str] = {}

    async def body() -> None:
        harness = build(home)
        app = harness.app
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, ResumeScreen)
            surfaces["resume dialog and the settings warning"] = drawn(app)
            await pilot.press("k")
            await pilot.pause()
            assert isinstance(app.screen, MenuScreen)
            await app.workers.wait_for_complete()
            await highlight(pilot, "Hostile")
            await pilot.pause()
            assert "This time" in preview_text(pilot)
            surfaces["menu and preview with advice"] = drawn(app)
            await highlight(pilot, "broken ␛]0;PWNED␇�31m")
            surfaces["menu and a broken file's problems"] = drawn(app)
            await pilot.press("h")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, HistoryScreen)
            surfaces["history screen"] = drawn(app)
            await pilot.press("escape")
            await highlight(pilot, "Hostile")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, WorkoutScreen)
            surfaces["workout with the band"] = drawn(app)
            for _ in range(20):
                if isinstance(app.screen, SummaryScreen):
                    break
                await advance(pilot, harness.clock, 1)
            assert isinstance(app.screen, SummaryScreen)
            await pilot.press("1")  # easy on the heaviest band: "stay on …, the heaviest band"
            await pilot.pause()
            surfaces["summary with advice"] = drawn(app)

    asyncio.run(body())
    for surface, text in surfaces.items():
        assert "PWNED" in text, f"the {surface} does not show the hostile text at all"
        assert not controls_in(text), f"the {surface} draws {controls_in(text)} raw"

