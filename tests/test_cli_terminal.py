"""The command line in the terminals and pipes people really have: global options on either side
of the command, no terminal at all, a Latin-1 or ASCII locale, and a reader that leaves early.

In-process where that proves the point (the streams are replaced for the test), real processes
only where the point is the process: its exit, its pipe, its terminal.
"""

from __future__ import annotations

import importlib
import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bandtimer.__main__ import build_parser, main
from bandtimer.cli.streams import ASCII_CELL_FALLBACK, ASCII_FALLBACK, nearest_ascii
from tests.terminal_process import start_in_a_terminal
from tests.test_cli import ROOT

COMMANDS = {
    "run": ["run", "quick try"],
    "list": ["list"],
    "show": ["show", "quick try"],
    "check": ["check", "routines/quick-try.toml"],
    "history": ["history"],
    "stats": ["stats"],
}


def bandtimer_process(home: Path, *args: str, **popen: object) -> subprocess.Popen[bytes]:
    env = os.environ | {"BANDTIMER_HOME": str(home), "NO_COLOR": "1"}
    return subprocess.Popen(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "bandtimer", *args], cwd=ROOT, env=env, **popen
    )


# -- global options before or after the command ---------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_mute_means_the_same_before_and_after_the_command(command: list[str]) -> None:
    parser = build_parser()
    assert parser.parse_args(["--mute", *command]).mute is True
    assert parser.parse_args([*command, "--mute"]).mute is True
    assert parser.parse_args(command).mute is False


