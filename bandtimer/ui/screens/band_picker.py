"""Which band for this exercise: a short list of the person's bands, and "not chosen".

Opened with `c` on the workout. The list is the person's own (config.toml, lightest first), so
a band is picked in one or two key presses rather than cycled through blindly, and "not chosen"
takes a band back. Band names come from a settings file: shown as text, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from bandtimer.domain.bands import BandColour
from bandtimer.domain.text import visible_controls

NOT_CHOSEN = "not chosen"


@dataclass(frozen=True)
class BandPick:
    """What the person picked: a band's name, or None for "not chosen"."""

    band: str | None


def band_option_text(band: BandColour) -> Text:
    strength = f" ({band.strength})" if band.strength else ""
    return Text(visible_controls(f"{band.name}{strength}"))


class BandPickerScreen(ModalScreen[BandPick | None]):
    """Up and down (or c again) to move, Enter to pick, Esc to leave the band as it was."""

    DEFAULT_CSS = """
    BandPickerScreen { align: center middle; }
    BandPickerScreen > Vertical {
        width: auto; min-width: 30; max-width: 60; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    BandPickerScreen #band-question { text-style: bold; width: auto; }
    BandPickerScreen #band-hint { color: $text-muted; width: auto; }
    BandPickerScreen OptionList { height: auto; max-height: 12; width: auto; min-width: 26; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Keep as it was", id="band-cancel"),
        Binding("c", "move_down", "Next", id="band-next", show=False),
    ]

    def __init__(
        self, exercise_name: str, bands: Sequence[BandColour], current: str | None
    ) -> None:
        super().__init__()
        self._exercise_name = exercise_name
        self._bands = tuple(bands)
        self._current = current

    def compose(self) -> ComposeResult:
        options = [
            Option(band_option_text(band), id=f"band-{n}") for n, band in enumerate(self._bands)
        ]
        options.append(Option(Text(NOT_CHOSEN, style="italic"), id="not-chosen"))
        with Vertical():
            yield Static(
                Text(f"Band for {visible_controls(self._exercise_name)}"), id="band-question"
            )
            yield OptionList(*options, id="band-list")
            yield Static("↑↓ move · Enter picks · Esc keeps", id="band-hint")

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        names = [band.name for band in self._bands]
        listing.highlighted = (
            names.index(self._current) if self._current in names else len(self._bands)
        )
        listing.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        self.dismiss(BandPick(self._bands[index].name if index < len(self._bands) else None))

    def action_move_down(self) -> None:
        listing = self.query_one(OptionList)
        count = listing.option_count
        listing.highlighted = ((listing.highlighted or 0) + 1) % count

    def action_cancel(self) -> None:
        self.dismiss(None)
