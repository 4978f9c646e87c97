"""Finding routine files: shipped ones, the user's own, and the ones that are broken."""

from __future__ import annotations

from pathlib import Path

import pytest

from bandtimer.storage.routines import RoutineEntry, discover_routines
from bandtimer.storage.routines.loading import find_routine


def write_routine(folder: Path, file_name: str, name: str, reps: int = 10) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name
    path.write_text(
        f'name = "{name}"\n\n[[exercise]]\nname = "Clamshell"\nreps = {reps}\n', encoding="utf-8"
    )
    return path


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    folder = tmp_path / "shipped"
    write_routine(folder, "pre-run.toml", "Pre-run activation")
    write_routine(folder, "rest-day.toml", "Rest day")
    return folder


def summary(entries: list[RoutineEntry]) -> list[tuple[str, str, str, bool]]:
    return [(entry.name, entry.origin, entry.path.name, entry.ok) for entry in entries]


def test_a_missing_user_folder_is_fine_and_is_not_created(shipped: Path, tmp_path: Path) -> None:
    user = tmp_path / "config" / "routines"
    entries = discover_routines(shipped, user)
    assert summary(entries) == [
        ("Pre-run activation", "shipped", "pre-run.toml", True),
        ("Rest day", "shipped", "rest-day.toml", True),
    ]
    assert not user.exists()
    assert not user.parent.exists()


def test_a_user_routine_replaces_the_shipped_one_with_the_same_name(
    shipped: Path, tmp_path: Path
) -> None:
    user = tmp_path / "user"
    write_routine(user, "mine.toml", "PRE-RUN Activation", reps=20)
    entries = discover_routines(shipped, user)
    assert summary(entries) == [
        ("PRE-RUN Activation", "user", "mine.toml", True),
        ("Rest day", "shipped", "rest-day.toml", True),
    ]
    routine = entries[0].routine
    assert routine is not None and routine.exercises[0].kind.reps is not None
    assert routine.exercises[0].kind.reps.low == 20


def test_broken_files_are_listed_with_their_problems(shipped: Path, tmp_path: Path) -> None:
    user = tmp_path / "user"
    user.mkdir()
    (user / "Broken.toml").write_text('name = "Broken"\nreps = \n', encoding="utf-8")
    entries = discover_routines(shipped, user)
    broken = [entry for entry in entries if not entry.ok]
    assert summary(broken) == [("Broken", "user", "Broken.toml", False)]
    assert broken[0].routine is None
    assert [str(problem) for problem in broken[0].problems] == [
        f"{user / 'Broken.toml'}:2: is not valid TOML: invalid value (column 8)"
    ]


def test_a_broken_user_file_does_not_hide_the_shipped_routine(
    shipped: Path, tmp_path: Path
) -> None:
    user = tmp_path / "user"
    write_routine(user, "rest-day.toml", "Rest day", reps=0)
    entries = discover_routines(shipped, user)
    assert summary(entries) == [
        ("Pre-run activation", "shipped", "pre-run.toml", True),
        ("Rest day", "shipped", "rest-day.toml", True),
        ("rest-day", "user", "rest-day.toml", False),
    ]


def test_only_toml_files_directly_in_the_folders_are_read(shipped: Path) -> None:
    write_routine(shipped / "nested", "deeper.toml", "Deeper")
    write_routine(shipped, "notes.txt", "Not a routine")
    write_routine(shipped, ".hidden.toml", "Editor backup")
    assert [entry.name for entry in discover_routines(shipped, shipped / "none")] == [
        "Pre-run activation",
        "Rest day",
    ]


def test_entries_are_sorted_by_name_ignoring_case(tmp_path: Path) -> None:
    shipped = tmp_path / "shipped"
    write_routine(shipped, "a.toml", "zebra")
    write_routine(shipped, "b.toml", "Apple")
    write_routine(shipped, "c.toml", "mango")
    assert [entry.name for entry in discover_routines(shipped, tmp_path / "none")] == [
        "Apple",
        "mango",
        "zebra",
    ]


def test_find_by_name_ignoring_case_then_by_file_stem(shipped: Path, tmp_path: Path) -> None:
    entries = discover_routines(shipped, tmp_path / "none")
    found = find_routine(entries, "pre-run ACTIVATION")
    assert found is not None and found.path == shipped / "pre-run.toml"
    by_stem = find_routine(entries, "Rest-Day")
    assert by_stem is not None and by_stem.name == "Rest day"
    assert find_routine(entries, "marathon") is None


def test_find_by_path(shipped: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    entries = discover_routines(shipped, tmp_path / "none")
    monkeypatch.chdir(shipped)
    found = find_routine(entries, "rest-day.toml")
    assert found is entries[1]


def test_find_loads_a_file_that_is_not_among_the_entries(shipped: Path, tmp_path: Path) -> None:
    elsewhere = write_routine(tmp_path / "elsewhere", "mine.toml", "Mine")
    found = find_routine(discover_routines(shipped, tmp_path / "none"), elsewhere)
    assert found is not None
    assert (found.name, found.origin, found.ok, found.path) == ("Mine", "user", True, elsewhere)
