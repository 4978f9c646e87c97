"""The `bandtimer` command: parses arguments, builds the dependencies, hands over.

Commands that only print (`list`, `show`, `check`, `history`, `stats`, `--help`) never import
Textual, so they start fast enough to sit in a pre-commit hook; the app is imported only when a
screen is wanted.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from bandtimer import __version__
from bandtimer.storage.locations import Locations

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bandtimer",
        description="A workout timer for resistance-band strength training for runners. "
        "With no command, opens the menu of routines.",
        epilog="BANDTIMER_HOME=DIR keeps config, routines and history under DIR.",
    )
    parser.add_argument("--version", action="version", version=f"bandtimer {__version__}")
    parser.add_argument("--mute", action="store_true", help="start with sound cues off")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser("run", help="start a routine straight away")
    run.add_argument("routine", metavar="ROUTINE", help="a routine's name or a file path")
    run.add_argument("--mute", action="store_true", help="start with sound cues off")

    commands.add_parser("list", help="list the routines bandtimer finds, with any errors")

    show = commands.add_parser("show", help="print a routine's dosing and its timeline")
    show.add_argument("routine", metavar="ROUTINE", help="a routine's name or a file path")

    check = commands.add_parser(
        "check", help="validate routine files; exit 1 with every problem found"
    )
    check.add_argument("files", metavar="FILE", nargs="+", help="routine TOML files")

    history = commands.add_parser(
        "history",
        help="list past workouts, or export every set as CSV or JSON",
        description="The newest workouts as a table; --format csv prints one row per set "
        "(date, workout, exercise, side, set, reps, seconds, band, feel, workout_id, status, "
        "device) and --format json every record in full. Files that cannot be read are "
        "reported and left as they are.",
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

    commands.add_parser(
        "stats", help="weekly streak, this week against the target, totals, routines"
    )
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more, got {text!r}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    locations = Locations.from_environment()
    if args.command == "check":
        from bandtimer.cli.check import check_files

        return check_files(args.files)
    if args.command == "list":
        from bandtimer.cli.listing import list_routines

        return list_routines(locations)
    if args.command == "show":
        from bandtimer.cli.show import show_routine

        return show_routine(locations, args.routine)
    if args.command == "history":
        from bandtimer.cli.history import show_history

        return show_history(
            locations, output_format=args.output_format, limit=args.limit, every=args.every
        )
    if args.command == "stats":
        from bandtimer.cli.stats import show_stats

        return show_stats(locations)
    from bandtimer.cli.launch import launch

    return launch(locations, routine=getattr(args, "routine", None), mute=args.mute)


if __name__ == "__main__":
    sys.exit(main())
