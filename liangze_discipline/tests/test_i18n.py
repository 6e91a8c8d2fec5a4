# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged

from odoo.addons.liangze_responsibility.tests.common import untranslated_terms


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    def test_every_term_has_a_chinese_translation(self):
        missing = untranslated_terms(self.env, "liangze_discipline")
        self.assertFalse(missing, "Terms missing from i18n/zh_CN.po:\n" + "\n".join(missing))
