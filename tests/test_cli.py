"""The `bandtimer` command as a person runs it: real processes, real files in tmp_path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BAD = ROOT / "tests" / "data" / "bad"


def bandtimer(
    *args: str, home: Path, cwd: Path = ROOT, columns: int = 160
) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"BANDTIMER_HOME": str(home), "COLUMNS": str(columns), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "bandtimer", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=60,
    )


def test_check_passes_every_shipped_routine(tmp_path: Path) -> None:
    files = sorted(str(p) for p in (ROOT / "routines").glob("*.toml"))
    result = bandtimer("check", *files, home=tmp_path)
    assert result.returncode == 0, result.stdout
    assert result.stdout.count(": ok, ") == len(files) == 6


def test_check_reports_every_broken_file_and_exits_1(tmp_path: Path) -> None:
    files = sorted(str(p) for p in BAD.glob("*.toml"))
    assert len(files) >= 15
    result = bandtimer("check", *files, home=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    for name in files:
        assert Path(name).name in result.stdout, f"{name} is not named in the report"
    assert f"{len(files)} files of {len(files)} with problems" in result.stdout


def test_check_with_one_good_and_one_bad_file_still_fails(tmp_path: Path) -> None:
    good = ROOT / "routines" / "quick-try.toml"
    bad = tmp_path / "typo.toml"
    bad.write_text('name = "Typo"\n[[exercise]]\nname = "Bridge"\nrep = 10\n', encoding="utf-8")
    result = bandtimer("check", str(good), str(bad), home=tmp_path)
    assert result.returncode == 1
    assert "quick-try.toml: ok" in result.stdout
    assert 'did you mean "reps"?' in result.stdout


def test_list_shows_shipped_and_user_routines_with_errors(tmp_path: Path) -> None:
    routines = tmp_path / "routines"
    routines.mkdir()
    (routines / "mine.toml").write_text(
        'name = "[bold]Mine[/]"\n[[exercise]]\nname = "Bridge"\nhold = 20\n', encoding="utf-8"
    )
    (routines / "broken.toml").write_text("name = \n", encoding="utf-8")
    result = bandtimer("list", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Quick try" in result.stdout
    assert "[bold]Mine[/]" in result.stdout, "routine names print as written, never as markup"
    assert "broken" in result.stdout and "invalid" in result.stdout


def test_show_words_a_work_set_and_counts_its_seconds(tmp_path: Path) -> None:
    result = bandtimer("show", "band circuit", "--timeline", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Planned total: 12:30" in result.stdout
    assert "work 40 s, max reps" in result.stdout
    assert "rest between rounds" in result.stdout, "the circuit's two rounds are real rounds"


def test_show_by_path(tmp_path: Path) -> None:
    result = bandtimer("show", str(ROOT / "routines" / "quick-try.toml"), home=tmp_path)
    assert result.returncode == 0
    assert "Quick try" in result.stdout


@pytest.mark.parametrize("command", ["show", "run"])
def test_an_unknown_routine_is_a_clear_error(tmp_path: Path, command: str) -> None:
    result = bandtimer(command, "no such routine", home=tmp_path)
    assert result.returncode == 1
    assert "No routine called 'no such routine'" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [[], ["run"], ["list"], ["show"], ["check"]])
def test_every_command_has_help(tmp_path: Path, command: list[str]) -> None:
    result = bandtimer(*command, "--help", home=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("usage: bandtimer")


def test_version(tmp_path: Path) -> None:
    result = bandtimer("--version", home=tmp_path)
    assert result.stdout.strip() == "bandtimer 0.1.0"


def test_printing_commands_never_import_textual(tmp_path: Path) -> None:
    probe = (
        "import sys, contextlib, io\n"
        "from bandtimer.__main__ import main\n"
        "for args in (['list'], ['show', 'quick try'], ['check', 'routines/quick-try.toml']):\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        "        main(args)\n"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if 'textual' in m)\n"
        "print('clean')\n"
    )
    env = os.environ | {"BANDTIMER_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "clean", result.stderr


def test_nothing_is_created_by_reading_commands(tmp_path: Path) -> None:
    home = tmp_path / "home"
    bandtimer("list", home=home)
    bandtimer("show", "quick try", home=home)
    assert not home.exists()
