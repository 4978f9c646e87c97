"""Every key of the screen underneath, read from its bindings so the list cannot go stale."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

KEY_NAMES = {
    "space": "space",
    "enter": "enter",
    "plus": "+",
    "equals_sign": "=",
    "minus": "-",
    "question_mark": "?",
    "slash": "/",
    "escape": "esc",
    "ctrl+p": "ctrl+p",
    "ctrl+q": "ctrl+q",
}


def key_label(keys: str) -> str:
    return " / ".join(KEY_NAMES.get(key, key) for key in keys.split(","))


class HelpScreen(ModalScreen[None]):
    """The keys in a box of fixed width: a scrolling box of `width: auto` measures a Rich table
    at zero columns (Textual 8), which left the help an empty frame."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 80; max-width: 90%; height: auto; max-height: 90%;
        border: thick $accent; background: $surface; padding: 0 2;
    }
    HelpScreen Static { width: 100%; }
    """
    BINDINGS = [Binding("escape,question_mark,q", "close", "Close", id="help-close")]

    def __init__(self, underneath: Screen[object]) -> None:
        super().__init__()
        self._underneath = underneath

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self._table())

    def rows(self) -> list[tuple[str, str]]:
        """(keys, what they do) for the screen underneath, then the app-wide keys.

        A key is listed once, by its first binding: space pauses and resumes through two
        bindings (so the footer can say which), and the first one's tooltip covers both. A key
        the screen binds hides the app's binding of it, as it does when pressed.
        """
        rows: list[tuple[str, str]] = []
        actions: set[str] = set()
        keys: set[str] = set()
        for binding in [*self._underneath.BINDINGS, *self.app.BINDINGS]:
            if not isinstance(binding, Binding):
                continue
            if binding.action in actions or binding.key in keys:
                continue
            actions.add(binding.action)
            keys.add(binding.key)
            rows.append((key_label(binding.key), binding.tooltip or binding.description))
        rows.append(("ctrl+p", "command palette: start any routine, change the theme"))
        rows.append(("esc / ?", "close this help"))
        return rows

    def _table(self) -> Table:
        table = Table(title="Keys", title_justify="left", show_edge=False, box=None)
        table.add_column("key", style="bold")
        table.add_column("what it does")
        for keys, meaning in self.rows():
            table.add_row(keys, Text(meaning))
        return table

    def action_close(self) -> None:
        self.dismiss(None)
