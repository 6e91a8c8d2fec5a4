# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import LiangzeCase


@tagged("post_install", "-at_install")
class TestScope(LiangzeCase):
    """The scope helpers every later record rule relies on."""

    def assertUnits(self, units, expected):
        self.assertEqual(set(units.mapped("name")), set(expected.mapped("name")))

    def test_responsibility_user_sees_only_own_units(self):
        self.assertUnits(self.member._liangze_my_units(), self.office)
        self.assertUnits(self.member._liangze_units_and_subunits(), self.office | self.archive_room)
        self.assertUnits(self.member._liangze_scope_units(), self.office)
        self.assertUnits(self.member.liangze_scope_unit_ids, self.office)

    def test_unit_head_of_mid_level_unit_sees_subunits(self):
        self.assertUnits(self.head._liangze_my_units(), self.office)
        self.assertUnits(self.head._liangze_scope_units(), self.office | self.archive_room)
        # Not the parent, not the siblings.
        self.assertNotIn(self.city, self.head._liangze_scope_units())
        self.assertNotIn(self.discipline, self.head._liangze_scope_units())

    def test_leader_rolls_up_child_companies(self):
        everything_below_city = (
            self.city | self.office | self.archive_room | self.discipline | self.county | self.county_office
        )
        self.assertUnits(self.leader._liangze_scope_units(), everything_below_city)
        self.assertNotIn(self.other, self.leader._liangze_scope_units())

    def test_supervisor_sees_supervised_subtree(self):
        self.assertUnits(self.supervisor._liangze_my_units(), self.discipline)
        scope = self.supervisor._liangze_scope_units()
        self.assertIn(self.county_office, scope)
        self.assertIn(self.archive_room, scope)
        self.assertNotIn(self.other, scope)
        # An explicit supervised unit narrows the subtree.
        self.discipline.with_user(self.admin).supervised_unit_id = self.county
        self.assertUnits(self.supervisor.liangze_scope_unit_ids, self.discipline | self.county | self.county_office)

    def test_company_units(self):
        self.assertUnits(
            self.member._liangze_company_units(),
            self.city | self.office | self.archive_room | self.discipline | self.county | self.county_office,
        )
        self.assertUnits(self.outsider._liangze_company_units(), self.other)

    def test_membership_change_refreshes_scope(self):
        self.assertNotIn(self.county_office, self.member.liangze_unit_ids)
        self.county_office.with_user(self.admin).member_ids = [(4, self.member.id)]
        self.assertIn(self.county_office, self.member.liangze_unit_ids)
        self.assertIn(self.county_office, self.member.liangze_scope_unit_ids)

    def test_other_company_is_invisible(self):
        Unit = self.env["liangze.unit"]
        self.assertFalse(Unit.with_user(self.outsider).search([("id", "=", self.city.id)]))
        with self.assertRaises(AccessError):
            self.city.with_user(self.outsider).read(["name"])
        self.assertFalse(Unit.with_user(self.member).search([("id", "=", self.other.id)]))
        with self.assertRaises(AccessError):
            self.other.with_user(self.member).read(["name"])
