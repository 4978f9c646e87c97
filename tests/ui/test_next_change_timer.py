"""The workout screen's one timer: a replaced timer's call, already queued, is dropped."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bandtimer.ui.next_change_timer import NextChangeTimer


@dataclass
class QueuedTimer:
    callback: Callable[[], None]
    stopped: bool = False

    def stop(self) -> None:
        self.stopped = True  # as in Textual: a call it already queued stays queued


@dataclass
class Owner:
    """Stands in for a Textual widget: `set_timer` hands back a timer whose call the test makes
    when its moment comes, whether or not it was stopped meanwhile."""

    timers: list[QueuedTimer] = field(default_factory=list)

    def set_timer(self, delay: float, callback: Callable[[], None], *, name: str) -> QueuedTimer:
        timer = QueuedTimer(callback)
        self.timers.append(timer)
        return timer


def test_a_call_queued_by_a_replaced_timer_is_dropped() -> None:
    owner, calls = Owner(), []
    timer = NextChangeTimer(owner, lambda: calls.append("sync"))  # type: ignore[arg-type]
    timer.set(0.0, 0.1)
    first_due = owner.timers[0]
    timer.set(0.05, 0.2)  # another redraw moved the moment, after the first had queued its call
    first_due.callback()
    assert calls == []
    owner.timers[1].callback()
    assert calls == ["sync"]


def test_a_call_queued_before_cancel_is_dropped() -> None:
    owner, calls = Owner(), []
    timer = NextChangeTimer(owner, lambda: calls.append("sync"))  # type: ignore[arg-type]
    timer.set(0.0, 0.1)
    timer.set(0.05, None)  # nothing more is coming: paused, or over
    owner.timers[0].callback()
    assert calls == []
