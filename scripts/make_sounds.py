"""Generate bandtimer's cue sounds: `python scripts/make_sounds.py OUTDIR`.

The runner is on a mat two or three metres from a laptop and never looks at the screen, so every
cue must be recognisable by ear alone. Each one differs from the others in pitch, in pitch
direction or in its number of notes:

    count    one short beep, 1760 Hz (A6), 120 ms                     "tick" at 3, 2 and 1
    go       one long higher beep, 2637 Hz (E7), 550 ms               start working
    rest     two notes falling, 1976 Hz (B6) then 1319 Hz (E6)        ease off
    switch   two quick beeps on the same pitch, 2349 Hz (D7)          left-right: change sides
    halfway  one soft chirp sliding up from 1400 to 2200 Hz, 160 ms   halfway through a hold
    done     three notes rising, C6-E6-G6, the last one held          workout finished
    beat     one very short, high click, 3136 Hz (G7), 40 ms           every rep of a tempo set
    hold     two notes rising, 1568 Hz (G6) then 2349 Hz (D7)         squeeze: a held rep starts
    release  one note sliding down from 2400 to 1000 Hz, 300 ms      let go between held reps

Every pitch sits between 1 and 4 kHz: the range a small speaker reproduces well and music
covers least, so a cue carries over a running playlist.

The files are 16-bit mono 44100 Hz WAVs peaking at -3 dBFS, loud enough to carry across a room
without clipping. Every note starts and ends with a short raised-cosine fade, so the speaker
never jumps (a jump is heard as a click). Beeps below 2 kHz carry a little second harmonic,
which small laptop speakers reproduce well and which stays under 4 kHz; higher beeps and the
chirp stay pure, which is what makes the chirp sound soft.

The output is a pure function of this file: no randomness, no timestamps, nothing but the
standard library. A test regenerates the sounds and compares them byte for byte with the
committed ones, so after editing a cue here run `make sounds` and commit the new WAVs with it.
"""

from __future__ import annotations

import argparse
import math
import sys
import wave
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

SAMPLE_RATE = 44100
PEAK_DBFS = -3.0
FADE_SECONDS = 0.006
"""Long enough to hide the start and end of a note (no click), short enough to keep it crisp."""

FULL_SCALE = 32767
SECOND_HARMONIC = 0.3
"""Below 0.5 the waveform still crosses zero exactly twice per period of the fundamental."""
HIGHEST_HZ = 4000.0
"""No partial above this: what carries over music is 1–4 kHz, and higher only sounds shrill."""


@dataclass(frozen=True)
class Note:
    """A stretch of tone, or of silence when `start_hz` is 0."""

    seconds: float
    start_hz: float = 0.0
    end_hz: float | None = None
    """Slide linearly from `start_hz` to this pitch; None keeps the pitch steady."""
    harmonic: float = SECOND_HARMONIC
    fade_seconds: float = FADE_SECONDS


def gap(seconds: float) -> Note:
    return Note(seconds)


CUES: dict[str, tuple[Note, ...]] = {
    "count": (Note(0.12, 1760.0),),
    "go": (Note(0.55, 2637.0),),
    "rest": (Note(0.18, 1975.5), gap(0.04), Note(0.32, 1318.5)),
    "switch": (Note(0.08, 2349.3), gap(0.07), Note(0.08, 2349.3)),
    # The whole chirp fades in and out (a Hann-shaped envelope): no attack, hence "soft".
    "halfway": (Note(0.16, 1400.0, end_hz=2200.0, harmonic=0.0, fade_seconds=0.08),),
    "done": (
        Note(0.15, 1046.5),
        gap(0.04),
        Note(0.15, 1318.5),
        gap(0.04),
        Note(0.45, 1568.0),
    ),
    # Short enough to sit under a spoken rep number or to mark a 1 s rep without crowding it.
    "beat": (Note(0.04, 3136.0, fade_seconds=0.004),),
    "hold": (Note(0.1, 1568.0), gap(0.04), Note(0.25, 2349.3)),
    "release": (Note(0.3, 2400.0, end_hz=1000.0),),
}


def render_note(note: Note) -> list[float]:
    """Samples in [-1, 1] for one note, faded in and out."""
    frames = round(note.seconds * SAMPLE_RATE)
    if note.start_hz == 0.0:
        return [0.0] * frames
    end_hz = note.start_hz if note.end_hz is None else note.end_hz
    fade_frames = max(1, round(note.fade_seconds * SAMPLE_RATE))
    harmonic = note.harmonic if 2 * max(note.start_hz, end_hz) <= HIGHEST_HZ else 0.0
    samples: list[float] = []
    for n in range(frames):
        t = n / SAMPLE_RATE
        # Phase of a linear sweep: the integral of f(t) = start + (end - start) * t / duration.
        sweep = (end_hz - note.start_hz) / note.seconds
        phase = 2.0 * math.pi * (note.start_hz * t + sweep * t * t / 2)
        value = math.sin(phase) + harmonic * math.sin(2.0 * phase)
        samples.append(value * _fade(n, frames, fade_frames))
    return samples


def _fade(n: int, frames: int, fade_frames: int) -> float:
    """Raised-cosine gain: 0 at the first and last sample, 1 in between the fades."""
    distance = min(n, frames - 1 - n)
    if distance >= fade_frames:
        return 1.0
    return 0.5 - 0.5 * math.cos(math.pi * distance / fade_frames)


def render(notes: Sequence[Note]) -> array[int]:
    """16-bit samples for a whole cue, scaled so that its loudest sample sits at PEAK_DBFS."""
    samples = [value for note in notes for value in render_note(note)]
    loudest = max(abs(value) for value in samples)
    scale = FULL_SCALE * 10 ** (PEAK_DBFS / 20) / loudest
    return array("h", (round(value * scale) for value in samples))


def write_wav(path: Path, samples: array[int]) -> None:
    """A plain PCM WAV; `wave` writes no dates or tool names, so the bytes depend on samples only.

    `wave` expects native-order samples and stores them little-endian itself.
    """
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(samples.tobytes())


def make_sounds(out_dir: Path, report: Callable[[str], None] = print) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, notes in CUES.items():
        path = out_dir / f"{name}.wav"
        samples = render(notes)
        write_wav(path, samples)
        report(f"{path}  {len(samples) / SAMPLE_RATE:.3f} s")
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write bandtimer's cue sounds as WAV files.")
    parser.add_argument("out_dir", type=Path, metavar="OUTDIR", help="folder to write into")
    args = parser.parse_args(argv)
    make_sounds(args.out_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
