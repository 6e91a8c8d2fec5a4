# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class LiangzeJobFailure(models.Model):
    """A record a daily job could not process: kept until a later run succeeds.

    Written by ``_bureau_each`` only (as superuser); the administrators are told
    by a message when a record first fails, and read the open failures in
    Settings. One row per job and record, whatever the number of runs.
    """

    _name = "liangze.job.failure"
    _inherit = ["mail.thread"]
    _description = "Daily Job Failure"
    _order = "state, last_failed_at desc, id desc"
    _rec_name = "job"

    job = fields.Char(required=True, readonly=True, index=True)
    res_model = fields.Char(string="Model", required=True, readonly=True, index=True)
    res_id = fields.Integer(string="Record ID", required=True, readonly=True, index=True)
    record_name = fields.Char(string="Record", readonly=True)
    error = fields.Text(readonly=True)
    failure_count = fields.Integer(string="Failed Runs", readonly=True, default=1)
    first_failed_at = fields.Datetime(readonly=True, default=fields.Datetime.now)
    last_failed_at = fields.Datetime(readonly=True, default=fields.Datetime.now)
    resolved_at = fields.Datetime(readonly=True)
    state = fields.Selection(
        [("open", "Failing"), ("resolved", "Resolved")], default="open", required=True, readonly=True, index=True
    )

    _job_record_unique = models.Constraint("UNIQUE(job, res_model, res_id)", "A job's failure is kept once per record.")

    @api.model
    def _record_failure(self, job, record, exc):
        error = f"{type(exc).__name__}: {exc}"
        failure = self.search([("job", "=", job), ("res_model", "=", record._name), ("res_id", "=", record.id)])
        now = fields.Datetime.now()
        if failure:
            values = {"error": error, "last_failed_at": now, "failure_count": failure.failure_count + 1}
            if failure.state == "resolved":
                values.update(state="open", resolved_at=False, first_failed_at=now)
            failure.write(values)
            if "state" in values:
                failure._tell_administrators()
            return failure
        try:
            name = record.sudo().display_name
        except Exception:  # noqa: BLE001 - the name of a broken record may fail too
            name = f"{record._name},{record.id}"
        failure = self.create(
            {"job": job, "res_model": record._name, "res_id": record.id, "record_name": name, "error": error}
        )
        failure._tell_administrators()
        return failure

    @api.model
    def _resolve_failures(self, job, records):
        if not records:
            return
        self.search(
            [
                ("job", "=", job),
                ("res_model", "=", records._name),
                ("res_id", "in", records.ids),
                ("state", "=", "open"),
            ]
        ).write({"state": "resolved", "resolved_at": fields.Datetime.now()})

    def _tell_administrators(self):
        admins = self.env.ref("base.group_system").sudo().all_user_ids.filtered(lambda u: u.active and not u.share)
        for failure in self:
            failure.message_post(
                body=self.env._(
                    "The daily job %(job)s could not process %(record)s (%(model)s, id %(id)s): %(error)s. "
                    "The rest of the run completed; the next run retries it.",
                    job=failure.job,
                    record=failure.record_name,
                    model=failure.res_model,
                    id=failure.res_id,
                    error=failure.error,
                ),
                partner_ids=admins.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )

    def action_open_record(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }
