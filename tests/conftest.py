"""Shared test settings.

On CI (`CI` is set, as `.ci/run` runs) Hypothesis draws the same examples every run, so a
submission never fails on a draw nobody can reproduce; on a developer's machine it explores
fresh examples each time and keeps the failures it finds in its database.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
