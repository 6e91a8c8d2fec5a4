# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from odoo.addons.liangze_base.tests.common import bureau_user

MENUS = {
    "root": "liangze_responsibility.menu_liangze_root",
    "cockpit": "liangze_responsibility.menu_liangze_cockpit",
    "org_chart": "liangze_responsibility.menu_liangze_unit_chart",
    "supervisory": "liangze_supervision.menu_liangze_supervisory",
    "discipline_bodies": "liangze_supervision.menu_liangze_discipline_body",
    "configuration": "liangze_responsibility.menu_liangze_config",
    "units": "liangze_responsibility.menu_liangze_unit",
    "received": "liangze_supervision.menu_liangze_received",
    "supervision_reports": "liangze_supervision.menu_liangze_supervision_report",
    "approval_tiers": "liangze_supervision.menu_liangze_tier_definition",
    "integrity_files": "liangze_integrity.menu_liangze_integrity_file",
    "sanction_types": "liangze_integrity.menu_liangze_sanction_type",
    "sanction_types_config": "liangze_integrity.menu_liangze_sanction_type_config",
    "opinions": "liangze_integrity.menu_liangze_opinion",
    "discipline": "liangze_discipline.menu_liangze_discipline",
    "petitions": "liangze_discipline.menu_liangze_petition",
    "clues": "liangze_discipline.menu_liangze_clue",
    "statistics": "liangze_discipline.menu_liangze_discipline_statistics",
}


@tagged("post_install", "-at_install")
class TestMenusPerRole(TransactionCase):
    """Each role sees exactly its menus, across both addons."""

    def visible_menus(self, groups):
        user = bureau_user(self.env, login=f"lz_{groups.split('.')[-1]}", groups=groups)
        visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()

        def shown(xmlid):
            # A menu shows when it and all its parents are visible.
            path = self.env.ref(xmlid).parent_path.strip("/").split("/")
            return all(int(menu_id) in visible for menu_id in path)

        return {key for key, xmlid in MENUS.items() if shown(xmlid)}

    def test_menus_per_role(self):
        principal = {"root", "org_chart", "received"}
        supervisory = {"supervisory", "discipline_bodies", "supervision_reports"}
        config = {"configuration", "units", "approval_tiers", "sanction_types_config"}
        cockpit = {"cockpit"}
        files = {"integrity_files", "opinions"}
        expected = {
            "base.group_user": set(),
            "liangze_base.group_liangze_user": principal,
            "liangze_base.group_liangze_unit_head": principal | cockpit,
            "liangze_base.group_liangze_leader": principal | supervisory | cockpit,
            "liangze_base.group_liangze_supervisor": principal | supervisory | cockpit | files,
            "liangze_base.group_liangze_supervision_head": principal
            | supervisory
            | cockpit
            | files
            | {"sanction_types", "discipline", "petitions", "clues", "statistics"},
            "liangze_integrity.group_liangze_organisation": principal | {"opinions"},
            "liangze_discipline.group_liangze_intake": principal | {"discipline", "petitions"},
            "liangze_discipline.group_liangze_case_officer": principal | {"discipline", "clues"},
            "liangze_discipline.group_liangze_case_management": principal
            | {"discipline", "petitions", "clues", "statistics"},
            "liangze_base.group_liangze_admin": principal | supervisory | config | cockpit,
        }
        for groups, menus in expected.items():
            with self.subTest(role=groups):
                self.assertEqual(self.visible_menus(groups), menus)
