"""What the menu's filter finds in a routine, and the reason it gives."""

from __future__ import annotations

from bandtimer.domain.routine import Exercise, IntRange, Routine
from bandtimer.domain.routine_search import SearchText, query_words, routine_fields
from bandtimer.domain.set_kinds import CountedReps


def search(routine: Routine | None, name: str = "Hip day") -> SearchText:
    return SearchText(routine_fields(name, "hip-day.toml", routine))


ONE = IntRange(1, 1)
TEN = CountedReps(IntRange(10, 10))
ROUTINE = Routine(
    name="Hip day",
    description="Side steps and bridges for runners whose knees cave in on long runs.",
    tags=("rest-day",),
    equipment=("hip circle band", "mat"),
    exercises=(
        Exercise("Glute bridge", ONE, TEN, muscles=("glutes", "hamstrings")),
        Exercise("Clamshell", ONE, TEN, muscles=("glutes", "hip abductors")),
    ),
)


def test_a_word_in_the_name_needs_no_reason() -> None:
    match = search(ROUTINE).match(query_words("HIP"))
    assert match is not None and match.why == ""


def test_each_word_is_explained_by_the_first_field_holding_it() -> None:
    match = search(ROUTINE).match(query_words("circle ham glutes"))
    assert match is not None
    assert match.why == ("matched: equipment hip circle band · muscle hamstrings · muscle glutes")


def test_a_description_is_quoted_around_the_word() -> None:
    match = search(ROUTINE).match(query_words("cave"))
    assert match is not None
    assert match.why == "matched: description “…knees cave in on long runs.”"


def test_every_word_must_be_found_somewhere_and_none_spans_two_fields() -> None:
    text = search(ROUTINE)
    assert text.match(query_words("bridge zebra")) is None
    assert not text.contains(["bandmat"])


def test_a_file_that_could_not_be_read_is_found_by_its_file_name() -> None:
    match = search(None, name="hip-day").match(query_words("toml"))
    assert match is not None and match.why == "matched: file hip-day.toml"
