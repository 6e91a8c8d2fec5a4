# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo.tests import tagged
from odoo.tests.common import TransactionCase

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
ASCII_LETTER = re.compile(r"[A-Za-z]")
# Labels that are Latin in Chinese too. Keep this list short: every entry is a label that a
# Chinese user reads as is, never an English word.
LATIN_LABELS = {
    "ID",  # the record id of every model: base's zh_CN.po keeps "ID"
    "PDF",  # liangze.ledger.print format: file formats are named so in Chinese too
    "Excel（XLSX）",  # the same (translated: full-width brackets)
}


def english(text):
    """Still the English source: Latin letters and no Chinese character."""
    return bool(text) and text not in LATIN_LABELS and bool(ASCII_LETTER.search(text)) and not CJK.search(text)


@tagged("post_install", "-at_install")
class TestLabelsInChinese(TransactionCase):
    """Every field string, help and selection label of every liangze model (wizards
    included) reads in Chinese, as the database was installed: a label of a field
    inherited from a mixin of another addon (the warning levels, the appeal states...)
    is translated by the po file of the addon whose model has it."""

    def test_every_label_in_chinese(self):
        if "zh_CN" not in dict(self.env["res.lang"].get_installed()):
            # The suite installs with --load-language=zh_CN (which this test checks as the
            # install left it); elsewhere, load Chinese the way Settings ▸ Languages does.
            self.env["res.lang"]._activate_lang("zh_CN")
            self.env["ir.module.module"].search([("state", "=", "installed")])._update_translations("zh_CN")
        self.env.registry.clear_cache()
        env = self.env(context=dict(self.env.context, lang="zh_CN"))
        models = sorted(
            name for name, model in self.env.registry.items() if name.startswith("liangze.") and not model._abstract
        )
        self.assertGreater(len(models), 50, "the liangze models were not found")
        english_labels = []
        for name in models:
            for field_name, description in env[name].fields_get(attributes=["string", "selection", "help"]).items():
                where = f"{name}.{field_name}"
                if english(description.get("string")):
                    english_labels.append(f"{where}: string {description['string']!r}")
                if english(description.get("help")):
                    english_labels.append(f"{where}: help {description['help']!r}")
                for value, label in description.get("selection") or ():
                    if english(label):
                        english_labels.append(f"{where} [{value}]: selection label {label!r}")
        if english_labels:
            self.fail(f"{len(english_labels)} labels still in English:\n" + "\n".join(english_labels))
