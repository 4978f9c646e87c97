"""`bandtimer show ROUTINE`: what a routine asks for, summary first; `--timeline` for the rest.

A person runs `show` to decide whether to do a routine now: how long it takes, what it needs,
which exercises at what dose. That fits on one 80×24 screen for every shipped routine, so it is
all the command prints unless asked. Where each band goes and every segment of the timeline (a
few hundred lines for a long routine) follow with `--timeline`, after their own headings.
"""

from __future__ import annotations

import shlex
from datetime import datetime

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from bandtimer.cli.console import make_console
from bandtimer.coach import (
    DoseBook,
    clock_time,
    describe_dose,
    describe_segment,
    plural,
    shown_path,
    side_label,
)
from bandtimer.domain.plan import Plan, Segment, build_plan
from bandtimer.domain.routine import Routine
from bandtimer.domain.text import visible_controls
from bandtimer.storage.locations import Locations
from bandtimer.storage.routines import RoutineNotFound, resolve_routine


def show_routine(locations: Locations, name_or_path: str, *, timeline: bool = False) -> int:
    console = make_console()
    try:
        routine = resolve_routine(locations, name_or_path)
    except RoutineNotFound as missing:
        console.print(Text(str(missing), style="red"), soft_wrap=True)  # paths stay whole
        return missing.exit_status
    doses = _dose_book(locations)
    plan = build_plan(routine, doses.doses(routine))
    print_summary(console, routine, plan)
    for line in doses.change_lines(routine):
        console.print(Text(line), soft_wrap=True)
    console.print()
    console.print(dose_table(plan))
    if timeline:
        console.print()
        console.print(setup_table(routine))
        console.print(timeline_table(plan))
    else:
        again = f"bandtimer show {shlex.quote(visible_controls(name_or_path))} --timeline"
        console.print(Text(f"Band set-up and every segment: {again}", style="dim"), soft_wrap=True)
    return 0


def _dose_book(locations: Locations) -> DoseBook:
    """The person's doses, as the app reads them: from the history, with their bands, and the
    week of a plan being followed over them."""
    from bandtimer.cli.history import open_history
    from bandtimer.coach.plans import plan_dose_book

    store, config = open_history(locations)
    return plan_dose_book(locations, store, config.bands, datetime.now().astimezone().date())


def print_summary(console: Console, routine: Routine, plan: Plan) -> None:
    """The name, what it is for, and the figures a person decides by, before any table."""
    console.print(Text(routine.name, style="bold"))
    if routine.description:
        console.print(Text(routine.description))
    total = Text.assemble(
        ("Planned total: ", "bold"),
        (clock_time(plan.total_seconds), "bold"),
        f" · {plural(len(routine.exercises), 'exercise')}",
    )
    console.print(total)
    fields = [("Equipment", ", ".join(routine.equipment)), ("Notes", routine.notes)]
    for label, value in fields:
        if value:
            console.print(Text.assemble((f"{label}: ", "dim"), value))
    if routine.path is not None:
        # A path is copied into an editor: the terminal wraps it, never Rich mid-word.
        where = Text.assemble(("File: ", "dim"), shown_path(routine.path))
        console.print(where, soft_wrap=True)


def dose_table(plan: Plan) -> Table:
    """Each exercise at the dose the plan times it at: the person's, where the history has
    one."""
    table = Table(
        box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True, expand=True
    )
    table.add_column("#")
    # Names wrap before doses do: a dose broken over two lines is the harder one to read.
    table.add_column("exercise", ratio=1)
    table.add_column("dose", ratio=2)
    blocks = {block.first: block for block in plan.routine.blocks}
    for number, exercise in enumerate(plan.exercises, start=1):
        block = blocks.get(number - 1)
        if block is not None:
            title = Text(block.title, style="bold")
            table.add_row("", title, Text(block.shape(plan.routine.timing), style="bold"))
        table.add_row(f"{number}.", Text(exercise.name), describe_dose(exercise))
    return table


def setup_table(routine: Routine) -> Table:
    table = Table(title="Where each band goes", title_justify="left")
    for column in ("#", "exercise", "band", "placement", "anchor"):
        table.add_column(column, overflow="fold")
    for number, exercise in enumerate(routine.exercises, start=1):
        band = exercise.band.value if exercise.band else ""
        row = (exercise.name, band, exercise.placement, exercise.anchor)
        table.add_row(str(number), *(Text(text) for text in row))
    return table


def timeline_table(plan: Plan) -> Table:
    table = Table(title="Timeline", title_justify="left")
    rounds = bool(plan.routine.blocks)
    columns = ("starts", "segment", "exercise", "round", "set", "side", "what", "seconds")
    for column in columns if rounds else [c for c in columns if c != "round"]:
        table.add_column(column, overflow="fold")
    starts = 0.0  # added up as the rows go: plan.seconds_before for each row is quadratic
    for segment in plan.segments:
        style = "" if segment.is_work else "dim"
        table.add_row(
            clock_time(starts),
            segment.kind.value,
            Text(segment.exercise.name),
            *([_round(segment)] if rounds else []),
            f"{segment.set_in_round}/{segment.sets_in_round}",
            side_label(segment),
            describe_segment(segment) if segment.is_work else "",
            f"{segment.planned_seconds:g}",
            style=style,
        )
        starts += segment.planned_seconds
    table.caption = f"Planned total: {clock_time(plan.total_seconds)}"
    table.caption_justify = "left"
    return table


def _round(segment: Segment) -> str:
    return f"{segment.round_number}/{segment.round_count}" if segment.round_count > 1 else ""
