"""Cue sounds: what the runner hears instead of looking at the screen.

The runner is on a mat a few metres away, so a cue that is late, silent or muddled with another
one is a missed rep. Three rules follow:

* `play()` only hands the cue to a worker thread, so a device that refuses (a busy card, a sound
  server that went away) or a cue that must wait for the previous one to be cut never holds up
  the countdown. (simpleaudio keeps the GIL while it opens the device, which normally takes a
  millisecond or less; only a device that hangs while opening would still be felt.)
* One cue at a time: a new cue cuts the one still sounding. Two overlapping beeps are hard to
  tell apart by ear, and a device without a mixer could not open a second stream anyway.
* Sound that does not work degrades to the terminal bell and a screen flash (`BellPlayer`),
  with one plain sentence saying why; libasound's own diagnostics are silenced, because text
  written to stderr would land in the middle of Textual's screen.

Spoken phrases (`bandtimer.voice`) come through the same player as `Clip`s, so the one-at-a-time
rule, the volume and the fallback serve the voice and the beeps alike. The volume is applied
by scaling the samples (simpleaudio has no volume of its own); each clip keeps its scaled
frames per volume, so a cue is scaled once, not every time it plays.

`open_player()` decides which player to use, once, at start-up. The sound files are made by
`scripts/make_sounds.py`, which also describes how each cue sounds. A WAV of the same name in
the person's own sounds folder replaces a shipped cue, if it is fit to be one (`load_cues`).
"""

from __future__ import annotations

import ctypes
import io
import sys
import threading
import time
import wave
from array import array
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from bandtimer.storage import UnreadableFile, read_bounded

if TYPE_CHECKING:
    import simpleaudio

FALLBACK_NOTE = "cues fall back to the terminal bell"
PROBE_FRAMES = 441
"""10 ms of silence at 44.1 kHz proves the device opens and keeps start-up quick."""
SAMPLE_RATE = 44100
"""The rate of the shipped cues and of every spoken phrase."""
CUSTOM_MAX_BYTES = 1024 * 1024
CUSTOM_MAX_SECONDS = 3.0
"""A cue longer than this would still be sounding when the next one is due."""
SCALE_CHUNK = 4096
"""Samples scaled per uninterrupted C call: about half a millisecond, so scaling a phrase on
the phrase worker never holds the app's redraw back for longer than that."""


class Cue(StrEnum):
    """Something the runner must hear; the value is the stem of its file in `sounds/`."""

    COUNT = "count"
    """One tick, played at 3, 2 and 1 before work starts."""
    GO = "go"
    REST = "rest"
    SWITCH = "switch"
    """Change sides."""
    HALFWAY = "halfway"
    """Halfway through a hold."""
    DONE = "done"
    """The whole workout is finished."""
    BEAT = "beat"
    """Every rep of a set paced by a tempo."""
    HOLD = "hold"
    """A held rep begins: squeeze."""
    RELEASE = "release"
    """A held rep ends: let go and set up for the next."""

    def file_in(self, sounds: Path) -> Path:
        return sounds / f"{self.value}.wav"


class Clip:
    """A sound ready for the device: 16-bit PCM frames at full level, and what it is.

    A cue or a spoken phrase. The frames scaled to a volume are kept per volume, made on first
    use (`at_volume`); several threads may ask, and at worst each scales it once.
    """

    def __init__(self, frames: bytes, *, label: str, channels: int = 1, rate: int = SAMPLE_RATE):
        self.frames = frames
        self.label = label
        """The cue's name or the words spoken: for tests, benchmarks and messages."""
        self.channels = channels
        self.rate = rate
        self._levels: dict[float, bytes] = {1.0: frames}

    @property
    def seconds(self) -> float:
        return len(self.frames) / (2 * self.channels * self.rate)

    def at_volume(self, volume: float) -> bytes:
        frames = self._levels.get(volume)
        if frames is None:
            frames = self._levels[volume] = scale_frames(self.frames, volume)
        return frames

    def __repr__(self) -> str:
        return f"Clip({self.label!r}, {self.seconds:.2f} s)"


_GAIN_TABLES: dict[float, list[int]] = {}


