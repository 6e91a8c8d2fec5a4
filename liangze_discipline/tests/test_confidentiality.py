# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.liangze_base.tests.common import bureau_user
from odoo.addons.liangze_integrity.tests.common import IntegrityCase

CONTENT = "Accepted a shopping card from a taxpayer of the office."


@tagged("post_install", "-at_install")
class TestConfidentiality(IntegrityCase):
    """A named report about the office's head becomes a clue that is closed: the reporter
    is told the result; all along nobody outside intake, the assigned officer, case
    management and the head learns of it, and every opening is logged."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        def user(login, groups):
            return bureau_user(
                cls.env,
                login=login,
                groups=f"{groups},base.group_allow_export",
                company_id=cls.company_a.id,
                company_ids=[(6, 0, cls.company_a.ids)],
            )

        cls.intake = user("lz_conf_intake", "liangze_discipline.group_liangze_intake")
        cls.manager = user("lz_conf_manager", "liangze_discipline.group_liangze_case_management")
        cls.officer = user("lz_conf_officer", "liangze_discipline.group_liangze_case_officer")
        cls.idle = user("lz_conf_idle", "liangze_discipline.group_liangze_case_officer")
        cls.organiser = user("lz_conf_organiser", "liangze_integrity.group_liangze_organisation")
        cls.discipline.member_ids = [(4, u.id) for u in (cls.intake, cls.manager, cls.officer, cls.idle)]
        cls.env["liangze.unit"].create(
            {"name": "Personnel", "code": "C-PER", "parent_id": cls.city.id, "company_id": cls.company_a.id}
        ).member_ids = cls.organiser
        cls.petition = (
            cls.env["liangze.petition"]
            .with_user(cls.intake)
            .create(
                {
                    "channel": "online",
                    "kind": "accusation",
                    "named": True,
                    "reporter_name": "Reporter Qian",
                    "reporter_contact": "13900000000",
                    "content": CONTENT,
                    "concerned_cadre_ids": [(6, 0, cls.colleague.ids)],
                }
            )
        )
        cls.petition.action_accept()
        cls.clue = cls.petition.sudo().clue_id

    def _outsiders(self):
        # The person concerned (the office head), an officer not assigned, a supervisor, a
        # leader, the organisation department, the administrator, another company.
        return (self.head, self.idle, self.supervisor, self.leader, self.organiser, self.admin, self.outsider)

    def test_nothing_reaches_anyone_else_by_any_channel(self):
        self.clue.with_user(self.manager).write({"proposed_handler_id": self.officer.id})
        self.clue.with_user(self.manager).action_propose_assignment()
        self.clue.with_user(self.supervision_head).action_approve_assignment()
        self.clue.with_user(self.officer).message_post(body="Called the taxpayer.")
        for user in self._outsiders():
            with self.subTest(user=user.login):
                for record in (self.petition, self.clue):
                    self.assertFalse(self._found(record._name, user, [("id", "=", record.id)]))
                    with self.assertRaises(AccessError):
                        record.with_user(user).read(["display_name"])
                    with self.assertRaises(UserError):
                        record.with_user(user).export_data(["display_name"])
                    messages = (
                        self.env["mail.message"]
                        .with_user(user)
                        .search([("model", "=", record._name), ("res_id", "=", record.id)])
                    )
                    self.assertFalse(messages)
                    activities = (
                        self.env["mail.activity"]
                        .with_user(user)
                        .search([("res_model", "=", record._name), ("res_id", "=", record.id)])
                    )
                    self.assertFalse(activities)
                with self.assertRaises(AccessError):
                    self.clue.with_user(self.officer).message_subscribe(partner_ids=user.partner_id.ids)
        # The officer assigned and case management read the clue, never the reporter.
        self.assertEqual(self.clue.with_user(self.officer).summary, self.clue.sudo().summary)
        with self.assertRaises(AccessError):
            self.petition.with_user(self.manager).read(["reporter_name"])
        self.assertEqual(self.petition.with_user(self.intake).reporter_name, "Reporter Qian")

    def test_recusal_is_refused_in_chinese(self):
        self._load_chinese()
        colleague_officer = bureau_user(
            self.env,
            login="lz_conf_office_officer",
            groups="liangze_discipline.group_liangze_case_officer",
            company_id=self.company_a.id,
            company_ids=[(6, 0, self.company_a.ids)],
        )
        self.office.member_ids = [(4, colleague_officer.id)]
        self.discipline.member_ids = [(4, colleague_officer.id)]
        clue = self.clue.with_user(self.manager).with_context(lang="zh_CN")
        clue.write({"proposed_handler_id": colleague_officer.id})
        with self.assertRefused(UserError, "回避"):
            clue.action_propose_assignment()
        self.assertFalse(self.clue.handler_id)

    def test_openings_are_logged_for_the_head(self):
        Log = self.env["auditlog.log"]
        before = Log.search([("model_model", "=", "liangze.clue"), ("res_id", "=", self.clue.id)])
        self.clue.with_user(self.manager).web_read({"summary": {}, "concerned_cadre_ids": {}})
        logs = Log.search([("model_model", "=", "liangze.clue"), ("res_id", "=", self.clue.id)]) - before
        self.assertEqual(logs.user_id, self.manager)
        self.assertIn("summary", logs.line_ids.mapped("field_name"))
        self.assertEqual(Log.with_user(self.supervision_head).search([("id", "in", logs.ids)]), logs)
        for user in (self.admin, self.manager, self.supervisor):
            self.assertFalse(self._found("auditlog.log", user, [("id", "in", logs.ids)]), user.login)

    def test_the_named_reporter_is_told_the_result_and_the_opinion_deferred_without_detail(self):
        findings = self.env["liangze.opinion"]._opinion_findings(self.colleague, self.clue.received_on)
        descriptions = [f["description"] for f in findings[self.colleague.id] if f["kind"] == "defer"]
        self.assertTrue(descriptions)
        self.assertNotIn("shopping card", " ".join(descriptions), "no detail of the clue")
        clue = self.clue.sudo()
        clue._conclude("Closed: the card was returned before the report.")
        self.assertEqual(self.petition.sudo().state, "closed")
        notice = self.petition.sudo().notice_ids.filtered(lambda n: n.kind == "result")
        self.assertEqual(len(notice), 1, "the named reporter is to be told the result")
        self.assertTrue(notice.deadline)
