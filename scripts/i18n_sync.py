#!/usr/bin/env python3
"""Refresh each addon's i18n/<addon>.pot from a database and merge it into
i18n/zh_CN.po, keeping every existing translation.

    python3 scripts/i18n_sync.py DB [--fill translations.json] [--addons-path PATHS]

DB must have every addon installed (liangze_discipline, liangze_responsibility_sms).

Odoo loads an addon's po file once, right after installing the addon; a label
is translated only if that po file names the label's record by its external
id. But Odoo names a selection value by the module that declares the field:
the warning levels of liangze.clue (liangze_discipline, through
liangze.deadline.mixin) are liangze_responsibility.selection__liangze_clue__...,
its activity states mail.selection__liangze_clue__..., and a field of a module
installed after the model's (sms's message_has_sms_error on liangze.task) is
named by that module. When liangze_responsibility's po file or mail's is loaded,
these records do not exist yet, and `odoo i18n export` writes them in that
module's file only. So this script adds each such label of a liangze model to
the template of the liangze addon whose install creates it (the first that
needs both the module of the external id and the addon that brings the field
to the model), as Odoo's crm/i18n carries mail.selection__crm_lead__....

An entry left untranslated takes, in this order, the translation of the same
msgid in the addon's previous zh_CN.po, in --fill (a JSON object {msgid:
msgstr}), in the zh_CN.po of the liangze addons its external ids name, of any
liangze addon, of the other modules its external ids name, of any installed
module. What was taken from another file is listed ("filled from ...", to be
reviewed), and what remains untranslated (the suite fails on it).
"""

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
ADDONS = [
    "liangze_base",
    "liangze_responsibility",
    "liangze_supervision",
    "liangze_accountability",
    "liangze_integrity",
    "liangze_discipline",
    "liangze_responsibility_sms",
]
# The module of each model-term occurrence: "model:ir.model.fields.selection,name:mail.selection__x__y__z".
OCCURRENCE_MODULE_RE = re.compile(r"^(?:model|model_terms):[\w.]+,\w+:(\w+)\.")


def odoo_env(db, addons_path):
    """An environment on ``db``, configured as the `odoo` command is (same file, same options)."""
    import odoo
    from odoo.modules.module import initialize_sys_path
    from odoo.modules.registry import Registry
    from odoo.tools import config

    config.parse_config(["-d", db, f"--addons-path={addons_path}"], setup_logging=False)
    initialize_sys_path()
    cr = Registry(db).cursor(readonly=True)
    return odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"lang": "en_US"})


def dependencies(env):
    """{installed module: itself and every module it depends on, directly or not}."""
    modules = env["ir.module.module"].search([("state", "=", "installed")])
    direct = {m.name: set(m.dependencies_id.mapped("name")) for m in modules}
    closure = {}

    def close(name):
        if name not in closure:
            closure[name] = {name}
            for dep in direct.get(name, ()):
                closure[name] |= close(dep)
        return closure[name]

    for name in direct:
        close(name)
    return closure


def carried_terms(env):
    """{addon: [(occurrence, msgid)]}: the labels of the liangze models that the po file
    of the addon named by their external id cannot translate, because the install of
    another addon creates them (see the module docstring), for the po file of that addon:
    field strings and help (sms.field_liangze_task__message_has_sms_error, created by
    liangze_responsibility_sms's install of sms) and selection labels."""
    deps = dependencies(env)
    liangze = [addon for addon in ADDONS if addon in deps]

    def carriers(xmlid, introduced_by):
        """The addons whose install creates the record named ``xmlid`` of a field that
        ``introduced_by`` brings to its model: those that need both, the first of them."""
        module = xmlid.split(".", 1)[0]
        if module in liangze and introduced_by in deps[module]:
            return []  # created by the install of its own addon: exported in its file
        found = [a for a in liangze if module in deps[a] and introduced_by in deps[a]]
        return [a for a in found if not any(b != a and b in deps[a] for b in found)]

    def first_liangze(xmlids):
        named = {xmlid.split(".", 1)[0] for xmlid in xmlids}
        return next((addon for addon in liangze if addon in named), None)

    result = {}
    fields = env["ir.model.fields"].search([("model", "=like", "liangze.%")], order="model, name")
    field_xmlids = fields._get_external_ids()
    model_xmlids = env["ir.model"].search([("model", "=like", "liangze.%")])._get_external_ids()
    selections = env["ir.model.fields.selection"].search([("field_id", "in", fields.ids)], order="field_id, sequence")
    selection_xmlids = selections._get_external_ids()
    for field in fields:
        model = env.get(field.model)
        if model is None or not model._translate or field.name not in model._fields:
            continue  # Odoo exports nothing of them (TranslationReader._get_translatable_records)
        introduced_by = first_liangze(field_xmlids[field.id]) or first_liangze(model_xmlids[field.model_id.id])
        if not introduced_by:
            continue
        terms = []
        for xmlid in field_xmlids[field.id]:
            if model._fields[field.name].export_string_translation:
                terms.append((xmlid, f"model:ir.model.fields,field_description:{xmlid}", field.field_description))
            terms.append((xmlid, f"model:ir.model.fields,help:{xmlid}", field.help))
        for selection in selections.filtered(lambda s, field=field: s.field_id == field):
            for xmlid in selection_xmlids[selection.id]:
                terms.append((xmlid, f"model:ir.model.fields.selection,name:{xmlid}", selection.name))
        for xmlid, occurrence, msgid in terms:
            # Odoo exports only the terms with a letter (TranslationReader._push_translation).
            if msgid and any(c.isalpha() for c in msgid.strip()):
                for addon in carriers(xmlid, introduced_by):
                    result.setdefault(addon, []).append((occurrence, msgid))
    return result


