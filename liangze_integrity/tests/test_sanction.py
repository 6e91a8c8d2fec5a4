# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import IntegrityCase


@tagged("post_install", "-at_install")
class TestSanction(IntegrityCase):
    """Sanctions in the file and their effect periods, by the rules' defaults."""

    def _sanction(self, xmlid, user=None, **values):
        file = self._file(self.colleague)
        vals = {
            "file_id": file.id,
            "type_id": self.env.ref(f"liangze_integrity.{xmlid}").id,
            "decision_date": "2026-03-10",
        }
        return self.env["liangze.sanction"].with_user(user or self.supervisor).create(dict(vals, **values))

    def test_effect_periods_of_the_rules(self):
        cases = [
            ("liangze_sanction_type_party_warning", {}, 12, date(2027, 3, 10)),
            ("liangze_sanction_type_party_serious_warning", {"effective_date": "2026-03-15"}, 18, date(2027, 9, 15)),
            ("liangze_sanction_type_party_removal", {}, 24, date(2028, 3, 10)),
            ("liangze_sanction_type_party_probation", {"probation_months": "12"}, 36, date(2029, 3, 10)),
            ("liangze_sanction_type_party_probation", {"probation_months": "24"}, 48, date(2030, 3, 10)),
            ("liangze_sanction_type_party_expulsion", {}, 60, date(2031, 3, 10)),
            ("liangze_sanction_type_gov_warning", {}, 6, date(2026, 9, 10)),
            ("liangze_sanction_type_gov_demerit", {}, 12, date(2027, 3, 10)),
            ("liangze_sanction_type_gov_major_demerit", {}, 18, date(2027, 9, 10)),
            ("liangze_sanction_type_gov_demotion", {}, 24, date(2028, 3, 10)),
            ("liangze_sanction_type_gov_removal", {}, 24, date(2028, 3, 10)),
            # Several of the same kind together: added up, at most 48 months.
            ("liangze_sanction_type_gov_demerit", {"violation_count": 3}, 36, date(2029, 3, 10)),
            ("liangze_sanction_type_gov_major_demerit", {"violation_count": 3}, 48, date(2030, 3, 10)),
            ("liangze_sanction_type_admonishment", {}, 6, date(2026, 9, 10)),
        ]
        for xmlid, values, months, until in cases:
            sanction = self._sanction(xmlid, **values)
            self.assertEqual((sanction.effect_months, sanction.effect_until), (months, until), (xmlid, values))
        dismissal = self._sanction("liangze_sanction_type_gov_dismissal")
        self.assertTrue(dismissal.permanent)
        self.assertFalse(dismissal.effect_until)
        dismissal.action_record()
        self.assertTrue(dismissal._runs_on(date(2060, 1, 1)), "permanent")

    def test_configured_by_the_head_of_the_body(self):
        admonishment = self.env.ref("liangze_integrity.liangze_sanction_type_admonishment")
        with self.assertRaises(AccessError):
            admonishment.with_user(self.supervisor).effect_months = 3
        admonishment.with_user(self.supervision_head).effect_months = 12
        self.assertEqual(self._sanction("liangze_sanction_type_admonishment").effect_months, 12)
        self.company_a.liangze_government_sanction_cap_months = 36
        sanction = self._sanction("liangze_sanction_type_gov_major_demerit", violation_count=3)
        self.assertEqual(sanction.effect_months, 36)

    def test_a_sanction_dated_1900_is_refused(self):
        """Dates of sanctions lie within the product's window (2000 on), and not after today."""
        too_early = ({"decision_date": "1900-01-01"}, {"effective_date": "1900-01-01"}, {"decision_date": "1999-12-31"})
        for values in too_early:
            with self.assertRefused(ValidationError, "2000-01-01"):
                self._sanction("liangze_sanction_type_party_warning", **values)
        self.assertFalse(self.env["liangze.sanction"].search_count([("cadre_id", "=", self.colleague.id)]))
        self.assertTrue(self._sanction("liangze_sanction_type_party_warning", decision_date="2000-01-01"))

    def test_bad_input_is_refused(self):
        with self.assertRefused(ValidationError, "date of its decision"):
            self._sanction("liangze_sanction_type_party_warning", decision_date=False)
        with self.assertRefused(ValidationError, "give the reason for a shorter effect period"):
            self._sanction("liangze_sanction_type_party_serious_warning", effect_months=12)
        shorter = self._sanction(
            "liangze_sanction_type_party_serious_warning", effect_months=12, shorter_reason="Voluntary confession."
        )
        self.assertEqual(shorter.effect_until, date(2027, 3, 10))
        with self.assertRefused(ValidationError, "at most 48 months"):
            self._sanction("liangze_sanction_type_gov_demotion", violation_count=2, effect_months=50)
        with self.assertRefused(ValidationError, "probation"):
            self._sanction("liangze_sanction_type_party_probation")
        with self.assertRefused(ValidationError, "on or after the day it was decided"):
            self._sanction("liangze_sanction_type_party_warning", effective_date="2026-03-01")
        self.assertEqual(
            self.env["liangze.sanction"].search_count([("cadre_id", "=", self.colleague.id)]), 1, "nothing else saved"
        )

    def test_recorded_by_officers_revoked_by_the_head_never_deleted(self):
        sanction = self._sanction("liangze_sanction_type_party_serious_warning")
        with self.assertRaises(AccessError):
            sanction.with_user(self.member).action_record()
        with self.assertRaises(AccessError):
            sanction.with_user(self.supervisor).write({"state": "recorded"})
        with freeze_time("2026-03-12"):
            sanction.action_record()
        self.assertEqual(
            (sanction.state, sanction.recorded_by_id, sanction.recorded_on),
            ("recorded", self.supervisor, date(2026, 3, 12)),
        )
        self.assertTrue(sanction._runs_on(date(2027, 9, 9)))
        self.assertFalse(sanction._runs_on(date(2027, 9, 11)))
        with self.assertRaises(AccessError):
            sanction.write({"effect_months": 6, "shorter_reason": "Changed my mind"})
        with self.assertRefused(UserError, "stays on record"):
            sanction.sudo().unlink()
        with self.assertRefused(AccessError, "Only discipline officers"):
            sanction.action_revoke("Review")
        with self.assertRefused(UserError, "reason"):
            sanction.with_user(self.supervision_head).action_revoke(" ")
        wizard = (
            self.env["liangze.sanction.revoke"]
            .with_user(self.supervision_head)
            .create({"sanction_id": sanction.id, "reason": "Revoked on review."})
        )
        wizard.action_revoke()
        self.assertEqual((sanction.state, sanction.effect_until), ("revoked", False))
        self.assertFalse(sanction._runs_on(date(2026, 6, 1)))

    def test_accountability_decisions_enter_the_file(self):
        decision = self._issued_decision(self.colleague)
        entry = self._file(self.colleague).with_user(self.supervisor).accountability_ids
        self.assertEqual(entry.name, decision.document_number)
        self.assertEqual(entry.bars_until, decision.effect_until)
        self.assertEqual(
            entry.result, self.env.ref("liangze_accountability.liangze_accountability_measure_admonishment").name
        )
        decision.sudo()._revoke()
        self.assertEqual(len(self._file(self.colleague).accountability_ids), 1)
        self.assertIn("revoked", self._file(self.colleague).accountability_ids.result)
        self.assertFalse(self._file(self.colleague).accountability_ids.bars_until)

    def test_a_type_in_use_is_archived_not_deleted(self):
        self._sanction("liangze_sanction_type_party_warning")
        warning = self.env.ref("liangze_integrity.liangze_sanction_type_party_warning")
        with self.assertRefused(UserError, "archive it instead"):
            warning.unlink()
        warning.active = False
        self.assertFalse(warning.active)
