"""Which line each table header and key of a TOML document is on.

tomllib returns plain dicts without positions, but "line 41" in a message saves the person fixing
a routine from counting `[[exercise]]` headers by hand. This scanner is for documents tomllib has
already accepted: it follows strings, comments and brackets just far enough to tell a header or
a key at the start of a line from text inside a value (a step that mentions `[[exercise]]`, an
array spread over several lines), and records the line of each under its full path. Entries of
an array of tables are numbered from 1, so `("exercise", 3, "hold")` is the `hold` key of the
third `[[exercise]]`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field

KeyPath = tuple[str | int, ...]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_BLANK = " \t"
_PLAIN = re.compile(r"[^\n#\"'\[\]{}]+")
"""A run of characters that changes nothing the scanner tracks: it can be stepped over whole."""
_SIMPLE_LINE = re.compile(
    r"""(?P<key>[A-Za-z0-9_-]+)[ \t]*=(?:[^\n#"'\[\]{}]++|"[^"\\\n]*+"|"""
    r"""\[(?:[^\n#"'\[\]{}]++|"[^"\\\n]*+")*+\])*+(?=[\n#]|\Z)"""
)
"""Most lines of a routine: `key = value` with a bare key and a value that ends on its line (a
number, a string without escapes, a list of them). Only the key can be recorded on such a line,
so it is taken whole; anything else is scanned character by character."""
_STRING_STOPS = {
    '"': re.compile(r'["\\\n]'),
    "'": re.compile(r"['\n]"),
}
"""Where, inside a string opened by this quote, something can happen: the quote, a backslash
(only `"` strings have escapes) or a line break."""


@dataclass(frozen=True)
class LineIndex:
    """Lines of the headers and keys of one document, by key path."""

    lines: dict[KeyPath, int] = field(default_factory=dict)

    @classmethod
    def scan(cls, text: str) -> LineIndex:
        return cls(_Scanner(text).run())

    def exact(self, path: KeyPath) -> int | None:
        """The line where `path` is written, if it is written as a header or key."""
        return self.lines.get(path)

    def nearest(self, path: KeyPath) -> int | None:
        """The line of `path`, or else of the closest table around it that has one.

        A missing field is best pointed at by the header of the exercise it is missing from.
        """
        for end in range(len(path), 0, -1):
            line = self.lines.get(path[:end])
            if line is not None:
                return line
        return None


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.found: dict[KeyPath, int] = {}
        self.entries: dict[KeyPath, int] = {}
        """How many entries each array of tables has had so far."""

    def run(self) -> dict[KeyPath, int]:
        text, size = self.text, len(self.text)
        table: KeyPath = ()
        pos, line, depth, line_start = 0, 1, 0, True
        while pos < size:
            char = text[pos]
            if char == "\n":
                line, line_start, pos = line + 1, True, pos + 1
            elif char in " \t\r":
                pos += 1
            elif char == "#":
                pos = _line_end(text, pos)
            elif line_start and depth == 0:
                line_start = False
                simple = None if char == "[" else _SIMPLE_LINE.match(text, pos)
                if char == "[":
                    table = self._header(pos, line)
                    pos = _line_end(text, pos)
                elif simple is not None:
                    self.found.setdefault((*table, simple["key"]), line)
                    pos = simple.end()
                else:
                    pos = self._key(table, pos, line)
            elif char in "\"'":
                end = _string_end(text, pos)
                line += text.count("\n", pos, end)
                pos = end
            else:
                if char in "[{":
                    depth += 1
                elif char in "]}":
                    depth = max(0, depth - 1)
                pos += 1
                if not (line_start and depth == 0):
                    # Until the next line break, comment, string or bracket, nothing changes
                    # the state: step over the whole run (a long value) at once.
                    plain = _PLAIN.match(text, pos)
                    if plain is not None:
                        pos = plain.end()
        return self.found

    def _header(self, pos: int, line: int) -> KeyPath:
        """Records a `[table]` or `[[array.of.tables]]` header; returns the table it opens."""
        is_array = self.text.startswith("[[", pos)
        keys, _ = _read_key(self.text, pos + (2 if is_array else 1))
        if not is_array:
            table = self._resolve(keys)
            self.found.setdefault(table, line)
            return table
        array = self._resolve(keys[:-1]) + keys[-1:]
        number = self.entries.get(array, 0) + 1
        self.entries[array] = number
        self.found.setdefault(array, line)
        self.found[(*array, number)] = line
        return (*array, number)

    def _resolve(self, keys: tuple[str, ...]) -> KeyPath:
        """`a.b` inside the latest entry of `[[a]]` is `("a", n, "b")`."""
        path: KeyPath = ()
        for key in keys:
            path = (*path, key)
            number = self.entries.get(path)
            if number is not None:
                path = (*path, number)
        return path

    def _key(self, table: KeyPath, pos: int, line: int) -> int:
        """Records `key = ...` (and each part of a dotted key); returns where its value starts."""
        keys, after = _read_key(self.text, pos)
        if not keys:
            return _line_end(self.text, pos)
        for end in range(1, len(keys) + 1):
            self.found.setdefault(table + keys[:end], line)
        equals = self.text.find("=", after)
        return _line_end(self.text, pos) if equals < 0 else equals + 1


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _string_end(text: str, pos: int) -> int:
    """Where the string starting at `pos` ends, past its closing quote(s)."""
    quote = text[pos]
    escapes = quote == '"'
    size = len(text)
    delimiter = quote * 3 if text.startswith(quote * 3, pos) else quote
    index = pos + len(delimiter)
    stops = _STRING_STOPS[quote]
    while index < size:
        stop = stops.search(text, index)  # anything before it is text of the string
        if stop is None:
            break
        index = stop.start()
        char = text[index]
        if escapes and char == "\\":
            index += 2
        elif text.startswith(delimiter, index):
            end = index + len(delimiter)
            if len(delimiter) == 3:  # up to two quotes may sit right before the closing three
                while end < size and end - index < 5 and text[end] == quote:
                    end += 1
            return end
        elif char == "\n" and len(delimiter) == 1:
            return index
        else:
            index += 1
    return size


def _read_key(text: str, pos: int) -> tuple[tuple[str, ...], int]:
    """Reads a possibly dotted, possibly quoted key; returns its parts and where it ends."""
    keys: list[str] = []
    size = len(text)
    while True:
        while pos < size and text[pos] in _BLANK:
            pos += 1
        if pos < size and text[pos] in "\"'":
            end = _string_end(text, pos)
            keys.append(_unquote(text[pos:end]))
            pos = end
        else:
            bare = _BARE_KEY.match(text, pos)
            if bare is None:
                break
            keys.append(bare.group())
            pos = bare.end()
        while pos < size and text[pos] in _BLANK:
            pos += 1
        if pos < size and text[pos] == ".":
            pos += 1
        else:
            break
    return tuple(keys), pos


def _unquote(quoted_key: str) -> str:
    """The text of a quoted key, escapes and all, decoded the way tomllib decodes it."""
    try:
        return str(tomllib.loads(f"key = {quoted_key}")["key"])
    except tomllib.TOMLDecodeError:
        return quoted_key[1:-1]
