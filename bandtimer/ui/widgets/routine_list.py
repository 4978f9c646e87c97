"""The menu's list of routines: one two-line row per routine file, broken files included.

A routine that fails validation stays in the list, marked, so the person sees that their file was
found and why it cannot run, instead of wondering where it went. The list owns no choice of what
to start: Enter is the menu screen's binding, so the footer shows it as "Start" and the screen
decides what a broken entry means. Names, tags and file names are data and only ever reach the
terminal as `Content` text, never as markup.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from bandtimer.coach import clock_time, plural
from bandtimer.domain.plan import planned_seconds
from bandtimer.domain.routine import Routine
from bandtimer.domain.routine_search import SearchMatch, query_words
from bandtimer.domain.text import visible_controls
from bandtimer.storage.routines import RoutineEntry
from bandtimer.ui.widgets.hanging_indent import HANG, HangingIndent

LastDone = Callable[[str], date | None]
"""Given a routine's name, the day it was last done, or None if never (from the history)."""

WARNING = "$warning"
MUTED = "$text-muted"
WHY = "italic $text-accent"


def entry_matches(entry: RoutineEntry, query: str) -> bool:
    """Whether every word of `query` appears somewhere in the routine (`routine_search`)."""
    return entry.searchable.contains(query_words(query))


def entry_match(entry: RoutineEntry, words: Sequence[str]) -> SearchMatch | None:
    """How the routine matches the case-folded `words`, with the reason; None if it does not."""
    return entry.searchable.match(words)


def day_label(day: date) -> str:
    """`3 Mar 2025`: unambiguous whatever the reader's habit of ordering dates."""
    return f"{day.day} {day:%b %Y}"


def routine_size(routine: Routine) -> str:
    """`5 exercises · 14:30`: how much a routine asks, as the list, preview and palette say it."""
    planned = clock_time(planned_seconds(routine))
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


def explained(prompt: Content, why: str) -> HangingIndent:
    """A row's lines and a third saying `why` the filter kept it (when not for its name). Made
    from the row's own lines: typing over hundreds of routines needs one for every match on
    each key, so none is made from scratch."""
    return HangingIndent(prompt, HANG, (Content.styled(why, WHY), HANG))


def _same(these: Sequence[RoutineEntry], those: Sequence[RoutineEntry]) -> bool:
    """The very same entries in the same order (not merely equal ones: a reload reads anew)."""
    return len(these) == len(those) and all(map(operator.is_, these, those))


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
        self._why: dict[Path, str] = {}
        """Why the filter kept each entry shown, when not for its name."""
        self._rows: dict[Path, tuple[RoutineEntry, Option]] = {}
        """Each file's entry and row, made once per reading of the files."""
        self._explained: dict[tuple[Path, str], Option] = {}
        """Rows with a reason under them, made as the filter first needs each."""

    @property
    def entries(self) -> Sequence[RoutineEntry]:
        """The entries shown, in order."""
        return tuple(self._entries)

    @property
    def highlighted_entry(self) -> RoutineEntry | None:
        if self.highlighted is None or not 0 <= self.highlighted < len(self._entries):
            return None
        return self._entries[self.highlighted]

    def why(self, entry: RoutineEntry) -> str:
        """What the row of `entry` says made it match the filter, if anything."""
        return self._why.get(entry.path, "")

    def load(self, entries: Sequence[RoutineEntry]) -> None:
        """Make the row of every routine file just read; `show` then only picks among them.

        With hundreds of files, making rows is what takes the time, and typing in the filter
        shows a different few of the same rows on every key.
        """
        self._rows = {entry.path: (entry, self._option(entry)) for entry in entries}
        self._explained = {}

    def show(
        self,
        entries: Sequence[RoutineEntry],
        keep: Path | None = None,
        why: Mapping[Path, str] | None = None,
    ) -> None:
        """Replace the rows, keeping the highlight on the file at `keep` if it is still shown;
        `why` says, by file, what made a routine match when it was not its name."""
        entries = list(entries)
        why = dict(why or {})
        current = self.highlighted_entry
        if (
            _same(entries, self._entries)
            and why == self._why
            and current is not None
            and current.path == keep
        ):
            # A key that changed nothing shown (a space, or a letter all of them match):
            # only the scroll is put back as replacing the rows would.
            self.scroll_y = 0
            self.scroll_to_highlight()
            return
        self._entries = entries
        self._why = why
        self.set_options(self._row(entry) for entry in self._entries)
        if not self._entries:
            return
        paths = [entry.path for entry in self._entries]
        self.highlighted = paths.index(keep) if keep in paths else 0

    def last_done_changed(self) -> None:
        """The dates from the history arrived: rewrite, in place, the rows that gain one."""
        shown = {id(entry): index for index, entry in enumerate(self._entries)}
        for path, (entry, option) in self._rows.items():
            prompt = row(entry, self._last_done)
            if prompt.plain == str(option.prompt):
                continue
            index = shown.get(id(entry))
            why = self._why.get(path, "")
            if index is not None:
                # The row shown is `option`, or the one with its reason under it.
                now = explained(prompt, why) if why else HangingIndent(prompt)
                self.replace_option_prompt_at_index(index, now)
            if index is None or why:
                self._rows[path] = (entry, Option(HangingIndent(prompt)))
        # Rows with a reason not shown now are made again, with the date, if needed again.
        self._explained = {
            (path, why): option
            for (path, why), option in self._explained.items()
            if self._why.get(path) == why
        }

    def _row(self, entry: RoutineEntry) -> Option:
        why = self._why.get(entry.path, "")
        made = self._rows.get(entry.path)
        if made is None or made[0] is not entry:
            made = self._rows[entry.path] = (entry, self._option(entry))
        if not why:
            return made[1]
        option = self._explained.get((entry.path, why))
        if option is None:
            prompt = made[1].prompt
            assert isinstance(prompt, HangingIndent)
            option = self._explained[entry.path, why] = Option(explained(prompt.blocks[0][0], why))
        return option

    def _option(self, entry: RoutineEntry) -> Option:
        return Option(HangingIndent(row(entry, self._last_done)))
