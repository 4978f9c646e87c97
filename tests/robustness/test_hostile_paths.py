"""Every file bandtimer reads, swapped for a FIFO or a link to /dev/zero: refused, never waited on.

A FIFO made `open()` wait forever for a writer (and no key worked), a link to /dev/zero made a
read fill the memory until MemoryError. Each reader is given both; a FIFO still being waited on
after `RESCUE_SECONDS` is let go (so a broken reader fails the test instead of hanging it), and
memory is capped for the length of each test.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest

from bandtimer.coach.recording import routine_fingerprint
from bandtimer.sound import Cue, load_cues
from bandtimer.storage.bounded_file import UnreadableFile
from bandtimer.storage.config import Config, load_config
from bandtimer.storage.history import HistoryStore
from bandtimer.storage.history.files import UnreadableRecord, read_record
from bandtimer.storage.locations import sounds_dir
from bandtimer.storage.routines import RoutineError, load_routine
from bandtimer.storage.routines.cache import RoutineCache
from tests.hostile_paths import link_to_dev_zero, make_fifo, memory_ceiling, rescue_after
from tests.ui.harness import build, workout, write_routine
from tests.ui.menu_helpers import highlight, routine_toml

HOSTILE = {"fifo": make_fifo, "dev-zero": link_to_dev_zero}


def refuses(read: Callable[[], object], error: type[Exception]) -> str:
    with pytest.raises(error) as caught:
        read()
    return str(caught.value)


def read_as_routine(path: Path) -> str:
    return refuses(lambda: load_routine(path), RoutineError)


def read_as_history(path: Path) -> str:
    return refuses(lambda: read_record(path), UnreadableRecord)


def read_as_config(path: Path) -> str:
    config, problems = load_config(path)
    assert config == Config()
    return "\n".join(problems)


def read_as_routine_cache(path: Path) -> str:
    cache = RoutineCache(path)
    assert cache.parsed(path, path.stat()) is None
    return "is not a regular file"  # an unusable cache is only passed over


def read_as_fingerprint(path: Path) -> str:
    assert routine_fingerprint(path) == (path.resolve(), None)
    return "is not a regular file"  # the workout starts; the record has no hash


def read_as_cue_sound(path: Path) -> str:
    sounds = path.parent
    for cue in Cue:
        if cue.file_in(sounds) != path:
            cue.file_in(sounds).write_bytes(cue.file_in(sounds_dir()).read_bytes())
    return refuses(lambda: load_cues(sounds), UnreadableFile)


READERS: dict[str, tuple[str, Callable[[Path], str]]] = {
    "routine": ("r.toml", read_as_routine),
    "history": ("2025-01-01T07-00-00--r--laptop-0123abcd.toml", read_as_history),
    "config": ("config.toml", read_as_config),
    "routine-cache": ("routines.json", read_as_routine_cache),
    "fingerprint": ("r.toml", read_as_fingerprint),
    "cue-sound": (Cue.GO.file_in(Path()).name, read_as_cue_sound),
}


@pytest.mark.parametrize("make", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize("reader", READERS.values(), ids=READERS.keys())
def test_every_reader_refuses_what_is_not_a_file_without_waiting(
    tmp_path: Path, reader: tuple[str, Callable[[Path], str]], make: Callable[[Path], Path]
) -> None:
    name, read = reader
    path = make(tmp_path / name)
    with memory_ceiling(), rescue_after(path) as rescue:
        said = read(path)
    assert not rescue.needed, "the reader waited on the FIFO"
    assert "is not a regular file" in said


@pytest.mark.parametrize("make", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_routine_swapped_while_the_menu_is_open_still_starts(
    tmp_path: Path, make: Callable[[Path], Path]
) -> None:
    """The menu read the routine; then its file became a FIFO or a link to /dev/zero, and Enter
    started the workout: the start-of-workout fingerprint waited forever or filled the memory."""
    path = write_routine(tmp_path, "swap", routine_toml("Swapped"))

    async def main() -> None:
        harness = build(tmp_path)
        async with harness.app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await highlight(pilot, "Swapped")
            make(path)
            with memory_ceiling(), rescue_after(path) as rescue:
                await pilot.press("enter")
                await pilot.pause()
            assert not rescue.needed, "starting waited on the FIFO"
            screen = workout(pilot)
            assert screen.session.plan.routine.name == "Swapped"

    asyncio.run(main())
    [record] = HistoryStore(tmp_path / "history", "laptop").load_all().records
    assert record.routine.file == path.resolve()
    assert record.routine.sha256 is None

