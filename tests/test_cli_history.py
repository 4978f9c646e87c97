"""`bandtimer history` and `bandtimer stats` as a person runs them, over a copy of the fixture.

Real processes with BANDTIMER_HOME at a temporary folder holding the fixture history, which has
one file cut short: it must be reported (in the output for the table, on stderr for CSV and JSON
so that stdout stays clean data), never crash anything, and stay byte for byte as it was.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import resource
import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from rich.console import Console

from bandtimer.cli.stats import print_stats, routine_counts
from bandtimer.storage.history import HistoryStore

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "data" / "history"
CORRUPT = "2025-02-11T07-30-00--hip-stability--phone-5ca1ab1e.toml"
CALVES = "Calves, core & plank [v2]"


def bandtimer(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"BANDTIMER_HOME": str(home), "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "bandtimer", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


@pytest.fixture
def home(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE / "2025", tmp_path / "history" / "2025")
    return tmp_path


def untouched(home: Path) -> dict[str, tuple[bytes, int]]:
    """Every history file's bytes and modification time."""
    return {
        path.name: (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted((home / "history").rglob("*"))
        if path.is_file()
    }


def table_rows(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if re.match(r"│ \d{4}-\d\d-\d\d ", line)]


def test_the_table_lists_the_newest_first_and_reports_the_broken_file(home: Path) -> None:
    before = untouched(home)

    result = bandtimer("history", home=home)

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    rows = table_rows(result.stdout)
    assert len(rows) == 15
    cells = [cell.strip() for cell in rows[0].split("│")[1:7]]
    assert cells == ["2025-03-19 19:00", "Hip stability", "in progress", "4", "3:25", "phone"]
    assert "2025-01-07 07:30" in rows[-1]
    assert sum(CALVES in row for row in rows) == 5, "names print as written, never as markup"
    assert "1 history file could not be read and was left as it is:" in result.stdout
    assert CORRUPT in result.stdout and "has no `sets_planned`" in result.stdout
    assert untouched(home) == before


def test_the_table_shows_twenty_unless_told(home: Path) -> None:
    few = bandtimer("history", "--limit", "3", home=home)
    assert [row[2:18] for row in table_rows(few.stdout)] == [
        "2025-03-19 19:00",
        "2025-03-18 07:30",
        "2025-03-15 09:30",
    ]
    assert "The newest 3; --all lists every workout." in few.stdout

    every = bandtimer("history", "--all", home=home)
    assert len(table_rows(every.stdout)) == 15
    assert "--all lists" not in every.stdout


def test_csv_is_the_expected_file_on_stdout_and_problems_on_stderr(home: Path) -> None:
    before = untouched(home)

    result = bandtimer("history", "--format", "csv", home=home)

    assert result.returncode == 0
    assert result.stdout == (FIXTURE / "expected.csv").read_text(encoding="utf-8")
    assert CORRUPT in result.stderr and "left as it is" in result.stderr
    assert "Traceback" not in result.stderr
    assert untouched(home) == before


def test_json_is_the_expected_file_on_stdout_and_problems_on_stderr(home: Path) -> None:
    result = bandtimer("history", "--format", "json", home=home)

    assert result.returncode == 0
    expected = json.loads((FIXTURE / "expected.json").read_text(encoding="utf-8"))
    assert json.loads(result.stdout) == expected
    assert CORRUPT in result.stderr


def test_a_limit_applies_to_the_exports_too(home: Path) -> None:
    result = bandtimer("history", "--format", "json", "--limit", "2", home=home)
    assert [item["started"] for item in json.loads(result.stdout)] == [
        "2025-03-18T07:30:00+01:00",
        "2025-03-19T19:00:00+01:00",
    ]


def test_stats_prints_streak_totals_and_routines(home: Path) -> None:
    before = untouched(home)

    result = bandtimer("stats", home=home)

    assert result.returncode == 0, result.stderr
    # "today" is the real date here, long after the fixture: no streak, nothing this week.
    assert "Streak: 0 weeks · this week 0 / 2" in result.stdout
    assert "All time: 13 workouts · 1:18:37 active · 108 sets" in result.stdout
    hips = next(line for line in result.stdout.splitlines() if "Hip stability" in line)
    # Completed, partial (a side plank let go at 14 s), stopped early, in progress, last done.
    assert [cell.strip() for cell in hips.split("│")[2:7]] == ["7", "1", "1", "1", "2025-03-19"]
    assert CALVES in result.stdout
    assert CORRUPT in result.stdout
    assert untouched(home) == before


def test_stats_counts_the_streak_from_today() -> None:
    load = HistoryStore(FIXTURE, "laptop").load_all()
    console = Console(file=io.StringIO(), width=120, markup=False, color_system=None)

    print_stats(console, load, weekly_target=2, today=date(2025, 3, 20))

    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert out.startswith("Streak: 3 weeks · this week 1 / 2\n")
    print_stats(console, replace(load, problems=[]), weekly_target=3, today=date(2025, 3, 20))
    assert "Streak: 0 weeks · this week 1 / 3" in console.file.getvalue()  # type: ignore


def test_routine_counts_split_by_how_each_workout_ended() -> None:
    counts = routine_counts(HistoryStore(FIXTURE, "laptop").load_all().records)
    assert [
        (c.routine, c.completed, c.partial, c.stopped_early, c.in_progress) for c in counts
    ] == [
        ("Hip stability", 7, 1, 1, 1),
        (CALVES, 4, 1, 0, 0),
    ]
    assert counts[1].last == date(2025, 3, 15)


def test_an_empty_history_is_said_plainly_and_nothing_is_created(tmp_path: Path) -> None:
    home = tmp_path / "home"
    message = "No workouts yet — finish one and it shows here."

    assert bandtimer("history", home=home).stdout.strip() == message
    assert bandtimer("stats", home=home).stdout.strip() == message
    assert bandtimer("history", "--format", "csv", home=home).stdout == (
        "date,workout,exercise,side,set,round,result,reps,seconds,held_seconds,band,feel,"
        "workout_id,status,device\n"
    )
    assert bandtimer("history", "--format", "json", home=home).stdout == "[]\n"
    assert not home.exists()


def test_a_closed_pipe_ends_the_export_quietly(home: Path) -> None:
    """`bandtimer history --format csv | head`: the reader leaving is not an error."""
    store = HistoryStore(home / "history", "laptop")
    records = store.load_all().records
    for copy in range(40):  # enough rows to fill the pipe
        for record in records:
            if record.device == "laptop":
                store.save(replace(record, id=f"{copy:02d}{record.id[:6]}"))
    env = os.environ | {"BANDTIMER_HOME": str(home)}
    process = subprocess.Popen(
        [sys.executable, "-m", "bandtimer", "history", "--format", "csv"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline().startswith(b"date,workout,")
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr


def test_control_characters_in_a_file_are_shown_not_obeyed(tmp_path: Path) -> None:
    """A history file is data: an ESC in it must not reach the terminal from the table."""
    store = HistoryStore(tmp_path / "history", "laptop")
    record = HistoryStore(FIXTURE, "laptop").load_all().records[1]
    hostile = "\x1b[31mred\x07 [bold]x[/]"
    store.save(replace(record, routine=replace(record.routine, name=hostile)))

    for command in (["history"], ["stats"]):
        result = bandtimer(*command, home=tmp_path)
        assert result.returncode == 0
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
        assert "␛[31mred␇ [bold]x[/]" in result.stdout
    # Exports hand over the text exactly: JSON escapes it, CSV quotes nothing away.
    exported = bandtimer("history", "--format", "json", home=tmp_path).stdout
    assert "\x1b" not in exported and json.loads(exported)[0]["routine"]["name"] == hostile
    assert hostile in bandtimer("history", "--format", "csv", home=tmp_path).stdout


@pytest.mark.parametrize("args", [["--limit", "0"], ["--limit", "many"], ["--format", "xml"]])
def test_bad_options_are_usage_errors(tmp_path: Path, args: list[str]) -> None:
    result = bandtimer("history", *args, home=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_all_and_limit_do_not_go_together(tmp_path: Path) -> None:
    result = bandtimer("history", "--all", "--limit", "5", home=tmp_path)
    assert result.returncode == 2
    assert "not allowed with argument" in result.stderr


@pytest.mark.parametrize("command", ["history", "stats"])
def test_the_commands_have_help(tmp_path: Path, command: str) -> None:
    result = bandtimer(command, "--help", home=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: bandtimer {command}")


def test_history_and_stats_never_import_textual(home: Path) -> None:
    probe = (
        "import sys, contextlib, io\n"
        "from bandtimer.__main__ import main\n"
        "for args in (['history'], ['history', '--format', 'csv'],\n"
        "             ['history', '--format', 'json'], ['stats']):\n"
        "    with contextlib.redirect_stdout(io.StringIO()), "
        "contextlib.redirect_stderr(io.StringIO()):\n"
        "        assert main(args) == 0\n"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if 'textual' in m)\n"
        "print('clean')\n"
    )
    env = os.environ | {"BANDTIMER_HOME": str(home)}
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "clean", result.stderr


def test_write_data_survives_a_stream_without_a_file_descriptor() -> None:
    """In-process (a test's redirect) stdout is a StringIO: no reconfigure, no fileno."""
    from bandtimer.cli.history import write_data

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert write_data([b"a,", "é\n".encode()]) == 0
    assert out.getvalue() == "a,é\n"


def test_an_absurd_number_in_a_history_file_is_reported_not_exported(home: Path) -> None:
    """`sets_done = 1000000000000` made the CSV export build a list of that many rows until it
    was killed. Run under a 1 GiB memory limit, so the old way fails fast instead of filling
    the machine."""
    [source] = (home / "history" / "2025").glob("2025-01-07T*")
    text = source.read_text(encoding="utf-8")
    assert "sets_done = 2\n" in text
    absurd = source.with_name("2025-01-08T07-30-00--hip-stability--laptop-0badf00d.toml")
    absurd.write_text(
        text.replace("sets_done = 2\n", "sets_done = 1000000000000\n", 1).replace(
            'id = "', 'id = "0badf00d', 1
        ),
        encoding="utf-8",
    )

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))

    env = os.environ | {"BANDTIMER_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-m", "bandtimer", "history", "--format", "csv"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, preexec_fn=limit_memory,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"skipped {absurd}" in done.stderr
    assert "[[exercise]] 1 `sets_done` must be a whole number from 0 to 400" in done.stderr
    assert "0badf00d" not in done.stdout and "1000000000000" not in done.stdout
    assert len(done.stdout.splitlines()) > 100  # the rest is exported
