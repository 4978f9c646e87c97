"""The screen `bandtimer` opens on: pick a routine, read what it asks for, start it.

The menu only chooses. Starting is a message (`StartRoutine`) that the app turns into a workout,
so the menu never builds a session and the command palette can start a routine the same way.
Routine files are read through `Services.routines()` on mount, on `r`, and whenever the menu
comes back into view, so a person who edits a file in another window sees the change without
restarting. A broken file is listed and explained, never hidden and never fatal.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static

from bandtimer.coach import plural, shown_path
from bandtimer.domain.routine_search import query_words
from bandtimer.domain.text import visible_controls
from bandtimer.storage.routines import RoutineEntry
from bandtimer.ui.messages import HistoryRead, OpenHistory, SoundProblem, StartRoutine, TodayRead
from bandtimer.ui.services import Services
from bandtimer.ui.widgets.routine_list import LastDone, RoutineList, entry_match
from bandtimer.ui.widgets.routine_preview import RoutinePreview

if TYPE_CHECKING:
    from bandtimer.coach.doses import DoseBook, DosePreview
    from bandtimer.coach.plans import Today

FIRST_ROUTINE = "Quick try"
"""Where a first start opens: the README says to begin with it (it shows every screen)."""

NARROW_BELOW_COLUMNS = 56
"""Under this width the preview folds away and the list takes the whole screen."""

SHORT_BELOW_LINES = 16
"""Under this height the filter box loses its border: two more lines of routines."""


class RoutineFilter(Input):
    """The filter box. Enter starts the highlighted match, as on the list, so typing part of a
    name and pressing Enter is enough; Down hands over to the list to pick another."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Start", id="filter-start"),
        Binding("down", "screen.focus_list", "To the list", show=False),
    ]

    async def action_submit(self) -> None:
        """Start through `Submitted`, which the box posts after the keys typed before Enter:
        a binding calling the screen directly could start the routine highlighted before the
        last letters of a fast-typed filter were in."""
        self.post_message(self.Submitted(self, self.value))


