"""Every routine followed with the voice on, on a simulated clock: no two sounds at once.

Judged from the mat: a runner lying on the floor must hear each phrase whole and then a clean
three, two, one, go. The phrases are rendered by the real espeak-ng (their lengths are what
matter), once for the module; the session runs on a `FakeClock` with the real `Announcer`, and a
player that writes down when each sound starts and how long it lasts. The recorded WAVs of a
real run are checked the same way in `test_voice_alsa`.
"""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest

from bandtimer.coach.announcer import BREATH_SECONDS, Announcer
from bandtimer.coach.speech import phrases_for, spoken_name
from bandtimer.domain.clock import FakeClock
from bandtimer.domain.events import SegmentStarted
from bandtimer.domain.plan import Plan, SegmentKind, build_plan
from bandtimer.domain.session import Session
from bandtimer.sound import Clip, Cue, load_cues
from bandtimer.storage.locations import shipped_routines_dir
from bandtimer.storage.routines import load_routine
from bandtimer.voice import Espeak, PhraseBook, VoiceSettings

pytestmark = [
    pytest.mark.skipif(
        shutil.which("espeak-ng") is None,
        reason="espeak-ng is not installed; `make test` installs it",
    ),
    # One worker renders the phrases (`book`, for the module) and follows every routine: spread
    # over the workers, each would render all of them again.
    pytest.mark.xdist_group("voice-schedule"),
]

SOUNDS = Path(__file__).resolve().parent.parent / "sounds"
SILENCE_SECONDS = 0.15
"""The least silence between two sounds for them to be heard apart."""

EDGES = """
name = "Edges"

[timing]
get_ready = 3
rest_between_sets = 5
rest_between_exercises = 5
switch_sides = 3
rep_release = 1

[[exercise]]
name = "Quick steps with a rather long name for a quick exercise"
band = "mini"
placement = "around both ankles, low, with the feet under the hips"
sides = "each"
sets = 2
reps = 6
tempo = 1.0

[[exercise]]
name = "Short squeeze"
band = "loop"
placement = "above the knees"
sides = "each"
sets = 1
reps = 3
hold = 5

[[exercise]]
name = "Counted clams"
band = "mini"
sides = "each"
sets = 2
reps = 24
tempo = 1.5

[[exercise]]
name = "Side plank"
sides = "each"
sets = 1
hold = 25

[[exercise]]
name = "Long hold"
band = "tube with handles"
placement = "both ends in the hands"
anchor = "a door anchor at chest height"
sets = 1
reps = 2
hold = 20

[[exercise]]
name = "Squat pulses"
band = "loop"
sets = 2
work = 20
"""
"""Short pauses, quick tempos, short and long holds: where words are most likely to collide."""


@dataclass(frozen=True)
class Sound:
    at: float
    seconds: float
    label: str

    @property
    def end(self) -> float:
        return self.at + self.seconds


class Recorder:
    """A player that notes each sound's start on the fake clock and its length."""

    def __init__(self, clock: FakeClock, cues: dict[Cue, Clip]) -> None:
        self.clock = clock
        self.cues = cues
        self.sounds: list[Sound] = []

    def play(self, cue: Cue) -> None:
        self.play_clip(self.cues[cue], instead=cue)

    def play_clip(self, clip: Clip, instead: Cue | None) -> None:
        self.sounds.append(Sound(self.clock.now(), clip.seconds, clip.label))

    def set_volume(self, volume: float) -> None:
        pass


class Rendered:
    """The module's rendered phrases; the end line's words depend on the time taken and are
    said after the arpeggio (`Announcer`), so they are not followed here."""

    def __init__(self, book: PhraseBook) -> None:
        self.book = book

    def clip(self, text: str) -> Clip | None:
        clip = self.book.clip(text)
        assert clip is not None or text.startswith("Workout done."), text
        return clip

    def prepare(self, texts: Iterable[str], *, last: bool = False) -> None:
        pass

    def prepare_from(self, list_phrases: Callable[[], Iterable[str]]) -> None:
        pass

    def when_ready(self, text: str, then: Callable[[Clip], None]) -> None:
        pass


def plans() -> dict[str, Plan]:
    paths = sorted(shipped_routines_dir().glob("*.toml"))
    return {path.stem: build_plan(load_routine(path)) for path in paths}


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> PhraseBook:
    espeak = Espeak.find()
    assert espeak is not None
    book = PhraseBook(espeak, VoiceSettings(), tmp_path_factory.mktemp("voice-cache"))
    edges = tmp_path_factory.mktemp("edges") / "edges.toml"
    edges.write_text(EDGES)
    for plan in [*plans().values(), build_plan(load_routine(edges))]:
        book.prepare(phrases_for(plan))
    assert book.wait_idle(timeout=300)
    return book


@dataclass
class Followed:
    sounds: list[Sound]
    starts: list[tuple[float, SegmentStarted]]
    session: Session


