"""Text from a file, made safe to show: control characters as symbols, never obeyed.

It lives in the domain, the bottom layer, because both storage (which cleans a routine's steps
and notes as it reads them) and every screen and printing command need it, and a leaf there
breaks no layer rule. Pure: no I/O, no Rich, no Textual.
"""

from __future__ import annotations

import re

_CONTROL_PICTURES = {
    **{code: 0x2400 + code for code in range(0x20) if chr(code) not in "\n\t"},
    0x7F: 0x2421,
    **{code: 0xFFFD for code in range(0x80, 0xA0)},
}
"""Each control character but line break and tab, as the symbol that stands for it (ESC as
`␛`, BEL as `␇`); the C1 controls, which have no symbol, as `�`."""
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Exactly the characters `_CONTROL_PICTURES` replaces."""


def visible_controls(text: str) -> str:
    """`text` with its control characters shown as symbols instead of obeyed.

    Text from a file goes to the terminal as it is: Textual keeps markup from being read, but
    passes an ESC (which starts a colour, a cursor move or a write to the clipboard) or a BEL
    straight through. A routine's name is refused for them; in a step or a note a stray one is
    no reason to refuse the routine, so it is made visible and harmless, and the person sees
    what their file holds. Line breaks and tabs stay.
    """
    if _CONTROL.search(text) is None:  # nearly always: one scan in C, where translating is slower
        return text
    return text.translate(_CONTROL_PICTURES)
