"""The routine cache: unchanged files skip parsing, and nothing about it can hide an edit."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bandtimer.storage.routines import RoutineCache, RoutineEntry, discover_routines
from bandtimer.storage.routines import loading as routines_module
from bandtimer.storage.routines.cache import SETTLED_NS
from bandtimer.storage.routines.toml_lines import LineIndex

ROUTINE = 'name = "{name}"\n\n# a comment\n[[exercise]]\nname = "Clamshell"\nreps = {reps}\n'


def later() -> int:
    """A wall clock far enough ahead that every file just written counts as settled."""
    return time.time_ns() + 2 * SETTLED_NS


def write(folder: Path, stem: str, name: str, reps: int = 10) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.toml"
    path.write_text(ROUTINE.format(name=name, reps=reps), encoding="utf-8")
    return path


class CountedParsing:
    """Counts the TOML parses done through the loader, to tell a cached read from a real one."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = routines_module.tomllib.loads

        def counted(text: str) -> dict:
            self.count += 1
            return real(text)

        monkeypatch.setattr(routines_module.tomllib, "loads", counted)


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> CountedParsing:
    return CountedParsing(monkeypatch)


def discover(tmp_path: Path, now_ns=later) -> list[RoutineEntry]:
    cache = RoutineCache(tmp_path / "cache" / "routines.json", now_ns=now_ns)
    return discover_routines(tmp_path / "shipped", tmp_path / "user", cache)


def cached_files(tmp_path: Path) -> dict[str, Any]:
    """The cache's entries as `discover` left them, by file path."""
    return json.loads((tmp_path / "cache" / "routines.json").read_bytes())["files"]


