# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.liangze_base.tests.common import bureau_user
from odoo.addons.liangze_integrity.tests.common import IntegrityCase

CASE_OFFICER = "liangze_discipline.group_liangze_case_officer"
CASE_MANAGEMENT = "liangze_discipline.group_liangze_case_management"
INTAKE = "liangze_discipline.group_liangze_intake"
ORGANISATION = "liangze_integrity.group_liangze_organisation"
LETTER = "liangze_discipline.action_report_liangze_inquiry_letter"
REPLY = base64.b64encode(b"%PDF-1.4 written reply")
DEFERRED = "An open problem clue concerns the person."


@tagged("post_install", "-at_install")
class TestClue(IntegrityCase):
    """The discipline group's clue register: case management (案管) registers a clue on a
    clerk of the office, the head approves the handler it proposes, the collective review
    proposes a letter inquiry, the head approves; the letter goes out, the reply comes
    back, the inquiry leads to a preliminary verification whose team signs the report and
    proposes a case. Alongside: a county party secretary's clue needing the city
    committee head's approval, a shelved clue coming back, an overdue one turning red."""

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

        cls.manager = user("lz_case_manager", CASE_MANAGEMENT)
        cls.officer = user("lz_case_officer", CASE_OFFICER)
        cls.officer2 = user("lz_case_officer2", CASE_OFFICER)
        cls.idle_officer = user("lz_idle_officer", CASE_OFFICER)
        cls.intake = user("lz_intake", INTAKE)
        cls.organiser = user("lz_clue_organiser", ORGANISATION)
        (cls.manager | cls.officer | cls.organiser).group_ids = [(4, cls.env.ref("base.group_allow_export").id)]
        cls.discipline.member_ids = cls.supervisor | cls.manager | cls.officer | cls.officer2 | cls.idle_officer
        cls.discipline.member_ids |= cls.intake
        cls.personnel = cls.env["liangze.unit"].create(
            {"name": "Personnel", "code": "C-PER", "parent_id": cls.city.id, "company_id": cls.company_a.id}
        )
        cls.personnel.member_ids = cls.organiser
        # The city committee's secretary approves what concerns the county's secretary.
        cls.city.head_id = cls.leader
        Cadre = cls.env["liangze.cadre"]
        cls.clerk_user = user("lz_clerk_sun", "liangze_base.group_liangze_user")
        cls.suspect = Cadre.create(
            {"name": "Clerk Sun", "unit_id": cls.office.id, "post": "Clerk", "user_id": cls.clerk_user.id}
        )
        cls.secretary = Cadre.create(
            {"name": "Secretary Qian", "unit_id": cls.county.id, "leader_role": "principal_leader"}
        )
        # The second officer is the clerk's brother: recused from anything concerning the clerk.
        cls.officer2_cadre = Cadre.create(
            {"name": "Officer Sun", "unit_id": cls.discipline.id, "user_id": cls.officer2.id}
        )
        cls.env["liangze.cadre.relative"].create(
            {
                "cadre_id": cls.suspect.id,
                "relation": "sibling",
                "name": "Officer Sun",
                "relative_cadre_id": cls.officer2_cadre.id,
            }
        )
        cls.today = cls.env["base"]._bureau_today()

    # -- helpers -------------------------------------------------------------------------------
    def _clue(self, cadres=None, **values):
        return (
            self.env["liangze.clue"]
            .with_user(self.manager)
            .create(
                {
                    "summary": "Accepted gifts from a contractor of the office.",
                    "concerned_cadre_ids": [(6, 0, (cadres or self.suspect).ids)],
                    "unit_id": self.office.id,
                    "source": "report",
                    **values,
                }
            )
        )

    def _assigned(self, clue, officer=None):
        clue.with_user(self.manager).write({"proposed_handler_id": (officer or self.officer).id})
        clue.with_user(self.manager).action_propose_assignment()
        clue.with_user(self.supervision_head).action_approve_assignment()
        return clue

    def _review(self, clue, way="talk_inquiry", **values):
        clue.with_user(self.officer).write(
            {
                "review_date": self.today,
                "attendee_ids": [(6, 0, (self.officer | self.manager | self.supervision_head).ids)],
                "proposed_way": way,
                "review_note": "Studied collectively on the group's meeting.",
                **values,
            }
        )

    def _disposed(self, clue=None, way="talk_inquiry", **values):
        clue = clue or self._assigned(self._clue())
        self._review(clue, way, **values)
        clue.with_user(self.officer).action_submit_disposal()
        clue.with_user(self.supervision_head).validate_tier()
        return clue

    def _file_entry(self, cadre, clue):
        return self.env["liangze.integrity.entry"].search(
            [("cadre_id", "=", cadre.id), ("source_model", "=", "liangze.clue"), ("source_id", "=", clue.id)]
        )

    def _letter_answered(self, clue):
        """The clue's approved letter inquiry, its plan approved, the letter sent and answered."""
        inquiry = clue.inquiry_ids.with_user(self.officer)
        inquiry.write({"plan": "Ask about the gifts by letter.", "letter_questions": "<p>The gifts of 2026.</p>"})
        inquiry.action_submit_plan()
        inquiry.with_user(self.supervision_head).action_approve_plan()
        inquiry.action_issue_letter()
        inquiry.write({"reply_date": self.today, "reply_attachment": REPLY, "reply_attachment_name": "reply.pdf"})
        inquiry.action_record_reply()
        return inquiry

    def _opinion(self, cadre):
        """The integrity opinion drafted on ``cadre`` for a promotion (as the organisation department asks)."""
        request = (
            self.env["liangze.opinion.request"]
            .with_user(self.organiser)
            .create({"title": "Promotion", "purpose": "selection", "opinion_ids": [(0, 0, {"cadre_id": cadre.id})]})
        )
        request.action_submit()
        request.with_user(self.supervisor).action_draft_opinions()
        return self.env["liangze.opinion"].browse(request.sudo().opinion_ids.ids)

    def _replied(self, opinion):
        """The discipline body signs the opinion, the head approves, the reply goes out."""
        request = opinion.request_id.with_user(self.supervisor)
        opinion.with_user(self.supervisor).action_sign()
        request.action_request_approval()
        request.with_user(self.supervision_head).validate_tier()
        request.action_reply()
        return opinion

    # -- the chain --------------------------------------------------------------------------------
    def test_chain_from_register_to_case(self):
        clue = self._clue(received_on=self.today - timedelta(days=3))
        self.assertRegex(clue.name, r"^XS\d{4}-\d{4}$")
        self.assertEqual(clue.state, "registered")
        self.assertEqual(clue.body_unit_id, self.discipline)
        self.assertTrue(clue.disposal_deadline > self.today, "one month from receipt")
        entry = self._file_entry(self.suspect, clue)
        self.assertTrue(entry.open_matter, "the clue is open in the person's file")
        self.assertNotIn("gifts", entry.name + (entry.summary or ""), "the file names the clue, not its content")
        # Nobody handles it before the assignment is approved.
        Clue = self.env["liangze.clue"]
        self.assertFalse(Clue.with_user(self.officer).search([("id", "=", clue.id)]))
        with self.assertRefused(UserError, "proposed for assignment"):
            clue.with_user(self.supervision_head).action_approve_assignment()
        clue.with_user(self.manager).write({"proposed_handler_id": self.officer.id})
        clue.with_user(self.manager).action_propose_assignment()
        with self.assertRefused(AccessError, "."):
            clue.with_user(self.manager).action_approve_assignment()
        clue.with_user(self.supervision_head).action_approve_assignment()
        self.assertEqual((clue.state, clue.handler_id, clue.officer_ids), ("assigned", self.officer, self.officer))
        self.assertEqual(Clue.with_user(self.officer).search([]), clue)

        # The collective review proposes a letter inquiry; the head approves.
        self._review(clue, "talk_inquiry", inquiry_kind="letter")
        clue.with_user(self.officer).action_record_review()
        clue.with_user(self.officer).action_submit_disposal()
        self.assertEqual(clue.state, "to_approve")
        self.assertEqual(clue.review_ids.reviewer_ids, self.supervision_head, "the head alone approves")
        self.assertFalse(clue.inquiry_ids)
        clue.with_user(self.supervision_head).validate_tier()
        self.assertEqual((clue.state, clue.disposed_way, clue.disposed_on), ("disposed", "talk_inquiry", self.today))
        self.assertEqual(clue.warning_level, "done_on_time")
        inquiry = clue.inquiry_ids
        self.assertEqual(len(inquiry), 1)
        self.assertEqual((inquiry.kind, inquiry.state), ("letter", "draft"))
        self.assertEqual(inquiry.concerned_cadre_ids, self.suspect)
        self.assertEqual(inquiry.officer_ids, self.officer, "the clue's handler follows it")

        # The letter: plan approved, numbered, printed with the copy to the party committee head.
        inquiry = inquiry.with_user(self.officer)
        inquiry.write(
            {"plan": "Ask by letter about the gifts.", "letter_questions": "<p>Explain the gifts of 2026.</p>"}
        )
        inquiry.action_submit_plan()
        with self.assertRefused(AccessError, "."):
            inquiry.action_approve_plan()
        inquiry.with_user(self.supervision_head).action_approve_plan()
        self.office.parent_id.head_id = self.leader
        inquiry.action_issue_letter()
        self.assertEqual(inquiry.state, "letter_sent")
        self.assertTrue(inquiry.letter_number.endswith("号"), inquiry.letter_number)
        calendar = self.company_a._liangze_workdays()
        self.assertEqual(inquiry.reply_deadline, calendar.add_workdays(self.today, 15))
        self.assertEqual((inquiry.copy_unit_id, inquiry.copy_user_id), (self.city, self.leader))
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        html = Report.with_user(self.officer)._render_qweb_html(LETTER, inquiry.ids)[0].decode()
        for text in (
            inquiry.letter_number,
            "Clerk Sun",
            "Explain the gifts of 2026",
            "City Committee",
            self.leader.name,
        ):
            self.assertIn(text, html)
        self.assertNotIn("contractor", html, "the letter never shows the clue")
        with self.allow_pdf_render():
            pdf = Report.with_user(self.officer)._render_qweb_pdf(LETTER, inquiry.ids)[0]
        self.assertTrue(pdf.startswith(b"%PDF"))
        # The reply, then the outcome: a preliminary verification.
        with self.assertRefused(UserError, "Attach the written reply"):
            inquiry.action_record_reply()
        inquiry.write({"reply_date": self.today, "reply_attachment": REPLY, "reply_attachment_name": "reply.pdf"})
        inquiry.action_record_reply()
        self.assertEqual((inquiry.state, inquiry.warning_level), ("answered", "done_on_time"))
        inquiry.write({"outcome": "verification", "outcome_note": "The explanation does not hold."})
        inquiry.action_conclude()
        verification = inquiry.verification_id
        self.assertEqual((inquiry.state, verification.state), ("concluded", "draft"))
        self.assertEqual(verification, clue.verification_ids)
        self.assertEqual(clue.state, "disposed", "the clue stays open while it is verified")

        # The verification: the team approved, the report signed by every member.
        verification = verification.with_user(self.officer)
        self.assertEqual(verification.team_ids, self.officer)
        verification.write({"plan": "Check the bank records.", "team_ids": [(4, self.idle_officer.id)]})
        verification.action_submit_plan()
        verification.with_user(self.supervision_head).action_approve_plan()
        self.assertEqual(verification.officer_ids, self.officer | self.idle_officer)
        verification.write({"measures": "Bank records obtained.", "report": "<p>The gifts are established.</p>"})
        verification.action_submit_report()
        verification.action_sign()
        verification.write({"outcome": "propose_case", "outcome_note": "A case is to be filed."})
        with self.assertRefused(UserError, "signed by every member of the team first: lz_idle_officer"):
            verification.action_conclude()
        with self.assertRefused(AccessError, "Only the members of the team"):
            verification.with_user(self.manager).action_sign()
        verification.with_user(self.idle_officer).action_sign()
        action = verification.action_propose_case()
        case = verification._cases()
        self.assertEqual(len(case), 1)
        self.assertEqual(action["res_model"], "liangze.discipline.case")
        self.assertEqual(action["res_id"], case.id)
        self.assertEqual((case.clue_id, case.verification_id), (clue, verification))
        self.assertEqual(
            (case.concerned_cadre_ids, case.body_unit_id, case.company_id),
            (self.suspect, self.discipline, self.company_a),
        )
        self.assertIn(self.officer, case.officer_ids, "the clue's handler follows the case")
        self.assertEqual(verification.case_count, 1)
        self.assertEqual(verification.state, "concluded")
        self.assertTrue(self._file_entry(self.suspect, clue).open_matter, "still open: the case goes on")

    def test_inquiry_by_talk_cleared(self):
        clue = self._disposed()
        inquiry = clue.inquiry_ids.with_user(self.officer)
        self.assertEqual(inquiry.kind, "talk")
        with self.assertGuarded("liangze.talk.inquiry", "talk_minutes"):
            inquiry.write({"talk_minutes": "<p>Too early</p>"})
        inquiry.write({"plan": "Talk with the clerk on Monday."})
        inquiry.action_submit_plan()
        inquiry.with_user(self.supervision_head).action_approve_plan()
        with self.assertRefused(UserError, "date and the record of the talk"):
            inquiry.action_record_talk()
        with self.assertRefused(ValidationError, "before it is held"):
            inquiry.write({"talk_date": self.today + timedelta(days=1)})
        inquiry.write({"talk_date": self.today, "talk_minutes": "<p>The gifts were returned.</p>"})
        inquiry.action_record_talk()
        with self.assertRefused(UserError, "Give the outcome"):
            inquiry.action_conclude()
        inquiry.write({"outcome": "reminder", "outcome_note": "Returned, but late: reminded."})
        inquiry.action_conclude()
        self.assertEqual((clue.state, clue.conclusion), ("concluded", "Reminder talk or criticism"))
        entry = self._file_entry(self.suspect, clue)
        self.assertFalse(entry.open_matter)
        self.assertEqual(entry.result, "Reminder talk or criticism")
        talk = self.env["liangze.integrity.entry"].search(
            [("cadre_id", "=", self.suspect.id), ("section", "=", "talk"), ("source_id", "=", inquiry.id)]
        )
        self.assertEqual(talk.talk_kind, "reminder")

    def test_inquiry_again(self):
        clue = self._disposed()
        inquiry = clue.inquiry_ids.with_user(self.officer)
        inquiry.write({"plan": "Talk."})
        inquiry.action_submit_plan()
        inquiry.with_user(self.supervision_head).action_approve_plan()
        inquiry.write({"talk_date": self.today, "talk_minutes": "<p>Unclear.</p>"})
        inquiry.action_record_talk()
        inquiry.write({"outcome": "again", "outcome_note": "Ask again by letter."})
        inquiry.action_conclude()
        follow_up = inquiry.next_inquiry_id
        self.assertEqual((follow_up.previous_inquiry_id, follow_up.state, follow_up.clue_id), (inquiry, "draft", clue))
        self.assertEqual(clue.inquiry_count, 2)
        self.assertEqual(clue.state, "disposed")

    # -- approvals in tiers ------------------------------------------------------------------------
    def test_committee_head_approves_for_a_lower_committee_secretary(self):
        clue = self._assigned(self._clue(self.secretary, unit_id=self.county.id))
        self.assertTrue(clue.committee_approval)
        self.assertEqual(clue.committee_head_id, self.leader)
        self._review(clue, "verification")
        clue.with_user(self.officer).action_submit_disposal()
        self.assertEqual(clue.review_ids.reviewer_ids, self.supervision_head | self.leader)
        # The committee head reads this clue, while approving it, and nothing else of the body.
        other = self._clue()
        Clue = self.env["liangze.clue"].with_user(self.leader)
        self.assertEqual(Clue.search([]), clue)
        with self.assertRefused(AccessError, "not the reviewer"):
            clue.with_user(self.leader).validate_tier()
        with self.assertRefused(AccessError, "."):
            clue.with_user(self.leader).write({"summary": "Changed"})
        clue.with_user(self.supervision_head).validate_tier()
        self.assertEqual(clue.state, "to_approve", "the committee head approves after the head")
        clue.with_user(self.leader).validate_tier()
        self.assertEqual((clue.state, clue.disposed_way), ("disposed", "verification"))
        self.assertEqual(clue.verification_ids.team_ids, self.officer)
        with self.assertRaises(AccessError):
            other.with_user(self.leader).read(["summary"])

    def test_rejected_disposal_goes_back_to_review(self):
        clue = self._assigned(self._clue())
        self._review(clue, "close")
        clue.with_user(self.officer).action_submit_disposal()
        clue.with_user(self.supervision_head).reject_tier()
        self.assertEqual((clue.state, clue.validation_status), ("to_approve", "rejected"))
        clue.with_user(self.officer).action_back_to_review()
        self.assertEqual(clue.state, "reviewed")
        self.assertFalse(clue.review_ids)
        clue.with_user(self.officer).write({"proposed_way": "talk_inquiry"})
        clue.with_user(self.officer).action_submit_disposal()
        clue.with_user(self.supervision_head).validate_tier()
        self.assertEqual(clue.disposed_way, "talk_inquiry")

    def test_closed_clue_leaves_the_file_open_matter(self):
        clue = self._disposed(way="close")
        self.assertEqual((clue.state, clue.conclusion), ("closed", "Closed"))
        entry = self._file_entry(self.suspect, clue)
        self.assertFalse(entry.open_matter)
        self.assertEqual(entry.result, "Closed")

    # -- deadlines -----------------------------------------------------------------------------------
    def test_not_disposed_within_a_month_turns_red_and_reminds_once(self):
        received = self.today - timedelta(days=45)
        late = self._assigned(self._clue(received_on=received))
        on_time = self._clue()
        Clue = self.env["liangze.clue"]
        Clue._cron_refresh_warnings()
        self.assertEqual(late.warning_level, "red")
        self.assertEqual(on_time.warning_level, "normal")
        self.assertIn(late, Clue.with_user(self.manager).search([("warning_level", "=", "red")]))
        activities = late.activity_ids.filtered(lambda a: a.user_id == self.officer)
        self.assertEqual(len(activities), 1, "the handler is reminded")
        messages = late.message_ids.filtered(lambda m: "disposal period has passed" in (m.body or ""))
        self.assertEqual(len(messages), 1)
        self.assertEqual(messages.partner_ids, self.officer.partner_id | self.supervision_head.partner_id)
        Clue._cron_refresh_warnings()
        self.assertEqual(len(late.activity_ids.filtered(lambda a: a.user_id == self.officer)), 1, "once")
        self.assertEqual(len(late.message_ids.filtered(lambda m: "disposal period has passed" in (m.body or ""))), 1)
        # Disposed of late: done late, no more reminders.
        self._disposed(late, way="close")
        self.assertEqual(late.warning_level, "done_late")

    def test_disposal_period_is_configurable(self):
        self.company_a.liangze_clue_disposal_months = 2
        clue = self._clue()
        self.assertTrue(clue.disposal_deadline >= self.today + timedelta(days=58))
        with self.assertRefused(ValidationError, "between 1 and 12 months"):
            self.company_a.liangze_clue_disposal_months = 0

    def test_inquiry_reply_overdue_reminds_once(self):
        clue = self._disposed(inquiry_kind="letter")
        inquiry = clue.inquiry_ids.with_user(self.officer)
        inquiry.write({"plan": "By letter.", "letter_questions": "<p>Explain.</p>"})
        inquiry.action_submit_plan()
        inquiry.with_user(self.supervision_head).action_approve_plan()
        inquiry.action_issue_letter()
        Inquiry = self.env["liangze.talk.inquiry"]
        with freeze_time(inquiry.reply_deadline + timedelta(days=1)):
            Inquiry._cron_refresh_warnings()
            Inquiry._cron_refresh_warnings()
        self.assertEqual(inquiry.warning_level, "red")
        reminders = inquiry.activity_ids.filtered(lambda a: a.summary.startswith("Chase the reply"))
        self.assertEqual((len(reminders), reminders.user_id), (1, self.officer), "once, to the handler")

    def test_shelved_clue_comes_back_once(self):
        with self.assertRefused(UserError, "later date"):
            self._disposed(way="shelve")
        review_on = self.today + timedelta(days=20)
        clue = self._disposed(way="shelve", review_on=review_on)
        self.assertEqual((clue.state, clue.warning_level), ("shelved", "done_on_time"))
        self.assertTrue(self._file_entry(self.suspect, clue).open_matter, "shelved is still open")
        Clue = self.env["liangze.clue"]
        self.assertFalse(Clue._cron_review_shelved(), "not yet")
        with freeze_time(review_on):
            self.assertEqual(Clue._cron_review_shelved(), clue)
            self.assertFalse(Clue._cron_review_shelved(), "once")
        self.assertEqual((clue.state, clue.back_from_shelf_on, clue.proposed_way), ("assigned", review_on, False))
        self.assertFalse(clue.review_ids, "a new disposal is approved afresh")
        self.assertTrue(clue.disposal_deadline > review_on)
        self.assertEqual(
            clue.activity_ids.filtered(lambda a: a.user_id == self.officer).mapped("summary"),
            [f"Review the shelved clue {clue.name} again"],
        )
        self._disposed(clue, way="close")
        self.assertEqual(clue.state, "closed")

    # -- refusals --------------------------------------------------------------------------------------
    def test_refusals(self):
        Clue = self.env["liangze.clue"]
        with self.assertRefused(AccessError, "."):
            Clue.with_user(self.officer).create({"summary": "Mine", "concerned_cadre_ids": [(6, 0, self.suspect.ids)]})
        with self.assertRefused(AccessError, "."):
            Clue.with_user(self.supervisor).create({"summary": "Mine"})
        with self.assertRefused(AccessError, "first state"):
            self._clue(state="disposed")
        with self.assertRefused(AccessError, "set by the product"):
            self._clue(handler_id=self.officer.id)
        with self.assertRefused(AccessError, "set by the product"):
            self._clue(source_model="liangze.accountability.case", source_id=1)
        clue = self._clue()
        # Assigning a recused officer: the clerk's brother.
        clue.with_user(self.manager).write({"proposed_handler_id": self.officer2.id})
        with self.assertRefused(UserError, "lz_case_officer2.* must be recused: .*close relative"):
            clue.with_user(self.manager).action_propose_assignment()
        with self.assertRefused(UserError, "must be recused"):
            clue._assign(self.officer2)
        self.assertFalse(clue.officer_ids)
        clue.with_user(self.manager).write({"proposed_handler_id": self.supervisor.id})
        with self.assertRefused(UserError, "not a case officer"):
            clue.with_user(self.manager).action_propose_assignment()
        self._assigned(clue)
        with self.assertRefused(AccessError, "set by the product"):
            clue.with_user(self.officer).write({"officer_ids": [(4, self.officer2.id)]})
        with self.assertRefused(AccessError, "left its first state"):
            clue.with_user(self.manager).write({"summary": "Rewritten"})
        # Disposal without approval.
        with self.assertRefused(UserError, "date of the collective review"):
            clue.with_user(self.officer).action_submit_disposal()
        self._review(clue, "talk_inquiry")
        with self.assertRefused(AccessError, "set by the product"):
            clue.with_user(self.officer).write({"disposed_way": "close"})
        with self.assertRefused(AccessError, "."):
            clue.with_user(self.officer).write({"state": "disposed"})
        with self.assertRefused(UserError, "not approved as an inquiry"):
            self.env["liangze.talk.inquiry"].with_user(self.officer).create({"clue_id": clue.id, "kind": "talk"})
        with self.assertRefused(UserError, "not approved as a preliminary verification"):
            self.env["liangze.verification"].with_user(self.officer).create({"clue_id": clue.id})
        clue.with_user(self.officer).action_submit_disposal()
        with self.assertRefused(AccessError, "not the reviewer"):
            clue.with_user(self.officer).validate_tier()
        with self.assertRefused(AccessError, "not the reviewer"):
            clue.with_user(self.manager).validate_tier()
        with self.assertGuarded("liangze.clue", "review_note") as caught:
            clue.with_user(self.officer).write({"review_note": "Changed under approval"})
        self.assertRegex(str(caught.exception), "written only while it is Assigned / Reviewed")
        with self.assertRefused(AccessError, "never by hand"):
            clue.review_ids.with_user(self.officer).write({"status": "approved"})
        self.assertEqual(clue.state, "to_approve")
        self.assertFalse(clue.inquiry_ids)
        with self.assertRefused(ValidationError, "in the future"):
            self._clue().sudo().write({"review_date": self.today + timedelta(days=3)})
        with self.assertRefused(UserError, "went out and stays on record"):
            clue.sudo().unlink()

    # -- one click from supervision -------------------------------------------------------------------
    def test_hand_over_from_an_accountability_case(self):
        case = self._case(self.suspect)
        case.action_submit()
        case.with_user(self.supervision_head).validate_tier()
        action = case.with_user(self.supervisor).action_hand_over_clue()
        self.assertEqual(action["res_model"], "liangze.clue.handover")
        wizard = (
            self.env["liangze.clue.handover"].with_user(self.supervisor).with_context(**action["context"]).create({})
        )
        self.assertEqual(
            (wizard.source, wizard.body_unit_id, wizard.unit_id), ("accountability_case", self.discipline, self.office)
        )
        self.assertEqual(wizard.concerned_cadre_ids, self.suspect)
        self.assertIn("Late sign-off", wizard.summary)
        result = wizard.action_confirm()
        self.assertEqual(result["tag"], "display_notification", "the supervisor does not read the clue")
        clue = self.env["liangze.clue"].search([("source_model", "=", case._name), ("source_id", "=", case.id)])
        self.assertEqual(
            (clue.source, clue.concerned_cadre_ids, clue.state), ("accountability_case", self.suspect, "registered")
        )
        self.assertTrue(self._file_entry(self.suspect, clue).open_matter)
        self.assertFalse(self._found("liangze.clue", self.supervisor))
        self.assertIn(self.manager.partner_id, clue.message_ids.partner_ids, "case management is told")
        self.assertEqual(clue.with_user(self.supervision_head).action_open_source()["res_id"], case.id)
        with self.assertRefused(AccessError, "."):  # case management reads clues, not what supervisors keep
            clue.with_user(self.manager).action_open_source()
        with self.assertRefused(UserError, "already handed over as problem clue"):
            case.with_user(self.supervisor).action_hand_over_clue()
        with self.assertRefused(AccessError, "."):
            case.with_user(self.member).action_hand_over_clue()

    def test_hand_over_from_a_failed_rectification(self):
        letter = self._letter(problems=1)
        letter.action_issue()
        self._plan_and_feedback(letter)
        problem = letter.problem_ids
        problem.with_user(self.supervisor)._fail_verification("No evidence of the refund.")
        head = self.supervision_head
        action = problem.with_user(head).action_hand_over_clue()
        wizard = self.env["liangze.clue.handover"].with_user(head).with_context(**action["context"]).create({})
        self.assertIn("No evidence of the refund.", wizard.summary)
        result = wizard.action_confirm()
        clue = self.env["liangze.clue"].browse(result["res_id"])
        self.assertEqual((clue.source, clue.unit_id), ("failed_rectification", self.office))

    def test_hand_over_from_a_supervision_finding(self):
        report = (
            self.env["liangze.supervision.report"]
            .with_user(self.supervisor)
            .create(
                {
                    "name": "Supervision of the office, first half",
                    "unit_id": self.office.id,
                    "issuer_unit_id": self.discipline.id,
                    "problems_risks": "<p>Gift cards accepted at the spring festival.</p>",
                }
            )
        )
        action = report.with_user(self.supervisor).action_hand_over_clue()
        self.assertEqual(action["context"]["default_source"], "supervision_finding")
        self.assertEqual(action["context"]["default_summary"], "Gift cards accepted at the spring festival.")
        wizard = (
            self.env["liangze.clue.handover"]
            .with_user(self.supervisor)
            .with_context(**action["context"])
            .create({"concerned_cadre_ids": [(6, 0, self.suspect.ids)]})
        )
        wizard.action_confirm()
        clue = self.env["liangze.clue"].search([("source_model", "=", report._name), ("source_id", "=", report.id)])
        self.assertEqual(
            (clue.source, clue.unit_id, clue.concerned_cadre_ids), ("supervision_finding", self.office, self.suspect)
        )
        # Only from a record that can be handed over, and by the discipline body.
        Handover = self.env["liangze.clue.handover"]
        forged = Handover.with_user(self.supervisor).create(
            {
                "source_model": "res.users",
                "source_id": self.admin.id,
                "body_unit_id": self.discipline.id,
                "summary": "X",
            }
        )
        with self.assertRefused(UserError, "from the record it comes from"):
            forged.action_confirm()
        with self.assertRefused(AccessError, "."):
            Handover.with_user(self.member).create({"body_unit_id": self.discipline.id, "summary": "X"})

    # -- who sees what ----------------------------------------------------------------------------------
    def test_who_sees_what(self):
        clue = self._disposed(inquiry_kind="letter")
        inquiry = self._letter_answered(clue)
        attachment = (
            self.env["ir.attachment"]
            .with_user(self.officer)
            .create(
                {"name": "notes.txt", "datas": base64.b64encode(b"notes"), "res_model": clue._name, "res_id": clue.id}
            )
        )
        clue.with_user(self.officer).message_post(body="Internal: the contractor confirmed.")
        unassigned = self._clue(summary="Another clue, not assigned yet.")
        brother_cadre = self.officer2_cadre
        self.assertTrue(brother_cadre)
        nobody = (
            self.supervisor,
            self.leader,  # not an approver of these clues
            self.organiser,
            self.intake,
            self.idle_officer,  # a case officer not assigned
            self.officer2,  # the clerk's brother
            self.clerk_user,  # the person concerned
            self.member,
            self.admin,
            self.outsider,
        )
        for user in nobody:
            with self.subTest(user=user.login):
                for model in ("liangze.clue", "liangze.talk.inquiry", "liangze.verification"):
                    self.assertFalse(self._found(model, user), model)
                with self.assertRaises(AccessError):
                    clue.with_user(user).read(["summary"])
                with self.assertRaises(AccessError):
                    inquiry.with_user(user).read(["reply_summary"])
                with self.assertRaises(UserError):  # AccessError, or no right to export
                    clue.with_user(user).export_data(["summary"])
                self.assertFalse(
                    self.env["mail.message"]
                    .with_user(user)
                    .search(
                        [
                            ("model", "in", ("liangze.clue", "liangze.talk.inquiry")),
                            ("res_id", "in", clue.ids + inquiry.ids),
                        ]
                    ),
                    "chatter",
                )
                with self.assertRaises(AccessError):
                    attachment.with_user(user).read(["datas"])
                with self.assertRaises(AccessError):
                    self.env["ir.actions.report"].with_user(user)._render_qweb_html(LETTER, inquiry.ids)
        # Nobody outside follows a clue or receives its messages.
        with self.assertRefused(AccessError, "may not read this record"):
            clue.with_user(self.officer).message_post(body="For you", partner_ids=self.supervisor.partner_id.ids)
        with self.assertRefused(AccessError, "may not read this record"):
            clue.message_subscribe(partner_ids=self.clerk_user.partner_id.ids)
        # The handler reads what is theirs; case management and the head the whole register.
        self.assertEqual(self.env["liangze.clue"].with_user(self.officer).search([]), clue)
        self.assertEqual(self.env["liangze.talk.inquiry"].with_user(self.officer).search([]), inquiry)
        for user in (self.manager, self.supervision_head):
            self.assertEqual(self.env["liangze.clue"].with_user(user).search([]), clue | unassigned)
        exported = clue.with_user(self.manager).export_data(["name", "summary"])["datas"]
        self.assertEqual(exported, [[clue.name, clue.summary]])

    # -- integrity opinions -------------------------------------------------------------------------------
    def test_open_clue_defers_the_integrity_opinion(self):
        clue = self._disposed()
        opinion = self._opinion(self.suspect)
        self.assertEqual(opinion.opinion, "defer")
        reasons = opinion.sudo().reason_ids.filtered(lambda r: r.description == DEFERRED)
        self.assertEqual(len(reasons), 1, "one deferral for the clue and its inquiry")
        self.assertEqual((reasons.source_model, reasons.source_id), ("liangze.clue", clue.id))
        # The organisation department reads 暂缓, nothing more.
        mine = self._replied(opinion).with_user(self.organiser)
        self.assertEqual(mine.read(["opinion"])[0]["opinion"], "defer")
        with self.assertRaises(AccessError):
            mine.read(["reason_ids"])
        self.assertNotIn("reason_ids", mine.fields_get())
        # A person without open matters gets no deferral from them.
        self.assertEqual(self._opinion(self.colleague).opinion, "clear")

    def test_opinion_clear_once_concluded(self):
        clue = self._disposed()
        inquiry = clue.inquiry_ids.with_user(self.officer)
        inquiry.write({"plan": "Talk."})
        inquiry.action_submit_plan()
        inquiry.with_user(self.supervision_head).action_approve_plan()
        inquiry.write({"talk_date": self.today, "talk_minutes": "<p>Explained.</p>"})
        inquiry.action_record_talk()
        inquiry.write({"outcome": "cleared", "outcome_note": "Cleared."})
        inquiry.action_conclude()
        self.assertEqual(clue.state, "concluded")
        self.assertEqual(self._opinion(self.suspect).opinion, "clear")

    def test_opinion_hook_queries_do_not_grow(self):
        cadres = self.env["liangze.cadre"].create(
            [{"name": f"Person {n}", "unit_id": self.office.id} for n in range(6)]
        )
        for cadre in cadres[:3]:
            self._clue(cadre)
        Opinion = self.env["liangze.opinion"]
        queries = []
        for subset in (cadres[:2], cadres):
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            findings = Opinion._opinion_findings(subset, self.today)
            queries.append(self.env.cr.sql_log_count - start)
        deferred = [cadre for cadre, found in findings.items() if any(f["description"] == DEFERRED for f in found)]
        self.assertEqual(sorted(deferred), cadres[:3].ids)
        self.assertEqual(queries[0], queries[1], "one search per kind of record, whatever the number of persons")

    def test_screens_load(self):
        for model in ("liangze.clue", "liangze.talk.inquiry", "liangze.verification", "liangze.clue.handover"):
            for view in ("form", "list", "search") if model != "liangze.clue.handover" else ("form",):
                self.env[model].with_user(self.manager if model == "liangze.clue.handover" else self.officer).get_views(
                    [(False, view)]
                )
        for model in ("liangze.supervision.report", "liangze.rectification.problem", "liangze.accountability.case"):
            arch = self.env[model].with_user(self.supervisor).get_views([(False, "form")])["views"]["form"]["arch"]
            self.assertIn("action_hand_over_clue", arch if isinstance(arch, str) else arch.decode())
