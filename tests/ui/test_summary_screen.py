"""What the runner reads when a workout ends, checked on the rendered screen."""

from __future__ import annotations

import asyncio

from textual.app import App

from bandtimer.domain.clock import FakeClock
from bandtimer.domain.plan import build_plan
from bandtimer.domain.routine import Exercise, IntRange, Routine, Sides, Timing
from bandtimer.domain.session import Session
from bandtimer.domain.set_kinds import CountedReps, TimedHold
from bandtimer.domain.summary import ExerciseSummary, SetResult, WorkoutSummary, summarize
from bandtimer.ui.screens.summary import NOT_RECORDED, SummaryScreen
from bandtimer.ui.widgets.big_word import render_big


def sets(*figures: int | tuple[int, bool], hold: bool = False) -> tuple[SetResult, ...]:
    """`sets(12, 12, (7, False))`: reps (or seconds with hold=True) per set; False = not done."""
    results = []
    for number, figure in enumerate(figures, start=1):
        value, done = figure if isinstance(figure, tuple) else (figure, True)
        reps = None if hold else value
        results.append(SetResult(number, done, reps, float(value) if hold else value * 2.0))
    return tuple(results)


def clamshell(name: str = "Clamshell") -> ExerciseSummary:
    return ExerciseSummary(
        number=1,
        name=name,
        exercise=Exercise(
            name, IntRange.exactly(3), kind=CountedReps(IntRange(10, 12)), sides=Sides.EACH
        ),
        planned_sets=3,
        planned_reps=IntRange(10, 12),
        planned_hold=None,
        is_timed_hold=False,
        sides=("right", "left"),
        results=(sets(12, 12, 10), sets(12, 11, (7, False))),
    )


def plank() -> ExerciseSummary:
    return ExerciseSummary(
        number=2,
        name="Plank",
        exercise=Exercise("Plank", IntRange.exactly(2), kind=TimedHold(IntRange(30, 45))),
        planned_sets=2,
        planned_reps=None,
        planned_hold=30,
        is_timed_hold=True,
        sides=("",),
        results=(sets(30, 30, hold=True),),
    )


def monster_walk(results: tuple[SetResult, ...] = ()) -> ExerciseSummary:
    return ExerciseSummary(
        number=3,
        name="Monster walk",
        exercise=Exercise(
            "Monster walk", IntRange.exactly(2), kind=CountedReps(IntRange.exactly(10))
        ),
        planned_sets=2,
        planned_reps=IntRange.exactly(10),
        planned_hold=None,
        is_timed_hold=False,
        sides=("",),
        results=(results,),
    )


def workout(
    *exercises: ExerciseSummary, completed: bool = True, routine_name: str = "Hips for runners"
) -> WorkoutSummary:
    return WorkoutSummary(
        routine_name=routine_name,
        completed=completed,
        work_seconds=540,
        rest_seconds=120,
        paused_seconds=100,
        total_seconds=760,
        planned_seconds=720,
        exercises=exercises,
    )


class SummaryApp(App[None]):
    """Shows one summary over an empty screen and writes down what it was dismissed with."""

    def __init__(self, screen: SummaryScreen) -> None:
        super().__init__()
        self.summary_screen = screen
        self.dismissed: list[object] = []

    def on_mount(self) -> None:
        self.push_screen(self.summary_screen, callback=self.dismissed.append)


def screen_text(app: App[None]) -> str:
    """The characters on the terminal, row by row, as the person sees them."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def in_big_letters(words: str, text: str) -> bool:
    """Whether the heading shows `words` in the workout's big letters, as at 80×24."""
    return all(row in text for row in render_big(words).splitlines())


def shown(screen: SummaryScreen, size: tuple[int, int] = (80, 24)) -> str:
    async def run() -> str:
        app = SummaryApp(screen)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            return screen_text(app)

    return asyncio.run(run())


def test_a_finished_workout_shows_done_against_planned():
    text = shown(SummaryScreen(workout(clamshell(), plank(), monster_walk(sets((0, False))))))

    assert in_big_letters("Workout complete", text)
    assert "Hips for runners" in text
    assert "Total 12:40 = work 9:00 + rests 2:00 + paused 1:40 · planned 12:00" in text
    for column in ("Sets", "Each set", "Band", "Feel", "Next time"):
        assert column in text
    assert "3/3" in text and "12 · 12 · 10" in text
    assert "2/3" in text and "12 · 11 · 7" in text
    assert "2/2" in text and "30 · 30 s" in text
    assert "0/2" in text and "skipped" in text
    assert NOT_RECORDED == "Not recorded: the history could not be written (see the message above)."
    assert NOT_RECORDED in text
    assert "Done" in text


