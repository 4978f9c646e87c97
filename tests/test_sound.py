"""The cue sounds and the parts of the player that need no sound device.

The sounds are checked the way the runner meets them: by ear. Each file is taken apart into its
notes (where the sound starts and stops) and each note's pitch (from zero crossings), and every
pair of cues must differ in something a listener notices: the number of notes, a pitch at least
three semitones away, a slide against a steady tone, or a clearly different length.
"""

from __future__ import annotations

import itertools
import math
import subprocess
import sys
import wave
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from bandtimer.sound import (
    BellPlayer,
    Clip,
    Cue,
    describe_play_error,
    load_cues,
    open_player,
    read_clip,
    scale_frames,
)
from bandtimer.storage.locations import sounds_dir

REPO = Path(__file__).resolve().parent.parent
SOUNDS = sounds_dir()
RATE = 44100
PEAK = 32767 * 10 ** (-3 / 20)


@dataclass(frozen=True)
class Note:
    """One stretch of sound between silences, as a listener would count it."""

    seconds: float
    first_hz: float
    """Pitch over the first third of the note."""
    last_hz: float
    """Pitch over the last third; differs from `first_hz` when the note slides."""

    @property
    def glide(self) -> float:
        """How far the pitch slides, in semitones (positive when rising)."""
        return semitones(self.first_hz, self.last_hz)


@dataclass(frozen=True)
class Sound:
    cue: Cue
    samples: array[int]
    notes: tuple[Note, ...]

    @property
    def seconds(self) -> float:
        return len(self.samples) / RATE


def semitones(low: float, high: float) -> float:
    return 12 * math.log2(high / low)


