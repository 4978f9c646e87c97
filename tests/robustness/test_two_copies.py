"""Two copies of bandtimer on one history: a workout one of them records is the other's to leave.

A real bandtimer (A) records a workout in a pseudo-terminal. A second one (B, built in this
test's process the way the command line builds it) starts on the same history while A runs: it
must not offer A's workout, so it can neither resume it nor close it as stopped early. Then A is
killed with SIGKILL. Its lock dies with it, so the next start (C) offers the workout with every
set A saved. Before the lock, B offered A's running workout, and declining it wrote a finished
"stopped early, 0 sets" file that hid every set A saved afterwards.

The waits are real time on purpose, a real process is being watched; each one is bounded.
"""

from __future__ import annotations

import asyncio
import signal
import time
from pathlib import Path

from bandtimer.storage.history import HistoryStore
from bandtimer.storage.locations import Locations
from bandtimer.ui.resume import ResumeScreen
from bandtimer.ui.screens.menu import MenuScreen
from tests.terminal_process import STEPS, Terminal
from tests.ui.harness import build, workout, write_routine

DEVICE = "laptop"
WAIT_LIMIT_SECONDS = 60
"""Only a bound on a broken run: the test goes on as soon as the file says a set is done."""
OFFER_POLLS = 200
SIZE = (100, 30)


def sets_on_disk(store: HistoryStore) -> int:
    unfinished = store.unfinished()
    return unfinished[0].sets_done if unfinished else 0


async def second_copy(home: Path) -> None:
    """B, while A records: the menu, with nothing offered."""
    harness = build(home)
    async with harness.app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the first frame, after which the offer is made
        for _ in range(OFFER_POLLS):  # a dialog waiting for an answer keeps its worker running
            if isinstance(pilot.app.screen, ResumeScreen):
                break
            if not any(worker.is_running for worker in pilot.app.workers):
                break
            await pilot.pause(0.05)
        assert isinstance(pilot.app.screen, MenuScreen), pilot.app.screen


async def next_start(home: Path, resume_at: int | None) -> None:
    """C, after A's kill: A's workout is offered with its sets, and resumes after them."""
    harness = build(home)
    async with harness.app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, ResumeScreen)
        await pilot.press("r")
        await pilot.pause()
        assert workout(pilot).session.index == resume_at


def test_a_second_copy_leaves_a_recorded_workout_alone_and_its_sets_survive_a_kill(
    tmp_path: Path,
) -> None:
    (tmp_path / "config.toml").write_text(f'device = "{DEVICE}"\n', encoding="utf-8")
    write_routine(tmp_path, "steps", STEPS)
    store = HistoryStore(Locations.under(tmp_path).history_dir, DEVICE)
    recording = Terminal(tmp_path, "--mute", "run", "quick steps")
    try:
        deadline = time.monotonic() + WAIT_LIMIT_SECONDS
        while sets_on_disk(store) < 1:
            assert recording.process.poll() is None, "bandtimer exited before finishing a set"
            assert time.monotonic() < deadline, "no finished set was recorded"
            time.sleep(0.05)

        asyncio.run(second_copy(tmp_path))

        assert recording.process.poll() is None
        [still] = store.unfinished()
        sets_seen = still.sets_done
        recording.process.send_signal(signal.SIGKILL)
        recording.process.wait(timeout=10)
    finally:
        recording.close()

    [record] = store.unfinished()  # and no finished file of it anywhere
    assert [r.id for r in store.load_all().records] == [record.id]
    assert record.sets_done >= sets_seen
    assert record.resume_at == 2 * record.sets_done - 1  # the rest after the last set
    asyncio.run(next_start(tmp_path, record.resume_at))
