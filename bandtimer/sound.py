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

`open_player()` decides which player to use, once, at start-up. The sound files are made by
`scripts/make_sounds.py`, which also describes how each cue sounds.
"""

from __future__ import annotations

import ctypes
import io
import threading
import time
import wave
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Protocol

from bandtimer.storage import UnreadableFile, read_bounded

if TYPE_CHECKING:
    import simpleaudio

FALLBACK_NOTE = "cues fall back to the terminal bell"
PROBE_FRAMES = 441
"""10 ms of silence at 44.1 kHz proves the device opens and keeps start-up quick."""


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

    def file_in(self, sounds: Path) -> Path:
        return sounds / f"{self.value}.wav"


class CuePlayer(Protocol):
    """Anything that can sound a cue; `play` must return at once."""

    def play(self, cue: Cue) -> None: ...


class BellPlayer:
    """The fallback: hands each cue to the app, which rings the terminal bell and flashes.

    The bell cannot tell cues apart, but the flash and the screen can, and a bell is better
    than silence for a runner who is not looking.
    """

    def __init__(self, on_cue: Callable[[Cue], None]) -> None:
        self._on_cue = on_cue

    def play(self, cue: Cue) -> None:
        self._on_cue(cue)


class SimpleaudioPlayer:
    """Plays the WAVs in `sounds/` through simpleaudio, from a daemon worker thread.

    Every file is read once here, so a missing or broken file fails at start-up, not at the
    first cue. If the device fails later, the player switches to `fallback` for good: the cue
    that failed is lost, every later one goes to `fallback`, and `on_failure` gets the reason
    once. Both are called on the thread that calls `play` (the app's), never on the worker.
    """

    def __init__(
        self,
        sounds: Path,
        fallback: CuePlayer,
        on_failure: Callable[[str], None] | None = None,
    ) -> None:
        import simpleaudio

        self._waves = {cue: _wave_object(simpleaudio, cue.file_in(sounds)) for cue in Cue}
        self._fallback = fallback
        self._on_failure = on_failure
        self._failure: str | None = None
        self._failure_reported = False
        self._changed = threading.Condition()
        self._next: Cue | None = None
        """Only the newest waiting cue is kept: a stale "3" after "go" would mislead."""
        self._busy = False
        self._sounding: simpleaudio.PlayObject | None = None
        self._worker: threading.Thread | None = None
        """Started by the first cue, so a player that is never used costs no thread."""

    def play(self, cue: Cue) -> None:
        with self._changed:
            failure = self._failure
            if failure is None:
                self._next = cue
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

    def _fall_back(self, cue: Cue, reason: str) -> None:
        if not self._failure_reported:
            self._failure_reported = True
            if self._on_failure is not None:
                self._on_failure(reason)
        self._fallback.play(cue)

    def _play_forever(self) -> None:
        failure = None
        while failure is None:
            cue = self._take_next()
            failure = self._sound(cue)
            with self._changed:
                self._busy = False
                if failure is not None:
                    self._failure = failure
                    self._next = None  # handed over before the failure was known: lost too
                self._changed.notify_all()

    def _take_next(self) -> Cue:
        with self._changed:
            while self._next is None:
                self._changed.wait()
            cue = self._next
            self._next = None
            self._busy = True
            return cue

    def _sound(self, cue: Cue) -> str | None:
        """Start `cue` on the device; the reason for the user if the device refuses."""
        if self._sounding is not None:
            # Let the device go before reopening it; a card without a mixer allows one stream.
            self._sounding.stop()
            self._sounding.wait_done()
            self._sounding = None
        try:
            self._sounding = self._waves[cue].play()
        except Exception as error:  # simpleaudio raises its own, unexported, error class
            return describe_play_error(error)
        return None


MAX_SOUND_BYTES = 8 * 1024 * 1024
"""A cue is a second or two of 16-bit audio, some hundred kilobytes."""


def _wave_object(simpleaudio: ModuleType, path: Path) -> simpleaudio.WaveObject:
    """simpleaudio's `WaveObject.from_wave_file`, reading the file as every file is read (a
    sound swapped for a FIFO must not hang the start): raises UnreadableFile or wave.Error."""
    try:
        data = read_bounded(path, MAX_SOUND_BYTES, kind="sound file")
    except UnreadableFile as error:
        raise UnreadableFile(f"{path.name} {error.reason}") from None
    with wave.open(io.BytesIO(data), "rb") as wav:
        frames = wav.readframes(wav.getnframes())
        return simpleaudio.WaveObject(
            frames, wav.getnchannels(), wav.getsampwidth(), wav.getframerate()
        )


def open_player(
    sounds: Path,
    on_fallback_cue: Callable[[Cue], None],
    on_failure: Callable[[str], None] | None = None,
) -> tuple[CuePlayer, str | None]:
    """The best player this machine allows, and why it is the bell if it is.

    Returns the simpleaudio player and None when the files load and the default device opens
    (checked by playing a few milliseconds of silence); otherwise a `BellPlayer` over
    `on_fallback_cue` and one line for the user, such as "No audio device: ALSA could not open
    'default' (No such file or directory) — cues fall back to the terminal bell".
    `on_failure` is passed on to the player, for a device that fails later.
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
        player = SimpleaudioPlayer(sounds, fallback=bell, on_failure=on_failure)
    except (OSError, EOFError, wave.Error, UnreadableFile) as error:
        return bell, f"No audio: could not read the cue sounds ({error}) — {FALLBACK_NOTE}"
    try:
        simpleaudio.play_buffer(bytes(2 * PROBE_FRAMES), 1, 2, 44100).wait_done()
    except Exception as error:  # simpleaudio raises its own, unexported, error class
        return bell, describe_play_error(error)
    return player, None


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
