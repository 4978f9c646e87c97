"""The real bandtimer app in a real terminal, writing down when it noticed each deadline.

`python -m bench.recording_app ROUTINE_FILE OUT_JSON`, started inside tmux by
bench.countdown_accuracy. The app is built with `create_app` exactly as `bandtimer run` builds
it (MonotonicClock, the folders from BANDTIMER_HOME, the workout started through the app's own
`start_workout`), except for a silent player. Once the workout screen is up, its session's
`poll()` is wrapped for this one session: the workout screen's `sync()` calls `poll()`
first thing and nothing else calls it while no key is pressed, so the wrapper notes when `sync()`
ran and which deadlines it found passed. The app itself is not changed.

It runs with a real terminal driver rather than `run_test(headless=True)` on purpose: Textual's
headless driver skips compositing altogether (`App._display` returns early), so a headless app
would be measured doing less work per frame than the one a runner looks at.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from bandtimer.domain.events import Event, SegmentEnded
from bandtimer.domain.session import Session
from bandtimer.sound import Clip, Cue, CuePlayer
from bandtimer.storage.locations import Locations
from bandtimer.storage.routines import load_routine
from bandtimer.ui.factory import create_app
from bandtimer.ui.screens.workout import WorkoutScreen


class SilentPlayer:
    def play(self, cue: Cue) -> None:
        pass

    def play_clip(self, clip: Clip, instead: Cue | None) -> None:
        pass

    def set_volume(self, volume: float) -> None:
        pass


def silent_player(on_fallback_cue: Callable[[Cue], None]) -> tuple[CuePlayer, str | None]:
    return SilentPlayer(), None


class DeadlineLog:
    """When each deadline of one session was first noticed.

    Two kinds of deadline: a segment's end (session start + the planned seconds of every
    segment up to and including it) and each whole second of time left inside a segment (the
    moment the big number should change). Deadlines are worked out here from the plan, not taken
    from the session's events, so a session that drifted could not hide it.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.ends: list[dict[str, object]] = []
        self.seconds: list[dict[str, object]] = []
        self._shown: tuple[int, int] | None = None
        self._poll = session.poll

    def install(self) -> None:
        self.session.poll = self._noting_poll  # type: ignore[method-assign]

    def _noting_poll(self) -> list[Event]:
        noticed = time.monotonic()
        events = self._poll()
        session, plan = self.session, self.session.plan
        start = session.started_at
        assert start is not None
        for event in events:
            if isinstance(event, SegmentEnded):
                index = event.segment.index
                self.ends.append(
                    {
                        "index": index,
                        "kind": str(event.segment.kind),
                        "planned": event.segment.planned_seconds,
                        "deadline": start + plan.seconds_before(index + 1),
                        "noticed": noticed,
                    }
                )
        remaining = session.remaining()
        if session.state.is_over or remaining is None:
            return events
        index, left = session.index, int(-(-remaining // 1))
        before = self._shown
        if before is not None and before[0] == index and left < before[1]:
            deadline = start + plan.seconds_before(index) + plan[index].planned_seconds - left
            self.seconds.append({"index": index, "deadline": deadline, "noticed": noticed})
        self._shown = (index, left)
        return events


def main(routine_file: str, out: str) -> None:
    routine = load_routine(Path(routine_file))
    app = create_app(
        Locations.from_environment(), start_routine=routine, player_factory=silent_player
    )
    result: dict[str, object] = {}

    async def follow(pilot: Pilot[None]) -> None:
        try:
            while not isinstance(app.screen, WorkoutScreen):
                await asyncio.sleep(0.01)
            session = app.screen.session
            log = DeadlineLog(session)
            log.install()
            while not session.state.is_over:
                await asyncio.sleep(0.2)
            result.update(started_at=session.started_at, ends=log.ends, seconds=log.seconds)
        except Exception:
            result["error"] = traceback.format_exc()
        app.exit()

    app.run(auto_pilot=follow)
    Path(out).write_text(json.dumps(result), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:])
