"""bandtimer.domain stays plain Python: no Textual, no Rich, no files, no screens.

Checked twice: by reading each module's imports (which catches an import inside a function that
never runs in a test), and by importing the whole package in a fresh interpreter (which catches
an import pulled in indirectly, through another module).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import bandtimer.domain

FORBIDDEN = ("textual", "rich", "bandtimer.storage", "bandtimer.ui")
DOMAIN_DIR = Path(bandtimer.domain.__file__).parent
DOMAIN_MODULES = sorted(
    f"bandtimer.domain.{path.stem}" for path in DOMAIN_DIR.glob("*.py") if path.stem != "__init__"
)


def is_forbidden(module: str) -> bool:
    return any(module == name or module.startswith(f"{name}.") for name in FORBIDDEN)


def imported_modules(source: str, module: str) -> set[str]:
    """Every module `source` imports anywhere in it, relative imports resolved from `module`."""
    package = module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                anchor = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{anchor}.{base}" if base else anchor
            found.add(base)
            # `from bandtimer import ui` names the package in the alias, not in `module`.
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return found


@pytest.mark.parametrize(
    ("source", "culprit"),
    [
        ("import textual", "textual"),
        ("from rich.text import Text", "rich.text"),
        ("def later():\n    import textual.app", "textual.app"),
        ("from bandtimer.storage import routines", "bandtimer.storage"),
        ("from bandtimer import ui", "bandtimer.ui"),
        ("from ..storage.history import load", "bandtimer.storage.history"),
        ("from .. import ui", "bandtimer.ui"),
    ],
)
def test_the_import_reader_spots_forbidden_imports(source, culprit):
    """The checker itself: each of these must be caught, or the test below proves nothing."""
    found = imported_modules(source, "bandtimer.domain.session")

    assert culprit in found
    assert any(is_forbidden(name) for name in found)


def test_the_import_reader_lets_plain_imports_through():
    source = "import time\nfrom bandtimer.domain.plan import Plan\nfrom . import clock"
    found = imported_modules(source, "bandtimer.domain.session")

    assert found >= {"time", "bandtimer.domain.plan", "bandtimer.domain.clock"}
    assert not any(is_forbidden(name) for name in found)


def test_no_domain_module_imports_textual_rich_storage_or_ui():
    assert "bandtimer.domain.session" in DOMAIN_MODULES
    assert "bandtimer.domain.plan" in DOMAIN_MODULES
    offending = {}
    for path in sorted(DOMAIN_DIR.glob("*.py")):
        module = f"bandtimer.domain.{path.stem}"
        found = imported_modules(path.read_text(encoding="utf-8"), module)
        bad = sorted(name for name in found if is_forbidden(name))
        if bad:
            offending[path.name] = bad

    assert offending == {}


def test_importing_the_domain_loads_neither_textual_nor_rich():
    script = (
        "import importlib, json, sys\n"
        f"for name in {DOMAIN_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = set(json.loads(result.stdout))

    assert set(DOMAIN_MODULES) <= loaded
    assert sorted(name for name in loaded if is_forbidden(name)) == []
