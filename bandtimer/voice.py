"""Spoken phrases: espeak-ng renders each one to a WAV ahead of time, into a cache.

A runner on a mat hears "Right side. Go." at the moment the beep would have sounded, or not at
all: a phrase is spoken only if it is already rendered when it falls due, and otherwise the
caller plays the beep that stands for it. Three rules follow:

* espeak-ng runs with an argument list, never through a shell, and the words go on its stdin,
  so nothing in an exercise name can become an option or a command. SSML is off (no `-m`) and
  the text is reduced to plain words first (`speakable`), so neither tags nor espeak's own
  `[[phoneme]]` input are read as anything but text.
* Each phrase is rendered once per text, voice, rate and espeak-ng version, converted to the
  cues' format (44.1 kHz, mono, 16-bit) and normalised to their peak, and kept in the cache dir:
  the voice is as loud as the beeps, and a second workout renders nothing.
* `PhraseBook.prepare` renders on a daemon worker, in the order given (the order the phrases fall
  due), so the first phrases are ready first; `clip` never waits.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import wave
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from bandtimer.sound import SAMPLE_RATE, Clip

ESPEAK = "espeak-ng"
MAX_PHRASE_CHARS = 300
"""Longer text is cut at a word: a coach's line is a sentence or three, never a page."""
RENDER_TIMEOUT_SECONDS = 10.0
PEAK = round(32767 * 10 ** (-3 / 20))
"""-3 dBFS, the peak of every shipped cue (scripts/make_sounds.py)."""
BETWEEN_PHRASES_SECONDS = 0.003
"""The worker rests this long after each phrase, letting the app's thread have the interpreter:
reading and scaling a workout's phrases at its start would otherwise make its first cues late."""
NO_ESPEAK = "Voice: espeak-ng is not installed (apt-get install espeak-ng) — cues stay beeps"

_TAG = re.compile(r"<[^<>]*>")
_SPEAKABLE_PUNCTUATION = set(" .,;:?!'-")


@dataclass(frozen=True)
class VoiceSettings:
    name: str = "en-us"
    """An espeak-ng voice, as `espeak-ng --voices` lists them."""
    rate: int = 170
    """Words a minute."""


class VoiceError(Exception):
    """espeak-ng could not render; the message is one line for the person."""


def speakable(text: str, limit: int = MAX_PHRASE_CHARS) -> str:
    """`text` as plain words: markup dropped, symbols gone, at most `limit` characters.

    Letters of any script stay (espeak-ng reads what it can and skips the rest); what could be
    read as markup or phonemes (`<`, `>`, `[[`, `&`) or is invisible (bidi controls) does not.
    """
    text = _TAG.sub(" ", text)
    kept = "".join(
        char if char.isalnum() or char in _SPEAKABLE_PUNCTUATION else " " for char in text
    )
    words = " ".join(kept.split())
    if len(words) <= limit:
        return words
    cut = words[: limit + 1].rsplit(" ", 1)[0] if " " in words[:limit] else words[:limit]
    return cut.rstrip(" ,;:-") + "."


