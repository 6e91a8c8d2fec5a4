# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.liangze_base.tests.common import bureau_user
from odoo.addons.liangze_integrity.tests.common import IntegrityCase

PDF = base64.b64encode(b"%PDF-1.4 the letter, signed Reporter Sun")
INTAKE = "liangze_discipline.group_liangze_intake"
CASE_OFFICER = "liangze_discipline.group_liangze_case_officer"
CASE_MANAGEMENT = "liangze_discipline.group_liangze_case_management"
CONTENT = (
    "王科长在2026年办公用房调整中，将本单位闲置用房出租给亲属经营的公司，租金明显低于市场价，并以维修名义多次报销费用。"
)


class PetitionCase(IntegrityCase):
    """IntegrityCase with the discipline group's intake officer, a case officer and case
    management, and the organisation department's officer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        def user(login, groups):
            return bureau_user(
                cls.env,
                login=login,
                groups=groups,
                company_id=cls.company_a.id,
                company_ids=[(6, 0, cls.company_a.ids)],
            )

        cls.intake = user("lz_intake", INTAKE)
        cls.case_officer = user("lz_case_officer", CASE_OFFICER)
        cls.case_manager = user("lz_case_manager", f"{CASE_MANAGEMENT},base.group_allow_export")
        cls.organiser = user("lz_organiser", "liangze_integrity.group_liangze_organisation")
        cls.discipline.member_ids = [(4, u.id) for u in (cls.intake, cls.case_officer, cls.case_manager)]

    def _petition(self, content=CONTENT, cadres=None, named=True, user=None, **values):
        vals = {
            "channel": "letter",
            "kind": "accusation",
            "named": named,
            "content": content,
            "concerned_cadre_ids": [(6, 0, (self.colleague if cadres is None else cadres).ids)],
        }
        if named:
            vals.update(
                reporter_name="Reporter Sun",
                reporter_id_number="110101199001011234",
                reporter_contact="13800000000",
                reporter_address="1 Harbour Road",
            )
        vals.update(values)
        return self.env["liangze.petition"].with_user(user or self.intake).create(vals)

    def _entry(self, cadre, petition):
        return self.env["liangze.integrity.entry"].search(
            [("cadre_id", "=", cadre.id), ("section", "=", "letter_report"), ("source_id", "=", petition.id)]
        )


@tagged("post_install", "-at_install")
class TestPetition(PetitionCase):
    def test_named_report_registered_numbered_with_its_acceptance_notice(self):
        petition = self._petition()
        self.assertRegex(petition.name, r"^XF\d{4}-\d{4}$")
        self.assertEqual(petition.state, "registered")
        self.assertEqual(petition.body_unit_id, self.discipline)
        self.assertEqual(petition.registered_by_id, self.intake)
        notice = petition.notice_ids
        self.assertEqual(notice.kind, "acceptance")
        workdays = self.company_a._liangze_workdays()
        self.assertEqual(notice.deadline, workdays.add_workdays(petition.received_on, 15))
        self.assertEqual(notice.warning_level, "normal")
        # An anonymous report owes nobody a notice.
        anonymous = self._petition(named=False, content="另一件事：公车私用。")
        self.assertFalse(anonymous.notice_ids)
        second = self._petition(content="再一件事：违规发放津贴。")
        self.assertNotEqual(second.name, petition.name)

    def test_only_intake_registers_and_a_named_report_names_its_reporter(self):
        for user in (self.case_officer, self.case_manager, self.supervisor, self.leader, self.member):
            with self.assertRefused(AccessError, "."):
                self._petition(user=user)
        with self.assertRefused(ValidationError, "Give the name of the reporter"):
            self._petition(reporter_name=False)
        with self.assertRefused(ValidationError, "not received in the future"):
            self._petition(received_on=self.env["base"]._bureau_today() + timedelta(days=3))
        with self.assertRefused(AccessError, "starts in its first state"):
            self._petition(state="accepted")

    def test_accepted_report_becomes_a_clue_and_closes_with_its_result(self):
        petition = self._petition()
        petition.action_accept()
        self.assertEqual(petition.state, "accepted")
        clue = petition.clue_id
        self.assertTrue(clue, "the clue of the register")
        self.assertEqual(clue.source, "report")
        self.assertEqual(clue.petition_id, petition)
        self.assertEqual(clue.concerned_cadre_ids, self.colleague)
        self.assertEqual(clue.body_unit_id, self.discipline)
        self.assertEqual(clue.summary, CONTENT)
        # Case management reads the clue of the register; intake does not.
        self.assertEqual(self.env["liangze.clue"].with_user(self.case_manager).search([("id", "=", clue.id)]), clue)
        self.assertIn(
            clue.name,
            petition.with_user(self.intake).web_read({"clue_id": {"fields": {"display_name": {}}}})[0]["clue_id"][
                "display_name"
            ],
        )
        entry = self._entry(self.colleague, petition)
        self.assertTrue(entry.open_matter, "open in the file while handled")
        self.assertNotIn("Sun", f"{entry.name} {entry.summary} {entry.result}")
        self.assertNotIn("办公用房", f"{entry.name} {entry.summary} {entry.result}")
        with self.assertRefused(UserError, "already decided"):
            petition.action_accept()
        with self.assertRefused(UserError, "Write the result"):
            petition.action_close("  ")
        petition.action_close("Admonished after a preliminary verification.")
        self.assertEqual(petition.state, "closed")
        self.assertFalse(entry.open_matter)
        self.assertEqual(entry.result, "Admonished after a preliminary verification.")
        result_notice = petition.notice_ids.filtered(lambda n: n.kind == "result")
        workdays = self.company_a._liangze_workdays()
        self.assertEqual(result_notice.deadline, workdays.add_workdays(petition.closed_on, 15))
        self.assertEqual(result_notice.state, "to_do")

    def test_a_suggestion_is_accepted_without_a_clue(self):
        petition = self._petition(kind="suggestion", cadres=self.env["liangze.cadre"], content="建议公开办事流程。")
        petition.action_accept()
        self.assertEqual(petition.state, "accepted")
        self.assertFalse(petition.clue_id)
        with self.assertRefused(UserError, "Name the persons or units reported"):
            self._petition(cadres=self.env["liangze.cadre"], content="没有对象的举报").action_accept()

    def test_not_accepted_with_its_reason(self):
        petition = self._petition()
        with self.assertRefused(UserError, "Give the reason"):
            petition.action_not_accept(False)
        decision = (
            self.env["liangze.petition.decision"]
            .with_user(self.intake)
            .create(
                {
                    "petition_id": petition.id,
                    "mode": "not_accept",
                    "refusal_reason": "litigation",
                    "note": "Already before the court.",
                }
            )
        )
        decision.action_confirm()
        self.assertEqual((petition.state, petition.refusal_reason), ("not_accepted", "litigation"))
        self.assertEqual(petition.decided_by_id, self.intake)
        entry = self._entry(self.colleague, petition)
        self.assertFalse(entry.open_matter)
        self.assertIn("Litigation", entry.result)
        self.assertFalse(petition.clue_id)
        # The reporter is still told that it is not accepted.
        self.assertEqual(petition.notice_ids.state, "to_do")

    def test_repeat_report_is_linked_to_the_first_and_not_handled_again(self):
        first = self._petition()
        first.action_accept()
        again = self._petition(content=CONTENT.replace("多次", "多次多次") + "请严查！", channel="online")
        self.assertEqual(again.repeat_candidate_id, first)
        self.assertGreaterEqual(again.repeat_similarity, 60)
        with self.assertRefused(UserError, "looks like a repeat"):
            again.action_accept()
        self.env["liangze.petition.decision"].with_user(self.intake).create(
            {"petition_id": again.id, "mode": "repeat"}
        ).action_confirm()
        self.assertEqual((again.state, again.first_id), ("repeat", first))
        self.assertEqual(first.repeat_ids, again)
        self.assertEqual(again.notice_ids.state, "void")
        self.assertEqual(len(self.env["liangze.clue"].search([("petition_id", "in", (first | again).ids)])), 1)
        # A third one repeats the first, not the repeat.
        third = self._petition(content=CONTENT)
        self.assertEqual(third.repeat_candidate_id, first)
        # Different content about the same person, or the same content about someone else: new reports.
        other = self._petition(content="李某在公务接待中超标准宴请，并用公款购买高档烟酒。")
        self.assertFalse(other.repeat_candidate_id)
        elsewhere = self._petition(cadres=self.spouse)
        self.assertFalse(elsewhere.repeat_candidate_id)
        # Intake may judge a look-alike new: then it is handled.
        third.action_not_repeat()
        third.action_accept()
        self.assertEqual(third.state, "accepted")

    def test_a_report_about_the_head_of_the_body_is_only_forwarded(self):
        petition = self._petition(cadres=self.head_cadre | self.colleague)
        self.assertTrue(petition.head_concerned)
        with self.assertRefused(UserError, "can only be forwarded"):
            petition.action_accept()
        with self.assertRefused(UserError, "can only be forwarded"):
            petition.action_not_accept("no_substance")
        # The head never sees it.
        self.assertFalse(self._found("liangze.petition", self.supervision_head, [("id", "=", petition.id)]))
        with self.assertRefused(UserError, "Say which body"):
            petition.action_forward("")
        petition.action_forward("City Commission for Discipline Inspection")
        self.assertEqual(petition.state, "forwarded")
        self.assertFalse(self._entry(self.head_cadre, petition).open_matter)
        self.assertIn("City Commission", self._entry(self.colleague, petition).result)

    def test_registered_report_is_kept(self):
        petition = self._petition()
        with self.assertRefused(AccessError, "not allowed to delete|不允许删除"):
            petition.unlink()
        with self.assertRefused(UserError, "stays in the register"):
            petition.sudo().unlink()
        petition.action_accept()
        with self.assertRefused(AccessError, "."):
            petition.write({"content": "Changed afterwards"})
        with self.assertRefused(AccessError, "set by the product's own actions"):
            petition.with_user(self.supervision_head).write({"state": "closed"})


@tagged("post_install", "-at_install")
class TestPetitionNotice(PetitionCase):
    def test_overdue_notice_turns_red_and_reminds_intake_once(self):
        received = self.env["base"]._bureau_today() - timedelta(days=40)
        petition = self._petition(received_on=received)
        notice = petition.notice_ids
        Notice = self.env["liangze.petition.notice"]
        Notice._cron_refresh_warnings()
        self.assertEqual(notice.warning_level, "red")
        self.assertTrue(notice.reminded_red)
        reminders = self.env["mail.message"].search(
            [("model", "=", notice._name), ("res_id", "=", notice.id), ("subject", "like", "Reporter to tell")]
        )
        self.assertEqual(len(reminders), 1)
        self.assertIn(self.intake.partner_id, reminders.partner_ids)
        self.assertNotIn("Sun", reminders.body)
        activity = notice.activity_ids
        self.assertEqual(activity.user_id, self.intake)
        Notice._cron_refresh_warnings()
        again = self.env["mail.message"].search_count(
            [("model", "=", notice._name), ("res_id", "=", notice.id), ("subject", "like", "Reporter to tell")]
        )
        self.assertEqual(again, 1, "reminded once per threshold")

    def test_reporter_told_after_the_decision(self):
        petition = self._petition()
        notice = petition.notice_ids.with_user(self.intake)
        with self.assertRefused(UserError, "Say how the reporter was told"):
            notice.action_done()
        notice.write({"method": "phone", "note": "Told it is accepted."})
        with self.assertRefused(UserError, "Decide on the report first"):
            notice.action_done()
        petition.action_accept()
        notice.action_done()
        self.assertEqual((notice.state, notice.warning_level), ("done", "done_on_time"))
        with self.assertRefused(AccessError, "."):
            notice.write({"note": "Rewritten afterwards"})
        # Case management and the supervisors never see what reporters are owed.
        for user in (self.case_manager, self.case_officer, self.supervisor, self.leader):
            self.assertFalse(self._found("liangze.petition.notice", user), user.login)

    def test_periods_and_similarity_are_the_companys(self):
        self.company_a.write({"liangze_petition_acceptance_workdays": 10, "liangze_petition_repeat_percent": 98})
        first = self._petition()
        workdays = self.company_a._liangze_workdays()
        self.assertEqual(first.notice_ids.deadline, workdays.add_workdays(first.received_on, 10))
        again = self._petition(content=CONTENT + "请严查！")
        self.assertFalse(again.repeat_candidate_id, "not 98% similar")
        self.assertTrue(self._petition(content=CONTENT).repeat_candidate_id)
        with self.assertRefused(ValidationError, "between 10 and 100"):
            self.company_a.liangze_petition_repeat_percent = 5
        with self.assertRefused(ValidationError, "between 1 and 120 workdays"):
            self.company_a.liangze_petition_result_workdays = 0

    def test_named_after_registration_gets_its_notice(self):
        petition = self._petition(named=False, content="后来留下姓名的举报。")
        self.assertFalse(petition.notice_ids)
        petition.write({"named": True, "reporter_name": "Reporter Zhou"})
        self.assertEqual(petition.notice_ids.kind, "acceptance")
        petition.write({"named": False})
        self.assertEqual(petition.notice_ids.state, "void")


@tagged("post_install", "-at_install")
class TestPetitionConfidentiality(PetitionCase):
    """The reporter's identity and material: intake and the head only, by every channel."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # An intake officer who is themselves a cadre: they never see a report about them.
        cls.intake_reported = bureau_user(
            cls.env,
            login="lz_intake_reported",
            groups=INTAKE,
            company_id=cls.company_a.id,
            company_ids=[(6, 0, cls.company_a.ids)],
        )
        cls.discipline.member_ids = [(4, cls.intake_reported.id)]
        cls.intake_cadre = cls.env["liangze.cadre"].create(
            {"name": "Intake Qian", "unit_id": cls.discipline.id, "user_id": cls.intake_reported.id}
        )

    def _with_material(self):
        # Uploaded before the record is saved (the web client's many2many_binary), then linked.
        upload = (
            self.env["ir.attachment"]
            .with_user(self.intake)
            .create({"name": "letter.pdf", "datas": PDF, "res_model": "liangze.petition", "res_id": 0})
        )
        petition = self._petition(
            cadres=self.colleague | self.intake_cadre,
            attachment_ids=[(6, 0, upload.ids)],
            reporter_user_id=self.leader.id,
        )
        petition.message_post(body="Registered and checked.")
        petition.action_accept()
        return petition, upload

    def test_material_is_only_what_was_uploaded_for_it(self):
        other = self.env["ir.attachment"].create(
            {"name": "ledger.pdf", "datas": PDF, "res_model": "res.partner", "res_id": self.intake.partner_id.id}
        )
        with self.assertRefused(UserError, "Attach only files uploaded"):
            self._petition(attachment_ids=[(6, 0, other.ids)])
        self.assertEqual((other.res_model, other.res_field), ("res.partner", False))

    def test_intake_and_the_head_read_the_reporter(self):
        petition, upload = self._with_material()
        for user in (self.intake, self.supervision_head):
            values = petition.with_user(user).read(["reporter_name", "reporter_contact", "attachment_ids"])[0]
            self.assertEqual(values["reporter_name"], "Reporter Sun")
            self.assertEqual(values["attachment_ids"], upload.ids)
            self.assertTrue(self.env["ir.attachment"].with_user(user).browse(upload.id).datas)

    def test_nobody_else_reads_the_reporter_by_any_channel(self):
        petition, upload = self._with_material()
        self.assertEqual(
            (upload.res_model, upload.res_id, upload.res_field), (petition._name, petition.id, "attachment_ids")
        )
        Petition = self.env["liangze.petition"]
        # Case management reads the content, never the identity nor the material.
        manager = petition.with_user(self.case_manager)
        self.assertEqual(manager.read(["content"])[0]["content"], CONTENT)
        for names in (
            ["reporter_name"],
            ["reporter_id_number"],
            ["reporter_contact"],
            ["reporter_address"],
            ["reporter_user_id"],
            ["attachment_ids"],
        ):
            with self.assertRaises(AccessError):
                manager.read(names)
            with self.assertRaises(AccessError):
                manager.web_read({name: {} for name in names})
            with self.assertRaises(AccessError):
                manager.export_data(names)
            with self.assertRaises(AccessError):
                Petition.with_user(self.case_manager).search([(names[0], "!=", False)])
        self.assertNotIn("reporter_name", Petition.with_user(self.case_manager).fields_get())
        with self.assertRaises(AccessError):
            Petition.with_user(self.case_manager).formatted_read_group([], ["reporter_name"], ["__count"])
        with self.assertRaises(AccessError):
            Petition.with_user(self.case_manager).search_read([], ["content", "reporter_contact"])
        for user in (
            self.case_manager,
            self.case_officer,
            self.supervisor,
            self.leader,
            self.organiser,
            self.intake_reported,
            self.member,
            self.admin,
            self.outsider,
        ):
            with self.subTest(user=user.login):
                found = self._found("liangze.petition", user)
                if user != self.case_manager:
                    self.assertFalse(found, "the reports")
                    with self.assertRaises(AccessError):
                        petition.with_user(user).read(["content"])
                # Files uploaded with the report: by search, by id.
                self.assertFalse(self._found("ir.attachment", user, [("res_model", "=", petition._name)]))
                self.assertFalse(self._found("ir.attachment", user, [("id", "=", upload.id)]))
                with self.assertRaises(AccessError):
                    self.env["ir.attachment"].with_user(user).browse(upload.id).read(["datas"])
                # Messages: none for those who do not read the report; no identity in any.
                messages = self._found(
                    "mail.message", user, [("model", "=", petition._name), ("res_id", "=", petition.id)]
                )
                if user != self.case_manager:
                    self.assertFalse(messages)
                for message in messages.sudo():
                    self.assertNotIn("Sun", message.body or "")
                    self.assertNotIn("13800000000", message.body or "")
                tracking = self._found("mail.tracking.value", user, [("mail_message_id.model", "=", petition._name)])
                self.assertNotIn(
                    "Sun", " ".join(tracking.sudo().mapped("old_value_char") + tracking.sudo().mapped("new_value_char"))
                )
        # The intake officer reported sees no notice of the report either.
        self.assertTrue(petition.notice_ids)
        self.assertFalse(self._found("liangze.petition.notice", self.intake_reported))
        self.assertEqual(self._found("liangze.petition.notice", self.intake), petition.notice_ids)
        # The reporter, a user, is recused from handling the clue of their own report.
        with self.assertRefused(UserError, "reported or witnessed"):
            petition._check_recusal(self.leader)
        with self.assertRefused(UserError, "reported or witnessed"):
            petition.clue_id._check_recusal(self.leader)

    def test_the_case_officer_of_the_clue_does_not_read_the_report(self):
        petition, _upload = self._with_material()
        self.assertFalse(self._found("liangze.petition", self.case_officer, [("id", "=", petition.id)]))
        with self.assertRaises(AccessError):
            petition.with_user(self.case_officer).read(["content"])


@tagged("post_install", "-at_install")
class TestPetitionRefusalsInChinese(PetitionCase):
    """The refusals of letters and reports as a Chinese intake officer reads them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_chinese()

    def test_refusals(self):
        about_head = self._petition(cadres=self.head_cadre).with_context(lang="zh_CN")
        with self.assertRefused(UserError, "只能转交上级处理"):
            about_head.action_accept()
        petition = self._petition(content="另一件举报：违规收受礼金。").with_context(lang="zh_CN")
        with self.assertRefused(UserError, "请填写不予受理的理由"):
            petition.action_not_accept(False)
        again = self._petition(content="另一件举报：违规收受礼金！").with_context(lang="zh_CN")
        with self.assertRefused(UserError, "疑似.*的重复举报"):
            again.action_accept()
        with self.assertRefused(ValidationError, "实名举报须填写举报人姓名"):
            self.env["liangze.petition"].with_user(self.intake).with_context(lang="zh_CN").create(
                {"named": True, "content": "实名举报", "concerned_cadre_ids": [(6, 0, self.colleague.ids)]}
            )
        self.assertEqual((about_head.state, petition.state, again.state), ("registered",) * 3)
