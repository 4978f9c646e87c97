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
from bandtimer.ui.services import PlayerFactory, Services

if TYPE_CHECKING:
    from bandtimer.sound import Cue, CuePlayer


def real_player_factory() -> PlayerFactory:
    def open_real_player(on_fallback_cue: Callable[[Cue], None]) -> tuple[CuePlayer, str | None]:
        # Imported in the app's player thread, once the menu is drawn: the menu needs no sound.
        from bandtimer.sound import open_player

        return open_player(sounds_dir(), on_fallback_cue)

    return open_real_player


def build_services(
    locations: Locations,
    *,
    clock: Clock | None = None,
    player_factory: PlayerFactory | None = None,
    wall_clock: Callable[[], datetime] | None = None,
) -> Services:
    config, problems = load_config(locations.config_file)
    extra = {"wall_clock": wall_clock} if wall_clock is not None else {}
    return Services(
        locations=locations,
        clock=clock or MonotonicClock(),
        open_player=player_factory or real_player_factory(),
        config=config,
        config_problems=tuple(problems),
        **extra,
    )


def create_app(
    locations: Locations,
    *,
    start_routine: Routine | None = None,
    mute: bool = False,
    clock: Clock | None = None,
    player_factory: PlayerFactory | None = None,
    wall_clock: Callable[[], datetime] | None = None,
) -> BandtimerApp:
    services = build_services(
        locations, clock=clock, player_factory=player_factory, wall_clock=wall_clock
    )
    return BandtimerApp(services, start_routine=start_routine, mute=mute)
