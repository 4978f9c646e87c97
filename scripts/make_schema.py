"""Write schema/routine.schema.json and schema/plan.schema.json from the fields bandtimer
validates routine and plan files with.

    .venv/bin/python scripts/make_schema.py

tests/test_routine_schema.py and tests/storage/test_plan_files.py fail while a committed file
differs from what this writes.
"""

from __future__ import annotations

from pathlib import Path

from bandtimer.storage.plans import schema as plans
from bandtimer.storage.routines import schema as routines

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    for module in (routines, plans):
        target = ROOT / module.SCHEMA_PATH
        target.parent.mkdir(exist_ok=True)
        target.write_text(module.schema_text(), encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)}")
