"""Each kind of set answers for itself: its words, its validation rule, and — for the
time-boxed set — its countdown and the reps given after it."""

from __future__ import annotations

import pytest

from bandtimer.coach.cues import cue_for
from bandtimer.domain.events import (
    CountdownTick,
    Halfway,
    RepsRecorded,
    SegmentStarted,
    TenSecondsLeft,
)
from bandtimer.domain.plan import build_plan
from bandtimer.domain.routine import Exercise, IntRange, Sides
from bandtimer.domain.set_kinds import (
    CountedReps,
    HeldReps,
    MomentKind,
    TempoReps,
    TimeBoxed,
    TimedHold,
    kind_from_fields,
    shape_problems,
    spoken_number,
    spoken_seconds,
)
from bandtimer.sound import Cue
from tests.domain.session_builders import only

TEN = IntRange.exactly(10)


@pytest.mark.parametrize(
    ("kind", "sets", "each_side", "dose", "show", "announcement"),
    [
        (
            TimedHold(IntRange(30, 45)), 1, False,
            "1 set × 30–45 s hold", "hold 30 s", "Hold thirty seconds.",
        ),
        (
            TimedHold(IntRange.exactly(90)), 3, True,
            "3 sets × 90 s hold, each side", "hold 90 s",
            "Three holds of one and a half minutes, each side.",
        ),
        (
            HeldReps(IntRange(8, 12), IntRange(5, 10)), 3, True,
            "3 sets × 8–12 reps, 5–10 s hold each rep, each side", "8–12 reps, 5 s hold each",
            "Three sets of eight to twelve, holding each rep five seconds, each side.",
        ),
        (
            TempoReps(TEN, 2.5), 2, False,
            "2 sets × 10 reps, 2.5 s a rep", "10 reps, 2.5 s a rep",
            "Two sets of ten, two and a half seconds a rep.",
        ),
        (
            CountedReps(TEN), 2, False,
            "2 sets × 10 reps", "10 reps, counted", "Two sets of ten.",
        ),
        (
            TimeBoxed(40), 2, False,
            "2 sets × 40 s work, max reps", "work 40 s, max reps",
            "Two sets of forty seconds, as many reps as you can.",
        ),
        (
            TimeBoxed(120), 1, True,
            "1 set × 120 s work, max reps, each side", "work 120 s, max reps",
            "Two minutes, as many reps as you can, each side.",
        ),
    ],
)  # fmt: skip
def test_each_kind_words_its_dose_its_line_in_show_and_what_a_voice_says(
    kind, sets, each_side, dose, show, announcement
):
    sides = Sides.EACH if each_side else Sides.BOTH
    exercise = Exercise("Bridge", IntRange.exactly(sets), kind, sides=sides)
    assert exercise.dose == dose
    assert kind.segment_line() == show
    assert exercise.announcement() == announcement


@pytest.mark.parametrize(
    ("number", "words"),
    [(0, "zero"), (7, "seven"), (19, "nineteen"), (20, "twenty"), (42, "forty-two"),
     (100, "one hundred"), (215, "two hundred and fifteen")],
)  # fmt: skip
def test_numbers_are_spoken_as_words(number, words):
    assert spoken_number(number) == words


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(1, "one second"), (0.5, "half a second"), (1.5, "one and a half seconds"),
     (0.75, "0.75 seconds"), (45, "forty-five seconds"), (60, "one minute"),
     (150, "two and a half minutes"), (600, "ten minutes"), (75, "one minute, fifteen seconds"),
     (82, "one minute, twenty-two seconds"), (61, "one minute, one second"),
     (725, "twelve minutes"), (750, "twelve and a half minutes"), (1512, "twenty-five minutes")],
)  # fmt: skip
def test_lengths_of_time_are_spoken_as_a_coach_says_them(seconds, words):
    assert spoken_seconds(seconds) == words


@pytest.mark.parametrize(
    ("fields", "kind"),
    [
        ({"hold": TEN}, TimedHold(TEN)),
        ({"reps": TEN, "hold": TEN}, HeldReps(TEN, TEN)),
        ({"reps": TEN, "tempo": 2.0}, TempoReps(TEN, 2.0)),
        ({"reps": TEN}, CountedReps(TEN)),
        ({"work": 40}, TimeBoxed(40)),
    ],
)
def test_the_fields_given_make_exactly_one_kind(fields, kind):
    assert shape_problems(frozenset(fields)) == []
    assert kind_from_fields(fields) == kind


