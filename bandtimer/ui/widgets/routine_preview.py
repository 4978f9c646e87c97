"""The menu's right-hand pane: everything about the highlighted routine before starting it.

A runner picks a routine by what it asks for (the exercises, their dosing, which band and how
long it takes), so the preview shows all of it, and for a broken file it shows every problem in
full so the file can be fixed from this screen. Everything a routine file says is appended to a
`Content` as plain text: a name such as `[bold]` or `[link=x]` shows exactly as written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from bandtimer.coach import describe_dose, plural, shown_path
from bandtimer.domain.routine import Exercise, Routine
from bandtimer.storage.routines import RoutineEntry
from bandtimer.ui.widgets.hanging_indent import HANG, HangingIndent
from bandtimer.ui.widgets.routine_list import WHY, LastDone, day_label, routine_size

if TYPE_CHECKING:
    from bandtimer.coach.doses import DosePreview

HEADING = "bold $accent"
LABEL = "$text-muted"
WARNING = "bold $warning"


class RoutinePreview(VerticalScroll):
    """Shows one routine entry, or a message when there is nothing to show.

    It takes focus (Tab) so a long routine can be scrolled from the keyboard; Enter still
    starts the routine it shows, because Enter is the screen's."""

    DEFAULT_CSS = """
    RoutinePreview { padding: 0 1; }
    RoutinePreview > #preview-text { width: 1fr; }
    """

    def __init__(self, *, last_done: LastDone | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self._last_done = last_done
        self._shown: tuple[RoutineEntry, DosePreview | None, str] | None = None
        """The entry shown, its doses this time and why it matched, to say it all again once
        the dates have been read."""

    def compose(self) -> ComposeResult:
        yield Static("", id="preview-text", markup=False)

    @property
    def text(self) -> str:
        """What the pane says, as plain text."""
        return str(self.query_one("#preview-text", Static).content)

    @property
    def entry(self) -> RoutineEntry | None:
        """The entry shown, if the pane shows one rather than a message."""
        return self._shown[0] if self._shown is not None else None

    @property
    def doses(self) -> DosePreview | None:
        """This time's doses of the entry shown, once the history has given them."""
        return self._shown[1] if self._shown is not None else None

    @property
    def why(self) -> str:
        """What the filter matched in the entry shown, if the pane says so."""
        return self._shown[2] if self._shown is not None else ""

    def show_entry(
        self, entry: RoutineEntry, doses: DosePreview | None = None, why: str = ""
    ) -> None:
        """Show `entry`; `doses` (this time's, and what moved) arrive later, from the history;
        `why` is what the filter found in it, when that was not its name."""
        self._show(self._describe(entry, doses, why))
        self._shown = (entry, doses, why)

    def show_message(self, message: str) -> None:
        self._show(Content(message))
        self._shown = None

    def last_done_changed(self) -> None:
        """Say when the routine shown was last done, now that the app has read it; the doses
        and the scroll position stay as they are."""
        if self._shown is not None:
            self.query_one("#preview-text", Static).update(self._describe(*self._shown))

    def _describe(
        self, entry: RoutineEntry, doses: DosePreview | None, why: str
    ) -> HangingIndent:
        if entry.routine is None:
            return HangingIndent(problems(entry))
        if doses is None:
            return details(entry, entry.routine, self._last_done, [], why)
        keep = "k keeps last time's doses" if doses.can_take_back else ""
        return details(entry, doses.routine, self._last_done, doses.lines, why, keep)

    def _show(self, content: Content | HangingIndent) -> None:
        self.query_one("#preview-text", Static).update(content)
        self.scroll_home(animate=False)


def problems(entry: RoutineEntry) -> Content:
    """A broken file: its name, where it is, and every problem, one to a paragraph."""
    parts: list[Content | str | tuple[str, str]] = [
        ("⚠ ", WARNING),
        (entry.name, "bold"),
        (" — invalid", WARNING),
        "\n",
        (shown_path(entry.path), LABEL),
        "\n\n",
        (f"{plural(len(entry.problems), 'problem')} to fix before it can run:", "bold"),
    ]
    for problem in entry.problems:
        parts += ["\n\n• ", str(problem)]
    return Content.assemble(*parts)


def details(
    entry: RoutineEntry,
    routine: Routine,
    last_done: LastDone | None,
    advice: list[str],
    why: str = "",
    keep: str = "",
) -> HangingIndent:
    """A usable routine: what it is, what it needs, and each exercise with its dosing.

    `routine` is at the person's doses this time, and `advice` says what moved since last time
    (`keep`: how to take it back). Wrapped lines hang under their own start, except the
    description's, which is prose."""
    summary = f"{routine_size(routine)} planned"
    if entry.routine is not None and routine_size(entry.routine) != routine_size(routine):
        summary += " at your doses"  # the list says what the file plans
    day = last_done(routine.name) if last_done is not None else None
    if day is not None:
        summary += f" · last done {day_label(day)}"
    parts: list[Content | str | tuple[str, str]] = [(routine.name, HEADING), "\n", summary]
    if why:
        parts += ["\n", (why, WHY)]
    head = Content.assemble(*parts)
    prose = [(Content.assemble("\n", routine.description), 0)] if routine.description else []
    fields = [
        ("Equipment", ", ".join(routine.equipment)),
        ("Tags", ", ".join(routine.tags)),
        ("Source", routine.source),
        ("Notes", routine.notes),
        ("File", file_line(entry)),
    ]
    parts = []
    for label, value in fields:
        if value:
            parts += ["\n", (f"{label}: ", LABEL), value]
    if advice:
        parts += ["\n\n", ("This time", "bold")]
        for line in advice:
            parts += ["\n   ", line]
        if keep:
            parts += ["\n   ", (keep, LABEL)]
    parts += ["\n\n", ("Exercises", "bold")]
    blocks = {block.first: block for block in routine.blocks}
    for number, exercise in enumerate(routine.exercises, start=1):
        block = blocks.get(number - 1)
        if block is not None:
            parts += ["\n", (block.describe(routine.timing), "bold")]
        parts += ["\n", *_exercise(number, exercise)]
    return HangingIndent(head, HANG, *prose, (Content.assemble(*parts), HANG))


def file_line(entry: RoutineEntry) -> str:
    """`quick-try.toml (shipped)`, or where the person's own file is, so they can edit it.

    A shipped routine lives inside the installation, wherever that happens to be; its name is
    all that helps, and the full path would differ from one machine (and snapshot) to the next.
    """
    if entry.origin == "user":
        return f"{shown_path(entry.path)} (yours)"
    return f"{entry.path.name} (shipped)"


def _exercise(number: int, exercise: Exercise) -> list[Content | str | tuple[str, str]]:
    parts: list[Content | str | tuple[str, str]] = [
        (f"{number}. ", "bold"),
        (exercise.name, "bold"),
        "\n   ",
        describe_dose(exercise),
    ]
    equipment = [
        ("band", f"{exercise.band.value} band" if exercise.band is not None else ""),
        ("placement", exercise.placement),
        ("anchor", exercise.anchor),
        ("notes", exercise.notes),
    ]
    for label, value in equipment:
        if value:
            parts += ["\n   ", (f"{label}: ", LABEL), value]
    return parts
