"""How a batch of session events becomes one sound: a spoken phrase, or the beep for it.

The words come from `speech`, the beeps from `cues`, the rendered phrases
from a `PhraseBook` and the sound from the one `CuePlayer`. The rule that ties them: a phrase
is spoken only if it is ready at the moment it falls due; otherwise its beep plays then, never
the phrase later. The one exception is the line at the end, whose words (the time taken, the
sets done) are only known then: the arpeggio plays at once and the line follows it as soon as
it is rendered, since nothing comes after it to be late for.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from bandtimer.coach.cues import choose_cue
from bandtimer.coach.speech import choose_line, phrases_for
from bandtimer.domain.events import Event, WorkoutFinished
from bandtimer.domain.plan import Plan
from bandtimer.domain.session import Session
from bandtimer.sound import Clip, CuePlayer

END_LINE_WAIT_SECONDS = 10.0
"""The end line is dropped if it cannot be rendered in this long."""
ARPEGGIO_SECONDS = 0.85
"""The shipped `done` cue's length: the end line waits for it (a longer custom one is cut)."""


class Phrases(Protocol):
    """What the announcer needs of a `bandtimer.voice.PhraseBook`."""

    def clip(self, text: str) -> Clip | None: ...

    def prepare(self, texts: Iterable[str]) -> None: ...

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
                clip = self.phrases.clip(line.text)
                if clip is not None:
                    self.player.play_clip(clip, instead=line.cue)
                    return
                if any(isinstance(event, WorkoutFinished) for event in events):
                    self._say_after_the_arpeggio(line.text)
        if cue is not None:
            self.player.play(cue)

    def _say_after_the_arpeggio(self, text: str) -> None:
        assert self.phrases is not None
        not_before = time.monotonic() + ARPEGGIO_SECONDS
        give_up = time.monotonic() + END_LINE_WAIT_SECONDS
        player = self.player

        def play(clip: Clip) -> None:  # on the phrase worker
            if time.monotonic() > give_up:
                return
            time.sleep(max(0.0, not_before - time.monotonic()))
            player.play_clip(clip, instead=None)

        self.phrases.when_ready(text, play)

