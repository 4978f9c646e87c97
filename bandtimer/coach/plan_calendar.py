"""The active plan's remaining sessions as calendar events (RFC 5545), for reminders.

People already have a calendar that reminds them; bandtimer writes an .ics file it can import.
Each remaining session becomes one VEVENT on the next of the chosen weekdays, at the chosen
time in the person's time zone: a TZID on every time, with the zone's VTIMEZONE written out, so
07:00 stays 07:00 on both sides of a daylight-saving change. Each event's UID names the plan,
week and session, so importing a newer file (after a session was logged, or a week repeated)
moves the events already there instead of adding copies.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from bandtimer import __version__
from bandtimer.coach.formatting import clock_time
from bandtimer.coach.plan_doses import PlanDoseBook
from bandtimer.coach.plans import PlanStatus
from bandtimer.domain.plan import Plan
from bandtimer.domain.weekly_plan import SessionPlace

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
UID_DOMAIN = "bandtimer.invalid"
"""RFC 5545 asks for a UID unique in the world; a plan's name under a domain nobody owns."""


@dataclass(frozen=True)
class Schedule:
    """When sessions go: these weekdays (0 = Monday), at this time, in this zone."""

    weekdays: frozenset[int]
    at: time
    zone: ZoneInfo

    def slots(self, after: datetime) -> Iterator[datetime]:
        """Every chosen day's time from `after` on (strictly later), in the zone."""
        local = after.astimezone(self.zone)
        day = local.date()
        while True:
            if day.weekday() in self.weekdays:
                slot = datetime.combine(day, self.at, tzinfo=self.zone)
                if slot > local:
                    yield slot
            day += timedelta(days=1)


def parse_weekdays(text: str) -> frozenset[int]:
    """`mon,thu` (or `monday,thursday`, any case) -> {0, 3}; raises ValueError."""
    names = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    days = set()
    for part in (piece.strip().casefold() for piece in text.split(",")):
        if part not in WEEKDAYS and part not in names:
            raise ValueError(f"{part!r} is not a day: use {','.join(WEEKDAYS)}")
        days.add(WEEKDAYS.index(part[:3]))
    return frozenset(days)


def parse_time(text: str) -> time:
    """`07:00` -> 07:00; raises ValueError."""
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not a time of day: use HH:MM, e.g. 07:00")
    return time(int(match[1]), int(match[2]))


def plan_calendar(
    status: PlanStatus, book: PlanDoseBook, schedule: Schedule, now: datetime
) -> Calendar:
    """The remaining sessions of `status`'s plan as a calendar, from the first slot after
    `now`, each timed at the person's doses with its week's over them (`book`); the zone's
    VTIMEZONE is included."""
    calendar = Calendar()
    calendar.add("prodid", f"-//bandtimer//bandtimer {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"bandtimer: {status.plan.name}")
    stamp = now.astimezone(ZoneInfo("UTC")).replace(microsecond=0)
    last = now
    for place, start in zip(status.progress.remaining(), schedule.slots(now), strict=False):
        event = session_event(status, book, place, start, stamp)
        if event is not None:
            calendar.add_component(event)
            last = start
    # The zone's rules over the events' span (and a year either side), not 1970 to 2038.
    year = timedelta(days=366)
    calendar.add_missing_timezones((now - year).date(), (last + year).date())
    return calendar


def session_event(
    status: PlanStatus, book: PlanDoseBook, place: SessionPlace, start: datetime, stamp: datetime
) -> Event | None:
    timed = status.timed(place, book)
    if timed is None:
        return None
    plan = status.plan
    seconds = timed.total_seconds
    weeks = len(plan.weeks)
    count = len(plan.weeks[place.week - 1].sessions)
    where = f"week {place.week} of {weeks}, session {place.session} of {count}"
    event = Event()
    event.add("uid", f"{_slug(plan.name)}-week-{place.week}-session-{place.session}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("sequence", int(stamp.timestamp()) // 60)
    event.add("summary", f"{timed.routine.name} ({where})")
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=math.ceil(seconds / 60)))
    event.add("description", "\n".join(_description(status, timed, where)))
    event.add("categories", ["bandtimer"])
    return event


def _description(status: PlanStatus, timed: Plan, where: str) -> Iterable[str]:
    yield f"{timed.routine.name}: {where} of {status.plan.name}."
    yield f"Planned length: {clock_time(timed.total_seconds)}."
    yield ""
    for number, exercise in enumerate(timed.exercises, start=1):
        yield f"{number}. {exercise.name}: {exercise.dose}"
    yield ""
    yield "Open bandtimer: its menu opens on this session, at these doses."


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "plan"
