"""The layers are enforced by import-linter's contracts in pyproject.toml, run by `make test`.

These tests show the contracts bite: a copy of the package, with the project's own
pyproject.toml, passes `lint-imports`; the same copy with one forbidden import added fails it,
naming the contract and the line. Each is a real run of the real tool in tmp_path.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def copy_of_the_project(where: Path) -> Path:
    shutil.copytree(ROOT / "bandtimer", where / "bandtimer",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", where / "pyproject.toml")
    return where


def lint_imports(project: Path) -> subprocess.CompletedProcess[str]:
    # The copy comes first on the path, ahead of the checkout's editable install.
    env = os.environ | {"PYTHONPATH": str(project), "NO_COLOR": "1", "COLUMNS": "300"}
    return subprocess.run([LINT_IMPORTS, "--no-cache"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=120)


def test_the_project_keeps_its_contracts(tmp_path: Path) -> None:
    result = lint_imports(copy_of_the_project(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("domain/plan.py", "import textual", "The domain is plain Python"),
        ("domain/session.py", "from rich.text import Text", "The domain is plain Python"),
        ("domain/routine.py", "def later():\n    from bandtimer.storage import routines",
         "The domain is plain Python"),
        ("storage/config.py", "from bandtimer.coach import plural", "Storage reads and writes"),
        ("coach/cues.py", "from bandtimer.ui.screens import menu", "The application layer"),
        ("coach/recording.py", "import textual.app", "The application layer"),
    ],
)
def test_a_forbidden_import_breaks_a_contract(
    tmp_path: Path, module: str, line: str, contract: str
) -> None:
    project = copy_of_the_project(tmp_path)
    source = project / "bandtimer" / module
    source.write_text(source.read_text(encoding="utf-8") + f"\n\n{line}\n", encoding="utf-8")

    result = lint_imports(project)

    assert result.returncode != 0, result.stdout
    broken = [row for row in result.stdout.splitlines() if row.endswith("BROKEN")]
    assert any(contract in row for row in broken), result.stdout
    assert f"bandtimer.{module.removesuffix('.py').replace('/', '.')}" in result.stdout
