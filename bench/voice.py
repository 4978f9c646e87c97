"""Benchmark 7: the voice. How late a sound starts, what rendering phrases costs, and the CPU.

Three measurements:

* **Onset delay**, from the moment a cue or phrase falls due to the player having its stream
  started. The real app (`bench.voice_app`) follows "Voice bench" (35 s: a get-ready, held reps,
  a rest, tempo reps on each side, a quick tempo set) in tmux, with ALSA writing to a file PCM,
  once with the voice and, at the same time, once with `--no-voice` as the reference. The phrase
  cache is warm, as it is from a person's second workout on.
* **CPU** of those two over the workout, against the bare Digits app redrawing at 10 Hz,
  all three running at once (/proc/PID/stat, as in the resources benchmark).
* **Rendering** every phrase of each shipped routine with espeak-ng into an empty cache (cold)
  and again from that cache (warm), in this process, with the worker the app uses. The cold
  render runs as it would at a workout's start: each phrase's ready time is compared with when
  the workout first says it. The reference is one bare `espeak-ng` call saying "Go.".
"""

from __future__ import annotations

import json
import math
import subprocess
import tempfile
import time
from pathlib import Path

from bandtimer.coach.speech import choose_line, first_phrase, phrases_for
from bandtimer.domain.clock import FakeClock
from bandtimer.domain.plan import Plan, build_plan
from bandtimer.domain.session import Session
from bandtimer.storage.locations import Locations, shipped_routines_dir
from bandtimer.storage.routines import load_routine
from bandtimer.voice import Espeak, PhraseBook, VoiceSettings
from bench.report import Goal, Section
from bench.resources import cpu_seconds
from bench.routines import write_routine
from bench.startup import BARE_APP, shows_digits
from bench.stats import Spread, paired_ratios, percentile, ratio_text
from bench.terminal import ROOT, Terminal, python_argv

ONSET_GOAL = 0.050
CPU_GOAL = 1.5
SETTLE_SECONDS = 1.0
ALSA_TEMPLATE = ROOT / "tests" / "data" / "alsa" / "file-pcm.conf"

VOICE_ROUTINE = """
name = "Voice bench"

[timing]
get_ready = 4
rest_between_exercises = 4
switch_sides = 3
rep_release = 1

[[exercise]]
name = "Glute bridge"
band = "mini"
placement = "above the knees"
sets = 1
reps = 2
hold = 5

[[exercise]]
name = "Clam shell"
band = "mini"
placement = "around the thighs"
sides = "each"
sets = 1
reps = 2
tempo = 1.5

[[exercise]]
name = "Fast steps"
sets = 1
reps = 3
tempo = 1.0
"""


def first_due(plan: Plan) -> dict[str, float]:
    """Seconds into the workout each phrase is first said, followed on a fake clock."""
    clock = FakeClock(0.0)
    session = Session(plan, clock)
    session.start()
    due: dict[str, float] = {}
    while True:
        line = choose_line(session.poll(), clock.now(), session)
        if line is not None and line.text is not None:
            due.setdefault(line.text, clock.now())
        if session.state.is_over:
            return due
        clock.advance(0.25)


def render_times(plan: Plan, espeak: Espeak) -> dict[str, object]:
    texts = phrases_for(plan)
    due = first_due(plan)
    opening = first_phrase(plan)
    with tempfile.TemporaryDirectory(prefix="bandtimer-bench-voice-") as cache:
        ready: dict[str, float] = {}
        began = time.monotonic()
        cold = PhraseBook(
            espeak,
            VoiceSettings(),
            Path(cache),
            prepare_clip=lambda clip: ready.setdefault(clip.label, time.monotonic() - began),
        )
        cold.prepare(texts)
        assert cold.wait_idle(600)
        cold_seconds = time.monotonic() - began
        late = [t for t in texts if t != opening and ready.get(t, math.inf) > due.get(t, math.inf)]
        began = time.monotonic()
        warm = PhraseBook(espeak, VoiceSettings(), Path(cache))
        warm.prepare(texts)
        assert warm.wait_idle(600)
        warm_seconds = time.monotonic() - began
    return {"phrases": len(texts), "cold": cold_seconds, "warm": warm_seconds, "late": late}


