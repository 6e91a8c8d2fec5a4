"""ruff (lint + import order) over the whole repository, configured by ruff.toml."""

import shutil
import subprocess
import sys

from conftest import REPO_ROOT


def _ruff_cmd():
    exe = shutil.which("ruff")
    return [exe] if exe else [sys.executable, "-m", "ruff"]


def test_ruff_check():
    proc = subprocess.run(
        [*_ruff_cmd(), "check", "--no-cache", "--output-format=concise", "."],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, f"ruff check failed:\n{proc.stdout}{proc.stderr}"
