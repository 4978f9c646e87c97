"""The one way to build the app, used by the command line and by the tests alike."""

from __future__ import annotations

from bandtimer.domain.clock import Clock, MonotonicClock
from bandtimer.domain.routine import Routine
from bandtimer.sound import open_player
from bandtimer.storage.locations import Locations, sounds_dir
from bandtimer.ui.app import BandtimerApp
from bandtimer.ui.services import PlayerFactory, Services


def real_player_factory() -> PlayerFactory:
    return lambda on_fallback_cue: open_player(sounds_dir(), on_fallback_cue)


def create_app(
    locations: Locations,
    *,
    start_routine: Routine | None = None,
    mute: bool = False,
    clock: Clock | None = None,
    player_factory: PlayerFactory | None = None,
) -> BandtimerApp:
    services = Services(
        locations=locations,
        clock=clock or MonotonicClock(),
        open_player=player_factory or real_player_factory(),
    )
    return BandtimerApp(services, start_routine=start_routine, mute=mute)