@pytest.mark.parametrize(
    ("present", "problems"),
    [
        ((), [(None, "needs reps, hold or both, or work, found none of them")]),
        (
            ("work", "reps"),
            [("work", "work does not go with reps: a work set is as many reps as you can in"
                      " its seconds")],
        ),
        (
            ("work", "hold", "tempo"),
            [
                ("tempo", "tempo and hold do not go together: tempo paces reps that are not held"),
                ("tempo", "tempo needs reps: it is the seconds each rep takes"),
                ("work", "work does not go with hold or tempo: a work set is as many reps as"
                         " you can in its seconds"),
            ],
        ),
    ],
)  # fmt: skip
def test_fields_that_make_no_kind_say_why(present, problems):
    assert shape_problems(frozenset(present)) == problems


def test_a_work_set_counts_down_with_halfway_ten_seconds_and_three_two_one(
    make_routine, start_session, clock
):
    squat = Exercise("Squat", IntRange.exactly(1), TimeBoxed(40))
    session = start_session(make_routine(squat))

    assert session.remaining() == 40 and session.reps() is None
    clock.advance(40)
    events = session.poll()
    assert [e.at - 1000 for e in only(events, Halfway)] == [20]
    assert [e.seconds_left for e in only(events, CountdownTick)] == [3, 2, 1]
    assert [e.at - 1000 for e in only(events, TenSecondsLeft)] == [30]
    assert {m.key.what for m in TimeBoxed(40).moments(40)} == {
        MomentKind.HALFWAY,
        MomentKind.TEN_LEFT,
        MomentKind.COUNTDOWN,
    }


def test_a_work_set_says_go_at_its_start(make_routine):
    segment = build_plan(make_routine(Exercise("Squat", TEN, TimeBoxed(40)))).segments[0]
    assert cue_for(SegmentStarted(segment, 0.0)) is Cue.GO


def test_the_reps_of_a_work_set_are_asked_for_after_it_and_recorded(
    make_routine, start_session, clock
):
    squat = Exercise("Squat", IntRange.exactly(2), TimeBoxed(30))
    session = start_session(make_routine(squat, rest_between_sets=20))

    clock.advance(30)
    session.poll()
    assert session.reps_to_record == [0]
    assert session.records[0].reps_done is None
    clock.advance(5)  # the rest goes on while the person types
    assert session.record_reps(12)
    [recorded] = only(session.poll(), RepsRecorded)
    assert (recorded.reps, recorded.record.reps_done, recorded.at) == (12, 12, 1035.0)
    assert session.records[0].reps_done == 12
    assert session.reps_to_record == []
    assert not session.record_reps(3), "nothing is waiting"
    assert session.remaining() == 15


def test_a_work_set_left_early_is_not_asked_about(make_routine, start_session, clock):
    session = start_session(make_routine(Exercise("Squat", IntRange.exactly(2), TimeBoxed(30))))
    clock.advance(10)
    session.skip()
    assert session.records[0].skipped
    assert session.reps_to_record == []


def test_reps_can_be_given_after_the_workout_is_over(make_routine, start_session, clock):
    session = start_session(make_routine(Exercise("Squat", IntRange.exactly(1), TimeBoxed(30))))
    clock.advance(30)
    session.poll()
    assert session.state.is_over
    assert session.record_reps(None)
    assert session.records[0].reps_done is None
    assert only(session.poll(), RepsRecorded)[0].reps is None


def test_answers_go_to_the_oldest_set_still_waiting(make_routine, start_session, clock):
    """With no rest between, the next set can end before the first answer comes."""
    session = start_session(make_routine(Exercise("Squat", IntRange.exactly(2), TimeBoxed(20))))
    clock.advance(40)
    session.poll()
    assert session.reps_to_record == [0, 1]
    session.record_reps(9)
    session.record_reps(7)
    assert [record.reps_done for record in session.records] == [9, 7]


def test_a_timed_item_counts_down_its_seconds_asks_nothing_and_says_its_length() -> None:
    from bandtimer.domain.set_kinds import TimedItem

    stretch = TimedItem(150)
    assert (stretch.planned_seconds(), stretch.asks_reps_after, stretch.ends_by_itself) == (
        150.0, False, True,
    )  # fmt: skip
    assert stretch.dose(IntRange.exactly(2)) == "2 sets × 2 min 30 s, timed"
    assert stretch.segment_line() == "2 min 30 s, timed"
    assert stretch.announcement(1) == "Two and a half minutes."
    assert stretch.readout(None, 42.0).seconds == 42.0
    assert stretch.phase(None) == "TIMED"
    assert [m.key.what.value for m in stretch.moments(150)][:2] == ["halfway", "ten seconds left"]