@pytest.mark.parametrize(
    "argv", [["--mute", "run", "quick try"], ["run", "quick try", "--mute"], ["--mute"]]
)
def test_the_app_is_started_muted_wherever_mute_is_written(
    argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[bool] = []
    module = importlib.import_module(
        "bandtimer.cli.launch"
    )  # the package's `launch` is the function
    monkeypatch.setattr(
        module, "launch", lambda _locations, routine, mute, voice: started.append(mute) or 0
    )
    assert main(argv) == 0
    assert started == [True]


@pytest.mark.parametrize(
    ("argv", "voice"),
    [
        (["--no-voice", "run", "quick try"], False),
        (["run", "quick try", "--no-voice"], False),
        (["run", "quick try"], True),
        (["--no-voice"], False),
    ],
)
def test_no_voice_works_wherever_it_is_written(
    argv: list[str], voice: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[bool] = []
    module = importlib.import_module("bandtimer.cli.launch")
    monkeypatch.setattr(
        module, "launch", lambda _locations, routine, mute, voice: started.append(voice) or 0
    )
    assert main(argv) == 0
    assert started == [voice]


def test_version_after_a_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["list", "--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == "bandtimer 0.1.0"


# -- no terminal -------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["run", "quick try"], []], ids=["run", "menu"])
def test_without_a_terminal_the_screens_say_so_and_exit_2(
    tmp_path: Path, command: list[str]
) -> None:
    """`echo | bandtimer run 'quick try'` used to run the whole workout unseen and never exit."""
    process = bandtimer_process(
        tmp_path, *command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        out, err = process.communicate(b"\n", timeout=30)
    finally:
        process.kill()
    assert process.returncode == 2
    assert b"need a terminal" in err and b"stdin" in err, err
    assert out == b""
    assert not (tmp_path / "history").exists(), "nothing was recorded"


def test_printing_commands_work_without_a_terminal(tmp_path: Path) -> None:
    process = bandtimer_process(
        tmp_path, "show", "quick try", stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    out, _ = process.communicate(b"\n", timeout=60)
    assert process.returncode == 0
    assert b"Planned total: 1:22" in out


# -- encodings that cannot carry every character ------------------------------------------------


@pytest.mark.parametrize(
    ("character", "ascii"),
    [("–", "-"), ("…", "..."), ("█", "#"), ("▄", "#"), ("┏", "+"), ("━", "-"), ("┃", "|"),
     ("╹", "|"), ("╺", "-"), ("␛", "^["), ("␇", "^G"), ("\u2421", "^?"), ("é", "e"), ("漢", "?"),
     ("×", "x"), ("\udcff", "?")],
)  # fmt: skip
def test_nearest_ascii(character: str, ascii: str) -> None:
    assert nearest_ascii(character) == ascii


def test_on_a_screen_each_character_becomes_one() -> None:
    """Textual lays a screen out in cells: a longer line would wrap at the edge."""
    text = "band: ␛]0 … → ⏎ █ ┃ 漢 é"
    assert text.encode("ascii", errors=ASCII_CELL_FALLBACK) == b"band: ^]0 . - E # | ? e"
    assert text.encode("ascii", errors=ASCII_FALLBACK) == b"band: ^[]0 ... -> Enter # | ? e"


def in_an_encoding(encoding: str) -> tuple[io.TextIOWrapper, io.BytesIO]:
    raw = io.BytesIO()
    return io.TextIOWrapper(raw, encoding=encoding, write_through=True), raw


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
@pytest.mark.parametrize(
    "command",
    [*(args for name, args in COMMANDS.items() if name != "run"), ["check", "nowhere.toml"],
     ["show", "no such routine"]],
)  # fmt: skip
def test_printing_commands_degrade_to_ascii_where_the_encoding_cannot_carry_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str, command: list[str]
) -> None:
    """`LC_ALL=en_US.ISO-8859-1 bandtimer show 'quick try'` raised UnicodeEncodeError on "–"."""
    monkeypatch.setenv("BANDTIMER_HOME", str(tmp_path))
    monkeypatch.chdir(ROOT)
    stdout, out = in_an_encoding(encoding)
    stderr, err = in_an_encoding(encoding)
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr(sys, "stderr", stderr)
    assert main(command) in (0, 1)
    printed = (out.getvalue() + err.getvalue()).decode(encoding)
    assert printed.strip()
    if command[:1] == ["show"] and "no such" not in command[1]:
        times = "×" if encoding == "latin-1" else "x"  # Latin-1 has ×; ASCII gets the nearest
        assert f"2 sets {times} 3 reps" in printed
        assert "3-4 reps" in printed


def test_the_workout_screen_draws_blocks_as_ascii_in_a_latin_1_terminal(tmp_path: Path) -> None:
    """It drew the big digits as the literal text `\\u2588`."""
    output = bytearray()
    process, reader = start_in_a_terminal(
        tmp_path, "--mute", "run", "quick try", env={"PYTHONIOENCODING": "latin-1"}, output=output
    )
    deadline = time.monotonic() + 60
    try:
        # The first set's screen: its exercise and its big digits, drawn one way or the other.
        while b"Glute bridge" not in output or not (b"##" in output or b"\\u2588" in output):
            assert process.poll() is None, bytes(output).decode("latin-1")
            assert time.monotonic() < deadline, "the workout screen never appeared"
            time.sleep(0.05)
    finally:
        process.kill()
        process.wait(timeout=10)
        reader.join(timeout=10)
    assert b"\\u" not in output
    assert b"##" in output


# -- a reader that leaves ------------------------------------------------------------------------


def test_a_closed_pipe_ends_check_quietly(tmp_path: Path) -> None:
    """`bandtimer check a b c d | head -1`: the reader is gone before the first line is written
    (its end of the pipe is closed before the process starts), which is when it used to end in
    a BrokenPipeError traceback."""
    reading, writing = os.pipe()
    os.close(reading)
    files = [str(path) for path in sorted((ROOT / "routines").glob("*.toml"))]
    try:
        process = bandtimer_process(
            tmp_path, "check", *files, stdout=writing, stderr=subprocess.PIPE
        )
    finally:
        os.close(writing)
    _, err = process.communicate(timeout=60)
    assert err == b""
    assert process.returncode == 0


class ClosedPipe(io.StringIO):
    """stdout after the reader has gone: every write and flush fails as a pipe's would."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self) -> None:
        raise BrokenPipeError(32, "Broken pipe")


@pytest.mark.parametrize(
    "command",
    [*(args for name, args in COMMANDS.items() if name != "run"), ["history", "--format", "csv"],
     ["history", "--format", "json"]],
)  # fmt: skip
def test_every_printing_command_ends_quietly_when_the_reader_leaves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.setenv("BANDTIMER_HOME", str(tmp_path))
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert main(command) == 0
    assert sys.stderr.getvalue() == ""
