"""The history index: a cache of what the history files parse to, never a second truth.

Real files in tmp_path and a real SQLite file in a cache folder, read through `HistoryStore.at`
as the app and the commands do. The wall clock the index compares file times with is a fake one
set well after the files were written, so every file counts as settled unless a test says not.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bandtimer.coach.history_export import (
    CSV_ROWS,
    JSON_TEXT,
    csv_document,
    json_document,
    records_to_json,
)
from bandtimer.domain.history import WorkoutRecord, WorkoutStatus
from bandtimer.storage.history import HistoryStore
from bandtimer.storage.history import index as history_index
from bandtimer.storage.history.codec import record_to_toml
from bandtimer.storage.history.index import HistoryIndex
from bandtimer.storage.locations import Locations

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "data" / "history"
CORRUPT = "2025-02-11T07-30-00--hip-stability--phone-5ca1ab1e.toml"
EDITED = "2025-03-18T07-30-00--hip-stability--laptop-ad2080a5.toml"
LATER_NS = time.time_ns() + 3_600_000_000_000
"""An hour from now: every file written by a test is long settled by then."""


class Parses:
    """Counts the files the index parses, by watching its progress reports."""

    def __init__(self) -> None:
        self.total = 0

    def __call__(self, done: int, total: int) -> None:
        if done == total:
            self.total += total


@pytest.fixture
def home(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE / "2025", tmp_path / "history" / "2025")
    return tmp_path


def open_store(home: Path, **index_options: object) -> HistoryStore:
    locations = Locations.under(home)
    index = HistoryIndex(locations.history_index_file, now_ns=lambda: LATER_NS, **index_options)
    return HistoryStore(locations.history_dir, "laptop", index)


def read_summaries(home: Path, parses: Parses | None = None) -> dict[str, object]:
    """One read, as one run of a command does it: the index is closed at the end."""
    store = open_store(home)
    load = store.summaries(progress=parses)
    store.index.close()
    return {summary.id: summary for summary in load.records}


def test_the_second_read_parses_nothing_and_gives_the_same_workouts(home: Path) -> None:
    first, second = Parses(), Parses()

    before = read_summaries(home, first)
    after = read_summaries(home, second)

    assert (first.total, second.total) == (16, 1), "15 readable files and the broken one"
    assert after == before and len(after) == 15
    assert (home / "cache" / "history-index.sqlite3").is_file()


def test_an_edited_file_is_read_again(home: Path) -> None:
    read_summaries(home)
    path = home / "history" / "2025" / EDITED
    path.write_text(path.read_text().replace("Hip stability", "Hip stability, edited"))

    parses = Parses()
    summaries = read_summaries(home, parses)

    assert parses.total == 2, "the edited file and the broken one, which is never kept"
    assert summaries["ad2080a5"].routine.name == "Hip stability, edited"


def test_a_file_added_by_a_sync_is_read_and_a_deleted_one_dropped(home: Path) -> None:
    read_summaries(home)
    store = open_store(home)
    record = store.load_all().records[0]
    added = replace(record, id="5ca1ab1f", device="tablet", status=WorkoutStatus.COMPLETED)
    year = home / "history" / "2025"
    (year / "2025-03-20T08-00-00--hip-stability--tablet-5ca1ab1f.toml").write_text(
        record_to_toml(added)
    )
    (year / EDITED).unlink()

    summaries = read_summaries(home)

    assert "5ca1ab1f" in summaries and "ad2080a5" not in summaries
    with sqlite3.connect(home / "cache" / "history-index.sqlite3") as db:
        kept = {row[0] for row in db.execute("SELECT path FROM file")}
    assert f"2025/{EDITED}" not in kept, "a deleted file's row is dropped"
    assert "2025/2025-03-20T08-00-00--hip-stability--tablet-5ca1ab1f.toml" in kept


def test_a_file_changed_just_now_is_read_again_next_time(home: Path) -> None:
    now = [time.time_ns()]  # the files were copied a moment ago: not settled yet
    locations = Locations.under(home)
    store = HistoryStore(
        locations.history_dir, "laptop",
        HistoryIndex(locations.history_index_file, now_ns=lambda: now[0]),
    )
    store.summaries()
    parses = Parses()
    store.summaries(progress=parses)
    assert parses.total == 16

    now[0] = LATER_NS
    store.summaries()
    settled = Parses()
    store.summaries(progress=settled)
    assert settled.total == 1, "only the broken file, which is never kept"


def test_unreadable_files_are_reported_every_time_and_left_untouched(home: Path) -> None:
    broken = home / "history" / "2025" / CORRUPT
    before = broken.read_bytes(), broken.stat().st_mtime_ns

    for _ in range(2):
        load = open_store(home).summaries()
        assert [problem.path.name for problem in load.problems] == [CORRUPT]
        assert "has no `sets_planned`" in load.problems[0].reason

    assert (broken.read_bytes(), broken.stat().st_mtime_ns) == before


def test_a_corrupt_index_is_built_again(home: Path) -> None:
    expected = read_summaries(home)
    index_file = home / "cache" / "history-index.sqlite3"
    index_file.write_bytes(b"this is not a database, whatever it once was" * 100)

    parses = Parses()
    assert read_summaries(home, parses) == expected
    assert parses.total == 16
    with sqlite3.connect(index_file) as db:
        assert db.execute("SELECT count(*) FROM file").fetchone() == (15,)


def test_an_index_from_a_future_version_is_built_again(home: Path) -> None:
    expected = read_summaries(home)
    index_file = home / "cache" / "history-index.sqlite3"
    with sqlite3.connect(index_file) as db:
        db.execute("UPDATE meta SET value = '99:from-the-future' WHERE key = 'version'")
        db.execute("UPDATE file SET routine = 'Not what the file says'")

    parses = Parses()
    summaries = read_summaries(home, parses)

    assert summaries == expected and parses.total == 16
    with sqlite3.connect(index_file) as db:
        (version,) = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    assert not version.startswith("99:")


def test_an_index_that_cannot_be_made_is_bypassed(home: Path) -> None:
    # Tests may run as root, whom a read-only folder does not stop: a file where the cache
    # folder should be stops everyone from creating the index.
    (home / "cache").write_text("not a folder")
    store = open_store(home)

    first = store.summaries()
    second = Parses()
    again = store.summaries(progress=second)

    assert len(first.records) == 15 and again.records == first.records
    assert store.index.bypassed is not None
    assert second.total == 1, "the copy in memory still spares parsing within one process"
    assert (home / "cache").read_text() == "not a folder"


def test_an_index_locked_by_another_process_is_bypassed_not_waited_for(home: Path) -> None:
    expected = read_summaries(home)
    (home / "history" / "2025" / EDITED).write_text(
        (home / "history" / "2025" / EDITED).read_text().replace("Hip stability", "Hips")
    )
    holder = sqlite3.connect(home / "cache" / "history-index.sqlite3", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        store = open_store(home, busy_timeout_ms=50)
        summaries = {s.id: s for s in store.summaries().records}
    finally:
        holder.execute("ROLLBACK")
        holder.close()

    assert summaries.keys() == expected.keys()
    assert summaries["ad2080a5"].routine.name == "Hips"
    assert store.index.bypassed is not None


def test_exports_from_the_index_are_byte_for_byte_the_files_own(home: Path) -> None:
    """The fixture's expected.csv and .json were written by reading the files directly."""
    expected_csv = (FIXTURE / "expected.csv").read_text(encoding="utf-8")
    expected_json = (FIXTURE / "expected.json").read_text(encoding="utf-8")

    for attempt in ("building the index", "from the index"):
        store = open_store(home)
        csv_text = csv_document(store.rendered(CSV_ROWS).records).decode()
        json_text = json_document(store.rendered(JSON_TEXT).records).decode()
        assert csv_text == expected_csv, attempt
        assert json_text == expected_json, attempt