class Espeak:
    """The espeak-ng program: its version (part of every cache key) and rendering to a WAV."""

    def __init__(self, executable: str) -> None:
        self.executable = executable
        self._version: str | None = None

    @classmethod
    def find(cls) -> Espeak | None:
        """espeak-ng on PATH, or None."""
        executable = shutil.which(ESPEAK)
        return cls(executable) if executable is not None else None

    def version(self) -> str:
        """`1.51` from "eSpeak NG text-to-speech: 1.51  Data at: ..."; the whole line if odd."""
        if self._version is None:
            done = self._run(["--version"], b"")
            line = done.stdout.decode("utf-8", "replace").strip()
            match = re.search(r"text-to-speech:\s*(\S+)", line)
            self._version = match.group(1) if match else line
        return self._version

    def render(self, text: str, settings: VoiceSettings, out: Path) -> None:
        """Speak `text` into the WAV file `out`; VoiceError with the reason if it cannot."""
        arguments = ["-v", settings.name, "-s", str(settings.rate), "-b", "1", "-z", "-w", str(out)]
        done = self._run([*arguments, "--stdin"], text.encode("utf-8"))
        if done.returncode != 0 or not out.is_file() or out.stat().st_size <= 44:
            said = (done.stderr or done.stdout).decode("utf-8", "replace").strip()
            said = said.splitlines()[-1] if said else f"exit status {done.returncode}"
            raise VoiceError(f"espeak-ng could not speak with voice {settings.name!r}: {said}")

    def _run(self, arguments: list[str], stdin: bytes) -> subprocess.CompletedProcess[bytes]:
        try:
            return subprocess.run(
                [self.executable, *arguments],
                input=stdin,
                capture_output=True,
                timeout=RENDER_TIMEOUT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise VoiceError(f"espeak-ng took over {RENDER_TIMEOUT_SECONDS:g} s") from None
        except OSError as error:
            raise VoiceError(f"espeak-ng could not be run ({error.strerror})") from None


def to_cue_format(path: Path) -> bytes:
    """A 16-bit WAV from espeak-ng as the cues' frames: mono, 44.1 kHz, peak at -3 dBFS."""
    with wave.open(str(path), "rb") as wav:
        channels, width, rate = wav.getnchannels(), wav.getsampwidth(), wav.getframerate()
        if width != 2:
            raise VoiceError(f"espeak-ng wrote {8 * width}-bit audio, not 16-bit")
        samples = array("h", wav.readframes(wav.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    if channels > 1:
        samples = array("h", samples[::channels])
    loudest = max(map(abs, samples), default=0)
    if loudest:
        gain = PEAK / loudest
        samples = array("h", [round(sample * gain) for sample in samples])
    samples = _resample(samples, rate)
    if sys.byteorder == "big":
        samples.byteswap()
    return samples.tobytes()


def _resample(samples: array[int], rate: int) -> array[int]:
    """Linear interpolation to SAMPLE_RATE; espeak-ng's 22,050 Hz doubles by a fast path.

    Speech has little above 5 kHz, so linear interpolation's softening is not heard.
    """
    if rate == SAMPLE_RATE or not samples:
        return samples
    if rate * 2 == SAMPLE_RATE:
        doubled = array("h", bytes(4 * len(samples)))
        doubled[0::2] = samples
        between = array("h", [(a + b) >> 1 for a, b in itertools.pairwise(samples)])
        doubled[1::2] = between + samples[-1:]
        return doubled
    step = rate / SAMPLE_RATE
    count = int(len(samples) / step)
    last = len(samples) - 1
    out = array("h")
    for n in range(count):
        position = n * step
        i = int(position)
        j = min(i + 1, last)
        out.append(round(samples[i] + (samples[j] - samples[i]) * (position - i)))
    return out


class PhraseBook:
    """Rendered phrases for one voice, made ahead on a worker and looked up without waiting.

    `cache_dir` keeps the rendered WAVs between runs; None keeps them in memory only.
    `prepare_clip` is called on the worker with each clip it makes ready (the player scales it
    to its volume there). `on_problem` gets one line, once, if espeak-ng cannot render at all
    (a voice that does not exist); rendering then stops and every phrase stays a beep.
    """

    def __init__(
        self,
        espeak: Espeak,
        settings: VoiceSettings,
        cache_dir: Path | None,
        *,
        prepare_clip: Callable[[Clip], None] = lambda clip: None,
        on_problem: Callable[[str], None] = lambda problem: None,
    ) -> None:
        self.espeak = espeak
        self.settings = settings
        self._cache_dir = cache_dir
        self._prepare_clip = prepare_clip
        self._on_problem = on_problem
        self._ready: dict[str, Clip] = {}
        self._wanted: list[str] = []
        self._then: dict[str, list[Callable[[Clip], None]]] = {}
        self._lists: list[Callable[[], Iterable[str]]] = []
        """Work out what to render (on the worker, first of all): see `prepare_from`."""
        self._changed = threading.Condition()
        self._busy = False
        self._broken = False
        self._worker: threading.Thread | None = None

    def clip(self, text: str) -> Clip | None:
        """The phrase, if it is rendered; never waits."""
        return self._ready.get(text)

    def prepare(self, texts: Iterable[str], *, last: bool = False) -> None:
        """Render these on the worker, in this order, before any still waiting: the newest
        request is the workout that has just started. With `last`, after all still waiting:
        for what is said only at the end."""
        with self._changed:
            batch = list(dict.fromkeys(text for text in texts if text not in self._ready))
            waiting = set(batch)
            rest = [text for text in self._wanted if text not in waiting]
            self._wanted = rest + batch if last else batch + rest
            self._changed.notify_all()
            self._start_worker()

    def prepare_from(self, list_phrases: Callable[[], Iterable[str]]) -> None:
        """`prepare(list_phrases())`, with the listing done on the worker too: following a long
        plan to find its phrases takes longer than a frame."""
        with self._changed:
            self._lists.append(list_phrases)
            self._changed.notify_all()
            self._start_worker()

    def _start_worker(self) -> None:
        """Started by the first request, so a book that is never used costs no thread."""
        if self._worker is None:
            self._worker = threading.Thread(
                target=self._render_forever, name="phrase-renderer", daemon=True
            )
            self._worker.start()

    def when_ready(self, text: str, then: Callable[[Clip], None]) -> None:
        """Render `text` next, and call `then` with it on the worker once it is ready."""
        with self._changed:
            clip = self._ready.get(text)
            if clip is None:
                self._then.setdefault(text, []).append(then)
                if text in self._wanted:
                    self._wanted.remove(text)
                self._wanted.insert(0, text)
        if clip is not None:
            then(clip)
        else:
            self.prepare(())

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Until everything asked for is rendered (or given up); False on timeout."""
        with self._changed:
            return self._changed.wait_for(
                lambda: not self._wanted and not self._lists and not self._busy, timeout
            )

    def _render_forever(self) -> None:
        while True:
            with self._changed:
                while not self._wanted and not self._lists:
                    self._changed.wait()
                self._busy = True
                list_phrases = self._lists.pop(0) if self._lists else None
            if list_phrases is not None:
                self.prepare(list_phrases())
                with self._changed:
                    self._busy = False
                    self._changed.notify_all()
                continue
            with self._changed:
                text = self._wanted.pop(0)
            try:
                clip = self._render(text)
            except VoiceError as error:
                clip = None
                self._give_up(str(error))
            except (OSError, EOFError, wave.Error):
                clip = None  # this phrase stays a beep; the next may do better
            if clip is not None:
                self._prepare_clip(clip)
                self._ready[text] = clip
            with self._changed:
                waiting = self._then.pop(text, [])
            for then in waiting if clip is not None else ():
                then(clip)
            with self._changed:
                self._busy = False
                self._changed.notify_all()
            time.sleep(BETWEEN_PHRASES_SECONDS)

    def _give_up(self, problem: str) -> None:
        with self._changed:
            self._wanted.clear()
            broken, self._broken = self._broken, True
        if not broken:
            self._on_problem(f"Voice: {problem} — cues stay beeps")

    def _render(self, text: str) -> Clip | None:
        if self._broken:
            return None
        key = self._key(text)
        cached = self._cache_dir / "voice" / f"{key}.wav" if self._cache_dir else None
        if cached is not None and cached.is_file():
            with wave.open(str(cached), "rb") as wav:
                return Clip(wav.readframes(wav.getnframes()), label=text)
        frames = self._speak(text)
        if cached is not None:
            _write_wav(cached, frames)
        return Clip(frames, label=text)

    def _key(self, text: str) -> str:
        parts = (self.espeak.version(), self.settings.name, str(self.settings.rate), text)
        return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:40]

    def _speak(self, text: str) -> bytes:
        words = speakable(text)
        handle, name = tempfile.mkstemp(prefix="bandtimer-phrase-", suffix=".wav")
        os.close(handle)
        raw = Path(name)
        try:
            self.espeak.render(words, self.settings, raw)
            return to_cue_format(raw)
        finally:
            raw.unlink(missing_ok=True)


def _write_wav(path: Path, frames: bytes) -> None:
    """Written under a temporary name and renamed, so a reader never finds half a file.

    A cache that cannot be written is no reason to stay silent: the clip is kept in memory.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
        with wave.open(str(partial), "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(SAMPLE_RATE)
            wav.writeframes(frames)
        os.replace(partial, path)
    except OSError:
        pass