def add_occurrences(pot, addon, terms):
    """Add the (occurrence, msgid) ``terms`` to the template ``pot`` of ``addon``, sorted as Odoo writes it."""
    entries = {entry.msgid: entry for entry in pot}
    for occurrence, msgid in terms:
        entry = entries.get(msgid)
        if entry is None:
            entry = entries[msgid] = polib.POEntry(msgid=msgid, msgstr="", comment=f"module: {addon}")
            pot.append(entry)
        if (occurrence, "") not in entry.occurrences:
            entry.occurrences = sorted([*entry.occurrences, (occurrence, "")])
    pot.sort(key=lambda entry: entry.msgid)


def translations(path):
    """{msgid: msgstr} of the translated, not fuzzy entries of a po file ({} if there is none)."""
    if not path or not Path(path).is_file():
        return {}
    return {e.msgid: e.msgstr for e in polib.pofile(str(path)) if e.translated() and not e.obsolete}


class Translations:
    """The zh_CN translations of the liangze addons and, on demand, of the other installed modules."""

    def __init__(self, env):
        self.liangze = {addon: translations(ROOT / addon / "i18n" / "zh_CN.po") for addon in ADDONS}
        deps = dependencies(env)
        # The most specific modules first (mail before base).
        self.installed = sorted((m for m in deps if m not in self.liangze), key=lambda m: (-len(deps[m]), m))
        self.odoo = {}

    def of_odoo(self, module):
        if module not in self.odoo:
            from odoo.modules.module import get_module_path

            path = get_module_path(module, display_warning=False)
            self.odoo[module] = translations(path and Path(path) / "i18n" / "zh_CN.po")
        return self.odoo[module]

    def find(self, entry):
        """(translation, where from) of the entry's msgid in another po file, or (None, None):
        the liangze addons named by its external ids, every liangze addon, the other modules
        named by its external ids, every other installed module."""
        named = [m.group(1) for o, _line in entry.occurrences if (m := OCCURRENCE_MODULE_RE.match(o))]
        named = list(dict.fromkeys(named))
        for addon in [m for m in named if m in self.liangze] + ADDONS:
            if self.liangze[addon].get(entry.msgid):
                return self.liangze[addon][entry.msgid], addon
        for module in [m for m in named if m not in self.liangze] + self.installed:
            if self.of_odoo(module).get(entry.msgid):
                return self.of_odoo(module)[entry.msgid], module
        return None, None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--fill", type=Path)
    parser.add_argument("--addons-path", default="")
    args = parser.parse_args()
    fill = json.loads(args.fill.read_text()) if args.fill else {}
    addons_path = ",".join(filter(None, [args.addons_path, str(ROOT)]))
    subprocess.run(["odoo", f"--addons-path={addons_path}", "i18n", "export", "-d", args.db, "--", *ADDONS], check=True)
    env = odoo_env(args.db, addons_path)
    try:
        carried = carried_terms(env)
        others = Translations(env)
    finally:
        env.cr.close()
    missing = 0
    for addon in ADDONS:
        pot_path = ROOT / addon / "i18n" / f"{addon}.pot"
        pot = polib.pofile(str(pot_path), wrapwidth=78)
        if carried.get(addon):
            add_occurrences(pot, addon, carried[addon])
            pot.save(str(pot_path))
        po_path = ROOT / addon / "i18n" / "zh_CN.po"
        old = others.liangze[addon]
        po = polib.POFile(wrapwidth=78)
        po.metadata = dict(pot.metadata, Language="zh_CN", **{"Plural-Forms": "nplurals=1; plural=0;"})
        po.header = (
            f"Translation of Odoo Server.\nThis file contains the translation of the following modules:\n\t* {addon}"
        )
        for entry in pot:
            entry.msgstr = old.get(entry.msgid) or fill.get(entry.msgid, "")
            if not entry.msgstr:
                found, source = others.find(entry)
                if found:
                    entry.msgstr = found
                    print(f"{addon}: filled from {source}: {entry.msgid!r} = {found!r}")
            po.append(entry)
            if not entry.msgstr:
                missing += 1
                print(f"{addon}: untranslated: {entry.msgid!r}")
        po.save(str(po_path))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
