"""`bandtimer plan`: the active plan's state; `plan start NAME`, `plan stop`, `plan ical`.

Plain `print` for the state (it is a few lines a person reads, or a script greps), and the
calendar as bytes on stdout, so `bandtimer plan ical … > plan.ics` writes exactly the file.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bandtimer.cli.history import open_history
from bandtimer.coach.formatting import clock_time
from bandtimer.coach.plan_doses import PlanDoseBook
from bandtimer.coach.plans import PlanStatus, PlanUnavailable, active_plan, plan_status
from bandtimer.domain.text import visible_controls
from bandtimer.storage.locations import Locations, shipped_plans_dir, shipped_routines_dir
from bandtimer.storage.plans import (
    ActivePlan,
    PlanNotFound,
    clear_active_plan,
    discover_plans,
    find_plan,
    routines_by_name,
    write_active_plan,
)
from bandtimer.storage.routines import discover_routines

Now = Callable[[], datetime]
EXIT_PROBLEM = 1


def _now() -> datetime:
    return datetime.now().astimezone()


def plan_command(
    locations: Locations, action: str | None, options: dict[str, object], now: Now = _now
) -> int:
    if action == "start":
        return start_plan(locations, str(options["name"]), now())
    if action == "stop":
        return stop_plan(locations)
    if action == "ical":
        return write_ical(locations, options, now())
    return show_plan(locations, now())


def _routines(locations: Locations) -> list:
    return discover_routines(shipped_routines_dir(), locations.user_routines_dir)


def _status(locations: Locations, now: datetime) -> tuple[PlanStatus | None, PlanDoseBook]:
    """The plan followed, and the person's doses with its week over them, as the app has them."""
    store, config = open_history(locations)
    book = PlanDoseBook(lambda: store, config.bands)
    status = plan_status(locations, _routines(locations), store, now.date())
    book.follow(status)
    return status, book


def show_plan(locations: Locations, now: datetime) -> int:
    try:
        status, book = _status(locations, now)
    except PlanUnavailable as problem:
        print(problem, file=sys.stderr)
        return EXIT_PROBLEM
    if status is None:
        print("No plan is being followed.")
        _list_plans(locations)
        return 0
    for line in plan_lines(status, book):
        print(line)
    return 0


def plan_lines(status: PlanStatus, book: PlanDoseBook) -> list[str]:
    """What `bandtimer plan` prints: the plan, where the person is, and every week."""
    plan, progress = status.plan, status.progress
    lines = [visible_controls(plan.name)]
    if plan.path is not None:
        lines.append(f"File: {visible_controls(str(plan.path))}")
    lines.append(f"Started {progress.started:%a %-d %b %Y} · {status.where()}")
    place = progress.next_session()
    if place is not None:
        timed = status.timed(place, book)
        length = clock_time(timed.total_seconds) if timed is not None else "missing"
        lines.append(f"Next: {visible_controls(place.routine)} ({length})")
    else:
        lines.append("Every session is done: `bandtimer plan stop`, or start it again.")
    if status.week_line():
        lines.append(status.week_line())
    lines.append("")
    done_in = {}
    for counted in progress.counted:
        done_in.setdefault(counted.place.week, []).append(counted)
    for week in plan.weeks:
        if week.number < progress.week:
            mark = "done"
        elif week.number == progress.week:
            mark = "now"
        else:
            mark = ""
        sessions = []
        for number, routine in enumerate(week.sessions, start=1):
            ticked = week.number < progress.week or (
                week.number == progress.week and number in progress.done
            )
            sessions.append(("✓ " if ticked else "· ") + visible_controls(routine))
        lines.append(f"Week {week.number:<2} {mark:<4}  " + ", ".join(sessions))
        for change in week.doses:
            lines.append(
                f"           {visible_controls(change.routine)}: "
                f"{visible_controls(change.exercise)} {change.describe()}"
            )
    return lines


def _list_plans(locations: Locations) -> None:
    plans = discover_plans(shipped_plans_dir(), locations.user_plans_dir)
    if not plans:
        print(f"No plans found. Put plan .toml files in {locations.user_plans_dir}")
        return
    print("Plans:")
    for entry in plans:
        if entry.plan is None:
            print(f"  {entry.name} (cannot be used: `bandtimer check {entry.path}`)")
        else:
            weeks = len(entry.plan.weeks)
            print(f"  {entry.name}: {weeks} weeks, {entry.plan.sessions_per_week} sessions a week")
    print("Start one with: bandtimer plan start NAME")


def start_plan(locations: Locations, name: str, now: datetime) -> int:
    routines = routines_by_name(_routines(locations))
    plans = discover_plans(shipped_plans_dir(), locations.user_plans_dir, routines)
    try:
        plan = find_plan(plans, name)
    except PlanNotFound as missing:
        print(missing, file=sys.stderr)
        return EXIT_PROBLEM
    try:
        previous = active_plan(locations)
    except PlanUnavailable:
        previous = None
    try:
        active = ActivePlan(plan.name, now.replace(microsecond=0))
        write_active_plan(locations.active_plan_file, active)
    except OSError as error:
        reason = (error.strerror or type(error).__name__).lower()
        print(f"Could not save the plan to {locations.active_plan_file}: {reason}", file=sys.stderr)
        return EXIT_PROBLEM
    if previous is not None and previous.name.casefold() != plan.name.casefold():
        print(f"Stopped following {visible_controls(previous.name)!r}.")
    weeks = f"{len(plan.weeks)} weeks, {plan.sessions_per_week} sessions a week"
    print(f"Following {visible_controls(plan.name)!r} from today: {weeks}.")
    print("The menu opens on each next session; `bandtimer plan` shows where you are.")
    return 0


def stop_plan(locations: Locations) -> int:
    if clear_active_plan(locations.active_plan_file):
        print("Stopped following the plan. Your history is kept.")
    else:
        print("No plan was being followed.")
    return 0


def write_ical(locations: Locations, options: dict[str, object], now: datetime) -> int:
    from bandtimer.coach.plan_calendar import Schedule, plan_calendar

    try:
        status, book = _status(locations, now)
    except PlanUnavailable as problem:
        print(problem, file=sys.stderr)
        return EXIT_PROBLEM
    if status is None:
        print("No plan is being followed: `bandtimer plan start NAME` first.", file=sys.stderr)
        return EXIT_PROBLEM
    zone = options.get("zone") or local_zone()
    assert isinstance(zone, ZoneInfo)
    schedule = Schedule(options["days"], options["time"], zone)  # type: ignore[arg-type]
    calendar = plan_calendar(status, book, schedule, now)
    sys.stdout.flush()
    sys.stdout.buffer.write(calendar.to_ical())
    sys.stdout.buffer.flush()
    return 0


def zone_named(name: str) -> ZoneInfo:
    """An IANA time zone, for `--tz`; raises ValueError."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{name!r} is not a time zone: use a name such as Europe/London") from None


def local_zone() -> ZoneInfo:
    """This machine's time zone by its IANA name (`TZ`, else /etc/localtime's link), else UTC."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        target = Path("/etc/localtime").resolve()
        candidates.append(str(target).partition("zoneinfo/")[2])
    except OSError:
        pass
    for name in candidates:
        if name and name in available_timezones():
            return ZoneInfo(name)
    return ZoneInfo("UTC")
