"""The process's standard streams as a terminal or a pipe receives them.

Two things every command needs before it writes a character:

* **A terminal that cannot show a character still gets something readable.** In a Latin-1 or
  ASCII locale (`LC_ALL=en_US.ISO-8859-1`, `PYTHONIOENCODING=latin-1`) Python refuses to print
  "–" (UnicodeEncodeError), and stderr, where Textual draws, writes `\\u2588` for a block. With
  `ascii_fallback` on both streams each such character is written as the nearest ASCII instead:
  "–" as "-", "…" as "...", a block as "#", a box line as "-", "|" or "+", a control picture
  (`␛`) as caret notation (`^[`), an accented letter as its letter. Characters the encoding can
  carry are untouched, so a UTF-8 terminal sees exactly what it always did. The screens get the
  same, one character for one (`cells=True`): Textual places every character in a cell, and a
  line made longer would wrap at the screen's edge.
* **A reader that leaves is not an error.** `bandtimer check a b c | head -1` closes the pipe
  after one line; Unix tools then stop without a word, and so does `quiet_when_the_reader_leaves`
  (exit status 0, as the command had nothing left to say to anyone).
"""

from __future__ import annotations

import codecs
import os
import sys
import unicodedata
from collections.abc import Callable
from typing import TextIO

ASCII_FALLBACK = "bandtimer-ascii"
"""The codec error handler's name, as `str.encode(errors=...)` and `reconfigure` take it."""
ASCII_CELL_FALLBACK = "bandtimer-ascii-cell"
"""The same, with one character for each one replaced: for a screen laid out in cells."""

_NEAREST = {
    "–": "-", "—": "-", "‒": "-", "−": "-", "‐": "-", "‑": "-",
    "‘": "'", "’": "'", "‚": ",", "“": '"', "”": '"', "„": '"', "′": "'", "″": '"',
    "…": "...", "·": ".", "•": "*", "‣": ">", "×": "x", "÷": "/", "±": "+/-",
    "→": "->", "←": "<-", "↑": "^", "↓": "v", "≥": ">=", "≤": "<=", "≠": "!=", "≈": "~",
    "⚠": "!", "✓": "v", "✔": "v", "✗": "x", "✘": "x", "★": "*", "☆": "*", "°": "o",
    "½": "1/2", "¼": "1/4", "¾": "3/4", "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    "⏎": "Enter", "↵": "Enter",
    "\ufffd": "?", "\u2421": "^?",
}  # fmt: skip
"""Hand-picked nearest ASCII for what bandtimer and its libraries print."""


def nearest_ascii(character: str) -> str:
    """The ASCII a person would write for `character`; `?` when there is none."""
    known = _NEAREST.get(character)
    if known is not None:
        return known
    code = ord(character)
    if 0x2400 <= code <= 0x241F:  # a control picture, from formatting.visible_controls
        return "^" + chr(0x40 + code - 0x2400)
    if 0x2500 <= code <= 0x257F:  # box drawing: the lines it has
        name = unicodedata.name(character, "")
        upright = any(word in name for word in ("VERTICAL", " UP", " DOWN"))
        level = any(word in name for word in ("HORIZONTAL", "LEFT", "RIGHT"))
        return "+" if upright and level else "|" if upright else "-"
    if 0x2580 <= code <= 0x259F:  # block elements: the big digits, bars and scrollbars
        return "#"
    decomposed = unicodedata.normalize("NFKD", character)
    letters = "".join(part for part in decomposed if part.isascii())
    return letters if letters and letters.isprintable() else "?"


def _ascii_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    unencodable = error.object[error.start : error.end]
    return "".join(nearest_ascii(character) for character in unencodable), error.end


def _ascii_cell_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    unencodable = error.object[error.start : error.end]
    return "".join(nearest_ascii(character)[0] for character in unencodable), error.end


codecs.register_error(ASCII_FALLBACK, _ascii_fallback)
codecs.register_error(ASCII_CELL_FALLBACK, _ascii_cell_fallback)


def ascii_fallback(*streams: TextIO, cells: bool = False) -> None:
    """Make each stream write the nearest ASCII for a character its encoding cannot carry;
    with `cells`, one character for each (a screen's layout stays as it was drawn).

    A stream that is not a real text file (a test's StringIO, which takes any character) is
    left as it is."""
    for stream in streams:
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "encoding", None) is not None:
            reconfigure(errors=ASCII_CELL_FALLBACK if cells else ASCII_FALLBACK)


def quiet_when_the_reader_leaves(command: Callable[[], int]) -> int:
    """`command()`'s exit status; 0 without a word if the reader closes stdout or stderr first.

    Output is flushed here, inside the guard: otherwise the last buffered lines would meet the
    closed pipe only at the interpreter's exit, which prints a traceback-like complaint."""
    try:
        status = command()
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        _write_nowhere()
        return 0
    return status


def _write_nowhere() -> None:
    """Point stdout and stderr at /dev/null, so nothing written later meets the closed pipe."""
    nowhere = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        try:
            os.dup2(nowhere, stream.fileno())
        except (OSError, ValueError, AttributeError):  # no descriptor: a test's StringIO
            continue
    os.close(nowhere)