def scale_frames(frames: bytes, volume: float) -> bytes:
    """16-bit samples multiplied by `volume` (0–1), without numpy or the deprecated `audioop`.

    A table of every possible sample's scaled value turns the work into one C-level lookup per
    sample: about 18 ms for a 3 s phrase, against 100 ms for arithmetic in a comprehension.
    """
    if volume >= 1.0:
        return frames
    table = _GAIN_TABLES.get(volume)
    if table is None:
        # Indexed by the sample read as unsigned: 0..32767 are themselves, 32768.. are negative.
        table = [round((u - 65536 if u >= 32768 else u) * volume) & 0xFFFF for u in range(65536)]
        _GAIN_TABLES[volume] = table
    samples = array("H", frames)
    if sys.byteorder == "big":  # WAV frames are little-endian
        samples.byteswap()
    scaled = array("H")
    for start in range(0, len(samples), SCALE_CHUNK):
        # One C call per chunk: between them another thread (the app's) may take the GIL.
        scaled.extend(map(table.__getitem__, samples[start : start + SCALE_CHUNK]))
    if sys.byteorder == "big":
        scaled.byteswap()
    return scaled.tobytes()


class CuePlayer(Protocol):
    """Anything that can sound a cue or a clip; every method must return at once."""

    def play(self, cue: Cue) -> None: ...

    def play_clip(self, clip: Clip, instead: Cue | None) -> None:
        """Sound `clip`; a player that cannot (the bell) sounds `instead`, if given."""
        ...

    def set_volume(self, volume: float) -> None: ...


class BellPlayer:
    """The fallback: hands each cue to the app, which rings the terminal bell and flashes.

    The bell cannot tell cues apart, but the flash and the screen can, and a bell is better
    than silence for a runner who is not looking.
    """

    def __init__(self, on_cue: Callable[[Cue], None]) -> None:
        self._on_cue = on_cue

    def play(self, cue: Cue) -> None:
        self._on_cue(cue)

    def play_clip(self, clip: Clip, instead: Cue | None) -> None:
        if instead is not None:
            self._on_cue(instead)

    def set_volume(self, volume: float) -> None:
        """The terminal bell has no volume bandtimer can set."""


