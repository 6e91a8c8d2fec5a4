# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.liangze_base.tests.common import bureau_user
from odoo.addons.liangze_integrity.tests.common import IntegrityCase


@tagged("post_install", "-at_install")
# The story is of 2026 (its dates are written out): told late in 2026, in the bureau's early
# morning (20:30 UTC, 04:30 in China), whatever the real clock says.
@freeze_time("2026-12-02 20:30:00")
class TestStatistics(IntegrityCase):
    """The discipline body's figures equal direct counts of the records, and reach
    case management and the head of the body alone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.management = bureau_user(
            cls.env,
            login="lz_stats_management",
            groups="liangze_discipline.group_liangze_case_management",
            company_id=cls.company_a.id,
            company_ids=[(6, 0, cls.company_a.ids)],
        )
        cls.discipline.member_ids = [(4, cls.management.id)]
        trusted = cls.env["liangze.clue"]._guard_sudo()
        common = {"company_id": cls.company_a.id, "body_unit_id": cls.discipline.id}
        # Clues of 2025 and 2026 from three sources; disposed after 10, 20 and 30 days or not yet.
        rows = [
            ("report", "talk_inquiry", date(2026, 1, 5), 10),
            ("report", "verification", date(2026, 2, 1), 20),
            ("inspection", "close", date(2026, 3, 1), 30),
            ("audit", False, date(2026, 11, 1), None),
            ("report", "shelve", date(2025, 6, 1), 12),
        ]
        cls.clues = trusted.browse()
        for source, way, received, days in rows:
            clue = trusted.create(
                dict(
                    common,
                    source=source,
                    received_on=received,
                    summary=f"{source} {received}",
                    concerned_cadre_ids=[(6, 0, cls.colleague.ids)],
                )
            )
            if way:
                clue.write({"disposed_way": way, "disposed_on": date.fromordinal(received.toordinal() + days)})
            cls.clues |= clue
        # Four forms: a reminder talk (first), a serious warning by a decision (second), a removal
        # from party posts (third), a transfer to the judicial organs (fourth), a hand-recorded
        # government warning (second), and a 2025 serious warning.
        inquiry = (
            cls.env["liangze.talk.inquiry"]
            ._guard_sudo()
            .create(dict(common, clue_id=cls.clues[0].id, kind="talk", concerned_cadre_ids=[(6, 0, cls.colleague.ids)]))
        )
        inquiry.write({"outcome": "reminder", "concluded_on": date(2026, 2, 1)})
        case = (
            cls.env["liangze.discipline.case"]
            ._guard_sudo()
            .create(
                dict(common, title="Gifts", clue_id=cls.clues[1].id, concerned_cadre_ids=[(6, 0, cls.colleague.ids)])
            )
        )
        Decision = cls.env["liangze.discipline.decision"]._guard_sudo()
        ref = cls.env.ref

        def decision(day, **values):
            record = Decision.create(
                dict(
                    case_id=case.id,
                    cadre_id=cls.colleague.id,
                    company_id=cls.company_a.id,
                    body_unit_id=cls.discipline.id,
                    concerned_cadre_ids=[(6, 0, cls.colleague.ids)],
                    **values,
                )
            )
            record.write({"state": "issued", "decision_date": day})
            return record

        decision(
            date(2026, 4, 1), party_type_id=ref("liangze_integrity.liangze_sanction_type_party_serious_warning").id
        )
        decision(date(2026, 5, 1), party_type_id=ref("liangze_integrity.liangze_sanction_type_party_removal").id)
        decision(date(2026, 6, 1), transfer_to_judicial=True)
        decision(
            date(2025, 6, 1), party_type_id=ref("liangze_integrity.liangze_sanction_type_party_serious_warning").id
        )
        sanction = (
            cls.env["liangze.sanction"]
            ._guard_sudo()
            .create(
                {
                    "file_id": cls._file_of(cls.spouse).id,
                    "type_id": ref("liangze_integrity.liangze_sanction_type_gov_warning").id,
                    "decision_date": date(2026, 7, 1),
                }
            )
        )
        sanction.write({"state": "recorded"})

    @classmethod
    def _file_of(cls, cadre):
        return cls.env["liangze.integrity.file"]._for_cadres(cadre)

    def test_clue_figures_equal_direct_counts(self):
        Report = self.env["liangze.discipline.report"].with_user(self.management)
        Clue = self.env["liangze.clue"].sudo()
        groups = Report._read_group(
            [("year", "=", 2026)], ["source", "disposed_way"], ["clue_count:sum", "disposal_days:avg"]
        )
        figures = {(source, way): (count, days) for source, way, count, days in groups}
        for (source, way), (count, _days) in figures.items():
            direct = Clue.search_count(
                [
                    ("id", "in", self.clues.ids),
                    ("source", "=", source),
                    ("disposed_way", "=", way),
                    ("received_on", ">=", "2026-01-01"),
                    ("received_on", "<=", "2026-12-31"),
                ]
            )
            self.assertEqual(count, direct, (source, way))
        self.assertEqual(figures[("report", "talk_inquiry")][1], 10)
        (total,) = Report._read_group([("year", "=", 2026)], [], ["disposal_days:avg"])[0]
        self.assertEqual(total, 20, "the average of 10, 20 and 30 days; the clue not disposed of is left out")
        self.assertEqual(Report.search_count([("year", "=", 2025)]), 1)

    def test_four_forms_in_person_times_year_on_year(self):
        Forms = self.env["liangze.four.forms.report"].with_user(self.management)
        figures = dict(Forms._read_group([("year", "=", 2026)], ["form"], ["person_count:sum"]))
        self.assertEqual(figures, {"1": 1, "2": 2, "3": 1, "4": 1})
        self.assertEqual(dict(Forms._read_group([("year", "=", 2025)], ["form"], ["person_count:sum"])), {"2": 1})
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.management)
            ._render("liangze_discipline.action_report_liangze_four_forms_xlsx", Forms.search([]).ids)
        )
        self.assertEqual(kind, "xlsx")
        import openpyxl

        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
        second_2026 = next(row for row in rows if row[0] == 2026 and row[2] == 2)
        self.assertAlmostEqual(second_2026[3], 0.4, "two of the five person-times of 2026")
        self.assertAlmostEqual(second_2026[4], 1.0, "twice the one of 2025")

    def test_nobody_else_reads_the_figures(self):
        for user in (self.supervisor, self.leader, self.admin, self.member, self.outsider):
            for model in ("liangze.discipline.report", "liangze.four.forms.report"):
                with self.subTest(user=user.login, model=model), self.assertRaises(AccessError):
                    self.env[model].with_user(user).search([])

    def test_letters_cases_and_persons_sanctioned_equal_direct_counts(self):
        Petition = self.env["liangze.petition"]._guard_sudo()
        for index, (channel, kind) in enumerate(
            [("letter", "accusation"), ("online", "accusation"), ("letter", "other")]
        ):
            Petition.create(
                {
                    "company_id": self.company_a.id,
                    "body_unit_id": self.discipline.id,
                    "channel": channel,
                    "kind": kind,
                    "content": f"Report {index}",
                    "concerned_cadre_ids": [(6, 0, self.sister.ids)],
                }
            )
        head = self.supervision_head
        groups = self.env["liangze.petition"].with_user(head)._read_group([], ["kind", "channel"], ["__count"])
        for kind, channel, count in groups:
            direct = Petition.search_count(
                [("kind", "=", kind), ("channel", "=", channel), ("body_unit_id", "=", self.discipline.id)]
            )
            self.assertEqual(count, direct)
        self.assertIn(("accusation", "letter", 1), [(k, c, n) for k, c, n in groups])
        Decision = self.env["liangze.discipline.decision"].with_user(self.management)
        sanctioned = dict(
            Decision._read_group([("state", "in", ("issued", "executed", "done"))], ["party_type_id"], ["__count"])
        )
        warning = self.env.ref("liangze_integrity.liangze_sanction_type_party_serious_warning")
        self.assertEqual(sanctioned[warning], 2, "2025 and 2026")
        cases = self.env["liangze.discipline.case"].with_user(self.management)._read_group([], [], ["__count"])
        direct = self.env["liangze.discipline.case"].sudo().search_count([("body_unit_id", "=", self.discipline.id)])
        self.assertEqual(cases[0][0], direct)
