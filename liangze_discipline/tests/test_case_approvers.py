# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from odoo.addons.liangze_base.tests.common import bureau_user
from odoo.addons.liangze_integrity.tests.common import IntegrityCase

CASE_OFFICER = "liangze_discipline.group_liangze_case_officer"
LEADER = "liangze_base.group_liangze_leader"


@tagged("post_install", "-at_install")
class TestCaseApprovers(IntegrityCase):
    """Who approves a filing when the same-level committee's head may not: the head is
    the person concerned. The filing goes to the committee above, whose head reads and
    approves it; with no committee above, the filing is refused at once, in words, rather
    than waiting forever on a tier nobody can approve. And the head of the body, the
    only reviewer of the first tier, never submits a filing: they approve it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.investigator = bureau_user(
            cls.env, login="lz_approvers_investigator", groups=CASE_OFFICER, company_id=cls.company_a.id
        )
        cls.discipline.member_ids = [(4, cls.investigator.id)]
        cls.secretary = bureau_user(cls.env, login="lz_approvers_secretary", groups=LEADER, company_id=cls.company_a.id)
        cls.city.head_id = cls.secretary
        cls.secretary_cadre = cls.env["liangze.cadre"].create(
            {"name": "Secretary Sun", "unit_id": cls.city.id, "user_id": cls.secretary.id, "post": "Secretary"}
        )

    def _case(self, cadre):
        return (
            self.env["liangze.discipline.case"]
            .with_user(self.investigator)
            .create(
                {
                    "title": "Accepting gifts from a supplier",
                    "grounds": "The preliminary verification found gifts accepted in 2025.",
                    "concerned_cadre_ids": [(6, 0, cadre.ids)],
                }
            )
        )

    def test_a_concerned_committee_head_hands_the_approval_up(self):
        province_head = bureau_user(
            self.env, login="lz_approvers_province", groups=LEADER, company_id=self.company_a.id
        )
        province = self.env["liangze.unit"].create(
            {
                "name": "Province Committee",
                "code": "P",
                "unit_type": "party_committee",
                "company_id": self.company_a.id,
                "head_id": province_head.id,
            }
        )
        self.city.parent_id = province
        case = self._case(self.secretary_cadre)
        self.assertEqual((case.committee_unit_id, case.committee_head_id), (self.city, province_head))
        case.action_submit()
        self.assertEqual(case.approver_ids, self.supervision_head | province_head)
        self.assertFalse(self.env["liangze.discipline.case"].with_user(self.secretary).search([]))
        case.with_user(self.supervision_head).validate_tier()
        case.with_user(province_head).validate_tier()
        self.assertEqual(case.state, "investigation")
        # Another case, about someone else: the city's own secretary approves it.
        self.assertEqual(self._case(self.colleague).committee_head_id, self.secretary)

    def test_no_committee_above_refuses_the_filing_at_once(self):
        case = self._case(self.secretary_cadre)
        self.assertFalse(case.committee_head_id)
        with self.assertRefused(UserError, "is recused from this case and no party committee above it"):
            case.action_submit()
        self.assertEqual((case.state, case.review_ids), ("draft", self.env["tier.review"]))

    def test_the_only_reviewer_of_a_tier_does_not_submit(self):
        case = self._case(self.colleague)
        case.sudo().officer_ids = [(4, self.supervision_head.id)]
        with self.assertRefused(UserError, "Nobody can approve the tier"):
            case.with_user(self.supervision_head).action_submit()
        self.assertEqual((case.state, case.review_ids), ("draft", self.env["tier.review"]))
        case.action_submit()
        self.assertEqual(case.state, "to_approve")
        self.assertEqual(case.review_ids.sorted("sequence")[0].reviewer_ids, self.supervision_head)

    def test_a_filed_case_is_written_in_its_form(self):
        """The filing's approval is a step: once filed, the team types the investigation
        report into the form (OCA would keep the form locked once its tiers are approved)."""
        case = self._case(self.colleague)
        case.action_submit()
        case.with_user(self.supervision_head).validate_tier()
        case.with_user(self.secretary).validate_tier()
        self.assertEqual((case.state, case.validation_status), ("investigation", "validated"))
        case.sudo().investigator_ids = [(6, 0, self.investigator.ids)]
        with Form(case.with_user(self.investigator)) as form:
            form.investigation_report = "<p>The gifts were accepted; the person admits it.</p>"
        self.assertIn("admits it", case.investigation_report)

