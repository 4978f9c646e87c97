"""Every message a screen sends up to the app (and the one the app sends down to the menu),
in one place, as dataclasses, the way braindrop collects them.

A screen never calls into another screen or into the app's internals: it posts one of these,
and the app, which routes, decides what happens.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from bandtimer.coach import WorkoutRecorder
    from bandtimer.coach.plans import Today
    from bandtimer.domain.routine import Routine
    from bandtimer.domain.session import Session


@dataclass
class StartRoutine(Message):
    """The person chose to start `routine` (menu or command palette); the app pushes it."""

    routine: Routine


@dataclass
class OpenHistory(Message):
    """The person asked for the history screen."""


@dataclass
class WorkoutEnded(Message):
    """The session is over, finished or stopped early; the app shows the summary."""

    session: Session
    recorder: WorkoutRecorder | None


@dataclass
class HistoryRead(Message, bubble=False):
    """The app has listed the history (after the menu's first frame, and after a workout):
    `dates` says whether any routine now has a last-done date to show."""

    dates: bool


@dataclass
class SoundProblem(Message, bubble=False):
    """Why cues fall back to the bell (`problem`), or "" when they no longer do; the app
    sends it to the menu once, and again only when the reason changes."""

    problem: str


@dataclass
class TodayRead(Message, bubble=False):
    """What to do today, worked out from the plan and the history after the menu's first frame
    (and again after a workout); `problem` says why an active plan cannot be followed."""

    today: Today | None
    problem: str | None = None