def bare_espeak_seconds(espeak: Espeak, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        began = time.monotonic()
        subprocess.run(
            [espeak.executable, "-v", "en-us", "-s", "170", "-z", "-w", "/dev/null", "--stdin"],
            input=b"Go.",
            capture_output=True,
            check=True,
        )
        times.append(time.monotonic() - began)
    return Spread.of(times).median


def onset_delays(result: dict[str, object]) -> list[float]:
    """Each stream's start minus the due time of the latest sound handed over before it."""
    handovers = result["handovers"]
    assert isinstance(handovers, list)
    delays = []
    for started in result["streams"]:  # type: ignore[attr-defined]
        before = [h for h in handovers if h["at"] <= started]
        if before:  # streams before the first hand-over are open_player's silent probe
            delays.append(started - before[-1]["due"])
    return delays


def measure(runs: int = 2, routine_text: str = VOICE_ROUTINE, shipped: bool = True) -> Section:
    began = time.monotonic()
    espeak = Espeak.find()
    if espeak is None:
        raise RuntimeError("the voice benchmark needs espeak-ng: sudo apt-get install espeak-ng")
    delays: dict[str, list[float]] = {"voice": [], "beeps": []}
    cpu: dict[str, list[float]] = {"voice": [], "beeps": [], "silent": [], "bare": []}
    handed: dict[str, int] = {"voice": 0, "beeps": 0}
    with tempfile.TemporaryDirectory(prefix="bandtimer-bench-") as folder, Terminal() as terminal:
        home = Path(folder)
        routine_file = write_routine(home, "voice-bench", routine_text)
        plan = build_plan(load_routine(routine_file))
        warm = PhraseBook(espeak, VoiceSettings(), Locations.under(home).cache_dir)
        warm.prepare(phrases_for(plan))
        assert warm.wait_idle(600)
        for run in range(runs):
            outs = {}
            for name in ("voice", "beeps"):
                alsa = home / f"alsa-{name}-{run}"
                alsa.mkdir()
                config = alsa / "asound.conf"
                config.write_text(ALSA_TEMPLATE.read_text().replace("@OUT@", str(alsa / "o.wav")))
                outs[name] = home / f"{name}-{run}.json"
                flags = ["--no-voice"] if name == "beeps" else []
                argv = python_argv("-m", "bench.voice_app", str(routine_file), str(outs[name]))
                env = {"BANDTIMER_HOME": folder, "ALSA_CONFIG_PATH": str(config)}
                terminal.start(name, [*argv, *flags], env)
            silent = python_argv(
                "-m", "bench.recording_app", str(routine_file), str(home / f"silent-{run}.json")
            )
            terminal.start("silent", silent, {"BANDTIMER_HOME": folder})
            terminal.start("bare", python_argv(str(BARE_APP)))
            for name in ("voice", "beeps", "silent"):
                terminal.wait_for(name, lambda screen: "seconds left" in screen)
            terminal.wait_for("bare", shows_digits)
            pids = {name: terminal.pid(name) for name in cpu}
            time.sleep(SETTLE_SECONDS)
            first = {name: cpu_seconds(pid) for name, pid in pids.items()}
            window_began = time.monotonic()
            window = max(0.5, plan.total_seconds - SETTLE_SECONDS - 3)
            time.sleep(window)
            elapsed = time.monotonic() - window_began
            for name, pid in pids.items():
                cpu[name].append((cpu_seconds(pid) - first[name]) / elapsed)
            for name in ("voice", "beeps"):
                result = _wait_for_result(terminal, name, outs[name])
                if "error" in result:
                    raise RuntimeError(str(result["error"]))
                delays[name] += onset_delays(result)
                handed[name] += len(result["handovers"])
            for name in (*outs, "silent", "bare"):
                terminal.stop(name)
    espeak_once = bare_espeak_seconds(espeak)
    renders = {}
    if shipped:
        for path in sorted(shipped_routines_dir().glob("*.toml")):
            routine = load_routine(path)
            renders[routine.name] = render_times(build_plan(routine), espeak)
    return _section(runs, plan, delays, cpu, handed, renders, espeak_once, time.monotonic() - began)


def _wait_for_result(terminal: Terminal, name: str, out: Path) -> dict[str, object]:
    """What `bench.voice_app` wrote on exiting; its screen, with any traceback, if it did not."""
    deadline = time.monotonic() + 60
    while not out.exists():
        if time.monotonic() > deadline or terminal.exited(name):
            raise RuntimeError(f"{name} wrote no result; its screen:\n{terminal.capture(name)}")
        time.sleep(0.2)
    result: dict[str, object] = json.loads(out.read_text())
    return result


def _delay_text(samples: list[float]) -> str:
    if not samples:
        return "no sounds"
    return (
        f"p50 {percentile(samples, 0.5) * 1000:.1f} ms, p95 {percentile(samples, 0.95) * 1000:.1f}"
        f" ms, max {max(samples) * 1000:.1f} ms (n={len(samples)})"
    )


def _section(
    runs: int,
    plan: Plan,
    delays: dict[str, list[float]],
    cpu: dict[str, list[float]],
    handed: dict[str, int],
    renders: dict[str, dict[str, object]],
    espeak_once: float,
    took: float,
) -> Section:
    voice_p95 = percentile(delays["voice"], 0.95) if delays["voice"] else math.inf
    beeps_p95 = percentile(delays["beeps"], 0.95) if delays["beeps"] else math.inf
    voice_cpu = paired_ratios(cpu["voice"], cpu["bare"])
    beeps_cpu = paired_ratios(cpu["beeps"], cpu["bare"])
    rows: list[list[str]] = [
        ["onset delay: due → stream started", _delay_text(delays["voice"]),
         f"--no-voice: {_delay_text(delays['beeps'])}",
         f"{voice_p95 / beeps_p95:.2f}× at p95"],
        ["CPU over the workout, share of one core", Spread.of(cpu["voice"]).describe("%", 100),
         f"bare Digits app: {Spread.of(cpu['bare']).describe('%', 100)}", ratio_text(voice_cpu)],
        ["CPU with --no-voice", Spread.of(cpu["beeps"]).describe("%", 100),
         f"bare Digits app: {Spread.of(cpu['bare']).describe('%', 100)}", ratio_text(beeps_cpu)],
        ["CPU with a silent player (no sound at all)", Spread.of(cpu["silent"]).describe("%", 100),
         f"bare Digits app: {Spread.of(cpu['bare']).describe('%', 100)}",
         ratio_text(paired_ratios(cpu["silent"], cpu["bare"]))],
        ["CPU with the voice against a silent player", Spread.of(cpu["voice"]).describe("%", 100),
         f"silent player: {Spread.of(cpu['silent']).describe('%', 100)}",
         ratio_text(paired_ratios(cpu["voice"], cpu["silent"]))],
    ]  # fmt: skip
    late_total = 0
    for name, render in renders.items():
        late = render["late"]
        assert isinstance(late, list)
        late_total += len(late)
        cold, warm = float(render["cold"]), float(render["warm"])  # type: ignore[arg-type]
        rows.append([
            f"render every phrase of “{name}” ({render['phrases']} phrases)",
            f"cold {cold:.2f} s; warm {warm * 1000:.0f} ms; late on a cold start: {len(late)}",
            f"one bare espeak-ng call: {espeak_once * 1000:.0f} ms",
            f"cold {cold / espeak_once:.0f}×, warm {warm / espeak_once:.2f}×",
        ])  # fmt: skip
    ran = (
        f"{runs} runs of “Voice bench” ({plan.total_seconds:g} s) in the real app in tmux "
        "(100×30) with ALSA writing to a file PCM: once with the voice (phrase cache warm) and, "
        "at the same time, once with --no-voice and once with a silent player "
        "(`bench.recording_app`), beside the bare Digits app at 10 Hz. Onset "
        "delay: from the due time of what was handed to the player (the latest event's `at`) to "
        "`simpleaudio.play_buffer` returning on the player's worker, wrapped in that process "
        f"only; {handed['voice']} sounds handed over with the voice, {handed['beeps']} without. "
        f"CPU: /proc/PID/stat over {plan.total_seconds - SETTLE_SECONDS - 3:g} s of each run "
        "after 1 s to settle. Rendering: each shipped routine's phrases with espeak-ng 1 by 1 on "
        "the app's worker into an empty cache (cold), then again from it (warm); “late” counts "
        "phrases, other than the opening line (rendered while the menu is open), ready after the "
        "moment a workout started at the same time would first say them."
    )
    goals = [
        Goal(f"onset delay p95 ≤ {ONSET_GOAL * 1000:.0f} ms with the voice",
             voice_p95 <= ONSET_GOAL, f"p95 {voice_p95 * 1000:.1f} ms"),
        Goal(f"CPU with the voice within {CPU_GOAL}× the bare app",
             Spread.of(voice_cpu).median <= CPU_GOAL, f"{Spread.of(voice_cpu).median:.2f}×"),
    ]  # fmt: skip
    if renders:
        goals.append(
            Goal("a cold cache leaves no phrase late (report)", late_total == 0,
                 f"{late_total} late over {len(renders)} routines")
        )  # fmt: skip
    return Section(
        "Voice", ran, ["figure", "bandtimer", "reference", "ratio"], rows, goals, [], took
    )

