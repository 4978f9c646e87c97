"""Command palette entries: "Start routine: <name>" for every routine that can run.

Choosing one posts `StartRoutine` to the app, the same message the menu's Enter
posts, so there is one way to start a workout. The entries are offered only over the menu: on
the workout screen a second workout cannot start, and an entry that does nothing is worse than
none. Textual's own highlighting reads the candidate as markup, so the match is highlighted here
on plain `Content` instead, and a routine called `[bold]` stays `[bold]`.
"""

from __future__ import annotations

import asyncio
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from bandtimer.domain.routine import Routine
from bandtimer.storage.routines import RoutineEntry
from bandtimer.ui.messages import StartRoutine
from bandtimer.ui.screens.menu import MenuScreen
from bandtimer.ui.services import Services
from bandtimer.ui.widgets.routine_list import routine_size

PREFIX = "Start routine: "


class RoutineCommands(Provider):
    """Reads the routine files once per palette opening, off the event loop."""

    _entries: list[RoutineEntry]

    async def startup(self) -> None:
        services: Services | None = getattr(self.app, "services", None)
        if services is None or not isinstance(self.screen, MenuScreen):
            self._entries = []
            return
        entries = await asyncio.to_thread(services.routines)
        self._entries = [entry for entry in entries if entry.ok]

    async def discover(self) -> Hits:
        for entry in self._entries:
            assert entry.routine is not None
            yield DiscoveryHit(
                Content(PREFIX + entry.name),
                partial(self._start, entry.routine),
                text=PREFIX + entry.name,
                help=_help(entry),
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry in self._entries:
            assert entry.routine is not None
            candidate = PREFIX + entry.name
            score = matcher.match(candidate)
            if score > 0:
                yield Hit(
                    score,
                    _highlight(matcher, candidate),
                    partial(self._start, entry.routine),
                    text=candidate,
                    help=_help(entry),
                )

    def _start(self, routine: Routine) -> None:
        self.app.post_message(StartRoutine(routine))


def _help(entry: RoutineEntry) -> str:
    """The palette reads help as markup, so it says only what bandtimer itself writes."""
    assert entry.routine is not None
    size = routine_size(entry.routine)
    return f"{size} · yours" if entry.origin == "user" else size


def _highlight(matcher: Matcher, candidate: str) -> Content:
    """`Matcher.highlight` without the markup parsing: the matched letters, styled."""
    content = Content(candidate)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    for offset in offsets:
        if not candidate[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
