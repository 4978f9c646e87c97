"""`bandtimer plan`, `plan start`, `plan stop` and `check` on plan files, as a person runs them:
real processes, real files in tmp_path, a history written as the app writes it."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from bandtimer.storage.locations import Locations, shipped_routines_dir
from bandtimer.storage.plans import (
    ActivePlan,
    read_active_plan,
    routines_by_name,
    write_active_plan,
)
from bandtimer.storage.routines import discover_routines
from tests.test_cli import ROOT, bandtimer
from tests.ui.harness import save_workout

PLAN = "Six weeks to the full mini band workout"
ROUTINES = routines_by_name(discover_routines(shipped_routines_dir(), Path("/nonexistent")))


def test_without_a_plan_it_lists_the_plans_and_how_to_start(tmp_path: Path) -> None:
    result = bandtimer("plan", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "No plan is being followed.",
        "Plans:",
        f"  {PLAN}: 6 weeks, 2 sessions a week",
        "Start one with: bandtimer plan start NAME",
    ]


def test_start_writes_the_state_and_stop_removes_it(tmp_path: Path) -> None:
    result = bandtimer("plan", "start", "six", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"Following {PLAN!r} from today" in result.stdout
    active = read_active_plan(Locations.under(tmp_path).active_plan_file)
    assert active is not None and active.name == PLAN
    assert abs(datetime.now().astimezone() - active.started) < timedelta(minutes=5)
    shown = bandtimer("plan", home=tmp_path).stdout.splitlines()
    assert shown[2].endswith("· week 1 of 6 · session 1 of 2 · 0 of 12 sessions done")
    assert shown[3] == "Next: Marathoner deep strength (15:00)"
    assert bandtimer("plan", "stop", home=tmp_path).stdout.startswith("Stopped following")
    assert read_active_plan(Locations.under(tmp_path).active_plan_file) is None
    assert bandtimer("plan", "stop", home=tmp_path).stdout == "No plan was being followed.\n"


def test_a_plan_that_is_not_there_is_refused(tmp_path: Path) -> None:
    result = bandtimer("plan", "start", "couch to 5k", home=tmp_path)
    assert result.returncode == 1
    assert result.stderr == f"No plan called 'couch to 5k'. Known plans: {PLAN!r}\n"
    assert not Locations.under(tmp_path).active_plan_file.exists()


def test_the_state_follows_the_logged_sessions(tmp_path: Path) -> None:
    now = datetime.now().astimezone()
    started = now - timedelta(days=5)
    write_active_plan(Locations.under(tmp_path).active_plan_file, ActivePlan(PLAN, started))
    for days in (5, 2):  # week 1 done, on two days
        save_workout(tmp_path, ROUTINES["marathoner deep strength"], now - timedelta(days=days))
    save_workout(tmp_path, ROUTINES["marathoner deep strength"], now - timedelta(hours=1))
    lines = bandtimer("plan", home=tmp_path).stdout.splitlines()
    assert lines[2].endswith("· week 2 of 6 · session 2 of 2 · 3 of 12 sessions done")
    assert lines[3] == "Next: Mini band weekday (19:34)"
    due = (now - timedelta(hours=1)).date() + timedelta(days=6)
    assert lines[4] == f"Finish week 2 by {due:%a %-d %b}, or it starts over."
    assert lines[6] == "Week 1  done  ✓ Marathoner deep strength, ✓ Marathoner deep strength"
    assert lines[7] == "Week 2  now   ✓ Marathoner deep strength, · Mini band weekday"
    assert "           Mini band weekday: Banded plank 30 s hold" in lines


def test_a_broken_state_file_is_reported_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "active-plan.toml").write_text("plan = 3\n", encoding="utf-8")
    result = bandtimer("plan", home=tmp_path)
    assert result.returncode == 1
    assert "active-plan.toml: `plan` must name the plan being followed" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_reads_plan_files_against_the_routines(tmp_path: Path) -> None:
    shipped = ROOT / "plans" / "six-weeks-to-mini-band.toml"
    broken = tmp_path / "plans" / "mine.toml"
    broken.parent.mkdir()
    broken.write_text(
        'name = "Mine"\nsessions_per_week = 1\n[[week]]\nsessions = ["Quick tri"]\n',
        encoding="utf-8",
    )
    result = bandtimer("check", str(shipped), str(broken), home=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{shipped}: ok, plan {PLAN!r}: 6 weeks, 12 sessions",
        f'{broken}:4: week 1: plan "Mine" names routine "Quick tri", which does not exist; '
        'did you mean "Quick try"? (session 1)',
        "1 file of 2 with problems",
    ]


def test_show_times_the_plans_session_at_its_weeks_doses(tmp_path: Path) -> None:
    now = datetime.now().astimezone()
    started = now - timedelta(days=10)
    write_active_plan(Locations.under(tmp_path).active_plan_file, ActivePlan(PLAN, started))
    for days, name in ((10, "marathoner deep strength"), (9, "marathoner deep strength")):
        save_workout(tmp_path, ROUTINES[name], now - timedelta(days=days))
    for days, name in ((3, "marathoner deep strength"), (2, "mini band weekday")):
        save_workout(tmp_path, ROUTINES[name], now - timedelta(days=days))
    shown = bandtimer("show", "weekday", home=tmp_path).stdout
    assert "Planned total: 21:34 · 8 exercises" in shown  # week 3: the plank at 30 s
    assert "Banded plank: 30 s this time, up from 10 s" in shown
    stopped = bandtimer("plan", "stop", home=tmp_path)
    assert stopped.returncode == 0
    assert "Planned total: 19:34" in bandtimer("show", "weekday", home=tmp_path).stdout
