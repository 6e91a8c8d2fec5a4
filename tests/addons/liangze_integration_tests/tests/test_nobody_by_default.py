# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Nobody is a business role by default: installing the addons puts neither Odoo's
administrator nor the superuser in any liangze group, and the administrator reads no
confidential record by any channel (issue "Confidential means confidential", item 1)."""

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

# The mechanisms that make a record confidential (liangze_base): their models, present and future.
CONFIDENTIAL_MIXINS = ("liangze.confidential.thread", "liangze.logged.read.mixin")


def confidential_models(env):
    names, todo = set(), list(CONFIDENTIAL_MIXINS)
    while todo:
        for child in env.registry[todo.pop()]._inherit_children:
            if child not in names:
                names.add(child)
                todo.append(child)
    return sorted(name for name in names if not env[name]._abstract and not env[name]._transient)


@tagged("post_install", "-at_install")
class TestNobodyByDefault(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = cls.env.ref("base.user_admin")
        cls.root = cls.env.ref("base.user_root")
        cls.category = cls.env.ref("liangze_base.module_category_liangze")

    def test_neither_admin_nor_the_superuser_holds_a_liangze_role(self):
        for user in (self.admin, self.root):
            roles = user.all_group_ids.filtered(lambda g: g.privilege_id.category_id == self.category)
            self.assertFalse(roles, f"{user.login} holds liangze roles by default: {roles.mapped('name')}")

    def test_the_confidential_models_are_known(self):
        """A positive control: the list the next test walks is the product's confidential models."""
        names = confidential_models(self.env)
        for name in ("liangze.integrity.file", "liangze.sanction", "liangze.clue", "liangze.discipline.case"):
            self.assertIn(name, names)

    def test_odoo_administrator_reads_no_confidential_record(self):
        """admin (Settings rights) searches, counts, groups, names and reads: nothing, or refused."""
        for name in confidential_models(self.env):
            Model = self.env[name].with_user(self.admin)
            existing = self.env[name].sudo().with_context(active_test=False).search([], limit=1)
            if not Model.has_access("read"):
                with self.assertRaises(AccessError, msg=name):
                    Model.search([])
                continue
            self.assertEqual(Model.search_count([]), 0, f"admin counts {name}")
            self.assertFalse(Model.search_read([], ["display_name"]), f"admin lists {name}")
            self.assertFalse(Model._read_group([], aggregates=["__count"]), f"admin groups {name}")
            self.assertFalse(Model.name_search(""), f"admin names {name}")
            if existing:
                with self.assertRaises(AccessError, msg=f"admin reads a {name} by its id"):
                    existing.with_user(self.admin).read(["display_name"])

    def test_odoo_administrator_reads_no_access_log_of_a_file(self):
        logs = self.env["auditlog.log"].with_user(self.admin)
        confidential = [("model_model", "in", confidential_models(self.env))]
        if logs.has_access("read"):
            self.assertEqual(logs.search_count(confidential), 0)
