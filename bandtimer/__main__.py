"""The `bandtimer` command: parses arguments, builds the dependencies, hands over.

Commands that only print (`list`, `show`, `check`, `--help`) never import Textual, so they start
fast enough to sit in a pre-commit hook; the app is imported only when a screen is wanted.
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
    return parser


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
    from bandtimer.cli.launch import launch

    return launch(locations, routine=getattr(args, "routine", None), mute=args.mute)


if __name__ == "__main__":
    sys.exit(main())
