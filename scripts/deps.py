#!/usr/bin/env python3
"""What the addons of this repository need and this interpreter lacks.

Reads every manifest's ``depends`` and ``external_dependencies['python']``
(nothing kept by hand) and prints one line per missing addon or Python module;
exits 1 when something is missing, 0 otherwise. Used by scripts/test.sh and
scripts/start.sh to decide whether requirements.txt must be installed.
Without an importable Odoo it checks the Python modules only.
"""

import ast
import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def manifests():
    paths = list(REPO.glob("*/__manifest__.py")) + list(REPO.glob("tests/addons/*/__manifest__.py"))
    return {p.parent.name: ast.literal_eval(p.read_text(encoding="utf-8")) for p in paths}


def addon_dirs():
    """Where Odoo finds addons: odoo/addons (with pip-installed OCA addons) and the community addons."""
    try:
        from odoo.tools import config

        import odoo.addons
    except ImportError:
        return None
    dirs = [Path(p) for p in odoo.addons.__path__ if Path(p).is_dir()]
    return dirs + [Path(config.addons_community_dir)]


def missing():
    found = manifests()
    dirs = addon_dirs()
    gaps = []
    for name, manifest in sorted(found.items()):
        for module in manifest.get("external_dependencies", {}).get("python", []):
            if importlib.util.find_spec(module) is None:
                gaps.append(f"{name}: Python module {module}")
        if dirs is None:
            continue
        for dep in manifest.get("depends", []):
            if dep not in found and not any((d / dep / "__manifest__.py").is_file() for d in dirs):
                gaps.append(f"{name}: addon {dep}")
    return gaps


if __name__ == "__main__":
    gaps = missing()
    for gap in gaps:
        print(gap)
    sys.exit(1 if gaps else 0)
