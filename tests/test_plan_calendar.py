"""`bandtimer plan ical`: the plan's remaining sessions as RFC 5545 events, across a DST change.

Made by the command itself (its `now` pinned), from real files in tmp_path: the plan started
with `bandtimer plan start`, sessions logged in the history as the app logs them. The file is
read back with `icalendar`, and checked for what RFC 5545 requires of it: CRLF line ends, lines
of at most 75 octets, PRODID and VERSION, and a UID, DTSTAMP and DTSTART on every event, with
a VTIMEZONE for every TZID used.
"""

from __future__ import annotations

import math
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from bandtimer.__main__ import main
from bandtimer.cli.plan import plan_command
from bandtimer.coach.plan_calendar import parse_time, parse_weekdays
from bandtimer.domain.plan import planned_seconds
from bandtimer.storage.locations import Locations, shipped_routines_dir
from bandtimer.storage.plans import routines_by_name
from bandtimer.storage.routines import discover_routines
from tests.ui.harness import save_workout

LONDON = ZoneInfo("Europe/London")
STARTED = datetime(2026, 3, 16, 6, 0, tzinfo=LONDON)
"""Monday 16 March 2026, before the 07:00 session; summer time starts on Sunday 29 March."""
ROUTINES = routines_by_name(discover_routines(shipped_routines_dir(), Path("/nonexistent")))


def export(home: Path, now: datetime, capsysbinary: pytest.CaptureFixture[bytes]) -> bytes:
    options = {"days": parse_weekdays("mon,thu"), "time": parse_time("07:00"), "zone": LONDON}
    assert plan_command(Locations.under(home), "ical", options, now=lambda: now) == 0
    return capsysbinary.readouterr().out


@pytest.fixture
def home(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> Path:
    start = plan_command(
        Locations.under(tmp_path), "start", {"name": "six weeks"}, now=lambda: STARTED
    )
    assert start == 0
    capsysbinary.readouterr()
    return tmp_path


def events(data: bytes) -> list:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_the_file_is_rfc_5545(home: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    data = export(home, STARTED, capsysbinary)
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert b"\n" not in b"".join(lines), "a bare LF: every line must end in CRLF"
    assert max(len(line) for line in lines) <= 75
    calendar = Calendar.from_ical(data)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"].startswith("-//bandtimer//")
    found = events(data)
    assert len(found) == 12  # every session of the plan: none is done yet
    for event in found:
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION"):
            assert required in event, required
        assert event["DTSTART"].params["TZID"] == "Europe/London"
    zones = [zone["TZID"] for zone in calendar.walk("VTIMEZONE")]
    assert zones == ["Europe/London"]
    assert len({event["UID"] for event in found}) == 12


def test_07_00_stays_07_00_across_the_change_to_summer_time(
    home: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    starts = [event.decoded("DTSTART") for event in events(export(home, STARTED, capsysbinary))]
    assert [start.astimezone(LONDON).time() for start in starts] == [time(7, 0)] * 12
    assert [start.strftime("%a %d %b") for start in starts[:6]] == [
        "Mon 16 Mar", "Thu 19 Mar", "Mon 23 Mar", "Thu 26 Mar", "Mon 30 Mar", "Thu 02 Apr",
    ]  # fmt: skip
    # 07:00 GMT before 29 March is 07:00 UTC; 07:00 BST after it is 06:00 UTC.
    utc = [start.astimezone(ZoneInfo("UTC")).hour for start in starts]
    assert utc[:4] == [7, 7, 7, 7] and utc[4:] == [6] * 8


def test_each_event_has_the_routine_its_length_and_exercises(
    home: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    found = events(export(home, STARTED, capsysbinary))
    week_3 = found[4]
    assert str(week_3["SUMMARY"]) == "Mini band weekday (week 3 of 6, session 1 of 2)"
    description = str(week_3["DESCRIPTION"])
    assert "Planned length: 21:34." in description
    assert "4. Banded plank: 1 set × 6 reps, 30 s hold each rep" in description
    routine = ROUTINES["marathoner deep strength"]
    first = found[0]
    length = first.decoded("DTEND") - first.decoded("DTSTART")
    assert length == timedelta(minutes=math.ceil(planned_seconds(routine) / 60))


def test_a_newer_file_moves_the_same_events_instead_of_adding_copies(
    home: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    first = {
        str(e["UID"]): e.decoded("DTSTART") for e in events(export(home, STARTED, capsysbinary))
    }
    # The first session is done three days late, on Thursday: the rest move on a slot each.
    thursday = STARTED + timedelta(days=3, hours=1)
    save_workout(home, ROUTINES["marathoner deep strength"], thursday)
    later = events(export(home, thursday + timedelta(hours=1), capsysbinary))
    again = {str(event["UID"]): event.decoded("DTSTART") for event in later}
    assert len(again) == 11 and set(again) < set(first)
    uid = next(uid for uid in again if "week-1-session-2" in uid)
    assert first[uid].strftime("%a %d %b") == "Thu 19 Mar"
    assert again[uid].strftime("%a %d %b") == "Mon 23 Mar"
    assert all(int(event["SEQUENCE"]) > 0 for event in later)


def test_days_and_times_are_checked_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    for arguments in (["--days", "mon,thurs"], ["--time", "7am"], ["--tz", "Mars/Olympus"]):
        full = {"--days": "mon", "--time": "07:00"} | dict([arguments])
        with pytest.raises(SystemExit) as exited:
            main(["plan", "ical", *(part for pair in full.items() for part in pair)])
        assert exited.value.code == 2
        error = capsys.readouterr().err
        assert f"argument {arguments[0]}: " in error, error


def test_without_a_plan_ical_says_to_start_one(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    options = {"days": parse_weekdays("mon"), "time": parse_time("07:00"), "zone": LONDON}
    assert plan_command(Locations.under(tmp_path), "ical", options, now=lambda: STARTED) == 1
    assert b"bandtimer plan start NAME" in capsysbinary.readouterr().err
