"""The one way to build the app, used by the command line and by the tests alike."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from bandtimer.domain.clock import Clock, MonotonicClock
from bandtimer.domain.routine import Routine
from bandtimer.storage.config import load_config
from bandtimer.storage.locations import Locations, sounds_dir
from bandtimer.ui.app import BandtimerApp
from bandtimer.ui.services import PlayerFactory, Services, VoiceFactory

if TYPE_CHECKING:
    from bandtimer.coach import Phrases
    from bandtimer.sound import Clip, Cue, CuePlayer
    from bandtimer.storage.config import SoundSettings


def real_player_factory(locations: Locations, volume: float) -> PlayerFactory:
    def open_real_player(on_fallback_cue: Callable[[Cue], None]) -> tuple[CuePlayer, str | None]:
        # Imported in the app's player thread, once the menu is drawn: the menu needs no sound.
        from bandtimer.sound import open_player

        return open_player(
            sounds_dir(), on_fallback_cue, custom_sounds=locations.custom_sounds_dir, volume=volume
        )

    return open_real_player


def real_voice_factory(locations: Locations) -> VoiceFactory:
    def open_real_voice(
        settings: SoundSettings, prepare: Callable[[Clip], None], on_problem: Callable[[str], None]
    ) -> tuple[Phrases | None, str | None]:
        from bandtimer.voice import NO_ESPEAK, Espeak, PhraseBook, VoiceSettings

        espeak = Espeak.find()
        if espeak is None:
            return None, NO_ESPEAK
        voice = VoiceSettings(settings.voice_name, settings.rate)
        book = PhraseBook(
            espeak, voice, locations.cache_dir, prepare_clip=prepare, on_problem=on_problem
        )
        return book, None

    return open_real_voice


def build_services(
    locations: Locations,
    *,
    clock: Clock | None = None,
    player_factory: PlayerFactory | None = None,
    voice_factory: VoiceFactory | None = None,
    wall_clock: Callable[[], datetime] | None = None,
) -> Services:
    """A player handed in (tests, benchmarks) comes without a voice unless one is handed in."""
    config, problems = load_config(locations.config_file)
    extra = {"wall_clock": wall_clock} if wall_clock is not None else {}
    if voice_factory is None and player_factory is None:
        voice_factory = real_voice_factory(locations)
    if voice_factory is not None:
        extra["open_voice"] = voice_factory
    return Services(
        locations=locations,
        clock=clock or MonotonicClock(),
        open_player=player_factory or real_player_factory(locations, config.sound.volume),
        config=config,
        config_problems=tuple(problems),
        **extra,
    )


def create_app(
    locations: Locations,
    *,
    start_routine: Routine | None = None,
    mute: bool = False,
    voice: bool = True,
    clock: Clock | None = None,
    player_factory: PlayerFactory | None = None,
    voice_factory: VoiceFactory | None = None,
    wall_clock: Callable[[], datetime] | None = None,
) -> BandtimerApp:
    """`voice=False` (`--no-voice`) starts without the voice whatever config.toml says."""
    services = build_services(
        locations,
        clock=clock,
        player_factory=player_factory,
        voice_factory=voice_factory,
        wall_clock=wall_clock,
    )
    return BandtimerApp(services, start_routine=start_routine, mute=mute, voice=voice)
