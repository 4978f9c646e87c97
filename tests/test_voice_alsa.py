"""A routine followed by ear: what the sound card received, and when, checked against the plan.

Two runs of the same 35-second routine, side by side in child processes (`follow_routine_child`),
each with ALSA writing every stream to a WAV of its own: one with espeak-ng installed, one with
it taken off PATH. The file PCM's null sink does not pace writes, so each stream's file is
written in full the moment it opens: its modification time is when that sound started. Each
recorded stream is then identified by its samples: a cue by its frames, a phrase by comparing it
with what espeak-ng itself says for the expected words (rendered here, apart from bandtimer).
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
import wave
from array import array
from dataclasses import dataclass
from pathlib import Path

import pytest

from bandtimer.sound import Cue
from bandtimer.voice import NO_ESPEAK
from bench.voice import VOICE_ROUTINE
from tests.real_time import REAL_TIME
from tests.test_sound_alsa import LIBASOUND_PROBLEM, file_pcm_config, frames_of

CHILD = Path(__file__).resolve().parent / "follow_routine_child.py"
ESPEAK = shutil.which("espeak-ng")
ON_TIME = 0.15
"""Seconds a sound may start from its due time: polling, opening the stream, file timestamps
(a few ms each), with room for a busy two-core machine. The tests are `REAL_TIME`: the rest of
the suite yields the CPU to them (tests/real_time.py); `make bench` measures the real delay."""

pytestmark = [
    REAL_TIME,
    pytest.mark.skipif(LIBASOUND_PROBLEM is not None, reason=str(LIBASOUND_PROBLEM)),
    pytest.mark.skipif(
        ESPEAK is None, reason="espeak-ng is not installed; `make test` installs it"
    ),
]

ROUTINE = VOICE_ROUTINE
"""The routine the voice benchmark follows: a get-ready, held reps, a rest, tempo reps each
side (a spoken number a rep), quick reps (a beat a rep) and the end."""

SPOKEN = [
    (
        0.0,
        "Get ready. Glute bridge. Mini band above the knees. "
        "One set of two, holding each rep five seconds.",
    ),
    (1.0, "Three."),
    (2.0, "Two."),
    (3.0, "One."),
    (4.0, "Go. Hold."),
    (9.0, "Release."),
    (10.0, "Hold."),
    (
        15.0,
        "Rest, four seconds. Up next: Clam shell. Mini band around the thighs. "
        "One set of two, one and a half seconds a rep, each side.",
    ),
    (16.0, "Three."),
    (17.0, "Two."),
    (18.0, "One."),
    (19.0, "Right side. Go."),
    (20.5, "One."),
    (22.0, "Switch sides. Left side."),
    (23.0, "Two."),
    (24.0, "One."),
    (25.0, "Left side. Go."),
    (26.5, "One."),
    (28.0, "Rest, four seconds. Up next: Fast steps. One set of three, one second a rep."),
    (29.0, "Three."),
    (30.0, "Two."),
    (31.0, "One."),
    (32.0, "Go."),
    (33.0, Cue.BEAT),  # a rep of 1 s is too quick for a number
    (34.0, Cue.BEAT),
    (35.0, "Workout done. Thirty-five seconds, three sets."),
]
"""What a listener hears with the voice, and when (seconds from the start)."""

BEEPED = [
    (1.0, Cue.COUNT),
    (2.0, Cue.COUNT),
    (3.0, Cue.COUNT),
    (4.0, Cue.GO),
    (9.0, Cue.RELEASE),
    (10.0, Cue.HOLD),
    (15.0, Cue.REST),
    (16.0, Cue.COUNT),
    (17.0, Cue.COUNT),
    (18.0, Cue.COUNT),
    (19.0, Cue.GO),
    (20.5, Cue.BEAT),
    (22.0, Cue.SWITCH),
    (23.0, Cue.COUNT),
    (24.0, Cue.COUNT),
    (25.0, Cue.GO),
    (26.5, Cue.BEAT),
    (28.0, Cue.REST),
    (29.0, Cue.COUNT),
    (30.0, Cue.COUNT),
    (31.0, Cue.COUNT),
    (32.0, Cue.GO),
    (33.0, Cue.BEAT),
    (34.0, Cue.BEAT),
    (35.0, Cue.DONE),
]
"""The same routine without espeak-ng: a beep at every moment that has one."""


@dataclass(frozen=True)
class Stream:
    at: float
    """Seconds after the session started."""
    samples: array[int]


@dataclass(frozen=True)
class Run:
    result: dict[str, object]
    streams: list[Stream]
    stderr: str


def _start(tmp_path: Path, path_env: str) -> tuple[subprocess.Popen[str], Path]:
    tmp_path.mkdir()
    routine = tmp_path / "by-ear.toml"
    routine.write_text(ROUTINE)
    config, out = file_pcm_config(tmp_path)
    env = {**os.environ, "ALSA_CONFIG_PATH": str(config), "PATH": path_env}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(routine), str(tmp_path / "home")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return child, out


def _finish(child: subprocess.Popen[str], out: Path) -> Run:
    stdout, stderr = child.communicate(timeout=180)
    assert child.returncode == 0, stderr
    result = json.loads(stdout)
    paths = [out, *sorted(out.parent.glob(out.name + ".*"))][1:]  # the first is the probe
    streams = []
    for path in paths:
        with wave.open(str(path), "rb") as wav:
            samples = array("h", wav.readframes(wav.getnframes()))
        streams.append(Stream(path.stat().st_mtime - float(result["started"]), samples))
    return Run(result, streams, stderr)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    """Both runs at once: each takes half a minute of real time."""
    base = tmp_path_factory.mktemp("by-ear")
    no_espeak = base / "empty-bin"
    no_espeak.mkdir()
    started = {
        "voice": _start(base / "voice", os.environ["PATH"]),
        "beeps": _start(base / "beeps", str(no_espeak)),
    }
    return {name: _finish(*child) for name, child in started.items()}


def espeak_says(text: str) -> array[int]:
    """espeak-ng's own samples for `text`, with the settings bandtimer uses by default."""
    assert ESPEAK is not None
    done = subprocess.run(
        [ESPEAK, "-v", "en-us", "-s", "170", "-z", "--stdout"],
        input=text.encode(),
        capture_output=True,
        check=True,
    )
    wav_bytes = done.stdout
    data = wav_bytes.index(b"data") + 8
    return array("h", wav_bytes[data:])


