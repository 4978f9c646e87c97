"""A routine followed by ear: what the sound card received, and when, checked against the plan.

Two runs of the same 35-second routine (some 50 s with the voice, whose pauses hold for their
words), side by side in child processes (`follow_routine_child`),
each with ALSA writing every stream to a WAV of its own: one with espeak-ng installed, one with
it taken off PATH. The file PCM's null sink does not pace writes, so each stream's file is
written in full the moment it opens: its modification time is when that sound started. Each
recorded stream is then identified by its samples: a cue by its frames, a phrase by comparing it
with what espeak-ng itself says for the expected words (rendered here, apart from bandtimer),
and measured: from its first loud sample to its last, so that two sounds at once (a phrase the
next sound would cut) fail however the onsets look.
"""

from __future__ import annotations

import itertools
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

from bandtimer.coach.announcer import BREATH_SECONDS
from bandtimer.coach.speech import finish_text
from bandtimer.domain.set_kinds import COUNTDOWN_FROM
from bandtimer.sound import SAMPLE_RATE, Cue
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
ESPEAK_RATE = 22050
"""espeak-ng's own sample rate; bandtimer's copies are at `SAMPLE_RATE`."""
LOUD = 328
"""A sample beyond 1 % of full scale is sound; below it, silence."""
APART_SECONDS = 0.1
"""The least silence between two recorded sounds (each sound's own silent edges left out)."""

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


@dataclass(frozen=True)
class Say:
    """What is heard at a moment: `words` with the voice (None: only the beep), `beep` without."""

    words: str | None
    beep: Cue | None = None


@dataclass(frozen=True)
class Pause:
    """A pause of `seconds` that opens with `say` and ends with its three, two, one. With the
    voice it holds until a breath after its words end, if they need longer than it has."""

    seconds: float
    say: Say


@dataclass(frozen=True)
class Work:
    seconds: float
    moments: tuple[tuple[float, Say], ...]


STEPS = (
    Pause(
        4,
        Say(
            "Get ready. Glute bridge. Mini band above the knees. "
            "One set of two, holding each rep five seconds."
        ),
    ),
    Work(
        11,
        (
            (0, Say("Go. Hold.", Cue.GO)),
            (5, Say("Release.", Cue.RELEASE)),
            (6, Say("Hold.", Cue.HOLD)),
        ),
    ),
    # Four seconds of rest leave one before the count: only the short form, and the rest holds.
    Pause(4, Say("Up next: Clam shell. Mini band. Right side.", Cue.REST)),
    # "Right side. Go." would run into the first rep's number, 1.5 s later: the short form.
    Work(3, ((0, Say("Go.", Cue.GO)), (1.5, Say("One.", Cue.BEAT)))),
    Pause(3, Say("Switch sides. Left side.", Cue.SWITCH)),
    Work(3, ((0, Say("Go.", Cue.GO)), (1.5, Say("One.", Cue.BEAT)))),
    Pause(4, Say("Up next: Fast steps.", Cue.REST)),
    # A rep of 1 s is too quick for a number: a beat.
    Work(3, ((0, Say("Go.", Cue.GO)), (1, Say(None, Cue.BEAT)), (2, Say(None, Cue.BEAT)))),
)
"""The routine as a listener hears it, from the start to the end."""


def timeline(voice: bool) -> tuple[list[tuple[float, str | Cue]], float]:
    """What is heard and when (seconds from the start), and when the workout ends."""
    heard: list[tuple[float, str | Cue]] = []
    at = 0.0

    def hear(when: float, say: Say) -> None:
        what = say.words if voice and say.words is not None else say.beep
        if what is not None:
            heard.append((when, what))

    for step in STEPS:
        if isinstance(step, Work):
            for offset, say in step.moments:
                hear(at + offset, say)
            at += step.seconds
            continue
        hear(at, step.say)
        seconds = step.seconds
        if voice and step.say.words is not None:
            words = len(espeak_says(step.say.words)) / ESPEAK_RATE
            seconds = max(seconds, words + BREATH_SECONDS + COUNTDOWN_FROM)
        for left, word in ((3, "Three."), (2, "Two."), (1, "One.")):
            if seconds - left > 0:  # a tick at the pause's start gives way to its words
                hear(at + seconds - left, Say(word, Cue.COUNT))
        at += seconds
    # The end line's words are rendered as soon as a hold tells how long the workout will take;
    # said at the end in place of the arpeggio.
    heard.append((at, finish_text(at, 3) if voice else Cue.DONE))
    return heard, at


@dataclass(frozen=True)
class Stream:
    at: float
    """Seconds after the session started."""
    samples: array[int]

    def sounding(self) -> tuple[float, float]:
        """From the first loud sample to the last, in seconds after the session started."""
        loud = [i for i, sample in enumerate(self.samples) if abs(sample) > LOUD]
        assert loud, f"a silent stream at {self.at:.3f} s"
        return self.at + loud[0] / SAMPLE_RATE, self.at + (loud[-1] + 1) / SAMPLE_RATE


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


def check_timeline(streams: list[Stream], expected: list[tuple[float, str | Cue]]) -> None:
    heard = [(round(stream.at, 3), len(stream.samples)) for stream in streams]
    assert len(streams) == len(expected), heard
    for stream, (due, what) in zip(streams, expected, strict=True):
        assert abs(stream.at - due) <= ON_TIME, (due, what, stream.at)
        assert what_was_heard(stream, what), (due, what, stream.at)


def check_one_at_a_time(streams: list[Stream]) -> None:
    """Each sound has ended, and a moment's silence passed, before the next one starts: by the
    samples recorded, not by when each was due."""
    for before, after in itertools.pairwise(streams):
        silence = after.sounding()[0] - before.sounding()[1]
        assert silence >= APART_SECONDS, (before.at, after.at, silence)


def test_the_voice_says_each_line_whole_at_the_moment_it_is_due(runs: dict[str, Run]) -> None:
    run = runs["voice"]
    assert run.result["player_problem"] is None and run.result["no_voice"] is None
    assert run.result["voice_problems"] == []
    check_timeline(run.streams, timeline(voice=True)[0])
    check_one_at_a_time(run.streams)
    assert run.stderr == ""


def test_without_espeak_the_same_routine_beeps_and_says_why(runs: dict[str, Run]) -> None:
    run = runs["beeps"]
    assert run.result["no_voice"] == NO_ESPEAK
    check_timeline(run.streams, timeline(voice=False)[0])
    check_one_at_a_time(run.streams)
    assert run.stderr == ""


def test_the_overlap_check_hears_two_sounds_at_once() -> None:
    """Guards `check_one_at_a_time`: a phrase still sounding when the next starts must fail,
    however late in its stream its sound begins."""
    words = array("h", [0] * 441 + [1000] * 44100)  # 10 ms of silence, then 1 s of sound
    check_one_at_a_time([Stream(0.0, words), Stream(1.2, words)])
    with pytest.raises(AssertionError):
        check_one_at_a_time([Stream(0.0, words), Stream(0.9, words)])


def test_the_phrase_check_tells_words_apart() -> None:
    """Guards `what_was_heard`: a different phrase of the same length must not pass."""
    three, two = espeak_says("Three."), espeak_says("Two.")
    doubled = array("h", [sample for sample in three for _ in range(2)])
    assert what_was_heard(Stream(0.0, doubled), "Three.")
    assert not what_was_heard(Stream(0.0, doubled), "Two.")
    assert correlation(three, two) < 0.9
