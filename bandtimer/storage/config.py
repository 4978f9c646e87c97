"""The person's settings: `config.toml` in the config folder, written by hand if at all.

Every setting has a default that works, so the file is optional and bandtimer never creates it.
A file with mistakes is never fatal and never rewritten: each mistake becomes a message, the
setting it spoils falls back to its default, and the rest of the file still applies. A typo in a
key is reported too, since a silently ignored setting looks like a bug in bandtimer.

    weekly_target = 3
    device = "laptop"

    [[band]]
    name = "yellow"
    strength = "light"

    [sound]
    voice = true
    voice_name = "en-us"
    rate = 170
    volume = 0.8
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bandtimer.domain.bands import DEFAULT_BANDS, BandColour
from bandtimer.domain.text import visible_controls
from bandtimer.storage.bounded_file import UnreadableFile, read_bounded
from bandtimer.storage.routines import quoted, shown

MAX_CONFIG_BYTES = 1024 * 1024
WEEKLY_TARGET_RANGE = range(1, 15)
"""Up to twice a day: anything outside is a typo rather than a plan."""


RATE_RANGE = range(80, 451)
"""Words a minute espeak-ng speaks clearly: below is a drawl, above is a blur."""
VOICE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_+.-]{0,39}")
"""An espeak-ng voice name (`en-us`, `de`, `en-gb-x-rp`, `mb-en1`); never starts with "-"."""


@dataclass(frozen=True)
class SoundSettings:
    """The `[sound]` table: the voice and how loud everything is."""

    voice: bool = True
    """Speak the coaching lines with espeak-ng; false keeps the beeps only. `v` switches it."""

    voice_name: str = "en-us"
    """The espeak-ng voice (`espeak-ng --voices` lists them)."""

    rate: int = 170
    """How fast the voice speaks, in words a minute (80–450)."""

    volume: float = 0.8
    """Loudness of the voice and the beeps alike, from 0.0 to 1.0; `[` and `]` step it."""


@dataclass(frozen=True)
class Config:
    """bandtimer's settings. The field names are the keys of `config.toml`."""

    bands: tuple[BandColour, ...] = DEFAULT_BANDS
    """The bands you own, lightest first, as `[[band]]` tables with a `name` and a `strength`.

    Progression suggests moving up this list, so its order matters more than the names; the
    default is the common colour code (green, blue, yellow, red, black)."""

    weekly_target: int = 2
    """Band sessions a week to aim for. Each week that reaches it extends the streak; running
    articles suggest two or three."""

    device: str = ""
    """This device's name in the history's file names; empty means the computer's host name.
    Set it when two devices that sync the history folder share a host name."""

    sound: SoundSettings = field(default_factory=SoundSettings)
    """The `[sound]` table."""


def load_config(path: Path) -> tuple[Config, list[str]]:
    """The settings in `path`, and a message for each problem found; defaults where it is broken.

    A missing file is the defaults with no messages. Never raises for anything in the file.
    The messages are for a terminal: a control character in the path is shown, not obeyed.
    """
    config, problems = _load(path)
    return config, [visible_controls(problem) for problem in problems]


def _load(path: Path) -> tuple[Config, list[str]]:
    try:
        text = _read_text(path)
    except FileNotFoundError:
        return Config(), []
    except _Unreadable as error:
        return Config(), [f"{path}: {error}; using the default settings"]
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Config(), [f"{path}: is not valid TOML: {error}; using the default settings"]
    except RecursionError:
        return Config(), [f"{path}: is not valid TOML: it nests too deeply; using the defaults"]
    except ValueError:  # Python refuses to read an integer of more than 4,300 digits
        problem = f"{path}: holds a number thousands of digits long; using the default settings"
        return Config(), [problem]
    problems: list[str] = []
    known = {"band", "weekly_target", "device", "sound"}
    for key in document:
        if key not in known:
            problems.append(f"{path}: unknown setting {quoted(key)} is ignored")
    config = Config(
        bands=_bands(document, path, problems),
        weekly_target=_weekly_target(document, path, problems),
        device=_device(document, path, problems),
        sound=_sound(document, path, problems),
    )
    return config, problems


