"""Plan files on disk: reading one, finding all of them, and the one a person names.

Read exactly as routine files are (bounded, UTF-8, TOML, every problem at once with file, line
and field), and found the same way: the shipped `plans/` and `<config dir>/plans/`, where one
of the person's own with a shipped plan's name replaces it. Loading never lets an exception
other than `PlanError` out.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bandtimer.domain.routine import Routine
from bandtimer.domain.text import visible_controls
from bandtimer.domain.weekly_plan import TrainingPlan
from bandtimer.storage.bounded_file import UnreadableFile, read_bounded
from bandtimer.storage.plans.validation import PlanError, build_training_plan
from bandtimer.storage.routines.loading import Origin, RoutineEntry
from bandtimer.storage.routines.loading import _parse as parse_toml
from bandtimer.storage.routines.problems import Problem, RoutineError

MAX_PLAN_BYTES = 256 * 1024
"""A plan is a page or two of text; anything far bigger is not one, and is not read."""
PLAN_KEYS = frozenset({"week", "sessions_per_week"})
"""Top-level keys only a plan file has: how `bandtimer check` tells a plan from a routine."""


def routines_by_name(entries: Iterable[RoutineEntry]) -> dict[str, Routine]:
    """The usable routines, keyed by case-folded name: what a plan is checked against."""
    return {e.routine.name.casefold(): e.routine for e in entries if e.routine is not None}


def load_plan(path: Path, routines: Mapping[str, Routine] | None = None) -> TrainingPlan:
    """The plan in the file at `path`; raises PlanError for anything wrong with it, including
    (with `routines`, keyed by case-folded name) a routine or exercise that does not exist."""
    return parse_plan(read_plan_text(path), path, routines)


def parse_plan(
    text: str, path: Path, routines: Mapping[str, Routine] | None = None
) -> TrainingPlan:
    try:
        document, lines = parse_toml(text, path)
    except RoutineError as error:
        raise PlanError(error.problems) from None
    return build_training_plan(document, path, lines, routines)


def read_plan_text(path: Path) -> str:
    try:
        data = read_bounded(path, MAX_PLAN_BYTES, kind="plan file")
    except UnreadableFile as error:
        raise _file_error(path, error.reason) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise _file_error(
            path,
            f"is not UTF-8 text: byte 0x{data[error.start]:02x} at byte offset {error.start} "
            "cannot be decoded; save the file as UTF-8",
            line,
        ) from None


def looks_like_plan(path: Path) -> bool:
    """Whether `bandtimer check` should read `path` as a plan: it sits in a `plans` folder, or
    it is TOML with a plan's own keys. Anything unreadable is left to the routine reader."""
    if path.parent.name == "plans":
        return True
    with contextlib.suppress(PlanError, RoutineError):
        document, _ = parse_toml(read_plan_text(path), path)
        return bool(PLAN_KEYS & document.keys())
    return False


def _file_error(path: Path, message: str, line: int | None = None) -> PlanError:
    return PlanError([Problem(path, line, None, None, None, message)])


@dataclass(frozen=True)
class PlanEntry:
    """A plan file found on disk, usable or not; a broken one carries its problems."""

    path: Path
    plan: TrainingPlan | None
    problems: tuple[Problem, ...]
    origin: Origin

    @property
    def name(self) -> str:
        if self.plan is not None:
            return self.plan.name
        return visible_controls(self.path.stem)


def discover_plans(
    shipped_dir: Path, user_dir: Path, routines: Mapping[str, Routine] | None = None
) -> list[PlanEntry]:
    """Every plan file in both folders, sorted by name, broken ones included; the person's own
    replaces a shipped one of the same name. Neither folder has to exist."""
    shipped = _entries_in(shipped_dir, "shipped", routines)
    users = _entries_in(user_dir, "user", routines)
    replaced = {entry.name.casefold() for entry in users if entry.plan is not None}
    kept = [e for e in shipped if not (e.plan is not None and e.name.casefold() in replaced)]
    return sorted([*kept, *users], key=lambda entry: (entry.name.casefold(), entry.origin))


def _entries_in(
    folder: Path, origin: Origin, routines: Mapping[str, Routine] | None
) -> list[PlanEntry]:
    try:
        paths = sorted(p for p in folder.iterdir() if p.suffix == ".toml" and p.name[:1] != ".")
    except FileNotFoundError:
        return []
    except OSError as error:
        reason = (error.strerror or type(error).__name__).lower()
        problem = Problem(folder, None, None, None, None, f"cannot list the folder: {reason}")
        return [PlanEntry(folder, None, (problem,), origin)]
    entries = []
    for path in paths:
        try:
            entries.append(PlanEntry(path, load_plan(path, routines), (), origin))
        except PlanError as error:
            entries.append(PlanEntry(path, None, error.problems, origin))
    return entries


class PlanNotFound(Exception):
    """The name matched no plan, several, or a plan that does not validate."""


def find_plan(entries: Sequence[PlanEntry], typed: str) -> TrainingPlan:
    """The one usable plan `typed` means: its name or file stem, or the start or a whole word
    of its name, ignoring case (as routines are found); raises PlanNotFound."""
    wanted = " ".join(typed.casefold().split())
    for matches in (
        lambda e: e.name.casefold() == wanted or e.path.stem.casefold() == wanted,
        lambda e: bool(wanted)
        and (e.name.casefold().startswith(wanted) or f" {wanted} " in f" {e.name.casefold()} "),
    ):
        found = [entry for entry in entries if matches(entry)]
        if len(found) == 1:
            return _usable(found[0])
        if len(found) > 1:
            names = ", ".join(repr(entry.name) for entry in found)
            raise PlanNotFound(f"{visible_controls(typed)!r} could be any of: {names}")
    known = ", ".join(repr(entry.name) for entry in entries) or "none"
    raise PlanNotFound(f"No plan called {visible_controls(typed)!r}. Known plans: {known}")


def _usable(entry: PlanEntry) -> TrainingPlan:
    if entry.plan is None:
        problems = "\n".join(str(problem) for problem in entry.problems)
        path = visible_controls(str(entry.path))
        raise PlanNotFound(f"{path} can't be used until it is fixed:\n{problems}")
    return entry.plan
