"""One mechanism, once: the internals of a shared mechanism are written in
liangze_base only; a business addon declares and calls, it does not redo them."""

import re

import pytest
from conftest import ADDONS

PRODUCT = [a for a in ADDONS if a.name.startswith("liangze_") and a.parent.name != "addons"]

# (what a business addon must not write, why, where it belongs)
INTERNALS = [
    (
        re.compile(r"\._document_sequence\("),
        "takes a number from a series by hand",
        "liangze.official.document: declare _document_kind, _document_issuer_field, "
        "_document_number_field and call _next_document_number(day)",
    ),
    (
        re.compile(r"def _get_tier_validation_model_names\("),
        "lists its models for tier approval by hand",
        "liangze.tier.validation: inheriting it offers the model in the tier definitions",
    ),
    (
        re.compile(r"def _cron_refresh_warnings\("),
        "writes its own warning job",
        "liangze.deadline.mixin: the one daily job refreshes every model using it",
    ),
    (
        re.compile(r"""["']ir\.actions\.act_window["'],\s*\n?\s*["']name["'].*\n?.*["']target["']:\s*["']new["']"""),
        "opens a wizard with a hand-written action",
        "base._liangze_wizard(model, title, context)",
    ),
    (
        re.compile(r"""["']view_mode["']:\s*["']list,form["']"""),
        "opens a list of records with a hand-written action",
        "base._liangze_list(model, title, domain, context)",
    ),
    (
        re.compile(r"drop_view_if_exists\(|CREATE\s+(?:OR\s+REPLACE\s+)?VIEW", re.IGNORECASE),
        "creates its SQL view by hand",
        "liangze.sql.report.mixin: declare _auto = False and return the SELECT from _report_query()",
    ),
    (
        re.compile(r"def _kind_suffix\("),
        "looks up the character of a document kind by hand",
        "liangze.document.series: declare the kinds with document_kinds() and add them to _kind_suffixes()",
    ),
]


def _python_files(addon):
    return sorted(p for p in addon.rglob("*.py") if "tests" not in p.parts and "migrations" not in p.parts)


@pytest.mark.parametrize("addon", [a for a in PRODUCT if a.name != "liangze_base"], ids=lambda a: a.name)
def test_business_addons_do_not_redo_a_mechanism(addon):
    found = []
    for path in _python_files(addon):
        text = path.read_text(encoding="utf-8")
        for pattern, what, instead in INTERNALS:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(addon.parent)}:{line} {what}: use {instead}")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("addon", PRODUCT, ids=lambda a: a.name)
def test_no_product_file_over_400_lines(addon):
    """Small models: a file over ~400 lines holds more than one thing (or a mechanism)."""
    long = [
        f"{path.relative_to(addon.parent)}: {n} lines"
        for path in _python_files(addon)
        if (n := path.read_text(encoding="utf-8").count("\n")) > 420
    ]
    assert not long, "\n".join(long)
