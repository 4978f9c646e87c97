"""The reference for countdown accuracy: the countdown everyone writes first.

`python bench/reference_apps/naive_countdown.py SCHEDULE_JSON OUT_JSON`. It walks the same
schedule of whole-second segments as the app by counting ticks of `time.sleep(1)`, and each
tick does the work a real countdown does: it renders the seconds left with Textual's Digits
renderable and writes them to the terminal. Nothing corrects for the time that work and the
sleep's own overshoot take, so every tick is a little longer than a second and the error grows
with the length of the workout. It records, like the app, when each segment's end and each
whole second was noticed against its deadline (start + planned seconds).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from rich.console import Console
from textual.renderables.digits import Digits


def main(schedule_json: str, out: str) -> None:
    schedule = [int(seconds) for seconds in json.loads(schedule_json)]
    console = Console(force_terminal=True, color_system="truecolor", width=80)
    ends: list[dict[str, object]] = []
    seconds: list[dict[str, object]] = []
    start = time.monotonic()
    planned_so_far = 0
    for index, length in enumerate(schedule):
        for left in range(length, 0, -1):
            with console.capture() as frame:
                console.print(Digits(f"{left // 60}:{left % 60:02d}"))
            sys.stdout.write("\x1b[H" + frame.get())
            sys.stdout.flush()
            time.sleep(1)
            if left > 1:
                deadline = start + planned_so_far + (length - left + 1)
                seconds.append({"index": index, "deadline": deadline, "noticed": time.monotonic()})
        planned_so_far += length
        ends.append(
            {"index": index, "deadline": start + planned_so_far, "noticed": time.monotonic()}
        )
    result = {"started_at": start, "ends": ends, "seconds": seconds}
    Path(out).write_text(json.dumps(result), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:])
