"""Text whose wrapped lines keep their indent, and hang a little further in.

Textual wraps a line back to the left edge, so in a narrow pane `   placement: around the
thighs, just above the` is followed by `knees` at column 0, where it reads as a line of its own,
and `last done 29 Nov` by a lone `2026`. `HangingIndent` wraps each line itself: continuation
lines start under the line's own indent plus `hang` more columns, so they read as the rest of
the line above. The wrapping is redone only when the width changes; under `text-wrap: nowrap`
the lines are left whole, for the widget to cut short.
"""

from __future__ import annotations

from functools import cached_property

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

HANG = 2


class HangingIndent(Visual):
    """`content`, each line wrapped with a hanging indent of `hang` columns.

    `blocks` can follow, each a `(content, hang)` pair, for text with parts that wrap
    differently: a paragraph of prose (hang 0) between lines of `label: value`.
    """

    def __init__(self, content: Content, hang: int = HANG, *blocks: tuple[Content, int]) -> None:
        self.blocks = ((content, hang), *blocks)
        self._wrapped: tuple[int, Content] | None = None

    @cached_property
    def content(self) -> Content:
        """All of it, unwrapped. (Made when first asked for: a menu of hundreds of routines
        makes a row for each, and shows only a screenful.)"""
        return Content("\n").join(block for block, _ in self.blocks)

    def __str__(self) -> str:
        return self.content.plain

    def wrapped(self, width: int) -> Content:
        """The content with line breaks and indents put in for `width` cells."""
        if self._wrapped is not None and self._wrapped[0] == width:
            return self._wrapped[1]
        lines: list[Content] = []
        for content, hang in self.blocks:
            lines += [
                wrapped
                for line in content.split("\n", allow_blank=True)
                for wrapped in _wrap_line(line, width, hang)
            ]
        wrapped = Content("\n").join(lines)
        self._wrapped = (width, wrapped)
        return wrapped

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        shown = self.content if _no_wrap(options.rules) else self.wrapped(width)
        return shown.render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.content.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        if _no_wrap(rules):  # a line each; asked of every row of a long list on every key
            return sum(block.plain.count("\n") + 1 for block, _ in self.blocks)
        return self.wrapped(width).get_height(rules, width)


def _wrap_line(line: Content, width: int, hang: int) -> list[Content]:
    if line.cell_length <= width:
        return [line]
    plain = line.plain
    indent = len(plain) - len(plain.lstrip(" "))
    inner = width - indent - hang
    if inner < 8:  # too narrow to indent usefully: plain wrapping reads better
        return line.wrap(width)
    first, *rest = line[indent:].wrap(inner)
    lines = [Content(" " * indent) + first]
    lines += [Content(" " * (indent + hang)) + more for more in rest]
    return lines


def _no_wrap(rules: RulesMap) -> bool:
    """`text-wrap: nowrap` (a list that cuts its rows short with `…`) leaves lines as they are."""
    return rules.get("text_wrap", "wrap") == "nowrap"