def test_each_row_is_one_line_at_80_columns():
    text = shown(SummaryScreen(workout(clamshell(), plank(), monster_walk())))
    rows = text.splitlines()

    assert any("Clamshell" in row and "12 · 12 · 10" in row for row in rows)
    assert any("right" in row for row in rows)  # under the name: no room for a side column
    assert any("left" in row and "12 · 11 · 7" in row for row in rows)
    assert any("Plank" in row and "30 · 30 s" in row for row in rows)
    assert "…" not in text


def test_a_wide_terminal_gives_the_side_a_column():
    rows = shown(SummaryScreen(workout(clamshell(), plank())), size=(120, 30)).splitlines()

    assert any("Clamshell" in row and "right" in row and "12 · 12 · 10" in row for row in rows)


def test_a_narrow_terminal_drops_the_band_and_next_time_columns_and_keeps_the_figures():
    text = shown(SummaryScreen(workout(clamshell(), plank())), size=(45, 20))

    assert "Band" not in text and "Next time" not in text
    for figure in ("Clamshell", "right", "left", "3/3", "12 · 12 · 10", "12 · 11 · 7", "30 · 30 s"):
        assert figure in text


def test_a_stopped_workout_says_so_and_marks_what_was_not_reached():
    text = shown(SummaryScreen(workout(clamshell(), monster_walk(), completed=False)))

    assert in_big_letters("Stopped early", text)
    assert not in_big_letters("Workout complete", text)
    assert "not reached" in text


def test_where_it_was_recorded_is_shown_when_known():
    text = shown(SummaryScreen(workout(plank()), recorded_to="~/history"))

    assert "Saved to your history in ~/history" in text
    assert "Not recorded" not in text


def test_names_from_routine_files_are_shown_verbatim_not_as_markup():
    summary = workout(clamshell("[bold]x[/]"), routine_name="[red]Mine[/red] [link=x]y")

    text = shown(SummaryScreen(summary, recorded_to="/tmp/[b]h[/b].toml"))

    assert "[bold]x[/]" in text
    assert "[red]Mine[/red] [link=x]y" in text
    assert "/tmp/[b]h[/b].toml" in text


def test_workout_keys_never_leave_it_and_esc_or_q_only_after_two_seconds():
    async def run(key: str) -> list[object]:
        clock = FakeClock()
        app = SummaryApp(SummaryScreen(workout(plank()), clock=clock))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("enter", "space", "s", "b", "f", "c", "escape", "q")
            clock.advance(1.9)
            await pilot.press("enter", "escape", "q")
            await pilot.pause()
            assert isinstance(app.screen, SummaryScreen)
            clock.advance(0.1)
            await pilot.press("enter", "space")
            await pilot.pause()
            assert isinstance(app.screen, SummaryScreen), "Enter and space never leave it"
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, SummaryScreen)
            return app.dismissed

    assert asyncio.run(run("escape")) == [None]
    assert asyncio.run(run("q")) == [None]


def test_a_tiny_terminal_still_shows_the_heading_and_does_not_crash():
    summary = workout(clamshell("A very long exercise name indeed"), plank(), monster_walk())

    text = shown(
        SummaryScreen(summary, recorded_to="/a/long/path/to/a/history/file.toml"), size=(30, 10)
    )

    assert "Workout complete" in text


def test_a_summarised_session_shows_on_the_screen():
    """From a real session: the figures the domain works out are the ones on the screen."""
    hold = Exercise("Wall sit", sets=IntRange.exactly(2), kind=TimedHold(IntRange.exactly(20)))
    routine = Routine("Quick legs", (hold,), timing=Timing(get_ready=5, rest_between_sets=10))
    clock = FakeClock()
    session = Session(build_plan(routine), clock)
    session.start()
    clock.advance(5 + 20 + 10 + 12)
    session.quit()

    text = shown(SummaryScreen(summarize(session)))

    assert in_big_letters("Stopped early", text)
    assert "Quick legs" in text
    assert "Total 0:47 = work 0:32 + rests 0:15 + paused 0:00 · planned 0:55" in text
    assert "1/2" in text and "20 · 12 s" in text
