"""Reading routine files: what a good file becomes, and which files are not read at all.

A good file becomes exactly the Routine it describes, with defaults for what it leaves out and
its text kept as written; a file too big, a folder, a missing or an unreadable file is a
problem; every shipped routine loads. What each kind of mistake says:
test_routine_bad_files.py and test_routine_problems.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bandtimer.domain.routine import Band, Exercise, IntRange, Routine, Sides, Timing
from bandtimer.domain.set_kinds import CountedReps, HeldReps, TempoReps, TimedHold
from bandtimer.storage.routines import load_routine
from bandtimer.storage.routines.loading import MAX_ROUTINE_BYTES, parse_routine
from tests.storage.routine_files import DATA, problems_in


def test_a_good_file_becomes_the_routine_it_describes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA / "good")
    path = Path("every_field.toml")
    assert load_routine(path) == Routine(
        name="Every field",
        description="  Kept exactly, [bold]markup[/bold] and all.  ",
        source="docs/routine-format.md",
        notes="Doses chosen by the test.",
        tags=("pre-run", "rest-day"),
        equipment=("mini band", "mat"),
        counts_toward_streak=False,
        timing=Timing(
            get_ready=0,
            rest_between_sets=600,
            rest_between_exercises=IntRange(45, 60),
            switch_sides=120,
            rep_release=30,
        ),
        exercises=(
            Exercise(
                name="Glute bridge",
                band=Band.MINI,
                placement="around the thighs, just above the knees",
                anchor="",
                muscles=("glutes", "hamstrings"),
                sides=Sides.EACH,
                sets=IntRange(3, 5),
                kind=HeldReps(IntRange(10, 12), IntRange(5, 10)),
                rest=IntRange(20, 30),
                steps=("Lie on your back.", "Push through your heels."),
                why="Power for push-off.",
                notes="Keep the band flat.",
                progression=(10, 30, 45, 60),
                line=17,
            ),
            Exercise(
                name="Lateral walk",
                band=Band.TUBE,
                sets=IntRange.exactly(20),
                kind=TempoReps(IntRange.exactly(200), 2.0),
                steps=("One step per count.",),
                line=33,
            ),
            Exercise(
                name="Banded plank",
                sets=IntRange.exactly(1),
                kind=TimedHold(IntRange(60, 60)),
                line=41,
            ),
        ),
        path=path,
    )


def test_omitted_fields_take_their_defaults(tmp_path: Path) -> None:
    routine = parse_routine(
        'name = "Smallest"\n[[exercise]]\nname = "Clamshell"\nreps = 8\n', tmp_path / "s.toml"
    )
    (exercise,) = routine.exercises
    assert routine.timing == Timing()
    assert (routine.description, routine.tags, routine.path) == ("", (), tmp_path / "s.toml")
    assert exercise == Exercise(
        name="Clamshell", sets=IntRange.exactly(1), kind=CountedReps(IntRange(8, 8)), line=2
    )
    assert (exercise.sides, exercise.band) == (Sides.BOTH, None)


def test_text_is_kept_as_written_and_only_names_are_trimmed() -> None:
    routine = parse_routine(
        'name = "\\t[red]Plan[/red] "\n'
        "[[exercise]]\n"
        'name = " [b]Bridge[/b]"\n'
        "reps = 8\n"
        'steps = ["  Lie down  ", "[link=x]go[/link]"]\n'
        'why = " \\u00e9 "\n',
        Path("markup.toml"),
    )
    exercise = routine.exercises[0]
    assert (routine.name, exercise.name) == ("[red]Plan[/red]", "[b]Bridge[/b]")
    assert exercise.steps == ("  Lie down  ", "[link=x]go[/link]")
    assert exercise.why == " é "


def test_a_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b'\xef\xbb\xbfname = "BOM"\n[[exercise]]\nname = "A"\nreps = 5\n')
    assert load_routine(path).name == "BOM"


def test_a_file_over_one_mebibyte_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "too_big.toml"
    path.write_bytes(b"#" * MAX_ROUTINE_BYTES + b"\n")
    assert problems_in(path) == [
        f"{path}: is 1,048,577 bytes; a routine file can be at most 1 MiB (1,048,576 bytes)"
    ]


def test_a_file_of_exactly_one_mebibyte_is_read(tmp_path: Path) -> None:
    path = tmp_path / "just_fits.toml"
    body = b'name = "Fits"\n[[exercise]]\nname = "A"\nreps = 5\n'
    path.write_bytes(body + b"#" * (MAX_ROUTINE_BYTES - len(body) - 1) + b"\n")
    assert path.stat().st_size == MAX_ROUTINE_BYTES
    assert load_routine(path).name == "Fits"


def test_a_folder_is_a_problem(tmp_path: Path) -> None:
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    assert problems_in(folder) == [f"{folder}: is a folder, not a routine file"]


def test_a_missing_file_is_a_problem(tmp_path: Path) -> None:
    assert problems_in(tmp_path / "gone.toml") == [f"{tmp_path / 'gone.toml'}: does not exist"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "secret.toml"
    path.write_text('name = "x"\n', encoding="utf-8")
    path.chmod(0)
    try:
        assert problems_in(path) == [f"{path}: cannot be read: permission denied"]
    finally:
        path.chmod(0o600)


def test_shipped_routines_are_all_valid() -> None:
    shipped = sorted((Path(__file__).resolve().parents[2] / "routines").glob("*.toml"))
    for path in shipped:
        routine = load_routine(path)
        assert routine.exercises, path