def edit_cached(tmp_path: Path, path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Change the cache's entry for `path` on disk, as a damaged or foreign cache would be."""
    cache_file = tmp_path / "cache" / "routines.json"
    data = json.loads(cache_file.read_bytes())
    change(data["files"][str(path)])
    cache_file.write_text(json.dumps(data), encoding="ascii")


def test_a_second_reading_uses_the_cache_and_gives_the_same_routines(
    tmp_path: Path, parses: CountedParsing
) -> None:
    write(tmp_path / "shipped", "a", "Alpha")
    write(tmp_path / "user", "b", "Beta", reps=12)
    uncached = discover_routines(tmp_path / "shipped", tmp_path / "user")
    first = discover(tmp_path)
    assert parses.count == 4
    assert (tmp_path / "cache" / "routines.json").is_file()
    second = discover(tmp_path)
    assert parses.count == 4, "nothing changed, so nothing is parsed again"
    assert second == first == uncached
    assert [exercise.line for exercise in second[0].routine.exercises] == [4]


def test_an_edit_is_seen_even_with_the_same_size_and_the_old_mtime(
    tmp_path: Path, parses: CountedParsing
) -> None:
    path = write(tmp_path / "user", "b", "Beta", reps=12)
    discover(tmp_path)
    before = path.stat()
    path.write_text(ROUTINE.format(name="Beta", reps=15), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `touch -r` or a sync tool
    assert path.stat().st_size == before.st_size
    (entry,) = discover(tmp_path)
    assert entry.routine is not None
    assert str(entry.routine.exercises[0].kind.reps) == "15"
    assert parses.count == 2


def test_a_file_changed_moments_ago_is_not_cached(tmp_path: Path, parses: CountedParsing) -> None:
    write(tmp_path / "user", "b", "Beta")
    discover(tmp_path, now_ns=time.time_ns)
    discover(tmp_path, now_ns=time.time_ns)
    assert parses.count == 2
    assert not (tmp_path / "cache" / "routines.json").exists(), "there was nothing to keep"


def test_a_broken_file_is_not_cached_and_its_problems_keep_their_lines(
    tmp_path: Path, parses: CountedParsing
) -> None:
    path = write(tmp_path / "user", "b", "Beta", reps=500)
    uncached = discover_routines(tmp_path / "shipped", tmp_path / "user")
    discover(tmp_path)
    (entry,) = discover(tmp_path)
    assert parses.count == 3
    assert not entry.ok
    assert entry.problems == uncached[0].problems
    assert f"{path}:6" in str(entry.problems[0])


def test_a_cached_document_that_makes_no_routine_is_read_afresh(tmp_path: Path) -> None:
    path = write(tmp_path / "user", "b", "Beta", reps=12)
    discover(tmp_path)

    def as_another_bandtimer_might_have(entry: dict[str, Any]) -> None:
        entry["document"]["exercise"][0]["reps"] = 500

    edit_cached(tmp_path, path, as_another_bandtimer_might_have)
    (found,) = discover(tmp_path)
    assert found.routine is not None
    assert str(found.routine.exercises[0].kind.reps) == "12"


@pytest.mark.parametrize(
    "content",
    [b"", b"not json", b"[]", b'{"version": [0], "files": {}}', b'{"files": 3}', b"\xff\xfe"],
)
def test_a_broken_or_foreign_cache_is_ignored_and_replaced(
    tmp_path: Path, parses: CountedParsing, content: bytes
) -> None:
    write(tmp_path / "user", "b", "Beta")
    cache_file = tmp_path / "cache" / "routines.json"
    cache_file.parent.mkdir()
    cache_file.write_bytes(content)
    (entry,) = discover(tmp_path)
    assert entry.ok
    discover(tmp_path)
    assert parses.count == 1, "the cache was rewritten and then used"


def test_a_cache_entry_with_a_wrong_shape_is_parsed_again(
    tmp_path: Path, parses: CountedParsing
) -> None:
    path = write(tmp_path / "user", "b", "Beta")
    discover(tmp_path)
    edit_cached(tmp_path, path, lambda entry: entry.update(lines=7))
    (found,) = discover(tmp_path)
    assert found.ok
    assert parses.count == 2


def test_a_cache_that_cannot_be_written_changes_nothing(
    tmp_path: Path, parses: CountedParsing
) -> None:
    write(tmp_path / "user", "b", "Beta")
    (tmp_path / "cache").write_text("a file where the folder would go", encoding="utf-8")
    (entry,) = discover(tmp_path)
    assert entry.ok
    assert (tmp_path / "cache").read_text(encoding="utf-8") == "a file where the folder would go"


def test_files_that_are_gone_leave_the_cache(tmp_path: Path) -> None:
    write(tmp_path / "user", "a", "Alpha")
    gone = write(tmp_path / "user", "b", "Beta")
    discover(tmp_path)
    gone.unlink()
    discover(tmp_path)
    files = cached_files(tmp_path)
    assert list(files) == [str(tmp_path / "user" / "a.toml")]


def test_a_document_json_cannot_hold_is_left_out_and_the_rest_kept(tmp_path: Path) -> None:
    dated = write(tmp_path, "dated", "Dated")
    plain = write(tmp_path, "plain", "Plain")
    cache = RoutineCache(tmp_path / "cache.json", now_ns=later)
    lines = LineIndex({("exercise", 1): 4})
    cache.remember(dated, dated.stat(), {"when": date(2026, 11, 21)}, lines)
    cache.remember(plain, plain.stat(), {"name": "Plain"}, lines)
    cache.save()
    again = RoutineCache(tmp_path / "cache.json", now_ns=later)
    assert again.parsed(dated, dated.stat()) is None
    assert again.parsed(plain, plain.stat()) == ({"name": "Plain"}, lines)


def test_a_cache_with_a_lone_surrogate_in_it_is_rewritten_without_error(tmp_path: Path) -> None:
    kept = write(tmp_path / "user", "a", "Alpha")
    gone = write(tmp_path / "user", "b", "Beta")
    discover(tmp_path)

    def with_a_lone_surrogate(entry: dict[str, Any]) -> None:
        entry["document"]["description"] = "x\udc80"  # JSON can say this; TOML never could

    edit_cached(tmp_path, kept, with_a_lone_surrogate)
    gone.unlink()  # so that the cache is written again
    (found,) = discover(tmp_path)
    assert found.name == "Alpha"
    assert cached_files(tmp_path).keys() == {str(kept)}


def test_cached_lines_that_are_not_whole_numbers_make_the_file_read_again(
    tmp_path: Path, parses: CountedParsing
) -> None:
    path = write(tmp_path / "user", "a", "Alpha")
    discover(tmp_path)
    edit_cached(tmp_path, path, lambda entry: entry.update(lines=[[["exercise", 1], "four"]]))
    (found,) = discover(tmp_path)
    assert found.routine is not None
    assert found.routine.exercises[0].line == 4
    assert parses.count == 2


def test_a_cache_that_is_not_a_regular_file_is_not_read(tmp_path: Path) -> None:
    write(tmp_path / "user", "a", "Alpha")
    (tmp_path / "cache").mkdir()
    os.mkfifo(tmp_path / "cache" / "routines.json")  # reading it would wait for a writer forever
    (found,) = discover(tmp_path)
    assert found.ok
