"""How a batch of session events becomes one sound: a spoken phrase, or the beep for it.

The words come from `speech`, the beeps from `cues`, the rendered phrases
from a `PhraseBook` and the sound from the one `CuePlayer`. The rules that tie them: a phrase
is spoken only if it is ready at the moment it falls due; otherwise its beep plays then, never
the phrase later. And no phrase runs into the next sound: the announcer knows each rendered
phrase's length and, by the line's `TooLong`, holds the pause (a get-ready, a side switch: the
countdown on screen grows with it), says a shorter form, or beeps instead.

The one exception to "never late" is the line at the end, whose words (the time taken, the
sets done) are only known then: the arpeggio plays at once and the line follows it as soon as
it is rendered, since nothing comes after it to be late for.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from bandtimer.coach.cues import choose_cue
from bandtimer.coach.speech import (
    Line,
    TooLong,
    choose_line,
    expected_finish_line,
    phrases_for,
)
from bandtimer.domain.events import Event, WorkoutFinished
from bandtimer.domain.plan import Plan
from bandtimer.domain.session import Session
from bandtimer.domain.set_kinds import COUNTDOWN_FROM
from bandtimer.sound import Clip, CuePlayer

END_LINE_WAIT_SECONDS = 10.0
"""The end line is dropped if it cannot be rendered in this long."""
ARPEGGIO_SECONDS = 0.85
"""The shipped `done` cue's length: the end line waits for it and a space (a longer custom one
is cut)."""
BREATH_SECONDS = 1.0
"""Silence between a pause's words and its three, two, one: time to hear that the count
starts."""
SPACE_SECONDS = 0.2
"""The least silence between a phrase inside a set and the set's next sound."""


class Phrases(Protocol):
    """What the announcer needs of a `bandtimer.voice.PhraseBook`."""

    def clip(self, text: str) -> Clip | None: ...

    def prepare(self, texts: Iterable[str], *, last: bool = False) -> None: ...

    def prepare_from(self, list_phrases: Callable[[], Iterable[str]]) -> None: ...

    def when_ready(self, text: str, then: Callable[[Clip], None]) -> None: ...


class Announcer:
    """Sounds what falls due; `voice` is switched by the person at any time (`v`)."""

    def __init__(self, player: CuePlayer, phrases: Phrases | None, *, voice: bool = True):
        self.player = player
        self.phrases = phrases
        self.voice = voice

    @property
    def can_speak(self) -> bool:
        return self.phrases is not None

    def prepare(self, plan: Plan, from_index: int = 0) -> None:
        """Have every phrase of the workout rendered, in the order due, on the phrase worker."""
        if self.phrases is not None:
            self.phrases.prepare_from(lambda: phrases_for(plan, from_index))

    def announce(self, events: Sequence[Event], now: float, session: Session) -> None:
        cue = choose_cue(events, now)
        if self.voice and self.phrases is not None:
            line = choose_line(events, now, session)
            if line is not None and line.text is not None:
                clip = self._fitting(line, session)
                if clip is not None:
                    self.player.play_clip(clip, instead=line.cue)
                    return
                if any(isinstance(event, WorkoutFinished) for event in events):
                    self._say_after_the_arpeggio(line.text)
        if cue is not None:
            self.player.play(cue)

    def _fitting(self, line: Line, session: Session) -> Clip | None:
        """The longest ready form of `line` that ends before the next sound, holding the pause
        if the line's `TooLong` says so; None to beep instead (nothing ready, or nothing fits)."""
        assert self.phrases is not None
        clips = [clip for text in line.forms if (clip := self.phrases.clip(text)) is not None]
        if not clips:
            return None
        room = _room(session, line)
        if room is None:
            return clips[0]
        if line.too_long is TooLong.HOLD:
            self._hold(session, clips[0], room)
            return clips[0]
        gap = SPACE_SECONDS if line.too_long is TooLong.SHORTEN_THEN_BEEP else BREATH_SECONDS
        for clip in clips:
            if clip.seconds + gap <= room:
                return clip
        if line.too_long is TooLong.SHORTEN_THEN_HOLD:
            self._hold(session, clips[-1], room)
            return clips[-1]
        return None

    def _hold(self, session: Session, clip: Clip, room: float) -> None:
        """Lengthen the pause under way so its count starts a breath after `clip` ends; the
        workout now ends later than planned, so the end line's words change: render them."""
        assert self.phrases is not None
        short_by = clip.seconds + BREATH_SECONDS - room
        if short_by > 0 and session.adjust_rest(short_by):
            self.phrases.prepare([expected_finish_line(session).text or ""], last=True)

    def _say_after_the_arpeggio(self, text: str) -> None:
        assert self.phrases is not None
        not_before = time.monotonic() + ARPEGGIO_SECONDS + SPACE_SECONDS
        give_up = time.monotonic() + END_LINE_WAIT_SECONDS
        player = self.player

        def play(clip: Clip) -> None:  # on the phrase worker
            if time.monotonic() > give_up:
                return
            time.sleep(max(0.0, not_before - time.monotonic()))
            player.play_clip(clip, instead=None)

        self.phrases.when_ready(text, play)



def _room(session: Session, line: Line) -> float | None:
    """Seconds from now until the next sound the session will make without a key.

    For the words that open a pause, until its three: negative if the pause is shorter than
    its count (the three of a 3 s switch falls with its start, and is passed over for the
    words). Otherwise until the next moment. None when nothing is due before a key.
    """
    if line.too_long is not TooLong.SHORTEN_THEN_BEEP and session.current.is_rest:
        remaining = session.remaining()
        return None if remaining is None else remaining - COUNTDOWN_FROM
    return session.until_next_event()
