"""Follows a routine in real time with bandtimer's real player and voice; for test_voice_alsa.

Usage: python follow_routine_child.py ROUTINE_FILE HOME. Run with ALSA_CONFIG_PATH pointing at
a file PCM, so every stream lands in a WAV of its own. The player, the voice and the announcer
are the ones the app builds (`real_player_factory`, `real_voice_factory`); the loop stands in for
the workout screen's redraw: it polls the session when the next event is due and announces what
fell due. Prints one JSON line: when the session started (wall clock, to compare with the
recorded files' times) and what the player and voice reported.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from bandtimer.coach.announcer import Announcer
from bandtimer.domain.clock import MonotonicClock
from bandtimer.domain.plan import build_plan
from bandtimer.domain.session import Session
from bandtimer.storage.config import SoundSettings
from bandtimer.storage.locations import Locations
from bandtimer.storage.routines import load_routine
from bandtimer.ui.factory import real_player_factory, real_voice_factory

POLL_AT_MOST_EVERY = 0.05


def main(routine_file: Path, home: Path) -> None:
    locations = Locations.under(home)
    rung: list[str] = []
    problems: list[str] = []
    player, player_problem = real_player_factory(locations, 1.0)(lambda cue: rung.append(cue))
    prepare = getattr(player, "prepare", lambda clip: None)
    phrases, no_voice = real_voice_factory(locations)(SoundSettings(), prepare, problems.append)
    announcer = Announcer(player, phrases)
    plan = build_plan(load_routine(routine_file))
    announcer.prepare(plan)
    if phrases is not None:
        assert phrases.wait_idle(120), "phrases still rendering after 120 s"
    clock = MonotonicClock()
    session = Session(plan, clock)
    session.start()
    assert session.started_at is not None
    started_wall = time.time() - (clock.now() - session.started_at)
    while not session.state.is_over:
        events = session.poll()
        if events:
            announcer.announce(events, clock.now(), session)
        wait = session.until_next_event()
        time.sleep(min(POLL_AT_MOST_EVERY, wait if wait is not None else POLL_AT_MOST_EVERY))
    events = session.poll()
    announcer.announce(events, clock.now(), session)
    if phrases is not None:  # the end line, whose words were known only now
        assert phrases.wait_idle(20), "the end line still rendering after 20 s"
    assert getattr(player, "wait_done", lambda timeout: True)(20), "still sounding after 20 s"
    print(
        json.dumps(
            {
                "started": started_wall,
                "player_problem": player_problem,
                "no_voice": no_voice,
                "rung": [str(cue) for cue in rung],
                "voice_problems": problems,
            }
        )
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
