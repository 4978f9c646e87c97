"""The wheel carries its routines and sounds, and works with no checkout in sight.

The wheel goes into a fresh venv of its own; only its dependencies (Textual, Rich, a compiled
simpleaudio, ...) are lent from the test environment, through a path file, rather than
downloaded and compiled again: that took most of a minute and tested pip, not bandtimer. The
path file only appends to sys.path, so the checkout's editable install is not seen, and the
test checks that the code running is the wheel's.
"""

from __future__ import annotations

import os
import site
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [str(arg) for arg in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_installed_wheel_lists_the_shipped_routines_from_outside_the_checkout(
    tmp_path: Path,
) -> None:
    dist = tmp_path / "dist"
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
        "-w", dist, ROOT, cwd=tmp_path)
    [wheel] = dist.glob("bandtimer-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    shipped = sorted(p.name for p in (ROOT / "routines").glob("*.toml"))
    assert sorted(Path(n).name for n in names if n.startswith("bandtimer/routines/")) == shipped
    sounds = sorted(p.name for p in (ROOT / "sounds").glob("*.wav"))
    assert sorted(Path(n).name for n in names if n.startswith("bandtimer/sounds/")) == sounds
    plans = sorted(p.name for p in (ROOT / "plans").glob("*.toml"))
    assert sorted(Path(n).name for n in names if n.startswith("bandtimer/plans/")) == plans != []

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    venv_site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))",
                         cwd=tmp_path).strip())
    lent = [sysconfig.get_path("purelib"), sysconfig.get_path("platlib"), *site.getsitepackages()]
    (venv_site / "lent-dependencies.pth").write_text("\n".join(dict.fromkeys(lent)) + "\n")
    run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps",
        "--no-index", wheel, cwd=tmp_path)

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env |= {"BANDTIMER_HOME": str(tmp_path / "home"), "COLUMNS": "200"}
    listing = run(venv / "bin" / "bandtimer", "list", cwd=outside, env=env)
    for name in ("Quick try", "Mini band workouts", "Resistance band workouts"):
        assert name in listing
    assert "invalid" not in listing
    plans = run(venv / "bin" / "bandtimer", "plan", cwd=outside, env=env)
    assert "  Six weeks to the full mini band workout: 6 weeks, 2 sessions a week" in plans
    where = run(python, "-c", "from bandtimer.storage.locations import shipped_routines_dir, "
                "sounds_dir; print(shipped_routines_dir()); print(sounds_dir())", cwd=outside,
                env=env)
    for line in where.splitlines():
        assert Path(line).is_relative_to(venv), line
    assert not (tmp_path / "home").exists(), "listing routines must not create anything"