def _sound(document: dict[str, Any], path: Path, problems: list[str]) -> SoundSettings:
    """Each key on its own: a bad rate does not cost the volume."""
    table = document.get("sound", {})
    if not isinstance(table, dict):
        problems.append(f"{path}: sound must be a [sound] table, got {shown(table)}; ignored")
        return SoundSettings()
    default = SoundSettings()
    for key in sorted(set(table) - {"voice", "voice_name", "rate", "volume"}):
        problems.append(f"{path}: unknown setting {quoted(f'sound.{key}')} is ignored")

    def bad(key: str, wanted: str, fallback: object) -> None:
        got, using = shown(table[key]), shown(fallback)
        problems.append(f"{path}: sound.{key} must be {wanted}, got {got}; using {using}")

    voice = table.get("voice", default.voice)
    if not isinstance(voice, bool):
        bad("voice", "true or false", default.voice)
        voice = default.voice
    name = table.get("voice_name", default.voice_name)
    if not isinstance(name, str) or not VOICE_NAME.fullmatch(name):
        bad("voice_name", "an espeak-ng voice name such as \"en-us\"", default.voice_name)
        name = default.voice_name
    rate = table.get("rate", default.rate)
    if isinstance(rate, bool) or not isinstance(rate, int) or rate not in RATE_RANGE:
        words = f"a whole number of words a minute from {RATE_RANGE.start} to {RATE_RANGE[-1]}"
        bad("rate", words, default.rate)
        rate = default.rate
    volume = table.get("volume", default.volume)
    if isinstance(volume, bool) or not isinstance(volume, int | float) or not 0 <= volume <= 1:
        bad("volume", "a number from 0.0 to 1.0", default.volume)
        volume = default.volume
    return SoundSettings(voice=voice, voice_name=name, rate=rate, volume=float(volume))


def _weekly_target(document: dict[str, Any], path: Path, problems: list[str]) -> int:
    default = Config.weekly_target
    value = document.get("weekly_target", default)
    if isinstance(value, bool) or not isinstance(value, int) or value not in WEEKLY_TARGET_RANGE:
        low, high = WEEKLY_TARGET_RANGE.start, WEEKLY_TARGET_RANGE.stop - 1
        problems.append(
            f"{path}: weekly_target must be a whole number from {low} to {high}, "
            f"got {shown(value)}; using {default}"
        )
        return default
    return value


def _device(document: dict[str, Any], path: Path, problems: list[str]) -> str:
    value = document.get("device", "")
    if not isinstance(value, str):
        problems.append(f"{path}: device must be text, got {shown(value)}; using the host name")
        return ""
    return value.strip()


def _bands(document: dict[str, Any], path: Path, problems: list[str]) -> tuple[BandColour, ...]:
    """All the bands or none: half a list would make progression skip a band."""
    if "band" not in document:
        return DEFAULT_BANDS
    value = document["band"]
    error = _bands_error(value)
    if error is not None:
        problems.append(f"{path}: {error}; using the default bands")
        return DEFAULT_BANDS
    return tuple(
        BandColour(table["name"].strip(), table.get("strength", "").strip()) for table in value
    )


def _bands_error(value: object) -> str | None:
    if not isinstance(value, list) or not value:
        return f"band must be one or more [[band]] tables, got {shown(value)}"
    seen: set[str] = set()
    for number, table in enumerate(value, start=1):
        if not isinstance(table, dict):
            return f"band {number} must be a [[band]] table, got {shown(table)}"
        name, strength = table.get("name"), table.get("strength", "")
        if not isinstance(name, str) or not name.strip():
            return f'band {number} needs a name, such as name = "blue"'
        if not isinstance(strength, str):
            return f"band {number} ({quoted(name)}): strength must be text, got {shown(strength)}"
        unknown = sorted(set(table) - {"name", "strength"})
        if unknown:
            return f"band {number} ({quoted(name)}): unknown key {quoted(unknown[0])}"
        if name.strip().casefold() in seen:
            return f"band {number}: {quoted(name)} is listed twice"
        seen.add(name.strip().casefold())
    return None


class _Unreadable(Exception):
    pass


def _read_text(path: Path) -> str:
    """The file's text; FileNotFoundError if it is missing, _Unreadable for anything else."""
    try:
        data = read_bounded(path, MAX_CONFIG_BYTES, kind="settings file")
    except UnreadableFile as error:
        if error.missing:
            raise FileNotFoundError(path) from None
        raise _Unreadable(error.reason) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _Unreadable(f"is not UTF-8 text (byte offset {error.start})") from None
