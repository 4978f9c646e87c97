"""The voice in the app: spoken when ready, v turns it off and on, [ and ] the volume, and one
plain notice when espeak-ng is missing."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bandtimer.sound import Clip, Cue
from bandtimer.storage.config import SoundSettings
from bandtimer.voice import NO_ESPEAK
from tests.ui.harness import advance, build, quick_try, record_notifications

SIZE = (100, 30)


@dataclass
class InstantPhrases:
    """A phrase book that has every phrase the moment it is asked for."""

    asked: list[str] = field(default_factory=list)
    settings: list[SoundSettings] = field(default_factory=list)

    def clip(self, text: str) -> Clip | None:
        return Clip(b"\0\0", label=text) if text in self.asked else None

    def prepare(self, texts: Iterable[str], *, last: bool = False) -> None:
        self.asked += texts

    def prepare_from(self, list_phrases: Callable[[], Iterable[str]]) -> None:
        self.prepare(list_phrases())

    def when_ready(self, text: str, then: Callable[[Clip], None]) -> None:
        then(Clip(b"\0\0", label=text))

    def factory(
        self, settings: SoundSettings, prepare: object, on_problem: object
    ) -> tuple[InstantPhrases, None]:
        self.settings.append(settings)
        return self, None


def test_the_workout_is_coached_aloud_and_v_leaves_the_beeps(tmp_path: Path) -> None:
    async def body() -> None:
        phrases = InstantPhrases()
        harness = build(tmp_path, quick_try(), voice_factory=phrases.factory)
        async with harness.app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert phrases.asked[:2] == [
                "Get ready. Glute bridge. Mini band around the thighs, just above the knees. "
                "Two sets of three, holding each rep five seconds.",
                "Three.",
            ]
            await advance(pilot, harness.clock, 2)
            await advance(pilot, harness.clock, 1)
            assert harness.player.said[-2:] == ["Three.", "Two."]
            assert harness.player.played == []
            notes = record_notifications(harness.app)
            await pilot.press("v")
            assert notes[-1][0] == "Voice off: beeps only"
            await advance(pilot, harness.clock, 1)  # "One."
            assert harness.player.played == [Cue.COUNT]
            await pilot.press("v")
            assert notes[-1][0] == "Voice on"
            await advance(pilot, harness.clock, 1)  # go
            assert harness.player.said[-1] == "Go. Hold."

    asyncio.run(body())


def test_brackets_step_the_volume_and_say_it(tmp_path: Path) -> None:
    async def body() -> None:
        harness = build(tmp_path, quick_try())
        async with harness.app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert harness.player.volume == 0.8  # config's default, handed to the player
            notes = record_notifications(harness.app)
            await pilot.press("left_square_bracket")
            assert harness.player.volume == 0.7
            assert notes[-1][0] == "Volume 70%"
            for _ in range(5):
                await pilot.press("right_square_bracket")
            assert harness.player.volume == 1.0
            assert notes[-1][0] == "Volume 100%"

    asyncio.run(body())


def test_without_espeak_one_notice_and_the_beeps_carry_on(tmp_path: Path) -> None:
    async def body() -> None:
        harness = build(
            tmp_path,
            quick_try(),
            voice_factory=lambda settings, prepare, on_problem: (None, NO_ESPEAK),
        )
        notes = record_notifications(harness.app)
        async with harness.app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            for _ in range(6):
                await advance(pilot, harness.clock, 1)
            assert [message for message, _ in notes] == [NO_ESPEAK]
            assert harness.player.played == [Cue.COUNT, Cue.COUNT, Cue.COUNT, Cue.GO]
            await pilot.press("v")
            assert notes[-1][0] == NO_ESPEAK  # v says why there is no voice

    asyncio.run(body())


def test_no_voice_or_the_config_keeps_the_beeps_and_renders_nothing(tmp_path: Path) -> None:
    async def body(home: Path, *, voice: bool) -> InstantPhrases:
        phrases = InstantPhrases()
        harness = build(home, quick_try(), voice=voice, voice_factory=phrases.factory)
        async with harness.app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            for _ in range(6):
                await advance(pilot, harness.clock, 1)
            assert harness.player.said == []
            assert harness.player.played == [Cue.COUNT, Cue.COUNT, Cue.COUNT, Cue.GO]
        return phrases

    assert asyncio.run(body(tmp_path / "flag", voice=False)).asked == []
    configured = tmp_path / "config"
    configured.mkdir()
    (configured / "config.toml").write_text("[sound]\nvoice = false\nrate = 200\n")
    phrases = asyncio.run(body(configured, voice=True))
    assert phrases.asked == []
    assert phrases.settings == [SoundSettings(voice=False, rate=200)]


def test_a_workout_started_muted_is_not_covered_by_a_sound_notice(tmp_path: Path) -> None:
    """Muted, the person asked for no sound: why there is none is the menu's status line's to
    say, not a notice over the countdown."""

    async def body() -> None:
        harness = build(
            tmp_path,
            quick_try(),
            mute=True,
            voice_factory=lambda settings, prepare, on_problem: (None, NO_ESPEAK),
        )
        notes = record_notifications(harness.app)
        async with harness.app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await advance(pilot, harness.clock, 1)
            assert harness.app.sound_problem == NO_ESPEAK  # known, and kept for the menu
            assert notes == []

    asyncio.run(body())
