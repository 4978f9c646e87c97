"""The one way to build the app, used by the command line and by the tests alike."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bandtimer.domain.clock import Clock, MonotonicClock
from bandtimer.domain.routine import Routine
from bandtimer.sound import open_player
from bandtimer.storage.config import load_config
from bandtimer.storage.history import HistoryStore
from bandtimer.storage.history_names import default_device_name
from bandtimer.storage.locations import Locations, sounds_dir
from bandtimer.ui.app import BandtimerApp
from bandtimer.ui.services import PlayerFactory, Services


def real_player_factory() -> PlayerFactory:
    return lambda on_fallback_cue: open_player(sounds_dir(), on_fallback_cue)


def build_services(
    locations: Locations,
    *,
    clock: Clock | None = None,
    player_factory: PlayerFactory | None = None,
    wall_clock: Callable[[], datetime] | None = None,
) -> Services:
    config, problems = load_config(locations.config_file)
    history = HistoryStore(locations.history_dir, config.device or default_device_name())
    extra = {"wall_clock": wall_clock} if wall_clock is not None else {}
    return Services(
        locations=locations,
        clock=clock or MonotonicClock(),
        open_player=player_factory or real_player_factory(),
        history=history,
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
