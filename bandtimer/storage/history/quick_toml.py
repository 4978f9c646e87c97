"""`tomllib.loads`, fast for the `[[exercise]]` and `[[segment]]` tables bandtimer writes.

A full workout's file is mostly tables of plain `key = value` lines: twenty `[[exercise]]` and a
hundred `[[segment]]` tables, nineteen lines in twenty. `tomllib` is a pure-Python parser that
spends about 10 ms on such a file, and the first read of a long history (building the history
index) parses every file: a thousand of them took 13.6 s, 46 of 57 s under a profiler in
`tomllib`. Those lines need none of TOML's generality, so from the first `[[table]]` line on
they are read here by one regular expression a line, and the few lines before it by `tomllib`.

The result is always exactly what `tomllib.loads(text)` gives, errors included, because the
shortcut only takes lines it reads the same way TOML does and gives up on anything else: the
whole text is then parsed by `tomllib` as before. From the first `[[table]]` line on it takes
only: `[[name]]` headers (a bare name the part before does not hold), empty lines, and
`key = value` with a bare key not seen before in its table, one space either side of `=`, and as
value `true`, `false`, a decimal integer of at most 18 digits, a plain decimal float (`12.0`),
a one-line array of those written `[1, 2, 3]`, or a one-line basic string with no escape, tab or
control character. An array that opens a line (`sets = [`) and closes on a line of its own
(`]`), as a workout's sets are written, is read by `tomllib` alone: a key and its value mean the
same on their own as in their table. A comment, an escape, a date, CRLF line ends, any other
header or spacing, or a part before that is not valid TOML on its own: `tomllib` parses the
whole text. So what
bandtimer accepts stays exactly TOML 1.0 as Python's `tomllib` reads it.

Why not a compiled parser: tomli's compiled wheels parsed these files in 2.5–4.9 ms against
`tomllib`'s 6–16 ms (a loaded machine, the same runs), the first version of this shortcut in
1.5–3.5 ms; and tomli 2.4 and later read TOML 1.1, which accepts files that TOML 1.0 (what
bandtimer documents) refuses. No new dependency, and no second grammar to keep in step.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from typing import Any

_FIRST = re.compile(r"^\[\[", re.MULTILINE)
_HEADER = re.compile(r"\[\[([A-Za-z0-9_-]+)\]\]")
_NUMBER = r"-?(?:0|[1-9][0-9]{0,17})(?:\.[0-9]{1,17})?"
_ARRAY_OPENS = re.compile(r"([A-Za-z0-9_-]+) = \[")
_LINE = re.compile(
    r"([A-Za-z0-9_-]+) = (?:"
    r'"([^"\\\x00-\x1f\x7f]*)"'  # a basic string with nothing to unescape
    r"|(true)|(false)"
    rf"|({_NUMBER})"  # 12, -3, 12.0, -0.5: int() and float() read them as TOML does
    rf"|\[((?:{_NUMBER}(?:, {_NUMBER})*)?)\]"  # [10, 10, 10], [30.0, 28.5], []
    r")"
)


def loads(text: str) -> dict[str, Any]:
    """Exactly `tomllib.loads(text)`: the same document, or the same `TOMLDecodeError`."""
    return _quick(text) or tomllib.loads(text)


def _quick(text: str) -> dict[str, Any] | None:
    """The document, when everything from the first `[[table]]` on is plain; else None."""
    first = _FIRST.search(text)
    if first is None or "\r" in text[first.start() :]:
        return None
    try:
        document = tomllib.loads(text[: first.start()])
    except tomllib.TOMLDecodeError:
        return None
    arrays: dict[str, list[dict[str, Any]]] = {}
    table: dict[str, Any] = {}
    line_of = _LINE.fullmatch
    header_of = _HEADER.fullmatch
    lines = iter(text[first.start() :].split("\n"))
    for line in lines:
        if not line:
            continue
        found = line_of(line)
        if found is None:
            opens = _ARRAY_OPENS.fullmatch(line)
            if opens is not None:
                key = opens.group(1)
                if key in table or not arrays:
                    return None
                value = _array(line, lines)
                if value is None:
                    return None
                table[key] = value
                continue
            header = header_of(line)
            if header is None:
                return None
            name = header.group(1)
            if name not in arrays:
                if name in document:
                    return None  # tomllib says what is wrong with that
                arrays[name] = document[name] = []
            table = {}
            arrays[name].append(table)
            continue
        key, string, true, false, number, numbers = found.groups()
        if key in table:
            return None  # tomllib says which key, and where
        if string is not None:
            table[key] = string
        elif true is not None:
            table[key] = True
        elif false is not None:
            table[key] = False
        elif number is not None:
            table[key] = _number(number)
        else:
            table[key] = [_number(item) for item in numbers.split(", ")] if numbers else []
    return document


def _array(first: str, lines: Iterator[str]) -> list[Any] | None:
    """The value of an array written over lines, from `key = [` to a line `]`, as `tomllib`
    reads that key alone; None when it does not close or does not parse."""
    chunk = [first]
    for line in lines:
        chunk.append(line)
        if line == "]":
            break
    else:
        return None
    try:
        (value,) = tomllib.loads("\n".join(chunk)).values()
    except (tomllib.TOMLDecodeError, ValueError):
        return None
    return value if isinstance(value, list) else None


def _number(text: str) -> int | float:
    return float(text) if "." in text else int(text)
