"""The menu's list of routines: one two-line row per routine file, broken files included.

A routine that fails validation stays in the list, marked, so the person sees that their file was
found and why it cannot run, instead of wondering where it went. The list owns no choice of what
to start: Enter is the menu screen's binding, so the footer shows it as "Start" and the screen
decides what a broken entry means. Names, tags and file names are data and only ever reach the
terminal as `Content` text, never as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from bandtimer.domain.plan import build_plan
from bandtimer.domain.routine import Routine
from bandtimer.formatting import clock_time, plural, visible_controls
from bandtimer.storage.routines import RoutineEntry

LastDone = Callable[[str], date | None]
"""Given a routine's name, the day it was last done, or None if never (from the history)."""

WARNING = "$warning"
MUTED = "$text-muted"


def entry_matches(entry: RoutineEntry, query: str) -> bool:
    """Whether every word of `query` appears in the routine's name, tags or exercise names.

    Case is ignored, and a broken routine matches on its name and file name, so filtering never
    hides the file a person is trying to fix.
    """
    words = query.casefold().split()
    if not words:
        return True
    haystack = [entry.name, entry.path.name]
    if entry.routine is not None:
        haystack += [*entry.routine.tags, *(exercise.name for exercise in entry.routine.exercises)]
    folded = "\n".join(haystack).casefold()
    return all(word in folded for word in words)


def day_label(day: date) -> str:
    """`3 Mar 2025`: unambiguous whatever the reader's habit of ordering dates."""
    return f"{day.day} {day:%b %Y}"


def routine_size(routine: Routine) -> str:
    """`5 exercises · 14:30`: how much a routine asks, as the list, preview and palette say it."""
    planned = clock_time(build_plan(routine).total_seconds)
    return f"{plural(len(routine.exercises), 'exercise')} · {planned}"


def summary_line(entry: RoutineEntry, last_done: LastDone | None) -> str:
    """`5 exercises · 14:30 · last done 3 Mar 2025 · rest-day, strength`: a row's second line.

    Tags come last because they are the first thing cut off in a narrow list."""
    if entry.routine is None:
        return f"{visible_controls(entry.path.name)} · {plural(len(entry.problems), 'problem')}"
    routine = entry.routine
    parts = [routine_size(routine)]
    day = last_done(routine.name) if last_done is not None else None
    if day is not None:
        parts.append(f"last done {day_label(day)}")
    if routine.tags:
        parts.append(", ".join(routine.tags))
    return " · ".join(parts)


def row(entry: RoutineEntry, last_done: LastDone | None = None) -> Content:
    """The two lines of one routine in the list."""
    if entry.routine is None:
        first = Content.assemble(("⚠ ", WARNING), (entry.name, "bold"), (" — invalid", WARNING))
    elif entry.origin == "user":
        first = Content.assemble((entry.name, "bold"), (" · yours", "italic $accent"))
    else:
        first = Content.assemble((entry.name, "bold"))
    return Content.assemble(first, "\n", (summary_line(entry, last_done), MUTED))


class RoutineList(OptionList, inherit_bindings=False):
    """Routine entries as rows; the highlighted one is `highlighted_entry`."""

    DEFAULT_CSS = """
    RoutineList { height: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
    RoutineList > .option-list--option { padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        binding
        for binding in OptionList.BINDINGS
        if isinstance(binding, Binding) and binding.key != "enter"
    ]
    """OptionList's keys without its Enter, which the screen binds as "Start"."""

    def __init__(self, *, last_done: LastDone | None = None, id: str | None = None) -> None:
        super().__init__(markup=False, id=id)
        self._last_done = last_done
        self._entries: list[RoutineEntry] = []

    @property
    def entries(self) -> Sequence[RoutineEntry]:
        """The entries shown, in order."""
        return tuple(self._entries)

    @property
    def highlighted_entry(self) -> RoutineEntry | None:
        if self.highlighted is None or not 0 <= self.highlighted < len(self._entries):
            return None
        return self._entries[self.highlighted]

    def show(self, entries: Sequence[RoutineEntry], keep: Path | None = None) -> None:
        """Replace the rows, keeping the highlight on the file at `keep` if it is still shown."""
        self._entries = list(entries)
        self.set_options(
            Option(row(entry, self._last_done), id=str(index))
            for index, entry in enumerate(self._entries)
        )
        if not self._entries:
            return
        paths = [entry.path for entry in self._entries]
        self.highlighted = paths.index(keep) if keep in paths else 0
