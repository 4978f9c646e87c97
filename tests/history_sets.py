"""Sets for workout records built by hand in tests: `reps_done(12, 12, 10)`, `held(3)`."""

from __future__ import annotations

from bandtimer.domain.history import SetRecord
from bandtimer.domain.records import SetOutcome


def reps_done(*reps: int) -> tuple[SetRecord, ...]:
    """A done set of each number of reps, in order."""
    return tuple(
        SetRecord(number, SetOutcome.DONE, reps=count) for number, count in enumerate(reps, 1)
    )


def held(count: int, seconds: float = 30.0) -> tuple[SetRecord, ...]:
    """`count` timed holds, each held to its end."""
    return tuple(SetRecord(n, SetOutcome.DONE, seconds=seconds) for n in range(1, count + 1))


def sets_of(
    done: int, reps: tuple[int, ...] = (), held: tuple[float, ...] = ()
) -> tuple[SetRecord, ...]:
    """Sets from the totals an older test speaks in: the first `done` sets done, the rest cut
    short; reps and held seconds set by set, in order."""
    return tuple(
        SetRecord(
            index + 1,
            SetOutcome.DONE if index < done else SetOutcome.CUT_SHORT,
            reps=reps[index] if index < len(reps) else None,
            seconds=held[index] if index < len(held) else None,
        )
        for index in range(max(done, len(reps), len(held)))
    )
