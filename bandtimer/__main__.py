"""The `bandtimer` command: parses arguments, builds the dependencies, hands over.

Commands that only print (`list`, `show`, `check`, `history`, `stats`, `--help`) never import
Textual, so they start fast enough to sit in a pre-commit hook; the app is imported only when a
screen is wanted.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from bandtimer import __version__
from bandtimer.cli.streams import ascii_fallback, quiet_when_the_reader_leaves
from bandtimer.storage.locations import Locations

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bandtimer",
        description="A workout timer for resistance-band strength training for runners. "
        "With no command, opens the menu of routines.",
        epilog=_examples(
            "bandtimer                    # the menu: pick a routine, Enter starts it",
            "bandtimer --mute             "
            "# no sound cues (before or after a command: run X --mute)",
            "bandtimer --no-voice         "
            "# beeps only, no spoken coaching (before or after a command too)",
        )
        + "\n\nBANDTIMER_HOME=DIR keeps config, routines and history under DIR.",
        formatter_class=HelpFormatter,
    )
    _add_global_options(parser, default=False)
    everywhere = argparse.ArgumentParser(add_help=False)
    _add_global_options(everywhere, default=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser(
        "run",
        parents=[everywhere],
        help="start a routine straight away",
        description="Start a routine straight away. ROUTINE is a file path, a routine's name, "
        "or enough of it to pick one: the start of its name or file name, or a whole word of "
        "its name, in any case. A name that fits several routines lists them (exit status 2).",
        epilog=_examples(
            'bandtimer run "quick try"    # straight into a routine, by name or by file path',
            "bandtimer run quick          # the start, or one word, of a name is enough",
        ),
        formatter_class=HelpFormatter,
    )
    run.add_argument("routine", metavar="ROUTINE", help="a routine's name or a file path")

    commands.add_parser(
        "list",
        parents=[everywhere],
        help="list the routines bandtimer finds, with any errors",
        epilog=_examples(
            "bandtimer list               # every routine found, broken ones with their errors"
        ),
        formatter_class=HelpFormatter,
    )

    show = commands.add_parser(
        "show",
        parents=[everywhere],
        help="print a routine's planned total, equipment and dosing",
        description="What a routine asks for: its planned total, equipment and each "
        "exercise's dose. ROUTINE is found as `run` finds it.",
        epilog=_examples(
            'bandtimer show "quick try"   # planned total, equipment, each exercise\'s dose',
            "bandtimer show quick --timeline  # and where each band goes, every segment",
        ),
        formatter_class=HelpFormatter,
    )
    show.add_argument("routine", metavar="ROUTINE", help="a routine's name or a file path")
    show.add_argument(
        "--timeline", action="store_true", help="also where each band goes and every segment"
    )

    check = commands.add_parser(
        "check",
        parents=[everywhere],
        help="validate routine and plan files; exit 1 with every problem found",
        epilog=_examples(
            "bandtimer check FILE...      # validate routine and plan files; exit 1 with every "
            "problem",
        ),
        formatter_class=HelpFormatter,
    )
    check.add_argument("files", metavar="FILE", nargs="+", help="routine or plan TOML files")

    history = commands.add_parser(
        "history",
        parents=[everywhere],
        help="list past workouts, or export every set as CSV or JSON",
        description="The newest workouts as a table; --format csv prints one row per set "
        "(date, workout, exercise, side, set, reps, seconds, band, feel, workout_id, status, "
        "device) and --format json every record in full. Files that cannot be read are "
        "reported and left as they are.",
        epilog=_examples(
            "bandtimer history            # the latest workouts (--all, --limit N)",
            "bandtimer history --format csv    "
            "# one row per set, for a spreadsheet (or --format json)",
        ),
        formatter_class=HelpFormatter,
    )
    history.add_argument(
        "--format",
        dest="output_format",
        choices=("table", "csv", "json"),
        default="table",
        help="table (the default), csv or json; csv and json go to stdout, problems to stderr",
    )
    how_many = history.add_mutually_exclusive_group()
    how_many.add_argument(
        "--limit",
        type=_positive,
        metavar="N",
        help="the newest N workouts (the table shows 20 unless told; csv and json show all)",
    )
    how_many.add_argument("--all", dest="every", action="store_true", help="every workout")

    _add_plan_parser(commands, everywhere)

    commands.add_parser(
        "stats",
        parents=[everywhere],
        help="weekly streak, this week against the target, totals, routines",
        epilog=_examples(
            "bandtimer stats              # weekly streak, totals, and counts per routine"
        ),
        formatter_class=HelpFormatter,
    )
    return parser


def _add_plan_parser(
    commands: argparse._SubParsersAction, everywhere: argparse.ArgumentParser
) -> None:
    plan = commands.add_parser(
        "plan",
        parents=[everywhere],
        help="the plan over weeks being followed; start, stop, or write it to a calendar",
        description="Plans over weeks: which routine each session of each week, and the doses "
        "that change week by week. A plan advances as its sessions are logged; a week not "
        "finished within seven days of its first session starts over. With no action, shows "
        "where you are in the plan being followed (or the plans there are).",
        epilog=_examples(
            "bandtimer plan               # the plan being followed: this week, next session",
            "bandtimer plan start six     # follow a plan, from today (name or its start)",
            "bandtimer plan stop          # stop following it; the history is kept",
            "bandtimer plan ical --days mon,thu --time 07:00 > plan.ics"
            "  # its sessions as calendar events",
        ),
        formatter_class=HelpFormatter,
    )
    actions = plan.add_subparsers(dest="plan_action", metavar="ACTION")
    start = actions.add_parser(
        "start",
        parents=[everywhere],
        help="follow a plan from today",
        formatter_class=HelpFormatter,
    )
    start.add_argument("name", metavar="NAME", help="a plan's name, or enough of it")
    actions.add_parser("stop", parents=[everywhere], help="stop following the plan")
    ical = actions.add_parser(
        "ical",
        parents=[everywhere],
        help="write the remaining sessions as iCalendar events to stdout",
        description="The plan's remaining sessions as an .ics file: one event per session on "
        "the next of DAYS at TIME, in your time zone, with the routine, its planned length and "
        "its exercises. Importing a newer file moves the events instead of adding copies.",
        formatter_class=HelpFormatter,
    )
    ical.add_argument("--days", required=True, type=_weekdays, help="e.g. mon,thu")
    ical.add_argument("--time", required=True, type=_time_of_day, help="HH:MM, e.g. 07:00")
    ical.add_argument(
        "--tz",
        dest="zone",
        type=_zone,
        help="an IANA zone, e.g. Europe/London (default: this machine's)",
    )


def _weekdays(text: str) -> object:
    from bandtimer.coach.plan_calendar import parse_weekdays

    return _as_argument_error(parse_weekdays, text)


def _time_of_day(text: str) -> object:
    from bandtimer.coach.plan_calendar import parse_time

    return _as_argument_error(parse_time, text)


def _zone(text: str) -> object:
    from bandtimer.cli.plan import zone_named

    return _as_argument_error(zone_named, text)


def _as_argument_error(parse: Callable[[str], object], text: str) -> object:
    try:
        return parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _add_global_options(parser: argparse.ArgumentParser, *, default: object) -> None:
    """The options that mean the same before or after the command: `bandtimer --mute run x` and
    `bandtimer run x --mute`. After the command their default is SUPPRESS, so a command that
    was not given one leaves alone what was given before it (argparse would otherwise put the
    command's default over it)."""
    parser.add_argument("--version", action="version", version=f"bandtimer {__version__}")
    parser.add_argument(
        "--mute", action="store_true", default=default, help="start with sound cues off"
    )
    parser.add_argument(
        "--no-voice",
        action="store_true",
        default=default,
        help="beeps only, no spoken coaching (v turns it on)",
    )


class HelpFormatter(argparse.HelpFormatter):
    """Paragraphs wrap to the terminal as usual; indented lines (the examples) stay as written,
    so each is a command line that can be copied."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        fill = super()._fill_text
        lines = text.splitlines()
        return "\n".join(
            indent + line if line.startswith("  ") or not line else fill(line, width, indent)
            for line in lines
        )


def _examples(*lines: str) -> str:
    """An epilog of example command lines, each with what it does; the README's command list
    is made of the same lines (a test holds them together)."""
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more, got {text!r}")
    return value


PRINTING_COMMANDS = ("check", "list", "show", "history", "stats", "plan")


def main(argv: Sequence[str] | None = None) -> int:
    ascii_fallback(sys.stdout, sys.stderr)  # --help and usage errors print too
    args = build_parser().parse_args(argv)
    locations = Locations.from_environment()
    if args.command in PRINTING_COMMANDS:
        return quiet_when_the_reader_leaves(lambda: print_for(args, locations))
    from bandtimer.cli.launch import launch

    return launch(
        locations, routine=getattr(args, "routine", None), mute=args.mute, voice=not args.no_voice
    )


def print_for(args: argparse.Namespace, locations: Locations) -> int:
    """Run one of the `PRINTING_COMMANDS`; its exit status."""
    if args.command == "check":
        from bandtimer.cli.check import check_files

        return check_files(args.files, locations)
    if args.command == "list":
        from bandtimer.cli.listing import list_routines

        return list_routines(locations)
    if args.command == "show":
        from bandtimer.cli.show import show_routine

        return show_routine(locations, args.routine, timeline=args.timeline)
    if args.command == "history":
        from bandtimer.cli.history import show_history

        return show_history(
            locations, output_format=args.output_format, limit=args.limit, every=args.every
        )
    if args.command == "plan":
        from bandtimer.cli.plan import plan_command

        return plan_command(locations, args.plan_action, vars(args))
    from bandtimer.cli.stats import show_stats

    return show_stats(locations)


if __name__ == "__main__":
    sys.exit(main())
