"""pylint-odoo's Odoo-specific checks (set in .pylintrc) on each addon."""

import subprocess
import sys

import pytest
from conftest import REPO_ROOT, addon_params


@pytest.mark.parametrize("addon", addon_params())
def test_pylint_odoo(addon):
    proc = subprocess.run(
        [sys.executable, "-m", "pylint", f"--rcfile={REPO_ROOT / '.pylintrc'}", str(addon)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, f"pylint-odoo found problems in {addon.name}:\n{proc.stdout}{proc.stderr}"
