# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo.tests import HttpCase, tagged

from odoo.addons.liangze_base.tests.common import bureau_user


@tagged("post_install", "-at_install")
class TestDutyTour(HttpCase):
    """On a phone: an evaluator opens My Evaluations, the reporter still to rate,
    and rates them Good with one tap; the system records that they voted, and
    the ballot apart from them."""

    browser_size = "375x667"
    touch_enabled = True

    def test_evaluator_rates_a_reporter_on_the_evaluation_screen(self):
        company = self.env.company
        Unit = self.env["liangze.unit"]
        committee = Unit.create(
            {"name": "Tour Committee", "code": "TOUR-C", "unit_type": "party_committee", "company_id": company.id}
        )
        office = Unit.create(
            {"name": "Tour Office", "code": "TOUR-OFF", "parent_id": committee.id, "company_id": company.id}
        )
        body = Unit.create(
            {
                "name": "Tour Discipline Group",
                "code": "TOUR-JJZ",
                "unit_type": "discipline_body",
                "parent_id": committee.id,
                "company_id": company.id,
            }
        )
        organiser = bureau_user(self.env, login="lz_tour_organiser", groups="liangze_base.group_liangze_supervisor")
        evaluator = bureau_user(self.env, login="lz_tour_evaluator", groups="liangze_base.group_liangze_user")
        body.member_ids = organiser
        self.env["liangze.cadre"].create(
            {"name": "周明", "unit_id": office.id, "post": "办公室主任", "leader_role": "principal_leader"}
        )
        campaign = (
            self.env["liangze.duty.campaign"]
            .with_user(organiser)
            .create(
                {
                    "name": "Tour duty and integrity reports",
                    "scope_unit_ids": [(6, 0, committee.ids)],
                    "report_deadline": self.env["base"]._bureau_today() + timedelta(days=7),
                    "group_ids": [
                        (0, 0, {"name": "班子成员", "weight": 100, "evaluator_ids": [(6, 0, evaluator.ids)]})
                    ],
                }
            )
        )
        campaign.action_fill_reporters()
        campaign.action_start_reporting()
        campaign.action_open_evaluation()
        report = campaign.report_ids
        self.assertEqual(report.cadre_id.name, "周明")

        self.start_tour(
            "/odoo/action-liangze_integrity.liangze_duty_report_action_rate",
            "liangze_duty_rating_tour",
            login="lz_tour_evaluator",
        )
        vote = self.env["liangze.duty.vote"].search([("report_id", "=", report.id)])
        self.assertEqual((vote.evaluator_id, vote.paper), (evaluator, False))
        ballot = self.env["liangze.duty.ballot"].search([("report_id", "=", report.id)])
        self.assertEqual(ballot.rating, "good")
        self.assertFalse(self.env["liangze.duty.rating"].search([]), "the rating screen left nothing behind")
