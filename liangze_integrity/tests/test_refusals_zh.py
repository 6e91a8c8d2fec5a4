# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.liangze_base.tests.common import bureau_user

from .common import IntegrityCase


@tagged("post_install", "-at_install")
class TestRefusalsInChinese(IntegrityCase):
    """The refusals the issue lists, as a Chinese user reads them; nothing is changed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_chinese()
        cls.evaluator = bureau_user(
            cls.env,
            login="lz_zh_evaluator",
            groups="liangze_base.group_liangze_user",
            company_id=cls.company_a.id,
            company_ids=[(6, 0, cls.company_a.ids)],
        )
        cls.late_evaluator = bureau_user(
            cls.env,
            login="lz_zh_late_evaluator",
            groups="liangze_base.group_liangze_user",
            company_id=cls.company_a.id,
            company_ids=[(6, 0, cls.company_a.ids)],
        )
        cls.organiser = bureau_user(
            cls.env,
            login="lz_zh_organiser",
            groups="liangze_integrity.group_liangze_organisation",
            company_id=cls.company_a.id,
            company_ids=[(6, 0, cls.company_a.ids)],
        )
        personnel = cls.env["liangze.unit"].create(
            {"name": "Personnel", "code": "C-PER", "parent_id": cls.city.id, "company_id": cls.company_a.id}
        )
        personnel.member_ids = cls.organiser
        cls.colleague.leader_role = "principal_leader"

    def zh(self, record):
        return record.with_context(lang="zh_CN")

    def test_ballots(self):
        today = self.env["base"]._bureau_today()
        campaign = self.zh(self.env["liangze.duty.campaign"].with_user(self.supervisor)).create(
            {
                "name": "述责述廉",
                "year": today.year,
                "scope_unit_ids": [(6, 0, self.office.ids)],
                "report_deadline": today + timedelta(days=20),
            }
        )
        campaign.action_fill_reporters()
        campaign.action_start_reporting()
        self.env["liangze.duty.evaluator.group"].with_user(self.supervisor).create(
            {
                "campaign_id": campaign.id,
                "name": "班子成员",
                "weight": 100,
                "evaluator_ids": [(6, 0, self.evaluator.ids)],
            }
        )
        campaign.action_open_evaluation()
        report = self.zh(campaign.report_ids.filtered(lambda r: r.cadre_id == self.colleague).with_user(self.evaluator))
        with self.assertRefused(UserError, "不符合本次活动的评价方式"):
            report.action_rate("excellent")
        report.action_rate("good")
        with self.assertRefused(UserError, "您已测评过该报告"):
            report.action_rate("poor")
        votes = self.env["liangze.duty.vote"].search_count([("report_id", "=", report.id)])
        self.assertEqual(votes, 1)
        campaign.action_close()
        late = self.zh(report.with_user(self.late_evaluator))
        with self.assertRefused(UserError, "测评已结束，不再接受投票"):
            late.action_rate("good")
        self.assertEqual(self.env["liangze.duty.vote"].search_count([("report_id", "=", report.id)]), 1)

    def test_sanctions(self):
        Sanction = self.zh(self.env["liangze.sanction"].with_user(self.supervisor))
        file = self._file(self.colleague)
        warning = self.env.ref("liangze_integrity.liangze_sanction_type_party_serious_warning")
        with self.assertRefused(ValidationError, "处分须填写作出决定的日期"):
            Sanction.create({"file_id": file.id, "type_id": warning.id})
        with self.assertRefused(ValidationError, "缩短影响期须说明理由"):
            Sanction.create(
                {"file_id": file.id, "type_id": warning.id, "decision_date": "2026-05-01", "effect_months": 6}
            )
        self.assertFalse(self.env["liangze.sanction"].search([("file_id", "=", file.id)]))

    def test_opinions(self):
        request = self.zh(self.env["liangze.opinion.request"].with_user(self.organiser)).create(
            {"title": "选拔任用", "purpose": "selection", "opinion_ids": [(0, 0, {"cadre_id": self.colleague.id})]}
        )
        request.action_submit()
        officer = self.zh(request.with_user(self.supervisor))
        officer.action_draft_opinions()
        line = self.zh(officer.opinion_ids)
        self.assertEqual(line.opinion, "clear")
        with self.assertRefused(UserError, "否决或暂缓的意见须说明理由"):
            line.write({"opinion": "veto", "change_reason": "档案记载"})
        self.assertEqual(line.opinion, "clear")
        line.action_sign()
        officer.action_request_approval()
        with self.assertRefused(UserError, "复函须经纪检组组长审批"):
            officer.action_reply()
        self.assertFalse(request.reply_number)
