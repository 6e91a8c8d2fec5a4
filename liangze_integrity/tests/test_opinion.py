# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.liangze_base.models.liangze_record_guard import RecordGuardError

from .common import IntegrityCase

ORGANISATION = "liangze_integrity.group_liangze_organisation"
SUPERVISOR = "liangze_base.group_liangze_supervisor"
REPORT = "liangze_integrity.action_report_liangze_opinion_reply"


def xlsx(rows):
    """An XLSX file (base64) of ``rows``, the first one the headers."""
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    stream = io.BytesIO()
    book.save(stream)
    return base64.b64encode(stream.getvalue())


@tagged("post_install", "-at_install")
class TestOpinion(IntegrityCase):
    """The personnel department asks the discipline group for the integrity opinions on
    ten section chiefs to be appointed: one is under a serious party warning, one is
    named in an accountability case under inquiry, eight have nothing on record."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Unit = cls.env["liangze.unit"]
        cls.personnel = Unit.create(
            {"name": "Personnel", "code": "C-PER", "parent_id": cls.city.id, "company_id": cls.company_a.id}
        )
        cls.cadre_office = Unit.create(
            {"name": "Cadre Office", "code": "C-CAD", "parent_id": cls.city.id, "company_id": cls.company_a.id}
        )
        cls.county_discipline = Unit.create(
            {
                "name": "County Discipline Group",
                "code": "Q-JJZ",
                "unit_type": "discipline_body",
                "parent_id": cls.county.id,
                "company_id": cls.company_a1.id,
            }
        )

        cls.organiser = cls.make_user(ORGANISATION, cls.personnel, login="lz_organiser")
        cls.other_organiser = cls.make_user(ORGANISATION, cls.cadre_office, login="lz_other_organiser")
        cls.county_supervisor = cls.make_user(
            SUPERVISOR, cls.county_discipline, login="lz_county_supervisor", companies=cls.company_a1 | cls.company_a
        )
        # Those who may export at all: what they export is still bound by the rules.
        (cls.organiser | cls.other_organiser | cls.county_supervisor).group_ids = [
            (4, cls.env.ref("base.group_allow_export").id)
        ]

        Cadre = cls.env["liangze.cadre"]
        cls.persons = Cadre.create(
            [
                {"name": f"Person {n:02d}", "unit_id": (cls.office if n % 2 else cls.archive_room).id, "post": "Clerk"}
                for n in range(1, 11)
            ]
        )
        cls.warned, cls.inquired = cls.persons[0], cls.persons[1]
        # A serious party warning two months ago: its 18 months run.
        cls.warning = (
            cls.env["liangze.sanction"]
            .with_user(cls.supervisor)
            .create(
                {
                    "file_id": cls.env["liangze.integrity.file"]._for_cadres(cls.warned).id,
                    "type_id": cls.env.ref("liangze_integrity.liangze_sanction_type_party_serious_warning").id,
                    "decision_date": cls.env["base"]._bureau_today() - timedelta(days=60),
                    "decision_number": "C纪〔2026〕7号",
                    "facts": "Accepted gifts.",
                }
            )
        )
        cls.warning.action_record()

    # -- helpers ----------------------------------------------------------------------------
    def _inquiry(self, cadre):
        """An accountability case naming ``cadre``, its inquiry approved and under way."""
        case = self._case(cadre)
        case.action_submit()
        case.with_user(self.supervision_head).validate_tier()
        self.assertEqual(case.state, "inquiry")
        return case

    def _request(self, cadres, user=None, **values):
        vals = {
            "title": "Section chiefs, first batch of 2026",
            "purpose": "selection",
            "opinion_ids": [(0, 0, {"cadre_id": cadre.id}) for cadre in cadres],
            **values,
        }
        return self.env["liangze.opinion.request"].with_user(user or self.organiser).create(vals)

    def _drafted(self, cadres):
        request = self._request(cadres)
        request.action_submit()
        request = request.with_user(self.supervisor)
        request.action_draft_opinions()
        return request

    def _replied(self, cadres):
        request = self._drafted(cadres)
        request.opinion_ids.action_sign()
        request.action_request_approval()
        request.with_user(self.supervision_head).validate_tier()
        request.action_reply()
        return request

    def _line(self, request, cadre):
        return request.sudo().opinion_ids.filtered(lambda o: o.cadre_id == cadre)

    # -- the batch of ten ---------------------------------------------------------------------
    def test_batch_of_ten(self):
        case = self._inquiry(self.inquired)
        request = self._request(self.persons)
        self.assertEqual(request.body_unit_id, self.discipline, "the company's discipline body")
        self.assertEqual(request.request_unit_id, self.personnel, "the officer's department")
        self.assertEqual((request.reply_workdays, request.person_count), (10, 10))
        self.assertRegex(request.name, r"^YJ\d{4}-\d{3}$")
        self.assertEqual(request.requester_id, self.organiser)

        today = self.env["base"]._bureau_today()
        request.action_submit()
        self.assertEqual((request.state, request.requested_on), ("submitted", today))
        workdays = self.company_a._liangze_workdays()
        self.assertEqual(request.reply_deadline, workdays.add_workdays(today, 10))
        self.assertEqual(workdays.workdays_between(today, request.reply_deadline), 10)
        self.assertEqual(request.warning_level, "normal")
        with self.assertRaises(AccessError):
            request.action_draft_opinions()

        officer = request.with_user(self.supervisor)
        officer.action_draft_opinions()
        self.assertEqual(officer.state, "drafted")
        warned, inquired = self._line(request, self.warned), self._line(request, self.inquired)
        self.assertEqual((warned.opinion, warned.proposed_opinion), ("veto", "veto"))
        self.assertEqual(warned.reason_ids.mapped("kind"), ["veto"])
        self.assertEqual(
            (warned.reason_ids.source_model, warned.reason_ids.source_id), ("liangze.sanction", self.warning.id)
        )
        self.assertIn("Serious party warning", warned.reason_ids.description)
        self.assertIn("C纪〔2026〕7号", warned.reason_ids.description)
        self.assertEqual(warned.reason_ids.source_kind, "sanction")
        self.assertEqual(warned.reason_ids.with_user(self.supervisor).action_open_source()["res_id"], self.warning.id)
        self.assertEqual(inquired.opinion, "defer")
        self.assertEqual(
            (inquired.reason_ids.kind, inquired.reason_ids.source_model, inquired.reason_ids.source_id),
            ("defer", "liangze.accountability.case", case.id),
        )
        clear = request.sudo().opinion_ids - warned - inquired
        self.assertEqual(set(clear.mapped("opinion")), {"clear"})
        self.assertFalse(clear.reason_ids)
        self.assertEqual(
            set(clear.mapped("opinion_text")),
            {"No problem was found that affects the comrade's selection and appointment."},
        )

        # While the body checks, the requester reads the request, not the opinions.
        self.assertFalse(self.env["liangze.opinion"].with_user(self.organiser).search([]))
        with self.assertRaises(AccessError):
            warned.with_user(self.organiser).read(["opinion"])

        # Each check signed by the officer who made it; then the head approves.
        with self.assertRaises(UserError):
            officer.action_request_approval()
        lines = officer.opinion_ids
        self.assertEqual(len(lines), 10)
        lines.action_sign()
        self.assertEqual(set(lines.mapped("checked_by_id")), {self.supervisor})
        self.assertEqual(set(lines.mapped("checked_on")), {today})
        officer.action_request_approval()
        self.assertEqual(officer.state, "to_approve")
        with self.assertRefused(UserError, "approval of the head"):
            officer.action_reply()
        for user in (self.supervisor, self.organiser, self.leader):
            with self.assertRaises(AccessError):
                request.with_user(user).validate_tier()
        request.with_user(self.supervision_head).validate_tier()
        self.assertEqual(officer.state, "approved")

        # One numbered reply for the batch, sent to the requester with the letter.
        officer.action_reply()
        self.assertEqual((officer.state, officer.replied_on, officer.reply_days), ("replied", today, 0))
        self.assertRegex(officer.reply_number, r"〔\d{4}〕1号$")
        self.assertEqual(officer.warning_level, "done_on_time")
        notice = request.sudo().message_ids.filtered(lambda m: officer.reply_number in (m.subject or ""))
        self.assertEqual(len(notice), 1)
        self.assertEqual(notice.partner_ids, self.organiser.partner_id)
        self.assertEqual(len(notice.attachment_ids), 1, "the reply letter goes with it")
        letter = base64.b64decode(notice.attachment_ids.datas).decode()
        for person in self.persons:
            self.assertIn(person.name, letter, "every person is in the letter")
        self.assertIn(officer.reply_number, letter)
        self.assertTrue(notice.attachment_ids.with_user(self.organiser).datas, "the requester reads the letter")
        self.assertIn(notice, self.env["mail.message"].with_user(self.organiser).search([("res_id", "=", request.id)]))

        # The requester reads the opinions, never the reasons.
        mine = request.with_user(self.organiser)
        self.assertEqual(len(mine.opinion_ids), 10)
        self.assertEqual(
            {line["cadre_id"][0]: line["opinion"] for line in mine.opinion_ids.read(["cadre_id", "opinion"])},
            {line.cadre_id.id: line.opinion for line in request.sudo().opinion_ids},
        )
        with self.assertRaises(AccessError):
            mine.opinion_ids.read(["reason_ids"])
        with self.assertRaises(AccessError):
            mine.opinion_ids.read(["proposed_opinion", "checked_by_id"])
        with self.assertRaises(AccessError):
            self.env["liangze.opinion.reason"].with_user(self.organiser).search([])
        html = self.env["ir.actions.report"].with_user(self.organiser)._render_qweb_html(REPORT, request.ids)[0]
        html = html.decode()
        for text in (officer.reply_number, "Discipline Group", "Personnel", "Person 01", "Person 10", "Vetoed"):
            self.assertIn(text, html)
        self.assertNotIn("DRAFT", html)
        self.assertNotIn("Serious party warning", html, "the reasons stay with the body")

        # Statistics of the year: one batch, ten persons, one veto (a sanction), one deferral.
        stats = self.env["liangze.opinion.report"].with_user(self.supervisor)
        figures = stats._read_group(
            [], ["year"], ["batch_count:sum", "person_count:sum", "defer_count:sum", "veto_count:sum", "reply_days:avg"]
        )
        self.assertEqual(figures, [(today.year, 1, 10, 1, 1, 0.0)])
        reasons = dict(stats._read_group([("opinion", "!=", "clear")], ["reason_kind"], ["person_count:sum"]))
        self.assertEqual(reasons, {"sanction": 1, "accountability_case": 1})

    def test_pdf_is_printed(self):
        request = self._replied(self.persons[2:4])
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        with self.allow_pdf_render():
            pdf = Report.with_user(self.organiser)._render_qweb_pdf(REPORT, request.ids)[0]
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_statistics_equal_direct_counts(self):
        self._inquiry(self.inquired)
        first = self._replied(self.persons[:4])
        second = self._replied(self.persons[4:6] | self.warned)
        self._drafted(self.persons[6:9])  # not replied: not counted
        Opinion = self.env["liangze.opinion"].sudo()
        replied = Opinion.search([("request_id", "in", (first | second).ids)])
        stats = self.env["liangze.opinion.report"].with_user(self.supervisor)
        pivot = {
            opinion: (batches, persons)
            for opinion, batches, persons in stats._read_group([], ["opinion"], ["batch_count:sum", "person_count:sum"])
        }
        direct = {
            opinion: len(replied.filtered(lambda o, k=opinion: o.opinion == k))
            for opinion in set(replied.mapped("opinion"))
        }
        self.assertEqual({k: v[1] for k, v in pivot.items()}, direct)
        [(batches, persons, vetoes, deferrals)] = stats._read_group(
            [], [], ["batch_count:sum", "person_count:sum", "veto_count:sum", "defer_count:sum"]
        )
        self.assertEqual((batches, persons), (2, len(replied)))
        self.assertEqual((vetoes, deferrals), (2, 1), "the warned person in both batches, the inquired one once")
        with self.assertRaises(AccessError):
            self.env["liangze.opinion.report"].with_user(self.organiser).search([])
        self.assertFalse(self.env["liangze.opinion.report"].with_user(self.county_supervisor).search([]))

    # -- what is refused ----------------------------------------------------------------------
    def test_refusals(self):
        Request = self.env["liangze.opinion.request"]
        with self.assertRefused(AccessError, "."):
            self._request(self.persons[:1], user=self.supervisor)
        empty = self._request(self.persons.browse())
        with self.assertRefused(UserError, "Name the persons"):
            empty.action_submit()
        elsewhere = self.env["liangze.unit"].create(
            {"name": "Elsewhere", "code": "E", "unit_type": "party_committee", "company_id": self.company_a.id}
        )
        stranger = self.env["liangze.cadre"].create({"name": "Stranger", "unit_id": elsewhere.id})
        with self.assertRefused(UserError, "does not supervise the unit of Stranger"):
            self._request(self.persons[:1] | stranger).action_submit()
        with self.assertRefused(ValidationError, "listed once"):
            self._request([self.persons[0], self.persons[0]])
        request = self._request(self.persons[2:5])
        with self.assertRefused(ValidationError, "listed once"):
            request.write({"opinion_ids": [(0, 0, {"cadre_id": self.persons[2].id})]})
        with self.assertRefused(RecordGuardError, "Opinion of this .* only while its .* is Being Checked"):
            request.write({"opinion_ids": [(0, 0, {"cadre_id": self.persons[6].id, "opinion": "clear"})]})
        with self.assertRefused(AccessError, "set by the product"):
            request.write({"reply_number": "forged"})
        with self.assertRefused(AccessError, "first state"):
            Request.with_user(self.organiser).create({"title": "Forged", "state": "replied"})
        request.action_submit()
        with self.assertRefused(RecordGuardError, "has left its first state: Title can no longer change"):
            request.write({"title": "Changed"})
        with self.assertRefused(RecordGuardError, "added only while its Integrity Opinion Request is Draft"):
            request.write({"opinion_ids": [(0, 0, {"cadre_id": self.persons[7].id})]})
        with self.assertRefused(UserError, "."):
            request.opinion_ids[:1].unlink()

        officer = request.with_user(self.supervisor)
        officer.action_draft_opinions()
        line = officer.opinion_ids[0]
        self.assertEqual(line.opinion, "clear")
        # A veto or a deferral without its reason.
        with self.assertRefused(ValidationError, "gives its reason"):
            line.write({"opinion": "veto"})
        with self.assertRefused(ValidationError, "gives its reason"):
            line.write({"opinion": "defer", "reason_ids": [(0, 0, {"kind": "defer", "description": "  "})]})
        with self.assertRefused(ValidationError, "gives its reason"):
            line.write({"opinion": "veto", "reason_ids": [(0, 0, {"kind": "defer", "description": "Letter"})]})
        # A changed proposal says why.
        line.write(
            {
                "opinion": "defer",
                "opinion_text": "Deferred until the letter received on 1 March is verified.",
                "reason_ids": [(0, 0, {"kind": "defer", "description": "A letter on gifts, being verified"})],
            }
        )
        with self.assertRefused(UserError, "say why"):
            line.action_sign()
        line.change_reason = "A letter arrived after the drafting."
        line.action_sign()
        self.assertEqual((line.state, line.reason_ids.source_kind), ("checked", "manual"))
        with self.assertRefused(AccessError, "first state"):
            line.write({"opinion": "clear"})
        with self.assertRefused(UserError, "signed opinion"):
            line.reason_ids.unlink()
        with self.assertRefused(AccessError, "set by the product"):
            line.write({"checked_by_id": self.supervision_head.id})
        # The head's approval: never by the officer, never forged.
        officer.opinion_ids.filtered(lambda o: o.state == "draft").action_sign()
        officer.action_request_approval()
        with self.assertRefused(UserError, "approval of the head"):
            officer.action_reply()
        with self.assertRefused(AccessError, "."):
            officer.write({"state": "replied"})
        with self.assertRefused(UserError, "approval of the head"):
            officer.sudo().write({"state": "replied"})
        with self.assertRefused(UserError, "went out"):
            request.with_user(self.organiser).unlink()
        # Rejected: back to checking; the approval starts afresh.
        request.with_user(self.supervision_head).reject_tier()
        officer.action_back_to_checking()
        self.assertEqual((officer.state, officer.review_ids), ("drafted", self.env["tier.review"]))
        officer.opinion_ids[0].action_reopen()
        self.assertFalse(officer.opinion_ids[0].sudo().checked_by_id)

    def test_found_in_the_records(self):
        """Each kind of record the hook reads, for a fixed number of queries."""
        today = self.env["base"]._bureau_today()
        Entry = self.env["liangze.integrity.entry"].with_user(self.supervisor)
        barred, opened, decided, dismissed, expired = self.persons[2:7]
        Entry.create(
            {
                "file_id": self._file(barred).id,
                "section": "other",
                "name": "Concealed a house",
                "summary": "Personal matters report found false",
                "bars_promotion": True,
                "bars_until": today + timedelta(days=30),
            }
        )
        Entry.create(
            {"file_id": self._file(opened).id, "section": "clue", "name": "Clue on procurement", "open_matter": True}
        )
        # What no longer counts: a bar that ended, a sanction revoked, one whose period ended.
        Entry.create(
            {
                "file_id": self._file(expired).id,
                "section": "other",
                "name": "Old bar",
                "summary": "Ended",
                "bars_promotion": True,
                "bars_until": today - timedelta(days=1),
            }
        )
        Sanction = self.env["liangze.sanction"].with_user(self.supervisor)
        old = Sanction.create(
            {
                "file_id": self._file(expired).id,
                "type_id": self.env.ref("liangze_integrity.liangze_sanction_type_gov_warning").id,
                "decision_date": today - timedelta(days=400),
            }
        )
        revoked = Sanction.create(
            {
                "file_id": self._file(expired).id,
                "type_id": self.env.ref("liangze_integrity.liangze_sanction_type_party_warning").id,
                "decision_date": today - timedelta(days=10),
            }
        )
        (old | revoked).action_record()
        revoked.with_user(self.supervision_head).action_revoke("Overturned on review")
        dismissal = Sanction.create(
            {
                "file_id": self._file(dismissed).id,
                "type_id": self.env.ref("liangze_integrity.liangze_sanction_type_gov_dismissal").id,
                "decision_date": date(2020, 5, 4),
            }
        )
        dismissal.action_record()
        decision = self._issued_decision(decided)

        Opinion = self.env["liangze.opinion"]
        findings = Opinion._opinion_findings(self.persons, today)
        kinds = {cadre_id: [(f["kind"], f["source"]._name) for f in found] for cadre_id, found in findings.items()}
        self.assertEqual(
            kinds,
            {
                self.warned.id: [("veto", "liangze.sanction")],
                barred.id: [("veto", "liangze.integrity.entry")],
                opened.id: [("defer", "liangze.integrity.entry")],
                decided.id: [("veto", "liangze.accountability.decision")],
                dismissed.id: [("veto", "liangze.sanction")],
            },
        )
        self.assertEqual(findings[decided.id][0]["source"], decision)
        self.assertIn("Admonishment", findings[decided.id][0]["description"])
        self.assertIn("no end", findings[dismissed.id][0]["description"])

        # The same number of queries for ten persons as for thirty more, each with a sanction.
        more = self.env["liangze.cadre"].create([{"name": f"Extra {n}", "unit_id": self.office.id} for n in range(30)])
        files = self.env["liangze.integrity.file"]._for_cadres(more)
        Sanction.create(
            [
                {
                    "file_id": file.id,
                    "type_id": self.env.ref("liangze_integrity.liangze_sanction_type_admonishment").id,
                    "decision_date": today - timedelta(days=5),
                }
                for file in files
            ]
        ).action_record()

        def queries(cadres):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            found = Opinion._opinion_findings(cadres, today)
            return self.env.cr.sql_log_count - before, len(found)

        self.assertEqual(queries(self.persons)[0], queries(self.persons | more)[0])
        self.assertEqual(queries(self.persons | more)[1], 35)

    # -- who sees what -------------------------------------------------------------------------
    def test_who_sees_what(self):
        self._inquiry(self.inquired)
        request = self._drafted(self.persons[:4])
        request.message_post(body="Internal: Person 02 has an inquiry under way.")
        evidence = (
            self.env["ir.attachment"]
            .with_user(self.supervisor)
            .create(
                {
                    "name": "check.txt",
                    "datas": base64.b64encode(b"notes"),
                    "res_model": request._name,
                    "res_id": request.id,
                }
            )
        )
        Request, Opinion, Reason = (
            self.env[m] for m in ("liangze.opinion.request", "liangze.opinion", "liangze.opinion.reason")
        )
        member_cadre = self.env["liangze.cadre"].create(
            {"name": "Member Sun", "unit_id": self.office.id, "user_id": self.member.id}
        )
        own = self._request(member_cadre, title="Commendation of the year", purpose="commendation")
        own.action_submit()
        own.with_user(self.supervisor).action_draft_opinions()
        nobody = (
            self.other_organiser,
            self.county_supervisor,
            self.member,  # the person of the second request
            self.head,
            self.leader,
            self.admin,
            self.outsider,
        )
        for user in nobody:
            with self.subTest(user=user.login):
                self.assertFalse(self._found(Request._name, user), "requests: search")
                self.assertFalse(self._found(Opinion._name, user), "opinions: search")
                self.assertFalse(self._found(Reason._name, user), "reasons: search")
                with self.assertRaises(AccessError):
                    request.with_user(user).read(["title", "person_count"])
                with self.assertRaises(AccessError):
                    request.opinion_ids.with_user(user).read(["opinion"])
                with self.assertRaises(AccessError):
                    request.with_user(user).message_post(body="Let me in")
                with self.assertRaises(AccessError):
                    evidence.with_user(user).read(["datas"])
                self.assertFalse(
                    self.env["mail.message"]
                    .with_user(user)
                    .search([("model", "=", request._name), ("res_id", "in", (request | own).ids)]),
                    "chatter",
                )
                self.assertFalse(self._found("ir.attachment", user, [("res_model", "=", request._name)]), "attachments")
                with self.assertRaises(UserError):  # AccessError, or no right to export
                    request.with_user(user).export_data(["title", "opinion_ids/opinion"])
                with self.assertRaises(AccessError):
                    self.env["ir.actions.report"].with_user(user)._render_qweb_html(REPORT, request.ids)
                self.assertFalse(self._found("liangze.opinion.report", user), "statistics")
        # Nobody outside follows the request or receives its messages.
        with self.assertRefused(AccessError, "may not read this record"):
            request.message_subscribe(partner_ids=self.outsider.partner_id.ids)
        with self.assertRefused(AccessError, "may not read this record"):
            request.message_post(body="For you", partner_ids=self.other_organiser.partner_id.ids)
        self.assertNotIn(self.outsider.partner_id, request.sudo().message_partner_ids)
        # The requester reads its request and what it wrote, not the body's work under way.
        mine = request.with_user(self.organiser)
        self.assertEqual(Request.with_user(self.organiser).search([]), request | own)
        self.assertFalse(Opinion.with_user(self.organiser).search([]))
        self.assertFalse(mine.opinion_ids)
        with self.assertRaises(AccessError):  # the right to export, not to these records
            request.opinion_ids.with_user(self.organiser).export_data(["opinion"])
        # A draft is not the body's yet.
        draft = self._request(self.persons[5:7])
        self.assertNotIn(draft, Request.with_user(self.supervisor).search([]))

    def test_recusal(self):
        """The officer never checks their spouse, nor the head approves a batch with their own name."""
        request = self._drafted(self.persons[:2] | self.spouse)
        lines = self.env["liangze.opinion"].with_user(self.supervisor).search([("request_id", "=", request.id)])
        self.assertEqual(lines.cadre_id, self.persons[:2], "the spouse's line is not the officer's")
        with self.assertRaises(AccessError):
            self._line(request, self.spouse).with_user(self.supervisor).action_sign()
        self._line(request, self.spouse).with_user(self.supervision_head).action_sign()
        lines.action_sign()
        request.action_request_approval()
        request.with_user(self.supervision_head).validate_tier()
        self.assertEqual(request.state, "approved")

        own = self._drafted(self.persons[3:4] | self.head_cadre)
        own.opinion_ids.action_sign()
        with self.assertRaises(AccessError):
            self._line(own, self.head_cadre).with_user(self.supervision_head).read(["opinion"])
        own.action_request_approval()
        with self.assertRefused(AccessError, "recused"):
            own.with_user(self.supervision_head).validate_tier()

    # -- import -------------------------------------------------------------------------------
    def test_import_from_xlsx(self):
        self.persons[2].sudo().id_number = "11010519800101001X"
        namesake = self.env["liangze.cadre"].create({"name": "Person 04", "unit_id": self.county_office.id})
        request = self._request(self.persons[:1])
        Import = self.env["liangze.opinion.import"].with_user(self.organiser)
        wizard = Import.create(
            {
                "request_id": request.id,
                "file": xlsx(
                    [
                        ["姓名", "身份证号", "单位"],
                        ["Person 03", "11010519800101001x", ""],
                        ["Person 04", "", ""],
                        ["Nobody", "", "Office"],
                        ["Person 01", "", ""],
                        ["Person 05", "", "Office"],
                    ]
                ),
            }
        )
        with self.assertRefused(UserError, "Nothing was imported") as caught:
            wizard.action_import()
        message = str(caught.exception)
        for row in ("Row 3: Person 04, several cadres", "Row 4: Nobody", "Row 5: Person 01 is listed twice"):
            self.assertIn(row, message)
        self.assertNotIn("Row 2", message, "matched by the ID number")
        self.assertNotIn("Row 6", message, "matched by name and unit")
        self.assertEqual(request.person_count, 1, "nothing imported")
        wizard.file = xlsx(
            [["Name", "ID number", "Unit"], ["Person 03", "11010519800101001X", ""], ["Person 04", "", "Archive Room"]]
        )
        wizard.action_import()
        self.assertEqual(request.opinion_ids.cadre_id, self.persons[0] | self.persons[2] | self.persons[3])
        self.assertNotIn(namesake, request.opinion_ids.cadre_id)
        request.action_submit()
        with self.assertRefused(UserError, "while it is a draft"):
            wizard.action_import()

    # -- the deadline ---------------------------------------------------------------------------
    def test_reply_deadline_warnings(self):
        Request = self.env["liangze.opinion.request"]
        with freeze_time("2026-03-02"):  # a Monday
            request = self._request(self.persons[2:4], reply_workdays=5)
            request.action_submit()
            self.assertEqual(request.reply_deadline, date(2026, 3, 9))
            self.assertEqual(request.yellow_date, date(2026, 3, 4))
        with freeze_time("2026-03-04"):
            Request._cron_refresh_warnings()
            self.assertEqual(request.warning_level, "yellow")
        reminders = request.sudo().message_ids.filtered(lambda m: "to reply by" in (m.subject or ""))
        self.assertEqual(len(reminders), 1)
        self.assertIn(self.supervisor.partner_id, reminders.partner_ids)
        self.assertEqual(request.sudo().activity_ids.user_id, self.supervision_head)
        with freeze_time("2026-03-10"):
            Request._cron_refresh_warnings()
            Request._cron_refresh_warnings()
            self.assertEqual(request.warning_level, "red")
            officer = request.with_user(self.supervisor)
            officer.action_draft_opinions()
            officer.opinion_ids.action_sign()
            officer.action_request_approval()
            request.with_user(self.supervision_head).validate_tier()
            officer.action_reply()
            self.assertEqual((request.warning_level, request.reply_days), ("done_late", 8))
        self.assertEqual(len(request.sudo().message_ids.filtered(lambda m: "to reply by" in (m.subject or ""))), 2)

    def test_screens_load(self):
        """The screens each role opens, with the fields they may read."""
        request = self._replied(self.persons[2:4])
        for user, model in (
            (self.organiser, "liangze.opinion.request"),
            (self.supervisor, "liangze.opinion.request"),
            (self.supervisor, "liangze.opinion"),
            (self.supervisor, "liangze.opinion.report"),
        ):
            with self.subTest(user=user.login, model=model):
                views = self.env[model].with_user(user).get_views([(False, "list"), (False, "form"), (False, "search")])
                self.assertTrue(views["views"]["list"]["arch"])
        form = self.env["liangze.opinion.request"].with_user(self.organiser).get_views([(False, "form")])
        arch = form["views"]["form"]["arch"]
        arch = arch.decode() if isinstance(arch, bytes) else arch  # tier validation hands back bytes
        self.assertIn("opinion_text", arch)
        self.assertNotIn("proposed_opinion", arch, "the body's fields are not sent")
        spec = {
            "name": {},
            "reply_number": {},
            "opinion_ids": {"fields": {"cadre_id": {}, "opinion": {}, "opinion_text": {}}},
        }
        [read] = request.with_user(self.organiser).web_read(spec)
        self.assertEqual(len(read["opinion_ids"]), 2)
        self.assertEqual({line["opinion"] for line in read["opinion_ids"]}, {"clear"})
