"""Chinese translations: i18n/zh_CN.po complete, consistent with the .pot template."""

import re

import polib
import pytest
from conftest import ADDONS, addon_params

MODULE_COMMENT_RE = re.compile(r"modules?: \w+")
I18N_ADDONS = [a for a in ADDONS if (a / "i18n").is_dir()]


def _load_po(addon):
    path = addon / "i18n" / "zh_CN.po"
    assert path.is_file(), f"{addon.name}: i18n/ exists but i18n/zh_CN.po is missing"
    try:
        return polib.pofile(str(path))
    except (OSError, ValueError) as exc:
        pytest.fail(f"{addon.name}: i18n/zh_CN.po does not parse: {exc}")


def _key(entry):
    return (entry.msgctxt, entry.msgid)


@pytest.mark.parametrize("addon", addon_params(I18N_ADDONS))
def test_zh_cn_po_complete(addon):
    po = _load_po(addon)
    assert po.metadata.get("Language") == "zh_CN", f"{addon.name}: Language header is {po.metadata.get('Language')!r}"
    problems = [f"untranslated: {e.msgid!r}" for e in po.untranslated_entries()]
    problems += [f"fuzzy: {e.msgid!r}" for e in po.fuzzy_entries()]
    assert not problems, f"{addon.name}: i18n/zh_CN.po:\n" + "\n".join(problems)


@pytest.mark.parametrize("addon", addon_params(I18N_ADDONS))
def test_po_entries_name_their_module(addon):
    """Odoo's PO reader (odoo/tools/translate.py) crashes on entries without "#. module: x"."""
    bad = [
        f"{path.name}: {e.msgid!r}"
        for path in sorted((addon / "i18n").glob("*.po*"))
        for e in polib.pofile(str(path))
        if not e.obsolete and not MODULE_COMMENT_RE.match(e.comment or "")
    ]
    assert not bad, f"{addon.name}: entries without a '#. module: ...' comment:\n" + "\n".join(bad)


@pytest.mark.parametrize("addon", addon_params(I18N_ADDONS))
def test_zh_cn_po_covers_pot(addon):
    pot_path = addon / "i18n" / f"{addon.name}.pot"
    if not pot_path.is_file():
        pytest.skip(f"{addon.name}: no i18n/{addon.name}.pot")
    po = _load_po(addon)
    translated = {_key(e) for e in po if e.translated() and not e.obsolete}
    missing = [e.msgid for e in polib.pofile(str(pot_path)) if not e.obsolete and _key(e) not in translated]
    assert not missing, f"{addon.name}: msgids of {pot_path.name} not translated in zh_CN.po: {missing}"
