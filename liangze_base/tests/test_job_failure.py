# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from .common import bureau_user


@tagged("post_install", "-at_install")
class TestJobFailure(TransactionCase):
    """A bad record is set aside; the rest of the run completes; the next run retries."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partners = cls.env["res.partner"].create([{"name": f"作业对象{i}"} for i in range(5)])
        cls.bad = cls.partners[2]
        cls.admin = bureau_user(cls.env, "job_failure_admin", groups="base.group_system")
        cls.clerk = bureau_user(cls.env, "job_failure_clerk")

    def _mark(self, records):
        for partner in records:
            if partner == self.bad and not self.bad.comment:
                raise ValueError("broken record")
            partner.ref = "done"

    def _run(self):
        # The bad record is logged with its id, once per run.
        with self.assertLogs("odoo.addons.liangze_base.models.base", level="ERROR") as logs:
            done = self.partners._bureau_each("test job", self._mark, batch_size=2)
        self.assertEqual(len(logs.records), 1, logs.output)
        self.assertIn(f"res.partner({self.bad.id}) failed", logs.output[0])
        return done

    def test_a_bad_record_does_not_stop_the_run(self):
        done = self._run()
        self.assertEqual(done, self.partners - self.bad)
        self.assertEqual(set((self.partners - self.bad).mapped("ref")), {"done"})
        self.assertFalse(self.bad.ref, "the bad record's work was rolled back alone")
        failure = self.env["liangze.job.failure"].search([("job", "=", "test job")])
        self.assertEqual((failure.res_model, failure.res_id, failure.state), ("res.partner", self.bad.id, "open"))
        self.assertIn("broken record", failure.error)
        self.assertIn(self.admin.partner_id, failure.message_ids.partner_ids, "the administrators are told")
        # The next run fails again: still one failure, counted twice, told once.
        self._run()
        self.assertEqual(failure.failure_count, 2)
        self.assertEqual(len(failure.message_ids.filtered(lambda m: m.partner_ids)), 1)
        # Repaired, the record is done on the next run and the failure resolved.
        self.bad.comment = "repaired"
        done = self.partners._bureau_each("test job", self._mark, batch_size=2)
        self.assertIn(self.bad, done)
        self.assertEqual(self.bad.ref, "done")
        self.assertEqual(failure.state, "resolved")

    def test_a_named_condition_is_set_aside_without_a_traceback(self):
        """A refusal the product words itself (the holidays of a year not published yet)
        is reported like any failure, logged as a warning, not as a crash."""

        unpublished = "2027年的法定节假日尚未公布"

        def refuse(records):
            if self.bad in records:
                raise UserError(unpublished)
            records.write({"ref": "done"})

        with self.assertLogs("odoo.addons.liangze_base.models.base", level="WARNING") as logs:
            done = self.partners._bureau_each("holidays", refuse, batch_size=2)
        self.assertEqual(done, self.partners - self.bad)
        self.assertEqual([r.levelname for r in logs.records if r.levelname != "INFO"], ["WARNING"], logs.output)
        self.assertIn(unpublished, logs.output[-1])
        failure = self.env["liangze.job.failure"].search([("job", "=", "holidays")])
        self.assertEqual((failure.res_id, failure.state), (self.bad.id, "open"))

    def test_only_administrators_read_the_failures(self):
        self._run()
        self.assertEqual(self.env["liangze.job.failure"].with_user(self.admin).search_count([]), 1)
        with self.assertRaises(AccessError):
            self.env["liangze.job.failure"].with_user(self.clerk).search([])
        with self.assertRaises(AccessError):
            self.env["liangze.job.failure"].with_user(self.admin).search([]).unlink()
