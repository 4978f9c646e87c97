"""A real bandtimer process, killed with SIGKILL mid-workout, keeps every finished set.

The app runs in a pseudo-terminal as it would for a person. The test waits until the history
file says a set is finished, kills the process without warning, and then checks what is on disk
and that the next start offers to resume.
"""

from __future__ import annotations

import asyncio
import signal
import time
from pathlib import Path

from bandtimer.storage.history import HistoryStore, default_device_name
from bandtimer.storage.locations import Locations
from bandtimer.ui.resume import ResumeScreen
from tests.sound_capture import RecordingSoundDevice
from tests.terminal_process import start_in_a_terminal
from tests.ui.harness import build

ROUTINE = """
name = "Three planks"
[timing]
get_ready = 0
rest_between_sets = 0
[[exercise]]
name = "Plank"
sets = 3
hold = 5
"""

WAIT_LIMIT_SECONDS = 60
"""Only a bound on a broken run: the test goes on as soon as the file says a set is done."""


def finished_sets(store: HistoryStore) -> int:
    unfinished = store.unfinished()
    return unfinished[0].sets_done if unfinished else 0


def test_kill_9_keeps_finished_sets_and_the_next_start_offers_to_resume(tmp_path: Path) -> None:
    routines = tmp_path / "routines"
    routines.mkdir()
    (routines / "planks.toml").write_text(ROUTINE, encoding="utf-8")
    store = HistoryStore(Locations.under(tmp_path).history_dir, default_device_name())

    speaker = RecordingSoundDevice(tmp_path / "speaker")
    process, reader = start_in_a_terminal(
        tmp_path, "--mute", "run", "three planks", env=speaker.env
    )
    deadline = time.monotonic() + WAIT_LIMIT_SECONDS
    try:
        while finished_sets(store) < 1:
            assert process.poll() is None, "bandtimer exited before finishing a set"
            assert time.monotonic() < deadline, "no finished set was recorded"
            time.sleep(0.05)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        reader.join(timeout=10)
    assert process.returncode == -signal.SIGKILL
    # `--mute` before the command mutes: the player opened (its silent probe is there) and not
    # one of the go, tick and rest cues of a finished set reached it.
    assert speaker.streams(), "the sound player never opened, so muting proves nothing"
    assert speaker.audible_streams() == []

    [record] = store.unfinished()
    assert record.sets_done >= 1
    assert record.resume_at is not None and record.resume_at >= 1
    assert [entry.name for entry in record.exercises] == ["Plank"]

    async def next_start() -> None:
        harness = build(tmp_path)
        async with harness.app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert isinstance(pilot.app.screen, ResumeScreen)
            await pilot.press("r")
            await pilot.pause()
            session = pilot.app.screen.session
            assert session.index == record.resume_at

    asyncio.run(next_start())
