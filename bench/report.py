"""What a benchmark hands back, and how REPORT.md is written from it.

Each benchmark returns a `Section`: exactly what was run, a table of figures beside their
reference, and its goals, each met or not. The report lists every goal at the top, misses
included, so a regression cannot hide in the detail further down.
"""

from __future__ import annotations

import os
import platform
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from importlib.metadata import version
from pathlib import Path


@dataclass(frozen=True)
class Goal:
    goal: str
    """What the issue asks for, e.g. "p99 < 20 ms"."""
    met: bool
    measured: str
    """The figure the verdict was made from, e.g. "p99 4.1 ms"."""

    @property
    def verdict(self) -> str:
        return "**met**" if self.met else "**not met**"


@dataclass
class Section:
    title: str
    ran: str
    """Exactly what was run: programs, sizes, repetitions, what was timed from and to."""
    header: Sequence[str]
    rows: list[Sequence[str]]
    goals: list[Goal]
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    """Wall time the benchmark took, for keeping `make bench` inside its budget."""
    load: float | None = None
    """The machine's 1-minute load average as it began: other work skews every figure."""


@dataclass(frozen=True)
class Machine:
    cpu: str
    cores: int
    system: str
    python: str
    textual: str
    rich: str
    tmux: str

    @classmethod
    def this_one(cls) -> Machine:
        return cls(
            cpu=_cpu_model(),
            cores=os.cpu_count() or 0,
            system=platform.platform(),
            python=platform.python_version(),
            textual=version("textual"),
            rich=version("rich"),
            tmux=_tmux_version(),
        )


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _tmux_version() -> str:
    try:
        return subprocess.run(
            ["tmux", "-V"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "tmux not found"


def render(sections: Sequence[Section], machine: Machine, started: datetime, seconds: float) -> str:
    lines = [
        "# bandtimer benchmarks",
        "",
        f"Written by `make bench` (`python -m bench`) on {started:%Y-%m-%d %H:%M %Z}; "
        f"the whole run took {_minutes(seconds)}.",
        "",
        "Every figure was measured in this run beside a reference, and is given as a median with "
        "its spread; ratios are ours over the reference. Regenerate with `make bench`; "
        "bench/README.md says how each benchmark works. Each section gives the machine's load "
        "average as it began: on a shared machine, other work shows up in the spreads, and "
        "alternating ours and the reference keeps it in both sides of a ratio.",
        "",
        "## Machine",
        "",
        f"- CPU: {machine.cpu}, {machine.cores} cores",
        f"- System: {machine.system}",
        f"- Python {machine.python}, Textual {machine.textual}, Rich {machine.rich}, "
        f"{machine.tmux}",
        "",
        "## Goals",
        "",
        "| benchmark | goal | measured | verdict |",
        "|---|---|---|---|",
    ]
    for section in sections:
        for goal in section.goals:
            lines.append(f"| {section.title} | {goal.goal} | {goal.measured} | {goal.verdict} |")
    lines.append("")
    for number, section in enumerate(sections, start=1):
        lines += _section(number, section)
    return "\n".join(lines)


def _section(number: int, section: Section) -> list[str]:
    lines = [
        f"## {number}. {section.title}",
        "",
        f"*Took {_minutes(section.seconds)}{_load(section.load)}.* {section.ran}",
        "",
        "| " + " | ".join(section.header) + " |",
        "|" + "---|" * len(section.header),
    ]
    lines += ["| " + " | ".join(row) + " |" for row in section.rows]
    lines.append("")
    lines += [f"- {goal.verdict}: {goal.goal} — {goal.measured}" for goal in section.goals]
    if section.notes:
        lines.append("")
        lines += section.notes
    lines.append("")
    return lines


def _load(load: float | None) -> str:
    return "" if load is None else f"; load average {load:.2f} as it began"


def _minutes(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60} min {whole % 60:02d} s" if whole >= 60 else f"{seconds:.1f} s"
