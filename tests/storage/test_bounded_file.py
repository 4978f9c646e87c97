"""The one reader every file goes through: what it refuses, and that refusing never waits."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bandtimer.storage import bounded_file
from bandtimer.storage.bounded_file import UnreadableFile, file_details, read_bounded
from tests.hostile_paths import link_to_dev_zero, make_fifo, memory_ceiling, rescue_after


def refusal(path: Path, limit: int = 100) -> UnreadableFile:
    with pytest.raises(UnreadableFile) as caught:
        read_bounded(path, limit, kind="routine file")
    return caught.value


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    path.write_bytes(b"x" * 100)
    assert read_bounded(path, 100) == b"x" * 100
    assert file_details(path, 100).st_size == 100


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = make_fifo(tmp_path / "r.toml")
    with rescue_after(fifo) as rescue:
        assert refusal(fifo).reason == "is not a regular file"
    assert not rescue.needed


def test_a_link_to_dev_zero_is_refused_without_reading_it(tmp_path: Path) -> None:
    with memory_ceiling():
        assert refusal(link_to_dev_zero(tmp_path / "r.toml")).reason == "is not a regular file"


def test_a_fifo_swapped_in_after_the_look_is_refused_by_what_was_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The path was a file when it was looked at and a FIFO when it was opened."""
    fifo = make_fifo(tmp_path / "r.toml")
    monkeypatch.setattr(bounded_file, "file_details", lambda *args, **kwargs: None)
    with rescue_after(fifo) as rescue:
        assert refusal(fifo).reason == "is not a regular file"
    assert not rescue.needed


def test_a_file_that_grew_after_the_look_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "r.toml"
    path.write_bytes(b"x" * 101)
    monkeypatch.setattr(bounded_file, "_check", lambda *args: None)  # both looks said 100
    problem = refusal(path)
    assert problem.size == 101 and problem.reason == "is over 100 bytes, too big for a routine file"


def test_what_is_refused_and_why(tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    big.write_bytes(b"x" * 101)
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    assert (refusal(big).reason, refusal(big).size) == (
        "is 101 bytes, too big for a routine file",
        101,
    )
    assert refusal(folder).reason == "is a folder, not a routine file"
    missing = refusal(tmp_path / "gone.toml")
    assert (missing.reason, missing.missing) == ("does not exist", True)
    assert refusal(Path("/dev/null")).reason == "is not a regular file"
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    assert refusal(loop).reason.startswith("cannot be read: ")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_says_why(tmp_path: Path) -> None:
    path = tmp_path / "secret.toml"
    path.write_bytes(b"x")
    path.chmod(0)
    try:
        assert refusal(path).reason == "cannot be read: permission denied"
    finally:
        path.chmod(0o600)