def read_samples(path: Path) -> array[int]:
    with wave.open(str(path), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, RATE), path
        samples = array("h", wav.readframes(wav.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


def pitch(samples: array[int]) -> float:
    """Frequency from the upward zero crossings, interpolated between samples."""
    crossings = [
        n + samples[n] / (samples[n] - samples[n + 1])
        for n in range(len(samples) - 1)
        if samples[n] <= 0 < samples[n + 1]
    ]
    assert len(crossings) >= 3, "too short to carry a pitch"
    return (len(crossings) - 1) * RATE / (crossings[-1] - crossings[0])


def find_notes(samples: array[int]) -> tuple[Note, ...]:
    """Notes are runs of 1 ms blocks louder than a tenth of the peak; quieter gaps split them."""
    block = RATE // 1000
    threshold = max(abs(sample) for sample in samples) / 10
    loud = [
        max(abs(sample) for sample in samples[start : start + block]) > threshold
        for start in range(0, len(samples), block)
    ]
    notes = []
    for is_loud, run in itertools.groupby(enumerate(loud), key=lambda item: item[1]):
        if not is_loud:
            continue
        blocks = [index for index, _ in run]
        body = samples[blocks[0] * block : (blocks[-1] + 1) * block]
        third = len(body) // 3
        notes.append(
            Note(len(body) / RATE, first_hz=pitch(body[:third]), last_hz=pitch(body[-third:]))
        )
    return tuple(notes)


def load(cue: Cue) -> Sound:
    samples = read_samples(cue.file_in(SOUNDS))
    return Sound(cue, samples, find_notes(samples))


SOUND = {cue: load(cue) for cue in Cue}


def how_to_tell_apart(a: Sound, b: Sound) -> str | None:
    """What a listener would notice first, or None if the two would be confused."""
    if len(a.notes) != len(b.notes):
        return f"{len(a.notes)} against {len(b.notes)} notes"
    pairs = list(zip(a.notes, b.notes, strict=True))
    apart = max(
        abs(semitones(x_hz, y_hz))
        for x, y in pairs
        for x_hz, y_hz in ((x.first_hz, y.first_hz), (x.last_hz, y.last_hz))
    )
    if apart >= 3:
        return f"pitches up to {apart:.1f} semitones apart"
    slides = max(abs(x.glide - y.glide) for x, y in pairs)
    if slides >= 3:
        return f"slides differ by {slides:.1f} semitones"
    if max(a.seconds, b.seconds) >= 2 * min(a.seconds, b.seconds):
        return f"{a.seconds:.2f} s against {b.seconds:.2f} s"
    return None


def test_make_sounds_reproduces_the_committed_files_byte_for_byte(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(REPO / "scripts" / "make_sounds.py"), str(tmp_path)],
        check=True,
        capture_output=True,
    )
    made = sorted(path.name for path in tmp_path.iterdir())
    committed = sorted(path.name for path in SOUNDS.glob("*.wav"))
    assert made == committed == sorted(f"{cue.value}.wav" for cue in Cue)
    for name in made:
        assert (tmp_path / name).read_bytes() == (SOUNDS / name).read_bytes(), name


@pytest.mark.parametrize("cue", list(Cue), ids=str)
def test_each_cue_is_short_loud_and_click_free(cue: Cue) -> None:
    sound = SOUND[cue]
    assert sound.seconds <= (1.5 if cue is Cue.DONE else 1.0)
    assert max(abs(sample) for sample in sound.samples) == round(PEAK)  # -3 dBFS
    # Starting or stopping at full swing is what a click is; the fades prevent it.
    edge = RATE // 1000
    assert sound.samples[0] == sound.samples[-1] == 0
    assert max(abs(sample) for sample in sound.samples[:edge]) < PEAK / 4
    assert max(abs(sample) for sample in sound.samples[-edge:]) < PEAK / 4


def test_cues_sound_as_the_issue_describes() -> None:
    count, go, rest, switch, halfway, done, beat, hold, release = (
        SOUND[cue].notes for cue in Cue
    )
    # count: one short tick.
    assert len(count) == 1 and count[0].seconds < 0.2
    # go: one beep, clearly higher and longer than the count.
    assert len(go) == 1
    assert semitones(count[0].first_hz, go[0].first_hz) >= 4
    assert go[0].seconds >= 3 * count[0].seconds
    # rest: two notes, falling.
    assert len(rest) == 2 and semitones(rest[1].first_hz, rest[0].first_hz) >= 3
    # switch: two quick beeps on the same pitch.
    assert len(switch) == 2 and all(note.seconds < 0.15 for note in switch)
    assert abs(semitones(switch[0].first_hz, switch[1].first_hz)) < 0.5
    # halfway: one short chirp sliding up.
    assert len(halfway) == 1 and halfway[0].seconds < 0.25 and halfway[0].glide >= 3
    # done: three notes, each higher than the one before.
    assert len(done) == 3
    assert all(semitones(a.first_hz, b.first_hz) >= 2 for a, b in itertools.pairwise(done))
    # beat: one click, short enough for a rep of a second, apart from the count's pitch.
    assert len(beat) == 1 and beat[0].seconds <= 0.05
    assert abs(semitones(count[0].first_hz, beat[0].first_hz)) >= 5
    # hold rises in two notes; release slides down in one: opposite directions.
    assert len(hold) == 2 and semitones(hold[0].first_hz, hold[1].first_hz) >= 3
    assert len(release) == 1 and release[0].glide <= -6


@pytest.mark.parametrize("cue", list(Cue), ids=str)
def test_every_cue_sits_in_the_range_that_carries_over_music(cue: Cue) -> None:
    """1–4 kHz: what a laptop speaker plays well and what music covers least."""
    for note in SOUND[cue].notes:
        # Measured over the first and last thirds, so a slide's ends fall just inside.
        assert min(note.first_hz, note.last_hz) >= 1000
        assert max(note.first_hz, note.last_hz) <= 4000


@pytest.mark.parametrize(("a", "b"), list(itertools.combinations(Cue, 2)), ids=lambda cue: str(cue))
def test_every_pair_of_cues_can_be_told_apart_by_ear(a: Cue, b: Cue) -> None:
    assert how_to_tell_apart(SOUND[a], SOUND[b]) is not None, (SOUND[a].notes, SOUND[b].notes)


def test_the_analysis_sees_the_pitches_the_generator_used() -> None:
    """Guards the distinctness tests: they are only as good as these measurements."""
    assert SOUND[Cue.COUNT].notes[0].first_hz == pytest.approx(1760, abs=8)
    assert SOUND[Cue.GO].notes[0].first_hz == pytest.approx(2637, abs=10)
    assert [round(note.first_hz) for note in SOUND[Cue.DONE].notes] == pytest.approx(
        [1046, 1318, 1568], abs=8
    )
    assert how_to_tell_apart(SOUND[Cue.GO], SOUND[Cue.GO]) is None


def test_bell_player_hands_every_cue_to_the_app() -> None:
    rung: list[Cue] = []
    bell = BellPlayer(rung.append)
    bell.play(Cue.COUNT)
    bell.play(Cue.GO)
    assert rung == [Cue.COUNT, Cue.GO]


def test_open_player_falls_back_to_the_bell_when_a_sound_file_is_missing(tmp_path: Path) -> None:
    for cue in Cue:
        if cue is not Cue.HALFWAY:
            (tmp_path / f"{cue.value}.wav").write_bytes(cue.file_in(SOUNDS).read_bytes())
    rung: list[Cue] = []
    player, reason = open_player(tmp_path, rung.append)
    assert isinstance(player, BellPlayer)
    assert reason == (
        f"No audio: halfway.wav missing from {tmp_path} — cues fall back to the terminal bell"
    )
    player.play(Cue.SWITCH)
    assert rung == [Cue.SWITCH]


def test_open_player_falls_back_to_the_bell_when_a_sound_file_is_not_a_wav(
    tmp_path: Path,
) -> None:
    for cue in Cue:
        (tmp_path / f"{cue.value}.wav").write_bytes(cue.file_in(SOUNDS).read_bytes())
    Cue.DONE.file_in(tmp_path).write_text("not a wav")
    player, reason = open_player(tmp_path, lambda cue: None)
    assert isinstance(player, BellPlayer)
    assert reason == (
        "No audio: could not read the cue sounds (file does not start with RIFF id)"
        " — cues fall back to the terminal bell"
    )


@pytest.mark.parametrize(
    ("message", "reason"),
    [
        (
            "Error opening PCM device. -- CODE: -2 -- MSG: No such file or directory",
            "No audio device: ALSA could not open 'default' (No such file or directory)",
        ),
        (
            "Error setting parameters. -- CODE: -22 -- MSG: Invalid argument",
            "No audio device: Error setting parameters (Invalid argument)",
        ),
        ("Device went away", "No audio device: Device went away"),
    ],
)
def test_simpleaudio_errors_become_one_plain_line(message: str, reason: str) -> None:
    line = describe_play_error(RuntimeError(message))
    assert line == f"{reason} — cues fall back to the terminal bell"


def test_open_player_falls_back_to_the_bell_when_simpleaudio_cannot_load(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What happens when libasound.so.2 is missing and simpleaudio's extension fails to import."""
    monkeypatch.setitem(sys.modules, "simpleaudio", None)  # makes `import simpleaudio` fail
    rung: list[Cue] = []
    player, reason = open_player(SOUNDS, rung.append)
    assert isinstance(player, BellPlayer)
    assert reason is not None
    assert reason.startswith("No audio: simpleaudio could not be loaded (")
    assert reason.endswith(") — cues fall back to the terminal bell")
    player.play(Cue.DONE)
    assert rung == [Cue.DONE]


def write_wav(path: Path, *, seconds: float, width: int = 2, rate: int = RATE) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(width)
        wav.setframerate(rate)
        wav.writeframes(bytes(width * round(seconds * rate)))


def test_a_custom_sound_replaces_the_shipped_cue(tmp_path: Path) -> None:
    write_wav(tmp_path / "go.wav", seconds=0.5, rate=48000)
    cues, problems = load_cues(SOUNDS, tmp_path)
    assert problems == []
    assert cues[Cue.GO].label == "go (go.wav)" and cues[Cue.GO].rate == 48000
    assert cues[Cue.REST].frames == read_clip(Cue.REST.file_in(SOUNDS), "rest").frames


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda path: write_wav(path, seconds=0.5, width=1), "is 8-bit, not 16-bit PCM"),
        (lambda path: write_wav(path, seconds=3.5, rate=8000), "lasts 3.5 s, longer than 3 s"),
        (
            lambda path: path.write_bytes(b"RIFF" + bytes(1024 * 1024 + 1)),
            "is 1,048,581 bytes, larger than 1 MiB",
        ),
        (
            lambda path: path.write_text("not a wav"),
            "is not a 16-bit PCM WAV file (file does not start with RIFF id)",
        ),
    ],
    ids=["8-bit", "too long", "too big", "not a wav"],
)
def test_an_unfit_custom_sound_gets_one_notice_and_the_shipped_cue_plays(
    make: Callable[[Path], None], problem: str, tmp_path: Path
) -> None:
    path = tmp_path / "count.wav"
    make(path)
    cues, problems = load_cues(SOUNDS, tmp_path)
    assert problems == [
        f"Custom sound {path}: {problem} — the shipped count cue plays instead"
    ]
    assert cues[Cue.COUNT].frames == read_clip(Cue.COUNT.file_in(SOUNDS), "count").frames


def test_volume_scales_every_sample() -> None:
    frames = array("h", [0, 1000, -1000, 32767, -32768]).tobytes()
    assert array("h", scale_frames(frames, 0.5)).tolist() == [0, 500, -500, 16384, -16384]
    assert scale_frames(frames, 1.0) == frames
    clip = Clip(frames, label="x")
    assert clip.at_volume(0.5) is clip.at_volume(0.5)  # scaled once