def test_exports_after_an_index_built_without_them_are_the_files_own_too(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`stats` builds the index with no renderings; the first export then makes them from the
    kept documents, a few at a time."""
    monkeypatch.setattr(history_index, "WRITE_BATCH", 4)
    monkeypatch.setattr(history_index, "FEW_FILES", 3)
    read_summaries(home)

    store = open_store(home)
    csv_text = csv_document(store.rendered(CSV_ROWS).records).decode()
    newest = json_document(store.rendered(JSON_TEXT, 5).records).decode()

    assert csv_text == (FIXTURE / "expected.csv").read_text(encoding="utf-8")
    direct = HistoryStore(home / "history", "laptop").latest(5).records
    assert newest == json_text_of(direct)
    with sqlite3.connect(home / "cache" / "history-index.sqlite3") as db:
        counts = dict(db.execute("SELECT name, count(*) FROM rendering GROUP BY name"))
    assert counts == {"csv": 15, "json": 5}


def json_text_of(records: list[WorkoutRecord]) -> str:
    """What `history --format json` printed before the index: the records' JSON, in full."""
    return json.dumps(records_to_json(records), indent=2, ensure_ascii=False) + "\n"


def test_records_rebuilt_from_the_index_equal_the_files(home: Path) -> None:
    direct = HistoryStore(home / "history", "laptop").load_all()
    open_store(home).load_all()

    indexed = open_store(home).load_all()

    assert indexed.records == direct.records
    summaries = open_store(home).summaries(exercises=True).records
    assert summaries == [record.summary for record in direct.records]


WRITER = """
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any
from bandtimer.storage.history import HistoryStore
from bandtimer.storage.locations import Locations

home, device, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
source = HistoryStore(Path(sys.argv[4]), "x").load_all().records[1]
store = HistoryStore.at(Locations.under(home), device)
for number in range(count):
    store.save(replace(source, id=f"{device}{number:04d}", device=device))
    assert len(store.summaries().records) >= number + 1
print(store.index.bypassed or "shared")
"""


def test_two_processes_writing_records_at_once_share_the_index(home: Path) -> None:
    shutil.rmtree(home / "history")
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(home), device, "25", str(FIXTURE)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for device in ("alpha", "beta")
    ]
    results = [writer.communicate(timeout=120) for writer in writers]

    for writer, (_, stderr) in zip(writers, results, strict=True):
        assert writer.returncode == 0, stderr
    summaries = read_summaries(home)
    assert len(summaries) == 50
    with sqlite3.connect(home / "cache" / "history-index.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM file").fetchone() == (50,)


