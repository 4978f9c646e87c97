"""What the coach says, and when: the words chosen for session events, without any sound."""

from __future__ import annotations

from pathlib import Path

import pytest

from bandtimer.coach.speech import (
    Line,
    announcement,
    choose_line,
    first_phrase,
    phrases_for,
)
from bandtimer.domain.clock import FakeClock
from bandtimer.domain.events import Event
from bandtimer.domain.plan import build_plan
from bandtimer.domain.routine import Band, Exercise, IntRange, Routine, Timing
from bandtimer.domain.session import Session
from bandtimer.domain.set_kinds import CountedReps, SetKind, TempoReps, TimedHold, spoken_number
from bandtimer.sound import Cue
from bandtimer.storage.routines import load_routine

ROUTINES = Path(__file__).resolve().parent.parent / "routines"


def exercise(kind: SetKind | None = None, **fields: object) -> Exercise:
    base: dict[str, object] = {"name": "Dead bug with band", "sets": IntRange.exactly(2)}
    kind = kind or CountedReps(IntRange.exactly(10))
    return Exercise(**{**base, **fields}, kind=kind)  # type: ignore[arg-type]


def follow(routine: Routine, step: float = 0.25) -> list[tuple[float, Line]]:
    """Every line chosen while following `routine` to its end, with when (seconds in)."""
    clock = FakeClock(1000.0)
    session = Session(build_plan(routine), clock)
    session.start()
    heard: list[tuple[float, Line]] = []
    events: list[Event] = session.poll()
    while True:
        line = choose_line(events, clock.now(), session)
        if line is not None:
            heard.append((round(clock.now() - 1000.0, 2), line))
        if session.state.is_over:
            return heard
        clock.advance(step)
        events = session.poll()


def test_the_issue_s_example_announcement() -> None:
    dead_bug = exercise(band=Band.MINI, placement="around the toes")
    said = "Dead bug with band. Mini band around the toes. Two sets of ten."
    assert announcement(dead_bug) == said


def test_numbers_are_words() -> None:
    assert [spoken_number(n) for n in (0, 7, 19, 20, 45, 99, 120)] == [
        "zero", "seven", "nineteen", "twenty", "forty-five", "ninety-nine",
        "one hundred and twenty",
    ]  # fmt: skip


def test_quick_try_is_coached_in_order_at_the_right_moments() -> None:
    heard = follow(load_routine(ROUTINES / "quick-try.toml"))
    said = [(at, line.text or line.cue) for at, line in heard]
    assert said[:8] == [
        (0.0, "Get ready. Glute bridge. Mini band around the thighs, just above the knees. "
              "Two sets of three, holding each rep five seconds."),
        (2.0, "Three."),
        (3.0, "Two."),
        (4.0, "One."),
        (5.0, "Go. Hold."),
        (10.0, "Release."),
        (12.0, "Hold."),
        (17.0, "Release."),
    ]  # fmt: skip
    assert (24.0, "Rest, ten seconds. Up next: set two of two.") in said
    assert said[-16:] == [
        (53.0, "Rest, ten seconds. Up next: Lateral banded walk. Mini band around both ankles. "
               "One set of three to four, two seconds a rep, each side."),
        (60.0, "Three."), (61.0, "Two."), (62.0, "One."),
        (63.0, "Right side. Go."), (65.0, "One."), (67.0, "Two."), (69.0, "Three."),
        (71.0, "Switch sides. Left side."), (72.0, "Two."), (73.0, "One."),
        (74.0, "Left side. Go."), (76.0, "One."), (78.0, "Two."), (80.0, "Three."),
        (82.0, "Workout done. One minute, twenty-two seconds, three sets."),
    ]  # fmt: skip


def test_every_line_said_was_rendered_ahead() -> None:
    """`phrases_for` is what the worker renders; a line missing from it would always beep."""
    for path in sorted(ROUTINES.glob("*.toml")):
        routine = load_routine(path)
        ahead = set(phrases_for(build_plan(routine)))
        said = {line.text for _, line in follow(routine, step=0.5) if line.text is not None}
        assert said <= ahead, (path.name, said - ahead)


def test_phrases_come_in_the_order_they_fall_due() -> None:
    plan = build_plan(load_routine(ROUTINES / "quick-try.toml"))
    phrases = phrases_for(plan)
    assert phrases[0] == first_phrase(plan)
    assert phrases[1:4] == ["Three.", "Two.", "One."]
    assert phrases[-1] == "Workout done. One minute, twenty-two seconds, three sets."


def long_hold(seconds: int, sets: int = 1) -> Routine:
    held = TimedHold(IntRange.exactly(seconds))
    plank = exercise(held, name="Banded plank", sets=IntRange(sets, sets))
    return Routine("Plank", (plank,), timing=Timing(get_ready=5, rest_between_sets=0))


def test_a_long_hold_gets_halfway_and_ten_seconds_a_short_one_neither() -> None:
    heard = {text: at for at, line in follow(long_hold(40)) if (text := line.text)}
    assert heard["Halfway."] == 5 + 20
    assert heard["Ten seconds."] == 5 + 30
    short = {line.text for _, line in follow(long_hold(15))}
    assert "Halfway." not in short and "Ten seconds." not in short


def test_quick_tempo_reps_get_a_beat_not_a_number() -> None:
    routine = Routine(
        "Steps",
        (exercise(TempoReps(IntRange.exactly(4), 1.0), name="Steps", sets=IntRange.exactly(1)),),
        timing=Timing(get_ready=0),
    )
    heard = [(at, line) for at, line in follow(routine) if 0 < at < 4]
    assert heard == [(float(at), Line(None, Cue.BEAT)) for at in (1, 2, 3)]


def test_the_end_says_the_time_taken_and_the_sets_done() -> None:
    clock = FakeClock(0.0)
    session = Session(build_plan(long_hold(10, sets=2)), clock)
    session.start()
    clock.advance(3)
    session.pause()
    clock.advance(100)  # pauses do not count
    session.resume()
    clock.advance(17)  # get ready 5 s, the first set 10 s, 5 s into the second
    session.skip()  # the second set is skipped: not done
    line = choose_line(session.poll(), clock.now(), session)
    assert line == Line("Workout done. Twenty seconds, one set.", Cue.DONE)


def test_stale_events_say_nothing() -> None:
    clock = FakeClock(0.0)
    session = Session(build_plan(long_hold(10)), clock)
    session.start()
    clock.advance(3.7)  # "Three." and "Two." fell due 1.7 s and 0.7 s ago: too late to say
    assert choose_line(session.poll(), clock.now(), session) is None
    clock.advance(0.3)
    assert choose_line(session.poll(), clock.now(), session) == Line("One.", Cue.COUNT)


HOSTILE = [
    "-x",
    "$(rm -rf ~)",
    "<speak><prosody rate='x-slow'>Plank</prosody></speak>",
    "[[h@l'oU]] Plank",
    "פלאנק עם גומייה",
    "\u202eknalP",
    "Plank " * 2000,
]


@pytest.mark.parametrize("name", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_names_become_plain_short_words(name: str) -> None:
    said = announcement(exercise(name=name))
    first = said.split(". ")[0]
    assert len(first) <= 61
    assert not set(first) & set('<>[]$()&\u202e~"=')
    assert said.endswith("Two sets of ten.")
