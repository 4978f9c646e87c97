"""ALSA's default sound device as files, for tests of real processes that may play cues.

With `ALSA_CONFIG_PATH` pointing at tests/data/alsa/file-pcm.conf, every stream a process opens
on the default device is written to a WAV of its own (out.wav, out.wav.0001, ...) and no sound
card is needed. A test can then say what reached the speaker: for a muted app, only silence
(the player's start-up probe) and never a cue.
"""

from __future__ import annotations

from pathlib import Path

CONFIGS = Path(__file__).resolve().parent / "data" / "alsa"
WAV_HEADER_BYTES = 44
"""A PCM WAV's RIFF header; ALSA's file plugin writes exactly this one."""


class RecordingSoundDevice:
    """A folder that receives every stream played on ALSA's default device."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.out = folder / "out.wav"
        assert '"' not in str(self.out) and "\\" not in str(self.out)
        self.config = folder / "asound.conf"
        template = (CONFIGS / "file-pcm.conf").read_text(encoding="utf-8")
        self.config.write_text(template.replace("@OUT@", str(self.out)), encoding="utf-8")

    @property
    def env(self) -> dict[str, str]:
        """What a child process's environment needs to play into this folder."""
        return {"ALSA_CONFIG_PATH": str(self.config)}

    def streams(self) -> list[Path]:
        """Each stream's file, in the order they were opened."""
        later = sorted(self.out.parent.glob(self.out.name + ".*"))
        return [self.out, *later] if self.out.exists() else later

    def audible_streams(self) -> list[Path]:
        """The streams with any sound in them. Read as raw bytes, not with `wave`: a process
        killed mid-stream leaves a header whose lengths were never filled in."""
        return [
            path for path in self.streams() if path.read_bytes()[WAV_HEADER_BYTES:].strip(b"\0")
        ]
