"""A phrase when it is ready, its beep when it is not: never a phrase late."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from bandtimer.coach.announcer import Announcer
from bandtimer.domain.clock import FakeClock
from bandtimer.domain.plan import build_plan
from bandtimer.domain.routine import Exercise, IntRange, Routine, Timing
from bandtimer.domain.session import Session
from bandtimer.domain.set_kinds import TimedHold
from bandtimer.sound import Clip, Cue


@dataclass
class Player:
    heard: list[str] = field(default_factory=list)
    """Cues as their names, phrases as their words."""
    done: threading.Event = field(default_factory=threading.Event)

    def play(self, cue: Cue) -> None:
        self.heard.append(cue.value)

    def play_clip(self, clip: Clip, instead: Cue | None) -> None:
        self.heard.append(clip.label)
        self.done.set()

    def set_volume(self, volume: float) -> None:
        pass


@dataclass
class Phrases:
    """Renders instantly what it is told is ready; remembers what was asked for."""

    ready: set[str] = field(default_factory=set)
    asked: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    """How long a phrase lasts, where that matters; a sample's worth otherwise."""

    def clip(self, text: str) -> Clip | None:
        if text not in self.ready:
            return None
        return Clip(b"\0\0" * round(self.seconds.get(text, 0) * 44100 or 1), label=text)

    def prepare(self, texts: Iterable[str], *, last: bool = False) -> None:
        self.asked += texts

    def prepare_from(self, list_phrases: Callable[[], Iterable[str]]) -> None:
        self.prepare(list_phrases())

    def when_ready(self, text: str, then: Callable[[Clip], None]) -> None:
        self.ready.add(text)
        threading.Thread(target=then, args=(Clip(b"\0\0", label=text),)).start()


def plank() -> Routine:
    hold = Exercise("Banded plank", IntRange.exactly(1), kind=TimedHold(IntRange.exactly(5)))
    return Routine("Plank", (hold,), timing=Timing(get_ready=5))


def run(announcer: Announcer, seconds: float) -> Session:
    clock = FakeClock(0.0)
    session = Session(build_plan(plank()), clock)
    session.start()
    announcer.announce(session.poll(), clock.now(), session)
    for _ in range(int(seconds * 4)):
        clock.advance(0.25)
        announcer.announce(session.poll(), clock.now(), session)
    return session


def test_ready_phrases_are_spoken_and_missing_ones_beep() -> None:
    player = Player()
    phrases = Phrases(ready={"Three.", "One.", "Go."})
    run(Announcer(player, phrases), 6)
    assert player.heard == ["Three.", "count", "One.", "Go."]


def test_with_the_voice_off_every_moment_beeps() -> None:
    player = Player()
    run(Announcer(player, Phrases(ready={"Three.", "Go."}), voice=False), 6)
    assert player.heard == ["count", "count", "count", "go"]


def test_without_espeak_every_moment_beeps() -> None:
    player = Player()
    announcer = Announcer(player, None)
    assert not announcer.can_speak
    run(announcer, 6)
    assert player.heard == ["count", "count", "count", "go"]


def test_prepare_asks_for_every_phrase_in_order() -> None:
    phrases = Phrases()
    Announcer(Player(), phrases).prepare(build_plan(plank()))
    assert phrases.asked == [
        "Get ready. Banded plank. Hold five seconds.",
        "Three.",
        "Two.",
        "One.",
        "Go.",
        "Workout done. Ten seconds, one set.",
    ]


def test_the_end_line_follows_the_arpeggio_when_it_was_not_ready() -> None:
    """Its words are only known at the end; nothing comes after it to be late for."""
    player = Player()
    run(Announcer(player, Phrases()), 10)
    assert player.done.wait(5)
    assert player.heard[-2:] == ["done", "Workout done. Ten seconds, one set."]


def test_a_get_ready_holds_for_its_words_and_the_count_follows_a_breath_later() -> None:
    """Four seconds of words in a five-second get-ready: it lasts 4 + 1 + 3 s, the screen's
    countdown with it, and the end line is rendered with the time the workout will take."""
    opening = "Get ready. Banded plank. Hold five seconds."
    player = Player()
    phrases = Phrases(ready={opening, "Three.", "Go."}, seconds={opening: 4.0})
    announcer = Announcer(player, phrases)
    clock = FakeClock(0.0)
    session = Session(build_plan(plank()), clock)
    session.start()
    announcer.announce(session.poll(), clock.now(), session)
    assert session.remaining() == 8.0
    heard_at = {}
    while not session.state.is_over:
        clock.advance(0.25)
        before = len(player.heard)
        announcer.announce(session.poll(), clock.now(), session)
        if len(player.heard) > before:
            heard_at.setdefault(player.heard[-1], clock.now())
    assert heard_at["Three."] == 5.0 and heard_at["count"] == 6.0 and heard_at["Go."] == 8.0
    assert phrases.asked[-1] == "Workout done. Thirteen seconds, one set."
