"""Finding a routine by whatever a person remembers of it, and saying why it was found.

A runner looking for "something with the hip circle band" or "calves" types `hip` or `calf`,
not a routine's name. So the menu's filter looks in the name, the tags, the equipment, the
exercises, the muscles they work and the description; and when a routine is shown for
something other than its name, it says what matched (`matched: equipment hip circle band`), or
a list of routines that do not seem to contain the word looks like a mistake.

The text is folded once per reading of the files (`SearchText`); each key typed only tests
words against one string per routine, and works out the reasons for the few that match.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bandtimer.domain.routine import Routine

SNIPPET_WORDS = 6
"""How much of a description is quoted as the reason: the word that matched and a few more."""


@dataclass(frozen=True)
class SearchField:
    """One thing a routine can be found by: `label` says which (`equipment`), `text` is it."""

    label: str
    text: str

    def reason(self, word: str) -> str:
        """`equipment hip circle band`; a description is quoted around the word only."""
        if self.label != "description":
            return f"{self.label} {self.text}"
        words = self.text.split()
        at = next((i for i, each in enumerate(words) if word in each.casefold()), 0)
        start = max(0, at - 1)
        shown = " ".join(words[start : start + SNIPPET_WORDS])
        before = "…" if start > 0 else ""
        after = "…" if start + SNIPPET_WORDS < len(words) else ""
        return f"description “{before}{shown}{after}”"


@dataclass(frozen=True)
class SearchMatch:
    """A routine the filter keeps, and the fields, besides its name, that made it match."""

    reasons: tuple[str, ...] = ()

    @property
    def why(self) -> str:
        """`matched: equipment hip circle band`, or nothing when the name says it all."""
        return f"matched: {' · '.join(self.reasons)}" if self.reasons else ""


class SearchText:
    """Everything a routine can be found by, case-folded once."""

    def __init__(self, fields: Iterable[SearchField]) -> None:
        unique: dict[tuple[str, str], SearchField] = {}
        for field in fields:
            if field.text.strip():
                unique.setdefault((field.label, field.text.casefold()), field)
        self.fields: tuple[SearchField, ...] = tuple(unique.values())
        self._folded = tuple(folded for _, folded in unique)
        self.everything = "\n".join(self._folded)
        """All of it in one string: a word typed in the filter never spans two fields."""

    def contains(self, words: Sequence[str]) -> bool:
        """Whether every one of the case-folded `words` is somewhere in the routine."""
        everything = self.everything
        return all(word in everything for word in words)

    def match(self, words: Sequence[str]) -> SearchMatch | None:
        """The match for case-folded `words`, each anywhere; None if any is missing. A word
        found in the name needs no reason; any other is explained by the first field (in the
        order given) that holds it."""
        if not self.contains(words):
            return None
        reasons: list[str] = []
        for word in words:
            at = next(i for i, folded in enumerate(self._folded) if word in folded)
            field = self.fields[at]
            if field.label != "name":
                reason = field.reason(word)
                if reason not in reasons:
                    reasons.append(reason)
        return SearchMatch(tuple(reasons))


def query_words(query: str) -> list[str]:
    """The words of what was typed in the filter, case-folded."""
    return query.casefold().split()


def routine_fields(name: str, file_name: str, routine: Routine | None) -> list[SearchField]:
    """What `routine` can be found by, the likeliest reason first; a routine file that could
    not be read is found by its name and file name, so filtering never hides a file a person
    is trying to fix."""
    fields = [SearchField("name", name)]
    if routine is not None:
        fields += [SearchField("tag", tag) for tag in routine.tags]
        fields += [SearchField("equipment", item) for item in routine.equipment]
        fields += [SearchField("exercise", exercise.name) for exercise in routine.exercises]
        fields += [
            SearchField("muscle", muscle)
            for exercise in routine.exercises
            for muscle in exercise.muscles
        ]
        fields.append(SearchField("description", routine.description))
    fields.append(SearchField("file", file_name))
    return fields