class SimpleaudioPlayer:
    """Plays cues and clips through simpleaudio, from a daemon worker thread.

    The cues are read beforehand (`load_cues`), so a missing or broken file fails at start-up,
    not at the first cue. If the device fails later, the player switches to `fallback` for
    good: the sound that failed is lost, every later one goes to `fallback`, and `on_failure`
    gets the reason once. Both are called on the thread that calls `play` (the app's), never on
    the worker.
    """

    def __init__(
        self,
        cues: dict[Cue, Clip],
        fallback: CuePlayer,
        on_failure: Callable[[str], None] | None = None,
        *,
        volume: float = 1.0,
    ) -> None:
        self._cues = cues
        self._fallback = fallback
        self._on_failure = on_failure
        self._failure: str | None = None
        self._failure_reported = False
        self.volume = volume
        for clip in cues.values():
            clip.at_volume(volume)  # scaled now, on the opening thread, not at the first cue
        self._changed = threading.Condition()
        self._next: tuple[Clip, Cue | None] | None = None
        """Only the newest waiting sound is kept: a stale "3" after "go" would mislead."""
        self._busy = False
        self._sounding: simpleaudio.PlayObject | None = None
        self._worker: threading.Thread | None = None
        """Started by the first cue, so a player that is never used costs no thread."""

    def play(self, cue: Cue) -> None:
        self._hand_over(self._cues[cue], cue)

    def play_clip(self, clip: Clip, instead: Cue | None) -> None:
        self._hand_over(clip, instead)

    def set_volume(self, volume: float) -> None:
        """From the next sound on; the one sounding keeps its level."""
        self.volume = volume

    def prepare(self, clip: Clip) -> None:
        """Scale `clip` to the volume now, so playing it costs nothing (called off the UI)."""
        clip.at_volume(self.volume)

    def _hand_over(self, clip: Clip, cue: Cue | None) -> None:
        with self._changed:
            failure = self._failure
            if failure is None:
                self._next = (clip, cue)
                self._changed.notify_all()
                if self._worker is None:
                    self._worker = threading.Thread(
                        target=self._play_forever, name="cue-player", daemon=True
                    )
                    self._worker.start()
                return
        self._fall_back(cue, failure)

    def wait_done(self, timeout: float | None = None) -> bool:
        """Block until every cue handed to `play` has finished sounding; False on timeout.

        For tests, and for an app that wants the last cue heard before it exits.
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._changed:
            if not self._changed.wait_for(self._is_idle, timeout):
                return False
            sounding = self._sounding
        # simpleaudio offers no completion callback, only polling.
        while sounding is not None and sounding.is_playing():
            if deadline is not None and time.monotonic() >= deadline:
                return False
            time.sleep(0.01)
        return True

    def _is_idle(self) -> bool:
        return self._next is None and not self._busy

    def _fall_back(self, cue: Cue | None, reason: str) -> None:
        if not self._failure_reported:
            self._failure_reported = True
            if self._on_failure is not None:
                self._on_failure(reason)
        if cue is not None:
            self._fallback.play(cue)

    def _play_forever(self) -> None:
        failure = None
        while failure is None:
            clip = self._take_next()
            failure = self._sound(clip)
            with self._changed:
                self._busy = False
                if failure is not None:
                    self._failure = failure
                    self._next = None  # handed over before the failure was known: lost too
                self._changed.notify_all()

    def _take_next(self) -> Clip:
        with self._changed:
            while self._next is None:
                self._changed.wait()
            clip = self._next[0]
            self._next = None
            self._busy = True
            return clip

    def _sound(self, clip: Clip) -> str | None:
        """Start `clip` on the device; the reason for the user if the device refuses."""
        import simpleaudio

        if self._sounding is not None:
            # Let the device go before reopening it; a card without a mixer allows one stream.
            self._sounding.stop()
            self._sounding.wait_done()
            self._sounding = None
        frames = clip.at_volume(self.volume)
        try:
            self._sounding = simpleaudio.play_buffer(frames, clip.channels, 2, clip.rate)
        except Exception as error:  # simpleaudio raises its own, unexported, error class
            return describe_play_error(error)
        return None


MAX_SOUND_BYTES = 8 * 1024 * 1024
"""A cue is a second or two of 16-bit audio, some hundred kilobytes."""


def open_player(
    sounds: Path,
    on_fallback_cue: Callable[[Cue], None],
    on_failure: Callable[[str], None] | None = None,
    *,
    custom_sounds: Path | None = None,
    volume: float = 1.0,
) -> tuple[CuePlayer, str | None]:
    """The best player this machine allows, and what the person should know about it.

    Returns the simpleaudio player and None when the files load and the default device opens
    (checked by playing a few milliseconds of silence); otherwise a `BellPlayer` over
    `on_fallback_cue` and one line for the user, such as "No audio device: ALSA could not open
    'default' (No such file or directory) — cues fall back to the terminal bell".
    `on_failure` is passed on to the player, for a device that fails later. A custom sound in
    `custom_sounds` that cannot be used adds a line of its own (one line per file).
    """
    silence_alsa_errors()
    bell = BellPlayer(on_fallback_cue)
    try:
        import simpleaudio
    except ImportError as error:  # no libasound.so.2, or a wheel built for another system
        return bell, f"No audio: simpleaudio could not be loaded ({error}) — {FALLBACK_NOTE}"
    missing = [cue.file_in(sounds).name for cue in Cue if not cue.file_in(sounds).is_file()]
    if missing:
        return bell, f"No audio: {', '.join(missing)} missing from {sounds} — {FALLBACK_NOTE}"
    try:
        cues, problems = load_cues(sounds, custom_sounds)
    except (OSError, EOFError, wave.Error, UnreadableFile) as error:
        return bell, f"No audio: could not read the cue sounds ({error}) — {FALLBACK_NOTE}"
    player = SimpleaudioPlayer(cues, fallback=bell, on_failure=on_failure, volume=volume)
    try:
        simpleaudio.play_buffer(bytes(2 * PROBE_FRAMES), 1, 2, SAMPLE_RATE).wait_done()
    except Exception as error:  # simpleaudio raises its own, unexported, error class
        return bell, describe_play_error(error)
    return player, "\n".join(problems) or None


def read_clip(path: Path, label: str, limit: int = MAX_SOUND_BYTES) -> Clip:
    """A 16-bit PCM WAV as a clip, read as every file is read (a sound swapped for a FIFO must
    not hang the start); raises UnreadableFile or wave.Error."""
    try:
        data = read_bounded(path, limit, kind="sound file")
    except UnreadableFile as error:
        raise UnreadableFile(f"{path.name} {error.reason}", size=error.size) from None
    with wave.open(io.BytesIO(data), "rb") as wav:
        if wav.getsampwidth() != 2:
            raise wave.Error(f"is {8 * wav.getsampwidth()}-bit, not 16-bit PCM")
        frames = wav.readframes(wav.getnframes())
        return Clip(frames, label=label, channels=wav.getnchannels(), rate=wav.getframerate())


def load_cues(sounds: Path, custom: Path | None = None) -> tuple[dict[Cue, Clip], list[str]]:
    """Every cue from `sounds`, or from `custom` where a file there is fit to replace it.

    A custom file that is not a 16-bit PCM WAV, is longer than `CUSTOM_MAX_SECONDS` or larger
    than `CUSTOM_MAX_BYTES` gives one line naming the file and the problem, and the shipped
    cue is used instead. Raises for a shipped file that cannot be read.
    """
    cues = {cue: read_clip(cue.file_in(sounds), cue.value) for cue in Cue}
    problems = []
    for cue in Cue:
        path = cue.file_in(custom) if custom is not None else None
        if path is None or not path.exists():
            continue
        clip, problem = _custom_clip(path, cue)
        if clip is not None:
            cues[cue] = clip
        else:
            problems.append(
                f"Custom sound {path}: {problem} — the shipped {cue.value} cue plays instead"
            )
    return cues, problems


def _custom_clip(path: Path, cue: Cue) -> tuple[Clip | None, str]:
    try:
        size = path.stat().st_size
        if size > CUSTOM_MAX_BYTES:
            return None, f"is {size:,} bytes, larger than 1 MiB"
        clip = read_clip(path, f"{cue.value} ({path.name})", CUSTOM_MAX_BYTES)
    except UnreadableFile as error:
        return None, error.reason.removeprefix(f"{path.name} ")
    except (wave.Error, EOFError) as error:
        reason = str(error)
        if not reason.startswith("is "):
            reason = f"is not a 16-bit PCM WAV file ({reason or 'it ends too early'})"
        return None, reason
    except OSError as error:
        return None, f"cannot be read ({(error.strerror or 'error').lower()})"
    if clip.channels not in (1, 2) or not clip.frames:
        return None, "is not a 16-bit PCM WAV file with one or two channels and some sound"
    if clip.seconds > CUSTOM_MAX_SECONDS:
        return None, f"lasts {clip.seconds:.1f} s, longer than {CUSTOM_MAX_SECONDS:g} s"
    return clip, ""


def describe_play_error(error: Exception) -> str:
    """One line for the user from simpleaudio's "What. -- CODE: -2 -- MSG: Why" errors."""
    what, _, rest = str(error).partition(" -- CODE: ")
    why = rest.partition(" -- MSG: ")[2].strip() or what.strip() or type(error).__name__
    if "opening PCM device" in what:
        return f"No audio device: ALSA could not open 'default' ({why}) — {FALLBACK_NOTE}"
    if rest:
        return f"No audio device: {what.strip().rstrip('.')} ({why}) — {FALLBACK_NOTE}"
    return f"No audio device: {why} — {FALLBACK_NOTE}"