def correlation(a: array[int], b: array[int]) -> float:
    n = min(len(a), len(b))
    dot = sum(x * y for x, y in zip(a[:n], b[:n], strict=True))
    norm = math.sqrt(sum(x * x for x in a[:n]) * sum(y * y for y in b[:n]))
    return dot / norm if norm else 0.0


def cue_samples(cue: Cue) -> array[int]:
    return array("h", frames_of(cue))


def what_was_heard(stream: Stream, expected: str | Cue) -> bool:
    if isinstance(expected, Cue):
        return stream.samples == cue_samples(expected)
    spoken = espeak_says(expected)  # 22,050 Hz; bandtimer's copy is 44,100 Hz
    halved = stream.samples[::2]
    return abs(len(halved) - len(spoken)) <= 2 and correlation(halved, spoken) > 0.99


def check_timeline(run: Run, expected: list[tuple[float, str | Cue]]) -> None:
    heard = [(round(stream.at, 3), len(stream.samples)) for stream in run.streams]
    assert len(run.streams) == len(expected), heard
    for stream, (due, what) in zip(run.streams, expected, strict=True):
        assert abs(stream.at - due) <= ON_TIME, (due, what, stream.at)
        assert what_was_heard(stream, what), (due, what, stream.at)


def test_the_voice_says_each_line_at_the_moment_it_is_due(runs: dict[str, Run]) -> None:
    run = runs["voice"]
    assert run.result["player_problem"] is None and run.result["no_voice"] is None
    assert run.result["voice_problems"] == []
    check_timeline(run, SPOKEN)
    assert run.stderr == ""


def test_without_espeak_the_same_routine_beeps_and_says_why(runs: dict[str, Run]) -> None:
    run = runs["beeps"]
    assert run.result["no_voice"] == NO_ESPEAK
    check_timeline(run, BEEPED)
    assert run.stderr == ""


def test_the_phrase_check_tells_words_apart() -> None:
    """Guards `what_was_heard`: a different phrase of the same length must not pass."""
    three, two = espeak_says("Three."), espeak_says("Two.")
    doubled = array("h", [sample for sample in three for _ in range(2)])
    assert what_was_heard(Stream(0.0, doubled), "Three.")
    assert not what_was_heard(Stream(0.0, doubled), "Two.")
    assert correlation(three, two) < 0.9
