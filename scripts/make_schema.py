"""Write schema/routine.schema.json from the routine fields bandtimer validates with.

    .venv/bin/python scripts/make_schema.py

tests/test_routine_schema.py fails while the committed file differs from what this writes.
"""

from __future__ import annotations

from pathlib import Path

from bandtimer.storage.routines.schema import SCHEMA_PATH, schema_text

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    target = ROOT / SCHEMA_PATH
    target.parent.mkdir(exist_ok=True)
    target.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")
