# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import LiangzeCase


@tagged("post_install", "-at_install")
class TestUnit(LiangzeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_chinese()

    def test_org_chart_readable_by_every_internal_user(self):
        for user in (self.member, self.head, self.leader, self.supervisor):
            units = self.env["liangze.unit"].with_user(user).search([])
            self.assertIn(self.county_office, units)
            self.assertEqual(
                self.county_office.with_user(user).complete_name, "City Committee / County Committee / County Office"
            )

    def test_only_administrators_maintain_units(self):
        for user in (self.member, self.head, self.leader, self.supervisor):
            with self.assertRaises(AccessError):
                self.env["liangze.unit"].with_user(user).create({"name": "Rogue", "company_id": self.company_a.id})
            with self.assertRaises(AccessError):
                self.office.with_user(user).write({"name": "Renamed"})
            with self.assertRaises(AccessError):
                self.archive_room.with_user(user).action_archive()
        self.assertEqual(self.office.name, "Office")
        self.assertTrue(self.archive_room.active)

        unit = (
            self.env["liangze.unit"]
            .with_user(self.admin)
            .create({"name": "Finance", "code": "C-FIN", "parent_id": self.city.id, "company_id": self.company_a.id})
        )
        unit.with_user(self.admin).write({"name": "Finance Section"})
        unit.with_user(self.admin).action_archive()
        self.assertFalse(unit.active)
        self.assertIn(unit, self.city.with_context(active_test=False).child_ids)

    def test_nobody_hard_deletes_a_unit(self):
        with self.assertRaises(AccessError):
            self.archive_room.with_user(self.admin).unlink()

    def test_unit_cannot_be_its_own_ancestor(self):
        with self.assertRefused(ValidationError, "不能是自己的上级"):
            self.city.with_user(self.admin).with_context(lang="zh_CN").parent_id = self.archive_room
        self.assertFalse(self.city.parent_id)
        with self.assertRefused(ValidationError, "不能是自己的上级"):
            self.office.with_user(self.admin).with_context(lang="zh_CN").parent_id = self.office
        self.assertEqual(self.office.parent_id, self.city)

    def test_code_unique_per_company(self):
        with self.assertRefused(ValidationError, "已被.*使用"):
            self.env["liangze.unit"].with_user(self.admin).with_context(lang="zh_CN").create(
                {"name": "Duplicate", "code": "C-OFF", "company_id": self.company_a.id}
            )
        self.assertEqual(self.env["liangze.unit"].search_count([("code", "=", "C-OFF")]), 1)
        # The same code in another company is fine.
        self.env["liangze.unit"].with_user(self.admin).create(
            {"name": "County Twin", "code": "C-OFF", "company_id": self.company_a1.id}
        )

    def test_archiving_unit_with_active_children_is_refused(self):
        with self.assertRefused(UserError, "请先归档下级单位.*Archive Room"):
            self.office.with_user(self.admin).with_context(lang="zh_CN").action_archive()
        self.assertTrue(self.office.active)
        # Archiving the subtree together, or bottom-up, works.
        (self.office | self.archive_room).with_user(self.admin).action_archive()
        self.assertFalse(self.office.active)
        self.assertFalse(self.archive_room.active)

    def test_only_discipline_bodies_supervise(self):
        with self.assertRefused(ValidationError, "只有纪检监督机构"):
            self.office.with_user(self.admin).with_context(lang="zh_CN").supervised_unit_id = self.city
        self.assertFalse(self.office.supervised_unit_id)

    def test_menus_per_role(self):
        def visible(user):
            # A menu shows when it and all its parents are visible to the user.
            menus = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            xmlids = ("menu_liangze_root", "menu_liangze_unit_chart", "menu_liangze_config", "menu_liangze_unit")
            return {
                xmlid
                for xmlid in xmlids
                if all(
                    int(menu_id) in menus
                    for menu_id in self.env.ref(f"liangze_responsibility.{xmlid}").parent_path.strip("/").split("/")
                )
            }

        everyone = {"menu_liangze_root", "menu_liangze_unit_chart"}
        for user in (self.member, self.head, self.leader, self.supervisor):
            self.assertEqual(visible(user), everyone, user.login)
        self.assertEqual(visible(self.admin), everyone | {"menu_liangze_config", "menu_liangze_unit"})
        plain = self.env["res.users"].create(
            {"name": "Plain", "login": "lz_plain", "group_ids": [(6, 0, [self.env.ref("base.group_user").id])]}
        )
        self.assertEqual(visible(plain), set())
