"""The session: how long the workout has left, as the header shows it.

It is what is left of this segment plus the planned seconds of the ones after it, so it moves
with skips, backs, rest changes and pauses, where the position in the plan would not.
"""

from __future__ import annotations

from bandtimer.domain.plan import build_plan
from bandtimer.domain.session import Session
from tests.domain.session_builders import counted, hold


def test_it_counts_down_with_the_clock_and_stands_still_while_paused(make_routine, clock):
    # get ready 5, plank 30, rest 10, plank 30: 75 s planned.
    session = Session(build_plan(make_routine(hold(30, sets=2), get_ready=5,
                                              rest_between_sets=10)), clock)
    session.start()
    assert session.time_left() == 75
    clock.advance(12.5)
    session.poll()
    assert session.time_left() == 62.5
    session.pause()
    clock.advance(100)
    assert session.time_left() == 62.5
    session.resume()
    clock.advance(2.5)
    assert session.time_left() == 60


def test_a_skip_takes_off_what_was_left_of_the_segment_and_back_puts_it_on(make_routine, clock):
    session = Session(build_plan(make_routine(hold(30, sets=2), get_ready=5,
                                              rest_between_sets=10)), clock)
    session.start()
    clock.advance(10)  # 5 s into the first plank
    session.poll()
    assert session.time_left() == 65
    session.skip()  # into the rest: the 25 s left of the plank are gone
    assert session.time_left() == 40
    session.back()  # the plank again, from its start
    assert session.time_left() == 70


def test_more_or_less_rest_moves_it_by_as_much(make_routine, clock):
    session = Session(build_plan(make_routine(hold(30, sets=2), rest_between_sets=10)), clock)
    session.start()
    clock.advance(33)  # 3 s into the rest
    session.poll()
    assert session.time_left() == 37
    assert session.adjust_rest(+10)
    assert session.time_left() == 47
    assert session.adjust_rest(-10)
    assert session.adjust_rest(-10)
    assert session.time_left() == 30  # the rest cannot end before now: only the plank is left


def test_a_set_counted_by_hand_counts_down_its_estimate_and_stops_at_nothing(make_routine, clock):
    # 12 reps counted by hand plan 36 s; a plank of 20 follows.
    session = Session(build_plan(make_routine(counted((10, 12)), hold(20))), clock)
    session.start()
    assert session.time_left() == 56
    clock.advance(30)
    assert session.time_left() == 26
    clock.advance(60)  # slower than the estimate: the set's share is spent, not negative
    assert session.time_left() == 20


def test_nothing_is_left_once_it_is_over(make_routine, clock):
    session = Session(build_plan(make_routine(hold(30))), clock)
    session.start()
    session.quit()
    assert session.time_left() == 0
