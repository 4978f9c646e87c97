"""`bandtimer show ROUTINE`: the dosing of each exercise and the whole timeline, as tables."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from bandtimer.cli.console import make_console
from bandtimer.coach import clock_time, describe_dose, describe_segment, side_label
from bandtimer.domain.plan import Plan, build_plan
from bandtimer.domain.routine import Routine
from bandtimer.storage.locations import Locations
from bandtimer.storage.routines import RoutineNotFound, resolve_routine


def show_routine(locations: Locations, name_or_path: str) -> int:
    console = make_console()
    try:
        routine = resolve_routine(locations, name_or_path)
    except RoutineNotFound as missing:
        console.print(Text(str(missing), style="red"))
        return 1
    plan = build_plan(routine)
    console.print(Text(routine.name, style="bold"))
    if routine.description:
        console.print(Text(routine.description))
    console.print(dose_table(routine))
    console.print(timeline_table(plan))
    console.print(Text(f"Planned total: {clock_time(plan.total_seconds)}", style="bold"))
    return 0


def dose_table(routine: Routine) -> Table:
    table = Table(title="Exercises", title_justify="left")
    for column in ("#", "exercise", "dose", "band", "placement", "anchor"):
        table.add_column(column, overflow="fold")
    for number, exercise in enumerate(routine.exercises, start=1):
        table.add_row(
            str(number),
            Text(exercise.name),
            describe_dose(exercise),
            exercise.band.value if exercise.band else "",
            Text(exercise.placement),
            Text(exercise.anchor),
        )
    return table


def timeline_table(plan: Plan) -> Table:
    table = Table(title="Timeline", title_justify="left")
    for column in ("starts", "segment", "exercise", "set", "side", "what", "seconds"):
        table.add_column(column, overflow="fold")
    starts = 0.0  # added up as the rows go: plan.seconds_before for each row is quadratic
    for segment in plan.segments:
        style = "" if segment.is_work else "dim"
        table.add_row(
            clock_time(starts),
            segment.kind.value,
            Text(segment.exercise.name),
            f"{segment.set_number}/{segment.set_count}",
            side_label(segment),
            describe_segment(segment) if segment.is_work else "",
            f"{segment.planned_seconds:g}",
            style=style,
        )
        starts += segment.planned_seconds
    return table
