"""Shared helpers for the Odoo-free checks (this suite must never import odoo)."""

import ast
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


def find_addons():
    """Addons = top-level dirs with a __manifest__.py, plus test-only ones in tests/addons/."""
    candidates = [*REPO_ROOT.iterdir()]
    extra = REPO_ROOT / "tests" / "addons"
    if extra.is_dir():
        candidates += [*extra.iterdir()]
    return sorted((p for p in candidates if (p / "__manifest__.py").is_file()), key=lambda p: p.name)


ADDONS = find_addons()


def addon_params(addons=None):
    """pytest params named after the addon; a single skipped case when there is none yet."""
    addons = ADDONS if addons is None else addons
    if not addons:
        return [pytest.param(None, id="no-addons", marks=pytest.mark.skip(reason="no addon in the repo yet"))]
    return [pytest.param(a, id=a.name) for a in addons]


def read_manifest(addon):
    return ast.literal_eval((addon / "__manifest__.py").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def repo_root():
    return REPO_ROOT