def test_the_index_version_follows_the_code_that_fills_it() -> None:
    assert history_index._index_version().startswith(f"{history_index.INDEX_FORMAT}:")
    assert CSV_ROWS.version == JSON_TEXT.version != ""


def test_a_time_without_an_offset_keeps_a_file_out_of_the_index_and_counted_once(
    home: Path,
) -> None:
    """Such a time means local time on the day it is read, so it is read from the file each
    time rather than kept as it was read once."""
    path = home / "history" / "2025" / EDITED
    text = path.read_text()
    path.write_text(text.replace("2025-03-18 07:30:00+01:00", "2025-03-18 07:30:00"))
    assert text != path.read_text()

    for _ in range(2):
        summaries = open_store(home).summaries().records
        assert [s.id for s in summaries].count("ad2080a5") == 1
    with sqlite3.connect(home / "cache" / "history-index.sqlite3") as db:
        kept = {row[0] for row in db.execute("SELECT path FROM file")}
    assert f"2025/{EDITED}" not in kept and len(kept) == 14


def test_the_last_band_comes_from_the_index_without_parsing_a_file_again(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A workout's first set asks for each exercise's last band: from the index's rows, as a
    later run (a new store over the same index) finds them, no file is parsed."""
    from bandtimer.storage.history import files as history_files

    parsed: list[str] = []
    for module in (history_files, history_index):
        real = module.read_document

        def counting(path: object, real: Any = real) -> Any:
            parsed.append(str(path))
            return real(path)

        monkeypatch.setattr(module, "read_document", counting)

    first = open_store(home)
    assert first.last_band("Clamshell") == "yellow"
    first.index.close()
    assert parsed, "the first run parses the newest files into the index"

    parsed.clear()
    again = open_store(home)
    assert again.last_band("Clamshell") == "yellow"
    assert again.last_band("no such exercise") is None
    # Only the fixture's broken file, which the index never holds: it is read, and reported,
    # every time, as without an index.
    assert {Path(path).name for path in parsed} == {CORRUPT}
