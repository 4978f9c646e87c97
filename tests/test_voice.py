"""Rendering phrases with espeak-ng: what it is given, what is cached, what hostile names do.

Most tests put a stand-in `espeak-ng` first on PATH: a small Python script that writes down its
arguments and its stdin and writes a short WAV, so what bandtimer hands the program can be read
back exactly. The tests marked `real` run the installed espeak-ng itself.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import textwrap
import threading
import wave
from array import array
from pathlib import Path
from typing import Any

import pytest

from bandtimer.sound import SAMPLE_RATE
from bandtimer.voice import (
    PEAK,
    Espeak,
    PhraseBook,
    VoiceSettings,
    speakable,
    to_cue_format,
)

REAL_ESPEAK = shutil.which("espeak-ng")
real = pytest.mark.skipif(REAL_ESPEAK is None, reason="espeak-ng is not installed")

FAKE = textwrap.dedent(
    """\
    #!{python}
    import json, os, sys, wave
    log = os.environ["FAKE_ESPEAK_LOG"]
    args = sys.argv[1:]
    if args == ["--version"]:
        print("eSpeak NG text-to-speech: " + os.environ.get("FAKE_ESPEAK_VERSION", "1.51")
              + "  Data at: /nowhere")
        sys.exit(0)
    text = sys.stdin.buffer.read().decode("utf-8")
    with open(log, "a") as out:
        out.write(json.dumps({{"args": args, "stdin": text}}) + "\\n")
    if args[args.index("-v") + 1] == "xx-none":
        print("Error: The specified espeak-ng voice does not exist.", file=sys.stderr)
        sys.exit(1)
    with wave.open(args[args.index("-w") + 1], "wb") as wav:
        wav.setnchannels(1); wav.setsampwidth(2); wav.setframerate(22050)
        wav.writeframes(bytes([0, 0, 0, 16, 0, 0, 0, 240]) * 100)
    """
)


@pytest.fixture
def fake_espeak(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in espeak-ng first on PATH; returns the log of its calls."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    program = bin_dir / "espeak-ng"
    program.write_text(FAKE.format(python=sys.executable))
    program.chmod(0o755)
    log = tmp_path / "espeak-calls.jsonl"
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_ESPEAK_LOG", str(log))
    return log


def calls(log: Path) -> list[dict[str, object]]:
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text().splitlines()]


def book(cache: Path | None, settings: VoiceSettings | None = None, **kwargs: Any) -> PhraseBook:
    espeak = Espeak.find()
    assert espeak is not None
    return PhraseBook(espeak, settings or VoiceSettings(), cache, **kwargs)


def render(phrases: PhraseBook, *texts: str) -> None:
    phrases.prepare(texts)
    assert phrases.wait_idle(30)


HOSTILE = [
    "-x",
    "--compile=en",
    "$(rm -rf ~)",
    "`touch pwned`; rm -rf ~",
    '<speak><audio src="file:///etc/passwd"/>Plank</speak>',
    "[[h@l'oU]] Plank",
    "פלאנק עם גומייה",
    "\u202eknalP \u200f",
    "Plank " * 2000,
]


@pytest.mark.parametrize("name", HOSTILE, ids=range(len(HOSTILE)))
def test_a_hostile_name_goes_on_stdin_as_plain_words_never_as_an_argument(
    name: str, fake_espeak: Path, tmp_path: Path
) -> None:
    phrases = book(tmp_path / "cache")
    text = f"Get ready. {name}."
    render(phrases, text)
    [call] = calls(fake_espeak)
    args = call["args"]
    assert isinstance(args, list)
    out = args[args.index("-w") + 1]
    assert args == ["-v", "en-us", "-s", "170", "-b", "1", "-z", "-w", out, "--stdin"]
    assert "-m" not in args  # SSML stays off
    assert call["stdin"] == speakable(text)
    assert len(speakable(text)) <= 301
    assert not set(speakable(text)) & set("<>[]$`()&=/\u202e\u200f")
    assert phrases.clip(text) is not None


@real
@pytest.mark.parametrize("name", HOSTILE, ids=range(len(HOSTILE)))
def test_the_real_espeak_speaks_a_hostile_name_and_nothing_runs(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    canary = home / "still-here"
    canary.write_text("")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(home)
    phrases = book(tmp_path / "cache")
    render(phrases, name)
    clip = phrases.clip(name)
    assert clip is not None and clip.seconds > 0.1
    assert clip.seconds < 60  # 10,000 characters are cut to a sentence or three
    assert canary.exists()  # nothing was deleted ...
    assert not any(path.name == "pwned" for path in tmp_path.rglob("*"))  # ... or run


def test_phrases_are_cached_by_text_voice_rate_and_version(
    fake_espeak: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    render(book(cache), "Go.", "Halfway.")
    assert len(calls(fake_espeak)) == 2
    second = book(cache)
    render(second, "Go.", "Halfway.")
    assert len(calls(fake_espeak)) == 2  # a second workout renders nothing
    assert second.clip("Go.") is not None
    render(book(cache, VoiceSettings(rate=200)), "Go.")
    render(book(cache, VoiceSettings(name="en-gb")), "Go.")
    monkeypatch.setenv("FAKE_ESPEAK_VERSION", "1.52")
    render(book(cache), "Go.")
    assert len(calls(fake_espeak)) == 5
    assert len(list((cache / "voice").glob("*.wav"))) == 5


def test_nothing_is_ready_before_it_is_rendered(fake_espeak: Path, tmp_path: Path) -> None:
    phrases = book(None)
    assert phrases.clip("Go.") is None
    render(phrases, "Go.")
    assert phrases.clip("Go.") is not None
    assert not (tmp_path / "cache").exists()


def test_a_voice_espeak_does_not_have_is_reported_once_and_rendering_stops(
    fake_espeak: Path, tmp_path: Path
) -> None:
    problems: list[str] = []
    phrases = book(tmp_path / "cache", VoiceSettings(name="xx-none"), on_problem=problems.append)
    render(phrases, "Go.", "Three.", "Two.")
    assert problems == [
        "Voice: espeak-ng could not speak with voice 'xx-none': Error: The specified espeak-ng "
        "voice does not exist. — cues stay beeps"
    ]
    assert len(calls(fake_espeak)) == 1
    assert phrases.clip("Go.") is None


def test_each_ready_phrase_is_handed_to_the_player_to_scale(
    fake_espeak: Path, tmp_path: Path
) -> None:
    prepared: list[str] = []
    phrases = book(tmp_path / "cache", prepare_clip=lambda clip: prepared.append(clip.label))
    render(phrases, "Go.", "Halfway.")
    assert prepared == ["Go.", "Halfway."]


def test_the_newest_request_is_rendered_first(fake_espeak: Path, tmp_path: Path) -> None:
    phrases = book(tmp_path / "cache")
    with phrases._changed:  # hold the worker back until both requests are in
        phrases.prepare(["menu one", "menu two"])
        phrases.prepare(["workout one", "menu two"])
    assert phrases.wait_idle(30)
    said = [call["stdin"] for call in calls(fake_espeak)]
    assert said.index("workout one") < said.index("menu one")


def test_espeak_output_becomes_the_cue_format(tmp_path: Path) -> None:
    raw = tmp_path / "raw.wav"
    samples = array("h", [0, 1000, -2000, 500])
    with wave.open(str(raw), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(22050)
        wav.writeframes(samples.tobytes())
    converted = array("h", to_cue_format(raw))
    assert len(converted) == 2 * len(samples)  # 22,050 Hz doubled to SAMPLE_RATE
    assert SAMPLE_RATE == 44100
    assert max(map(abs, converted)) == PEAK  # as loud as the cues
    assert converted[0::2].tolist() == [0, round(PEAK / 2), -PEAK, round(PEAK / 4)]


@real
def test_the_real_espeak_reports_its_version() -> None:
    espeak = Espeak.find()
    assert espeak is not None
    assert espeak.version()[0].isdigit()


def test_the_list_of_phrases_is_worked_out_on_the_worker(fake_espeak: Path, tmp_path: Path) -> None:
    """Following a long plan to list its phrases takes longer than a frame: not on the caller."""
    listed_on: list[str] = []

    def list_phrases() -> list[str]:
        listed_on.append(threading.current_thread().name)
        return ["Go.", "Three."]

    phrases = book(tmp_path / "cache")
    phrases.prepare_from(list_phrases)
    assert phrases.wait_idle(30)
    assert listed_on == ["phrase-renderer"]
    assert phrases.clip("Go.") is not None and phrases.clip("Three.") is not None