_AlsaErrorHandler = ctypes.CFUNCTYPE(
    None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p
)
"""void (*)(const char *file, int line, const char *function, int err, const char *fmt, ...).

ctypes cannot declare the trailing `...`; the fixed arguments arrive in the same registers
either way and the handler ignores everything, so the shorter signature is safe.
"""


def _ignore_alsa_error(
    file: bytes | None, line: int, function: bytes | None, err: int, fmt: bytes | None
) -> None:
    """libasound reports failures through return codes as well; the text adds nothing here."""


_QUIET_ALSA_HANDLER = _AlsaErrorHandler(_ignore_alsa_error)
"""Kept for the life of the process: libasound holds a raw pointer to it."""


def silence_alsa_errors() -> bool:
    """Stop libasound printing "ALSA lib pcm.c:…" lines into the terminal Textual draws on.

    Replaces libasound's error handler rather than redirecting fd 2, which Textual uses. The
    library is shared with simpleaudio's extension, so this covers simpleaudio's calls too.
    False when there is no libasound (not Linux, or not installed): nothing to silence then.
    """
    try:
        libasound = ctypes.CDLL("libasound.so.2")
    except OSError:
        return False
    libasound.snd_lib_error_set_handler.argtypes = [_AlsaErrorHandler]
    libasound.snd_lib_error_set_handler.restype = ctypes.c_int
    return int(libasound.snd_lib_error_set_handler(_QUIET_ALSA_HANDLER)) == 0
