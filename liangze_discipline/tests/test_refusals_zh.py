# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.liangze_base.tests.common import bureau_user
from odoo.addons.liangze_integrity.tests.common import IntegrityCase


@tagged("post_install", "-at_install")
class TestRefusalsInChinese(IntegrityCase):
    """The refusals the issue lists, as the body's Chinese users read them; nothing changes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_chinese()
        cls.officer = bureau_user(
            cls.env,
            login="lz_zh_case_officer",
            groups="liangze_discipline.group_liangze_case_officer",
            company_id=cls.company_a.id,
            company_ids=[(6, 0, cls.company_a.ids)],
        )
        cls.discipline.member_ids = [(4, cls.officer.id)]
        common = {
            "company_id": cls.company_a.id,
            "body_unit_id": cls.discipline.id,
            "concerned_cadre_ids": [(6, 0, cls.colleague.ids)],
            "officer_ids": [(6, 0, cls.officer.ids)],
        }
        cls.clue = (
            cls.env["liangze.clue"]
            ._guard_sudo()
            .create(dict(common, summary="Gifts", unit_id=cls.office.id, source="report"))
        )
        cls.clue.write({"state": "reviewed", "proposed_way": "talk_inquiry"})
        cls.case = (
            cls.env["liangze.discipline.case"]
            ._guard_sudo()
            .create(dict(common, title="Gifts", clue_id=cls.clue.id, grounds="Gifts accepted."))
        )
        cls.common = common

    def zh(self, records, user=None):
        return records.with_user(user or self.officer).with_context(lang="zh_CN")

    def test_disposal_without_approval(self):
        with self.assertRefused(UserError, "该线索的处置方式未批准为谈话函询"):
            self.zh(self.env["liangze.talk.inquiry"]).create({"clue_id": self.clue.id, "kind": "talk"})
        self.assertFalse(self.clue.inquiry_ids)

    def test_case_without_approval(self):
        with self.assertRefused(UserError, "只有审查调查中的案件才能移送审理"):
            self.zh(self.case).action_submit_trial()
        self.assertEqual(self.case.state, "draft")

    def test_decision_without_trial(self):
        self.case.write({"state": "investigation"})
        decision = (
            self.env["liangze.discipline.decision"]
            ._guard_sudo()
            .create(
                dict(
                    self.common,
                    case_id=self.case.id,
                    cadre_id=self.colleague.id,
                    facts="Gifts accepted.",
                    party_type_id=self.env.ref("liangze_integrity.liangze_sanction_type_party_warning").id,
                )
            )
        )
        with self.assertRefused(UserError, "尚未审结：审结后方可作出处理决定"):
            self.zh(decision, self.supervision_head).action_issue()
        self.assertEqual(decision.state, "draft")

    def test_appeal_after_its_period(self):
        decision = (
            self.env["liangze.discipline.decision"]
            ._guard_sudo()
            .create(
                dict(
                    self.common,
                    case_id=self.case.id,
                    cadre_id=self.colleague.id,
                    party_type_id=self.env.ref("liangze_integrity.liangze_sanction_type_party_warning").id,
                )
            )
        )
        decision.write({"state": "issued", "decision_date": date(2026, 1, 5)})
        manager = bureau_user(
            self.env,
            login="lz_zh_manager",
            groups="liangze_discipline.group_liangze_case_management",
            company_id=self.company_a.id,
            company_ids=[(6, 0, self.company_a.ids)],
        )
        self.discipline.member_ids = [(4, manager.id)]
        with self.assertRefused(UserError, "该处分决定的申诉期限已于2026-02-05届满"):
            self.zh(self.env["liangze.discipline.appeal"], manager).create(
                {"decision_id": decision.id, "reason": "Too heavy."}
            )
        self.assertFalse(decision.appeal_ids)
