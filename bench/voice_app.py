"""The real bandtimer app following a routine aloud, writing down when each sound started.

`python -m bench.voice_app ROUTINE_FILE OUT_JSON [--no-voice]`, started inside tmux by
bench.voice with ALSA_CONFIG_PATH pointing at a file PCM (no sound card needed). The app is built
with `create_app` exactly as `bandtimer run` builds it: the real player, the real voice, the
folders from BANDTIMER_HOME. Three things are wrapped in this process only, the app itself is
not changed:

* `Announcer.announce`, to note the due time of what it is handed (the latest event's `at`);
* `SimpleaudioPlayer._hand_over`, to note each sound handed to the player's worker, with that
  due time;
* `simpleaudio.play_buffer`, to note when the worker had the stream started (when it returns).

A stream's onset delay is its start minus the due time of the latest sound handed over before
it: the whole way from the moment something fell due to the sound card being fed.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import simpleaudio
from textual.pilot import Pilot

from bandtimer.coach.announcer import Announcer
from bandtimer.domain.events import Event
from bandtimer.domain.session import Session
from bandtimer.sound import Clip, Cue, SimpleaudioPlayer
from bandtimer.storage.locations import Locations
from bandtimer.storage.routines import load_routine
from bandtimer.ui.factory import create_app
from bandtimer.ui.screens.workout import WorkoutScreen

AFTER_THE_END_SECONDS = 2.0
"""Long enough for the end line to be handed over after the arpeggio."""

handovers: list[dict[str, Any]] = []
streams: list[float] = []
_due: list[float] = [0.0]


def _install() -> None:
    announce, hand_over, play_buffer = (
        Announcer.announce,
        SimpleaudioPlayer._hand_over,
        simpleaudio.play_buffer,
    )

    def noting_announce(self: Announcer, events: Sequence[Event], now: float, session: Session):  # type: ignore[no-untyped-def]
        if events:
            _due[0] = max(event.at for event in events)
        return announce(self, events, now, session)

    def noting_hand_over(self: SimpleaudioPlayer, clip: Clip, cue: Cue | None) -> None:
        handovers.append({"at": time.monotonic(), "due": _due[0], "label": clip.label})
        hand_over(self, clip, cue)

    def noting_play_buffer(*args: Any) -> Any:
        stream = play_buffer(*args)
        streams.append(time.monotonic())
        return stream

    Announcer.announce = noting_announce  # type: ignore[method-assign]
    SimpleaudioPlayer._hand_over = noting_hand_over  # type: ignore[method-assign]
    simpleaudio.play_buffer = noting_play_buffer


def main(routine_file: str, out: str, *flags: str) -> None:
    _install()
    routine = load_routine(Path(routine_file))
    voice = "--no-voice" not in flags
    app = create_app(Locations.from_environment(), start_routine=routine, voice=voice)
    result: dict[str, object] = {}

    async def follow(pilot: Pilot[None]) -> None:
        try:
            while not isinstance(app.screen, WorkoutScreen):
                await asyncio.sleep(0.01)
            session = app.screen.session
            while not session.state.is_over:
                await asyncio.sleep(0.2)
            await asyncio.sleep(AFTER_THE_END_SECONDS)
            result.update(started_at=session.started_at)
        except Exception:
            result["error"] = traceback.format_exc()
        app.exit()

    app.run(auto_pilot=follow)
    result.update(handovers=handovers, streams=streams)
    Path(out).write_text(json.dumps(result), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:])
