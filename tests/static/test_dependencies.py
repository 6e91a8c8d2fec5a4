"""Every addon a manifest depends on comes from Odoo itself, this repository,
or a package of requirements.txt: a fresh machine has nothing else."""

import importlib.util
import re
from pathlib import Path

import pytest
from conftest import ADDONS, REPO_ROOT, addon_params, read_manifest


def _requirements():
    text = (REPO_ROOT / "requirements.txt").read_text(encoding="utf-8")
    names = [re.split(r"[<>=!~;\[ ]", line.strip())[0] for line in text.splitlines()]
    return {n.lower().replace("-", "_") for n in names if n and not n.startswith("#")}


def _odoo_core_dirs():
    """Odoo's own addons folders, found without importing Odoo: odoo/addons and,
    for a source checkout, the addons folder beside the odoo package."""
    spec = importlib.util.find_spec("odoo")
    if spec is None or not spec.submodule_search_locations:
        return None
    dirs = []
    for location in spec.submodule_search_locations:
        package = Path(location)
        if package.is_dir():
            dirs += [package / "addons", package.parent / "addons"]
    # pip-installed OCA addons also land in site-packages/odoo/addons: not Odoo's own.
    return [d for d in dirs if d.is_dir() and "site-packages" not in d.parts]


@pytest.mark.parametrize("addon", addon_params())
def test_dependencies_available_on_a_fresh_machine(addon):
    core = _odoo_core_dirs()
    if core is None:
        pytest.skip("Odoo is not installed: Odoo's own addons cannot be listed")
    repo_addons = {a.name for a in ADDONS}
    requirements = _requirements()
    gaps = []
    for dep in read_manifest(addon).get("depends", []):
        if dep in repo_addons or any((d / dep / "__manifest__.py").is_file() for d in core):
            continue
        if f"odoo_addon_{dep.lower()}" not in requirements:
            gaps.append(dep)
    assert not gaps, f"{addon.name} depends on {gaps}: neither Odoo's, nor in this repository, nor in requirements.txt"


@pytest.mark.parametrize("addon", addon_params())
def test_python_dependencies_in_requirements(addon):
    modules = read_manifest(addon).get("external_dependencies", {}).get("python", [])
    requirements = _requirements()
    gaps = [m for m in modules if m.lower().replace("-", "_") not in requirements]
    assert not gaps, f"{addon.name} imports {gaps}, not listed in requirements.txt"
