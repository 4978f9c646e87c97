"""The player against the real libasound, with no sound card needed.

Each test runs bandtimer's player in a child process whose ALSA_CONFIG_PATH points at a config
from tests/data/alsa/ (ALSA reads its configuration once per process, and the child's stderr
is the terminal a user would see). With the `file` PCM every stream that reaches "default" is
written to its own WAV, so a test can check that a cue's frames really went out, unchanged.
"""

from __future__ import annotations

import ctypes
import json
import os
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from bandtimer.sound import Cue
from bandtimer.storage.locations import sounds_dir

CONFIGS = Path(__file__).resolve().parent / "data" / "alsa"
SOUNDS = sounds_dir()
FALLBACK = " — cues fall back to the terminal bell"


def _libasound_problem() -> str | None:
    try:
        ctypes.CDLL("libasound.so.2")
    except OSError as error:
        return (
            f"libasound.so.2 cannot be loaded ({error}); these tests drive the real ALSA "
            "library, which `make test` installs with libasound2-dev"
        )
    return None


LIBASOUND_PROBLEM = _libasound_problem()
pytestmark = pytest.mark.skipif(LIBASOUND_PROBLEM is not None, reason=str(LIBASOUND_PROBLEM))

CHILD = """
import json, os, sys
from pathlib import Path
from bandtimer.sound import Cue, open_player

rung, failures = [], []
player, reason = open_player(Path(sys.argv[1]), rung.append, failures.append)
for step in sys.argv[2:]:
    action, _, argument = step.partition(":")
    if action == "play":
        player.play(Cue(argument))
    elif action == "wait":
        assert player.wait_done(timeout=10), "cue still playing after 10 s"
    elif action == "use-config":
        os.replace(argument, os.environ["ALSA_CONFIG_PATH"])
print(json.dumps({
    "player": type(player).__name__,
    "reason": reason,
    "rung": [cue.value for cue in rung],
    "failures": failures,
}))
"""

BARE_SIMPLEAUDIO = """
import simpleaudio
try:
    simpleaudio.play_buffer(bytes(882), 1, 2, 44100).wait_done()
except Exception as error:
    print(error)
"""


def run_child(
    code: str, config: Path, *args: str
) -> tuple[dict[str, object] | None, subprocess.CompletedProcess[str]]:
    env = {**os.environ, "ALSA_CONFIG_PATH": str(config)}
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout) if done.stdout.startswith("{") else None
    return result, done


def file_pcm_config(tmp_path: Path) -> tuple[Path, Path]:
    """A config whose default PCM records into tmp_path/out.wav, out.wav.0001, ..."""
    out = tmp_path / "out.wav"
    assert '"' not in str(out) and "\\" not in str(out)
    config = tmp_path / "asound.conf"
    template = (CONFIGS / "file-pcm.conf").read_text()
    config.write_text(template.replace("@OUT@", str(out)))
    return config, out


def copy_config(name: str, tmp_path: Path) -> Path:
    config = tmp_path / name
    config.write_text((CONFIGS / name).read_text())
    return config


def recorded_streams(out: Path) -> list[bytes]:
    """The frames of each stream the file PCM saw, in the order they were opened."""
    paths = [out, *sorted(out.parent.glob(out.name + ".*"))]
    streams = []
    for path in paths:
        with wave.open(str(path), "rb") as wav:
            assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 44100)
            streams.append(wav.readframes(wav.getnframes()))
    return streams


def frames_of(cue: Cue) -> bytes:
    with wave.open(str(cue.file_in(SOUNDS)), "rb") as wav:
        return wav.readframes(wav.getnframes())


