# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import date, time

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.liangze_base.tests.common import bureau_user

from .common import IntegrityCase

PDF = base64.b64encode(b"%PDF-1.4 personal matters")


@tagged("post_install", "-at_install")
class TestIntegrityFile(IntegrityCase):
    """Integrity files: who reads them, by no other channel, and the log of every opening."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Exporting is a right of its own; the officers have it, the files still refuse it.
        cls.supervisor.group_ids |= cls.env.ref("base.group_allow_export")

    def test_every_cadre_has_one_file_read_only_by_the_officers_in_scope(self):
        file = self._file(self.colleague)
        self.assertTrue(file, "the file opens with the cadre")
        self.assertEqual(self._found("liangze.integrity.file", self.supervisor, [("id", "=", file.id)]), file)
        self.assertEqual(self._found("liangze.integrity.file", self.supervision_head, [("id", "=", file.id)]), file)
        for user in (self.member, self.head, self.leader, self.admin, self.outsider):
            self.assertFalse(self._found("liangze.integrity.file", user), user.login)
            with self.assertRaises(AccessError):
                file.with_user(user).read(["name"])
        # The county's own files are outside the city discipline group's scope? No: the county is in the
        # city committee's tree it supervises; another company's discipline officer sees nothing.
        other_officer = bureau_user(
            self.env,
            login="lz_other_officer",
            groups="liangze_base.group_liangze_supervisor",
            company_id=self.company_b.id,
            company_ids=[(6, 0, self.company_b.ids)],
        )
        self.assertFalse(self._found("liangze.integrity.file", other_officer))

    def test_nobody_opens_their_own_file_nor_a_relatives(self):
        own, spouse, sister = (self._file(c) for c in (self.officer_cadre, self.spouse, self.sister))
        File = self.env["liangze.integrity.file"].with_user(self.supervisor)
        found = File.search([])
        self.assertIn(self._file(self.colleague), found)
        for file in (own, spouse, sister):
            self.assertNotIn(file, found, file.name)
            with self.assertRaises(AccessError):
                file.with_user(self.supervisor).read(["name"])
            with self.assertRaises(AccessError):
                file.with_user(self.supervisor).web_read({"name": {}, "sanction_ids": {}})
            with self.assertRaises(AccessError):
                file.with_user(self.supervisor).export_data(["name", "id_number"])
        with self.assertRefused(UserError, "You may not open the integrity file"):
            self.spouse.with_user(self.supervisor).action_open_integrity_file()
        # The head of the body: not their own either.
        with self.assertRaises(AccessError):
            self._file(self.head_cadre).with_user(self.supervision_head).read(["name"])
        # Nor through the sections: entries, sanctions, relatives, messages, attachments.
        entry = self.env["liangze.integrity.entry"].create(
            {
                "file_id": spouse.id,
                "section": "personal_matters",
                "name": "2026 personal matters report",
                "attachment": PDF,
                "attachment_name": "report.pdf",
            }
        )
        sanction = self.env["liangze.sanction"].create(
            {
                "file_id": spouse.id,
                "type_id": self.env.ref("liangze_integrity.liangze_sanction_type_party_warning").id,
                "decision_date": "2026-03-01",
            }
        )
        spouse.message_post(body="Checked the declared property of the spouse")
        self.assertFalse(self._found("liangze.integrity.entry", self.supervisor, [("id", "=", entry.id)]))
        self.assertFalse(self._found("liangze.sanction", self.supervisor, [("id", "=", sanction.id)]))
        self.assertFalse(
            self._found("liangze.cadre.relative", self.supervisor, [("cadre_id", "=", self.officer_cadre.id)]),
            "the officer does not read their own declaration either",
        )
        messages = (
            self.env["mail.message"]
            .with_user(self.supervisor)
            .search([("model", "=", "liangze.integrity.file"), ("res_id", "=", spouse.id)])
        )
        self.assertFalse(messages)
        attachments = (
            self.env["ir.attachment"]
            .with_user(self.supervisor)
            .search([("res_model", "=", "liangze.integrity.entry"), ("res_id", "=", entry.id)])
        )
        self.assertFalse(attachments)
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "liangze.integrity.entry"), ("res_id", "=", entry.id), ("res_field", "=", "attachment")]
        )
        with self.assertRaises(AccessError):
            attachment.with_user(self.supervisor).read(["datas"])
        # A colleague's file is read, with its entries.
        colleague_file = self._file(self.colleague)
        self.env["liangze.integrity.entry"].create(
            {"file_id": colleague_file.id, "section": "pledge", "name": "2026 integrity pledge"}
        )
        self.assertEqual(colleague_file.with_user(self.supervisor).pledge_ids.name, "2026 integrity pledge")

    def test_nobody_else_follows_a_file_nor_gets_its_messages(self):
        file = self._file(self.colleague).with_user(self.supervisor)
        for user in (self.member, self.leader, self.admin):
            with self.assertRefused(AccessError, "may not read this record"):
                file.message_subscribe(partner_ids=user.partner_id.ids)
            with self.assertRefused(AccessError, "may not read this record"):
                file.message_post(body="Checked the house purchase", partner_ids=user.partner_id.ids)
        self.assertNotIn(self.member.partner_id, file.sudo().message_partner_ids)
        file.message_subscribe(partner_ids=self.supervision_head.partner_id.ids)
        self.assertIn(self.supervision_head.partner_id, file.sudo().message_partner_ids)

    def test_recusal_follows_a_new_declaration(self):
        colleague_file = self._file(self.colleague)
        self.assertTrue(colleague_file.with_user(self.supervisor).read(["name"]))
        self.env["liangze.cadre.relative"].with_user(self.supervision_head).create(
            {
                "cadre_id": self.officer_cadre.id,
                "relation": "sibling",
                "name": self.colleague.name,
                "relative_cadre_id": self.colleague.id,
            }
        )
        with self.assertRaises(AccessError):
            colleague_file.with_user(self.supervisor).read(["name"])

    def test_every_opening_and_export_is_logged_for_the_head_alone(self):
        file = self._file(self.colleague)
        Log = self.env["auditlog.log"]
        before = Log.search([("model_model", "=", "liangze.integrity.file")])
        file.with_user(self.supervisor).web_read({"name": {}, "talk_ids": {"fields": {"name": {}}}, "sanction_ids": {}})
        file.with_user(self.supervisor).export_data(["name", "post"])
        logs = Log.search([("model_model", "=", "liangze.integrity.file")]) - before
        read = logs.filtered(lambda log: log.method == "read" and log.res_id == file.id)
        self.assertEqual(read.user_id, self.supervisor, "who")
        self.assertTrue(read.create_date, "when")
        self.assertIn("talk_ids", read.line_ids.mapped("field_name"), "which sections")
        self.assertIn("sanction_ids", read.line_ids.mapped("field_name"))
        export = logs.filtered(lambda log: log.method == "export_data")
        self.assertEqual(export.user_id, self.supervisor)
        self.assertIn(str(file.id), export.res_ids)
        # The head of the body reads the log; nobody else does, nor changes it.
        self.assertEqual(Log.with_user(self.supervision_head).search([("id", "in", logs.ids)]), logs)
        for user in (self.supervisor, self.admin, self.leader):
            self.assertFalse(self._found("auditlog.log", user, [("id", "in", logs.ids)]), user.login)
        self.assertFalse(
            self._found("auditlog.log.line", self.admin, [("log_id", "in", logs.ids)]),
            "the values read stay out of the administrator's sight",
        )
        root = bureau_user(self.env, login="lz_root", groups="base.group_system,liangze_base.group_liangze_admin")
        with self.assertRaises(AccessError):
            logs.with_user(root).unlink()
        with self.assertRaises(AccessError):
            logs.with_user(self.supervision_head).write({"user_id": self.admin.id})
        # The head does not read the log of their own file opened by an officer.
        head_file = self._file(self.head_cadre)
        head_file.with_user(self.supervisor).read(["name", "talk_ids"])
        head_logs = Log.search([("model_model", "=", "liangze.integrity.file"), ("res_id", "=", head_file.id)])
        self.assertTrue(head_logs)
        self.assertFalse(Log.with_user(self.supervision_head).search([("id", "in", head_logs.ids)]))

    def test_system_sections_follow_the_records(self):
        office_head = self.colleague
        office_head.leader_role = "principal_leader"
        talk = (
            self.env["liangze.summons.talk"]
            .with_user(self.supervisor)
            .create(
                {
                    "name": "Summons talk on the formal risk check",
                    "unit_id": self.office.id,
                    "cadre_ids": [(6, 0, office_head.ids)],
                    "reason": "Risk check copied from last year.",
                    "talk_date": "2026-03-02 09:00:00",
                    "talker_ids": [(6, 0, self.supervision_head.ids)],
                    "minutes": "<p>Undertook to redo the check.</p>",
                }
            )
        )
        talk.action_held()
        file = self._file(office_head).with_user(self.supervisor)
        self.assertEqual(file.talk_ids.talk_kind, "summons")
        self.assertEqual(file.talk_ids.entry_date, date(2026, 3, 2))
        talk.follow_up = "Redone and checked."
        talk.action_close()
        self.assertEqual(len(file.talk_ids), 1, "one entry per talk, kept up to date")
        self.assertEqual(file.talk_ids.result, "Redone and checked.")
        # Officers write their sections; the system's are its own.
        with self.assertRefused(UserError, "written by the system"):
            self.env["liangze.integrity.entry"].with_user(self.supervisor).create(
                {"file_id": file.id, "section": "accountability", "name": "Forged decision"}
            )
        with self.assertRefused(UserError, "written by the system"):
            file.talk_ids.write({"result": "Nothing came of it"})
        with self.assertRaises(AccessError):
            file.talk_ids.unlink()
        with self.assertRefused(UserError, "keeps its entries"):
            file.talk_ids.sudo().unlink()

    def test_personal_matters_pledge_and_bad_input(self):
        file = self._file(self.colleague).with_user(self.supervisor)
        Entry = self.env["liangze.integrity.entry"].with_user(self.supervisor)
        report = Entry.create(
            {
                "file_id": file.id,
                "section": "personal_matters",
                "name": "2026 personal matters report",
                "summary": "House, spouse's shares.",
                "check_result": "consistent",
                "attachment": PDF,
                "attachment_name": "report.pdf",
            }
        )
        self.assertEqual(report.author_id, self.supervisor)
        self.assertEqual(file.personal_matters_ids, report)
        self.assertEqual(file.updated_on, file._bureau_today())
        with self.assertRefused(ValidationError, "kind of talk"):
            Entry.create({"file_id": file.id, "section": "talk", "name": "Talk"})
        with self.assertRefused(ValidationError, "why the entry bars promotion"):
            Entry.create({"file_id": file.id, "section": "other", "name": "Note", "bars_promotion": True})
        with self.assertRefused(ValidationError, "18 characters"):
            self.colleague.with_user(self.supervisor).id_number = "12345"
        self.colleague.with_user(self.supervisor).id_number = "11010519800101123x"
        self.assertEqual(self.colleague.sudo().id_number, "11010519800101123X")
        with self.assertRaises(AccessError):
            self.colleague.with_user(self.leader).read(["id_number"])

    def test_files_not_updated_for_a_year_remind_their_keeper_once(self):
        file = self._file(self.colleague)
        file.keeper_id = self.supervisor
        fresh = self._file(self.sister)
        # The files were opened today: a day past the company's period after it, 10:00 in the bureau.
        months = file.company_id.liangze_file_stale_months
        later = file._bureau_today() + relativedelta(months=months, days=1)
        with freeze_time(file._bureau_utc(later, time(10))):
            reminded = self.env["liangze.integrity.file"]._cron_remind_stale()
            self.assertIn(file, reminded)
            self.assertEqual(file.activity_ids.user_id, self.supervisor)
            again = self.env["liangze.integrity.file"]._cron_remind_stale()
            self.assertNotIn(file, again, "once")
            self.assertEqual(len(file.activity_ids), 1)
        self.assertTrue(fresh.activity_ids, "without a keeper the head of the body is reminded")
        self.assertEqual(fresh.activity_ids.user_id, self.supervision_head)

    def test_published_assessment_results_enter_the_leaders_files(self):
        self.colleague.leader_role = "principal_leader"
        scheme = self.env["liangze.assessment.scheme"].create({"name": "2026 assessment", "year": 2026})
        group = self.env["liangze.assessment.group"].create({"scheme_id": scheme.id, "name": "Departments"})
        self.env["liangze.assessment.score"].create(
            {
                "scheme_id": scheme.id,
                "group_id": group.id,
                "unit_id": self.office.id,
                "score": 93.5,
                "rank": 1,
                "grade": "good",
            }
        )
        self.env["liangze.cadre"]._on_assessment_results_published(scheme)
        self.env["liangze.cadre"]._on_assessment_results_published(scheme)
        entry = self._file(self.colleague).with_user(self.supervisor).assessment_ids
        self.assertEqual(len(entry), 1, "once, however often published")
        self.assertEqual((entry.year, entry.result), (2026, "Good, 93.5 points, rank 1"))
        self.assertFalse(self._file(self.spouse).assessment_ids, "staff: the unit's result is not theirs")

    def test_reads_run_where_the_log_can_be_written(self):
        """The web client sends reads to read-only transactions; a logged read must not."""
        for model in (
            "liangze.integrity.file",
            "liangze.integrity.entry",
            "liangze.sanction",
            "liangze.cadre.relative",
        ):
            for method in ("read", "search_read", "web_read", "web_search_read"):
                function = next(
                    getattr(cls, method)
                    for cls in type(self.env[model]).mro()
                    if hasattr(getattr(cls, method, None), "_readonly")
                )
                self.assertFalse(function._readonly, (model, method))
        file = self._file(self.colleague)
        before = self.env["auditlog.log"].search_count(
            [("model_model", "=", "liangze.integrity.file"), ("res_id", "=", file.id)]
        )
        self.env["liangze.integrity.file"].with_user(self.supervisor).search_read([("id", "=", file.id)], ["name"])
        after = self.env["auditlog.log"].search_count(
            [("model_model", "=", "liangze.integrity.file"), ("res_id", "=", file.id)]
        )
        self.assertEqual(after, before + 1, "search_read is logged as well")
