"""Structural checks on each addon: manifest, XML and CSV files, data files listed."""

import ast
import csv
import xml.etree.ElementTree as ET

import pytest
from conftest import addon_params, read_manifest

ACCESS_COLUMNS = [
    "id",
    "name",
    "model_id:id",
    "group_id:id",
    "perm_read",
    "perm_write",
    "perm_create",
    "perm_unlink",
]
# Folders whose XML/CSV files are only loaded when listed in the manifest.
DATA_DIRS = ("views", "security", "data", "demo", "report", "reports", "wizard", "wizards")
MANIFEST_FILE_KEYS = ("data", "demo")


def _files(addon, *suffixes):
    return sorted(p for p in addon.rglob("*") if p.is_file() and p.suffix in suffixes and "__pycache__" not in p.parts)


@pytest.mark.parametrize("addon", addon_params())
def test_manifest(addon):
    try:
        manifest = read_manifest(addon)
    except (ValueError, SyntaxError) as exc:
        pytest.fail(f"{addon.name}/__manifest__.py is not a literal dict: {exc}")
    assert isinstance(manifest, dict), f"{addon.name}/__manifest__.py is not a dict"
    missing = [k for k in ("name", "version", "license", "depends") if k not in manifest]
    assert not missing, f"{addon.name}: manifest lacks {missing}"
    assert str(manifest["version"]).startswith("19.0."), f"{addon.name}: version {manifest['version']!r} not 19.0.x"
    assert isinstance(manifest["depends"], list), f"{addon.name}: depends must be a list"
    assert manifest.get("installable") is True, f"{addon.name}: installable must be True"


@pytest.mark.parametrize("addon", addon_params())
def test_manifest_files_exist(addon):
    manifest = read_manifest(addon)
    missing = [
        f"{key}: {rel}" for key in MANIFEST_FILE_KEYS for rel in manifest.get(key, []) if not (addon / rel).is_file()
    ]
    assert not missing, f"{addon.name}: manifest lists missing files: {missing}"


@pytest.mark.parametrize("addon", addon_params())
def test_data_files_are_listed(addon):
    """Catch forgotten files: every XML/CSV in a data folder must be in data/demo."""
    manifest = read_manifest(addon)
    listed = {(addon / rel).resolve() for key in MANIFEST_FILE_KEYS for rel in manifest.get(key, [])}
    forgotten = [
        str(p.relative_to(addon))
        for p in _files(addon, ".xml", ".csv")
        if p.relative_to(addon).parts[0] in DATA_DIRS and p.resolve() not in listed
    ]
    assert not forgotten, f"{addon.name}: files not listed in the manifest: {forgotten}"


@pytest.mark.parametrize("addon", addon_params())
def test_xml_files_parse(addon):
    errors = []
    for path in _files(addon, ".xml"):
        try:
            ET.parse(path)
        except ET.ParseError as exc:
            errors.append(f"{path.relative_to(addon)}: {exc}")
    assert not errors, f"{addon.name}: invalid XML:\n" + "\n".join(errors)


@pytest.mark.parametrize("addon", addon_params())
def test_csv_files_parse(addon):
    errors = []
    for path in _files(addon, ".csv"):
        rel = path.relative_to(addon)
        try:
            with path.open(encoding="utf-8", newline="") as fh:
                rows = list(csv.reader(fh))
        except (UnicodeDecodeError, csv.Error) as exc:
            errors.append(f"{rel}: {exc}")
            continue
        if not rows or not all(h.strip() for h in rows[0]):
            errors.append(f"{rel}: missing or empty header")
            continue
        header = rows[0]
        if path.name == "ir.model.access.csv" and header != ACCESS_COLUMNS:
            errors.append(f"{rel}: header {header} != {ACCESS_COLUMNS}")
        errors += [
            f"{rel}:{n}: {len(row)} columns, header has {len(header)}"
            for n, row in enumerate(rows[1:], start=2)
            if row and len(row) != len(header)
        ]
    assert not errors, f"{addon.name}: invalid CSV:\n" + "\n".join(errors)


@pytest.mark.parametrize("addon", addon_params())
def test_python_files_compile(addon):
    errors = []
    for path in _files(addon, ".py"):
        try:
            ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        except SyntaxError as exc:
            errors.append(f"{path.relative_to(addon)}: {exc}")
    assert not errors, f"{addon.name}: syntax errors:\n" + "\n".join(errors)