class MenuScreen(Screen[None]):
    """The filter and the list on the left, the highlighted routine in full on the right."""

    DEFAULT_CSS = """
    MenuScreen #menu-body { height: 1fr; }
    MenuScreen #menu-left { width: 1fr; min-width: 26; max-width: 64; }
    MenuScreen RoutinePreview { width: 1fr; border-left: tall $panel; }
    MenuScreen #today {
        height: auto; padding: 0 1; margin-bottom: 1; border-left: thick $success;
        display: none;
    }
    MenuScreen #today.-shown { display: block; }
    MenuScreen.-short #today { margin-bottom: 0; }
    MenuScreen #menu-status {
        height: auto; max-height: 2; padding: 0 1; color: $text-warning; display: none;
        text-overflow: ellipsis;
    }
    MenuScreen #menu-status.-shown { display: block; }
    MenuScreen.-narrow #menu-status { max-height: 1; text-wrap: nowrap; }
    MenuScreen.-narrow #menu-left { max-width: 100%; }
    MenuScreen.-short RoutineFilter { border: none; height: 1; padding: 0 2; }
    /* Beside the preview a row is cut short (the preview says it all); alone, it wraps. */
    MenuScreen.-narrow RoutineList { text-wrap: wrap; }
    MenuScreen.-narrow RoutinePreview { display: none; }
    """
    AUTO_FOCUS = "#routine-list"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "start", "Start", id="start", tooltip="start the highlighted routine"),
        # A priority binding is handled before the next key is routed anywhere: `/quick` sent
        # in one burst (a fast typist, a paste, tmux) then filters instead of reaching the list.
        Binding(
            "slash", "focus_filter", "Filter", id="filter", tooltip="type to filter", priority=True
        ),
        Binding("escape", "clear_filter", "Clear filter", id="clear-filter", show=False),
        Binding("t", "today", "Today", id="today", tooltip="start what to do today"),
        Binding("h", "history", "History", id="history", tooltip="past workouts and streaks"),
        Binding(
            "k", "keep_doses", "Keep doses", id="keep-doses",
            tooltip="do last time's doses again instead of this time's steps",
        ),
        Binding("r", "reload", "Reload", id="reload", tooltip="read the routine files again"),
        Binding("q", "quit", "Quit", id="quit", tooltip="leave bandtimer"),
    ]

    def __init__(
        self,
        services: Services,
        last_done: LastDone | None = None,
        doses: DoseBook | None = None,
    ) -> None:
        super().__init__()
        self.services = services
        self._last_done = last_done
        self._doses = doses
        self._entries: list[RoutineEntry] = []
        self._was_suspended = False
        self._history_read = False
        self._today: Today | None = None
        self._opened_on: Path | None = None
        """The routine highlighted when the menu first opened, until the person moves."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="menu-body"):
            with Vertical(id="menu-left"):
                yield Static("", id="today", markup=False)
                yield RoutineFilter(placeholder="filter routines… (/)", id="routine-filter")
                yield RoutineList(last_done=self._last_done, id="routine-list")
            yield RoutinePreview(last_done=self._last_done, id="routine-preview")
        yield Static("", id="menu-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        # Watched rather than told by `Input.Changed`: the message reaches the screen only
        # after Textual has drawn the new text alone, and the list would follow a frame or two
        # later; watching refilters as the key is handled, so both are drawn in one frame.
        self.watch(self.query_one(RoutineFilter), "value", self._refilter, init=False)

    def on_screen_suspend(self) -> None:
        self._was_suspended = True

    def on_screen_resume(self) -> None:
        """Back from a workout (or an editor in another window): the files may have changed.
        The list takes focus, wherever it was: `q` then quits and `/` filters, instead of
        being typed into a filter left focused when the workout started."""
        if self._was_suspended:
            self._was_suspended = False
            self.reload()
            self.action_focus_list()

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW_BELOW_COLUMNS, "-narrow")
        self.set_class(event.size.height < SHORT_BELOW_LINES, "-short")

    # -- what is shown ------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the routine files again, keeping the filter and the highlighted routine."""
        first = not self._entries
        self._entries = self.services.routines()
        self.query_one(RoutineList).load(self._entries)
        self._show_matches(self._opening_entry() if first else None)
        if first:
            highlighted = self.query_one(RoutineList).highlighted_entry
            self._opened_on = highlighted.path if highlighted is not None else None
        self._preview()  # in the same frame as the list: the menu appears whole

    def on_today_read(self, message: TodayRead) -> None:
        """What to do today is known (after the first frame): it is shown above the filter,
        and, if the person has not moved yet, the list opens on it. Its doses (a plan's week's)
        are the dose book's, as every routine's are: the preview asks again."""
        self._today = message.today
        self.refresh_bindings()
        box = self.query_one("#today", Static)
        if message.today is not None:
            box.update(f"{message.today.headline}\n{message.today.detail}  (t)")
        elif message.problem:
            box.update(message.problem)
        box.set_class(message.today is not None or bool(message.problem), "-shown")
        routines = self.query_one(RoutineList)
        highlighted = routines.highlighted_entry
        untouched = highlighted is None or highlighted.path == self._opened_on
        today_entry = self._today_entry()
        if untouched and today_entry is not None:
            self._show_matches(today_entry)
            self._opened_on = today_entry.path
            self._preview()
        shown = self.query_one(RoutinePreview).entry
        if shown is not None and self._history_read:
            self._fetch_advice_for(shown)  # its doses may be the plan's week's now

    def _today_entry(self) -> RoutineEntry | None:
        if self._today is None:
            return None
        wanted = self._today.routine.name.casefold()
        return next((e for e in self._entries if e.ok and e.name.casefold() == wanted), None)

    def _opening_entry(self) -> RoutineEntry | None:
        """The routine highlighted when the menu first opens: Quick try for someone new (no
        workout recorded, no routine of their own yet); otherwise the top of the list, as
        ever. (A "what to do today" choice belongs here.)"""
        if any(entry.origin == "user" for entry in self._entries):
            return None
        if not self.services.first_start():
            return None
        wanted = FIRST_ROUTINE.casefold()
        return next((e for e in self._entries if e.ok and e.name.casefold() == wanted), None)

    def on_sound_problem(self, message: SoundProblem) -> None:
        self.show_status(message.problem)

    def show_status(self, message: str) -> None:
        """A line above the footer for what the person should know but need not act on now
        (no sound device); it takes room only while it says something."""
        status = self.query_one("#menu-status", Static)
        status.update(message)
        status.set_class(bool(message), "-shown")

    @property
    def status(self) -> str:
        return str(self.query_one("#menu-status", Static).content)

    def on_history_read(self, message: HistoryRead) -> None:
        """The app has opened the history, once the menu was first drawn: with `dates`, the rows
        and the preview now say when each routine was last done; and the preview asks for its
        advice, which until now would have competed with drawing the menu."""
        self._history_read = True
        preview = self.query_one(RoutinePreview)
        if message.dates:
            self.query_one(RoutineList).last_done_changed()
            preview.last_done_changed()
        if preview.entry is not None:
            self._fetch_advice_for(preview.entry)

    def _refilter(self) -> None:
        """A key typed in the filter: the list, where the person is looking as they type, is
        drawn first; the preview (a whole routine to lay out again) follows a frame later."""
        self._show_matches()
        self.call_after_refresh(self._preview)

    def _show_matches(self, highlight: RoutineEntry | None = None) -> None:
        """The entries the filter keeps, the highlight staying where it is (or on `highlight`)."""
        routines = self.query_one(RoutineList)
        current = highlight or routines.highlighted_entry
        words = query_words(self.query_one(RoutineFilter).value)
        shown: list[RoutineEntry] = []
        why: dict[Path, str] = {}
        for entry in self._entries:
            match = entry_match(entry, words)
            if match is not None:
                shown.append(entry)
                if match.why:
                    why[entry.path] = match.why
        routines.show(shown, keep=current.path if current is not None else None, why=why)

    def _preview(self) -> None:
        preview = self.query_one(RoutinePreview)
        routines = self.query_one(RoutineList)
        entry = routines.highlighted_entry
        why = routines.why(entry) if entry is not None else ""
        if entry is not None and entry is preview.entry and why == preview.why:
            # Still the same routine (a key that kept it highlighted): drawing it again, and
            # asking the history for its advice again, would only cost time.
            preview.scroll_home(animate=False)
        elif entry is not None:
            preview.show_entry(entry, why=why)
            if self._history_read:
                self._fetch_advice_for(entry)
        elif self._entries:
            query = self.query_one(RoutineFilter).value
            preview.show_message(f"No routine matches “{query}”.\nEsc clears the filter.")
        else:
            folder = self.services.locations.user_routines_dir
            preview.show_message(f"No routines found.\nPut routine .toml files in {folder}")

    def _fetch_advice_for(self, entry: RoutineEntry) -> None:
        if entry.routine is not None and self._doses is not None:
            self._fetch_advice(entry)

    @work(thread=True, exclusive=True, group="advice")
    def _fetch_advice(self, entry: RoutineEntry) -> None:
        """The doses read the history; they fill in after the preview so the menu never waits."""
        assert self._doses is not None and entry.routine is not None
        doses = self._doses.preview(entry.routine)
        if doses.lines:
            self.app.call_from_thread(self._show_advice, entry, doses)

    def _show_advice(self, entry: RoutineEntry, doses: DosePreview) -> None:
        routines = self.query_one(RoutineList)
        if routines.highlighted_entry == entry:
            self.query_one(RoutinePreview).show_entry(entry, doses, routines.why(entry))
            self.refresh_bindings()

    @on(RoutineList.OptionHighlighted, "#routine-list")
    def _highlighted(self) -> None:
        self._preview()

    @on(OptionList.OptionSelected, "#routine-list")
    def _clicked(self) -> None:
        """A click on a row starts it, as Enter does (the list's own Enter is the screen's)."""
        self.action_start()

    # -- keys ---------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide "/ Filter" while the filter has focus: there `/` is text. (Textual drops the
        other letters from the footer by itself, but does not know `slash` is a character.)
        `t` is there only while there is something to do today."""
        if action == "keep_doses":
            doses = self.query_one(RoutinePreview).doses
            return doses is not None and doses.can_take_back
        if action == "today":
            return self._today is not None  # no Today, no key for it in the footer
        return not (action == "focus_filter" and isinstance(self.focused, RoutineFilter))

    def action_keep_doses(self) -> None:
        """Take back this time's steps for the routine shown (or take them after all): the
        preview says which, and Enter starts it that way."""
        entry = self.query_one(RoutinePreview).entry
        if entry is None or entry.routine is None or self._doses is None:
            return
        kept = self._doses.toggle_take_back(entry.routine)
        self.notify("Last time's doses, by choice" if kept else "This time's steps", timeout=2)
        self._fetch_advice(entry)

    def action_start(self) -> None:
        entry = self.query_one(RoutineList).highlighted_entry
        if entry is None:
            hint = "clear the filter with Esc" if self._entries else "there are none yet"
            self.notify(f"No routine to start: {hint}", timeout=3)
        elif entry.routine is None:
            self.notify(_refusal(entry), title="Cannot start", severity="error", markup=False)
        else:
            self.post_message(StartRoutine(entry.routine))

    @on(Input.Submitted, "#routine-filter")
    def _filter_submitted(self) -> None:
        self.action_start()

    def action_focus_filter(self) -> None:
        """Focus now, not after the queued keys: `/q` typed fast must filter, not quit. (In the
        filter `check_action` turns the binding off, so there `/` is typed as text.)"""
        self.set_focus(self.query_one(RoutineFilter))

    def action_focus_list(self) -> None:
        self.query_one(RoutineList).focus()

    def action_clear_filter(self) -> None:
        self.query_one(RoutineFilter).value = ""  # the watch on it refilters
        self.action_focus_list()

    def action_reload(self) -> None:
        self.reload()
        self.notify(f"Read {plural(len(self._entries), 'routine file')}", timeout=2)

    def action_today(self) -> None:
        """Start what to do today (the key is only offered while there is something)."""
        if self._today is not None:
            self.post_message(StartRoutine(self._today.routine))

    def action_history(self) -> None:
        self.post_message(OpenHistory())

    def action_quit(self) -> None:
        """Nothing on the menu can be lost, so quitting asks no question."""
        self.app.exit()


def _refusal(entry: RoutineEntry) -> str:
    """`Fix mine.toml first:` and the first problem as `bandtimer check` says it, with the
    file's short name; the preview lists the rest."""
    name = visible_controls(entry.path.name) or shown_path(entry.path)
    if not entry.problems:
        return f"Fix {name} first: it cannot be read"
    first = str(replace(entry.problems[0], path=Path(name)))
    more = len(entry.problems) - 1
    rest = f" (and {more} more in the preview)" if more > 0 else ""
    return f"Fix {name} first:\n{first}{rest}"
