"""`run`, `list`, `show` and `--help` as a new user meets them, in a terminal of a given width."""

from __future__ import annotations

import argparse
import importlib
import re
from pathlib import Path
from typing import Any

import pytest

from bandtimer import __main__ as cli
from bandtimer.domain.routine import Routine
from tests.test_cli import ROOT, bandtimer

SHIPPED = sorted((ROOT / "routines").glob("*.toml"))
BROKEN = """name = "Broken one"
[[exercise]]
name = "Clamshell"
sets = "three"
hold = 90
"""


def test_run_accepts_the_start_of_a_name(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    started: list[Routine | None] = []

    class App:
        return_code = 0

        def run(self) -> None:
            pass

    def create_app(
        locations: Any, *, start_routine: Routine | None, mute: bool, voice: bool
    ) -> App:
        started.append(start_routine)
        return App()

    monkeypatch.setenv("BANDTIMER_HOME", str(tmp_path))
    monkeypatch.setattr("bandtimer.ui.factory.create_app", create_app)
    launching = importlib.import_module("bandtimer.cli.launch")  # the module, not its function
    monkeypatch.setattr(launching, "_is_terminal", lambda stream: True)
    monkeypatch.setattr(launching, "ascii_fallback", lambda *streams, cells: None)
    assert cli.main(["run", "quick"]) == 0
    assert [routine.name if routine else None for routine in started] == ["Quick try"]


@pytest.mark.parametrize("command", ["run", "show"])
def test_a_name_that_fits_several_routines_lists_them_and_exits_2(
    tmp_path: Path, command: str
) -> None:
    result = bandtimer(command, "band", home=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    said = result.stdout + result.stderr
    assert "'band' could be any of" in said
    for name in ("Mini band workouts", "Resistance band workouts"):
        assert name in said
    assert "Traceback" not in said


def test_show_finds_a_routine_by_a_word_of_its_name(tmp_path: Path) -> None:
    result = bandtimer("show", "DEEP", home=tmp_path)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("Marathoner deep strength\n")


def test_list_at_100_columns_keeps_file_names_whole_and_errors_on_their_own_lines(
    tmp_path: Path,
) -> None:
    routines = tmp_path / "routines"
    routines.mkdir()
    (routines / "broken-on-purpose.toml").write_text(BROKEN, encoding="utf-8")
    result = bandtimer("list", home=tmp_path, columns=100)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    words = set(result.stdout.split())
    for path in [*SHIPPED, routines / "broken-on-purpose.toml"]:
        assert path.name in words, f"{path.name} is broken across lines:\n{result.stdout}"
    problems = [line for line in lines if "broken-on-purpose.toml:" in line]
    assert len(problems) == 2, result.stdout
    table = lines[: lines.index(problems[0])]
    assert max(map(len, table)) <= 100
    for problem in problems:
        # Each problem is a line of its own, whole, after the table's last row.
        assert problem.startswith(f"  {routines / 'broken-on-purpose.toml'}:")
        assert lines.index(problem) > max(i for i, line in enumerate(lines) if "quick-try" in line)
    assert any(line.endswith('sets must be a whole number or [min, max], got "three"')
               for line in problems)  # fmt: skip


@pytest.mark.parametrize("routine", SHIPPED, ids=lambda path: path.stem)
def test_show_fits_an_80_by_24_terminal_with_the_summary_first(
    tmp_path: Path, routine: Path
) -> None:
    result = bandtimer("show", routine.stem, home=tmp_path, columns=80)
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    assert len(lines) <= 23, "with the prompt under it, all of it shows without scrolling"
    summary = "\n".join(lines[:8])
    assert re.search(r"^Planned total: \d+:\d\d · \d+ exercises$", summary, re.MULTILINE)
    assert "Equipment: " in summary
    assert "Timeline" not in result.stdout
    assert lines[-1] == f"Band set-up and every segment: bandtimer show {routine.stem} --timeline"


def test_show_timeline_adds_the_set_up_and_every_segment(tmp_path: Path) -> None:
    result = bandtimer("show", "quick", "--timeline", home=tmp_path)
    assert result.returncode == 0, result.stdout
    out = result.stdout
    assert out.index("Planned total: 1:22") < out.index("Where each band goes")
    assert out.index("Where each band goes") < out.index("Timeline")
    assert "around the thighs, just above the knees" in out
    for word in ("get ready", "switch sides", "rest", "Glute bridge", "Lateral banded walk"):
        assert word in out[out.index("Timeline") :]


def parsers() -> dict[str, argparse.ArgumentParser]:
    parser = cli.build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {"": parser, **commands.choices}


def examples(help_text: str) -> list[str]:
    """The example lines under `examples:` in a --help, spaces evened out."""
    block = help_text.split("\nexamples:\n", 1)[1].split("\n\n", 1)[0]
    return [" ".join(line.split()) for line in block.splitlines()]


def readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Using it", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    return [" ".join(line.split()) for line in block.splitlines()]


@pytest.mark.parametrize("command", sorted(parsers()))
def test_every_command_has_help_with_an_example_of_itself(command: str) -> None:
    found = examples(parsers()[command].format_help())
    assert found
    for line in found:
        argv = line.split("#", 1)[0].split()
        assert argv[0] == "bandtimer"
        if command:
            assert argv[1] == command, line
        else:  # the menu itself: no command, perhaps an option
            assert all(arg.startswith("-") for arg in argv[1:]), line


def test_the_readme_command_list_is_the_examples_of_every_help() -> None:
    in_help = [line for parser in parsers().values() for line in examples(parser.format_help())]
    assert sorted(readme_commands()) == sorted(in_help)


def test_show_keeps_a_broken_files_path_whole(tmp_path: Path) -> None:
    broken = tmp_path / "a-rather-long-file-name-for-a-broken-routine.toml"
    broken.write_text(BROKEN, encoding="utf-8")
    result = bandtimer("show", str(broken), home=tmp_path, columns=60)
    assert result.returncode == 1
    assert f"{broken}:5: " in result.stdout, result.stdout  # the line `hold = 90` is on