def follow(plan: Plan, book: PhraseBook) -> Followed:
    """Follow `plan` with the voice on, from one event to the next; a set counted by hand is
    ended at once, as a quick runner would."""
    clock = FakeClock(0.0)
    player = Recorder(clock, load_cues(SOUNDS)[0])
    announcer = Announcer(player, Rendered(book))
    session = Session(plan, clock)
    session.start()
    starts = []
    while True:
        events = session.poll()
        starts += [(clock.now(), e) for e in events if isinstance(e, SegmentStarted)]
        announcer.announce(events, clock.now(), session)
        if session.state.is_over:
            return Followed(player.sounds, starts, session)
        wait = session.until_next_event()
        if wait is None:
            session.skip()
        else:
            clock.advance(max(wait, 1e-6))  # a wait below a float's step would never arrive


def edges_plan(tmp_path: Path) -> Plan:
    path = tmp_path / "edges.toml"
    path.write_text(EDGES)
    return build_plan(load_routine(path))


def check_no_overlap(sounds: list[Sound]) -> None:
    for before, after in itertools.pairwise(sounds):
        silence = after.at - before.end
        assert silence >= SILENCE_SECONDS, (before, after)


def check_clean_countdowns(followed: Followed) -> None:
    """Each set of work that a pause of three seconds or more leads into is met with three,
    two, one a second apart, the go last, each alone."""
    sounds = followed.sounds
    for at, started in followed.starts:
        segment = started.segment
        if not segment.is_work or segment.index == 0:
            continue
        before = followed.session.plan[segment.index - 1]
        if before.is_work:
            continue
        count = [sound for sound in sounds if at - 3.5 < sound.at < at]
        assert [sound.label for sound in count] == ["Three.", "Two.", "One."], (at, count)
        assert [round(at - sound.at, 3) for sound in count] == [3.0, 2.0, 1.0]


def check_pause_words(followed: Followed) -> None:
    """Every pause opens with words, said whole: at a rest before an exercise, at least the
    exercise's name (the short form says its band and side too)."""
    by_start = {sound.at: sound for sound in followed.sounds}
    for at, started in followed.starts:
        segment = started.segment
        if segment.is_work:
            continue
        said = by_start[at].label
        if segment.kind in (SegmentKind.GET_READY, SegmentKind.REST_BETWEEN_EXERCISES):
            assert spoken_name(segment.exercise) in said, said
        if segment.kind is SegmentKind.SWITCH_SIDES:
            assert said.startswith("Switch sides."), said
        if said.startswith("Up next:") and segment.kind is SegmentKind.REST_BETWEEN_EXERCISES:
            assert segment.exercise.band is None or "band" in said.lower() or "Tube" in said
            assert segment.side is None or f"{segment.side.value.capitalize()} side." in said


@pytest.mark.parametrize("name", sorted(plans()))
def test_no_two_sounds_at_once_in_any_shipped_routine(name: str, book: PhraseBook) -> None:
    followed = follow(plans()[name], book)
    check_no_overlap(followed.sounds)
    check_clean_countdowns(followed)
    check_pause_words(followed)


def test_no_two_sounds_at_once_at_quick_tempos_short_holds_and_short_pauses(
    book: PhraseBook, tmp_path: Path
) -> None:
    followed = follow(edges_plan(tmp_path), book)
    check_no_overlap(followed.sounds)
    check_clean_countdowns(followed)
    check_pause_words(followed)
    labels = [sound.label for sound in followed.sounds]
    assert {"Halfway.", "Ten seconds.", "Twenty-three.", "Release."} <= set(labels)


def test_quick_try_gives_the_get_ready_the_time_its_words_take(book: PhraseBook) -> None:
    """The opening phrase takes some 8 s; the get-ready of 5 s holds for it, and the count
    starts a breath after it ends. The 10 s rest before the next exercise keeps its length and
    says the short form."""
    followed = follow(plans()["quick-try"], book)
    opening, three = followed.sounds[0], followed.sounds[1]
    assert opening.label.startswith("Get ready. Glute bridge.")
    assert opening.seconds > 5
    assert three.label == "Three."
    assert abs(three.at - (opening.end + BREATH_SECONDS)) < 1e-6
    rest = next(
        at for at, started in followed.starts
        if started.segment.kind is SegmentKind.REST_BETWEEN_EXERCISES
    )  # fmt: skip
    said = next(sound for sound in followed.sounds if sound.at == rest)
    assert said.label == "Up next: Lateral banded walk. Mini band. Right side."
    go = next(at for at, started in followed.starts if started.at > rest)
    assert go - rest == 10


def test_side_switches_hold_for_their_words(book: PhraseBook) -> None:
    followed = follow(plans()["quick-try"], book)
    switch = next(
        sound for sound in followed.sounds if sound.label == "Switch sides. Left side."
    )
    three = followed.sounds[followed.sounds.index(switch) + 1]
    assert three.label == "Three." and three.at >= switch.end + BREATH_SECONDS - 1e-6