def test_cues_reach_the_default_pcm_frame_for_frame(tmp_path: Path) -> None:
    config, out = file_pcm_config(tmp_path)
    result, done = run_child(
        CHILD, config, str(SOUNDS), "play:count", "wait", "play:go", "wait", "play:done", "wait"
    )
    assert result == {"player": "SimpleaudioPlayer", "reason": None, "rung": [], "failures": []}
    probe, *cues = recorded_streams(out)
    assert probe == bytes(len(probe)) and len(probe) > 0  # open_player's silent probe
    assert cues == [frames_of(Cue.COUNT), frames_of(Cue.GO), frames_of(Cue.DONE)]
    assert done.stderr == ""


def test_a_new_cue_cuts_the_one_still_sounding(tmp_path: Path) -> None:
    """One stream at a time; the newest cue always plays in full."""
    config, out = file_pcm_config(tmp_path)
    result, _ = run_child(CHILD, config, str(SOUNDS), "play:done", "play:go", "wait")
    assert result is not None and result["player"] == "SimpleaudioPlayer"
    _probe, *cues = recorded_streams(out)
    assert cues[-1] == frames_of(Cue.GO)
    # "done" was either replaced before it started or stopped part-way: never played after "go".
    assert len(cues) in (1, 2)
    if len(cues) == 2:
        assert frames_of(Cue.DONE).startswith(cues[0])


@pytest.mark.parametrize("config_name", ["no-default.conf", "broken.conf"])
def test_libasound_would_print_into_the_terminal_on_its_own(
    config_name: str, tmp_path: Path
) -> None:
    """The control for the next test: these configs do make libasound write to stderr."""
    _, done = run_child(BARE_SIMPLEAUDIO, copy_config(config_name, tmp_path))
    assert "ALSA lib" in done.stderr
    assert "Error opening PCM device" in done.stdout


@pytest.mark.parametrize(
    ("config_name", "why"),
    [("no-default.conf", "No such file or directory"), ("broken.conf", "Invalid argument")],
)
def test_without_a_device_cues_go_to_the_bell_and_stderr_stays_clean(
    config_name: str, why: str, tmp_path: Path
) -> None:
    result, done = run_child(
        CHILD, copy_config(config_name, tmp_path), str(SOUNDS), "play:count", "play:go"
    )
    assert result == {
        "player": "BellPlayer",
        "reason": f"No audio device: ALSA could not open 'default' ({why}){FALLBACK}",
        "rung": ["count", "go"],
        "failures": [],
    }
    assert done.stderr == ""


def test_missing_sound_file_goes_to_the_bell_and_stderr_stays_clean(tmp_path: Path) -> None:
    config, out = file_pcm_config(tmp_path)
    sounds = tmp_path / "sounds"
    sounds.mkdir()
    for cue in Cue:
        if cue is not Cue.REST:
            (sounds / f"{cue.value}.wav").write_bytes(cue.file_in(SOUNDS).read_bytes())
    result, done = run_child(CHILD, config, str(sounds), "play:rest")
    assert result == {
        "player": "BellPlayer",
        "reason": f"No audio: rest.wav missing from {sounds}{FALLBACK}",
        "rung": ["rest"],
        "failures": [],
    }
    assert done.stderr == ""
    assert not out.exists()  # the device was never touched


def test_a_device_that_fails_mid_workout_hands_over_to_the_bell_once(tmp_path: Path) -> None:
    """ALSA rereads a config file that changed, so swapping it breaks "default" mid-run."""
    config, out = file_pcm_config(tmp_path)
    broken = copy_config("no-default.conf", tmp_path)
    result, done = run_child(
        CHILD,
        config,
        str(SOUNDS),
        "play:go",
        "wait",
        f"use-config:{broken}",
        "play:count",  # the device refuses this one: it is lost, and the player gives up
        "wait",
        "play:switch",
        "play:rest",
    )
    assert result == {
        "player": "SimpleaudioPlayer",
        "reason": None,
        "rung": ["switch", "rest"],
        "failures": [
            f"No audio device: ALSA could not open 'default' (No such file or directory){FALLBACK}"
        ],
    }
    assert recorded_streams(out)[1:] == [frames_of(Cue.GO)]
    assert done.stderr == ""
