# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import binascii
import hashlib
import mimetypes

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.mimetypes import guess_mimetype

from .liangze_task import OPEN_STATES


class LiangzeTaskEvidence(models.Model):
    """Evidence (工作落实资料): a non-empty file, the period it covers, and the
    SHA-256 taken at upload, against which the ledger print checks the file."""

    _name = "liangze.task.evidence"
    _description = "Evidence"
    _inherit = ["liangze.record.guard"]
    _order = "id"

    # Evidence follows its task: it may change while the ledger is open.
    _guard_state_field = None
    _guard_provenance_fields = {"uploaded_by_id": "user", "uploaded_date": "now"}
    _guard_workflow_fields = frozenset({"sha256", "file_size"})
    # Evidence is evidence: to correct it, archive it and upload another file.
    _guard_fixed_fields = frozenset({"task_id", "file"})

    task_id = fields.Many2one("liangze.task", required=True, ondelete="cascade", index=True)
    name = fields.Char(string="Description", required=True)
    file = fields.Binary(required=True, attachment=True)
    file_name = fields.Char()
    file_size = fields.Integer(string="Size (bytes)", readonly=True)
    sha256 = fields.Char(
        string="SHA-256", readonly=True, help="Taken at upload; the ledger print checks the file against it."
    )
    covers_from = fields.Date()
    covers_to = fields.Date()
    uploaded_by_id = fields.Many2one("res.users", default=lambda self: self.env.user, readonly=True)
    uploaded_date = fields.Datetime(string="Uploaded On", default=fields.Datetime.now, readonly=True)
    active = fields.Boolean(default=True)

    def _guard_is_initial(self):
        return self.task_id.state in OPEN_STATES

    @api.constrains("covers_from", "covers_to")
    def _check_dates(self):
        today = self._bureau_today()
        for evidence in self:
            start, end = evidence.task_id.period_start, evidence.task_id.period_end
            if evidence.covers_from and evidence.covers_to and evidence.covers_from > evidence.covers_to:
                raise ValidationError(self.env._("The evidence cannot cover a period that ends before it starts."))
            if evidence.covers_from and (evidence.covers_from < start or evidence.covers_from > today):
                raise ValidationError(
                    self.env._("The evidence covers from a day of its task's period, not in the future.")
                )
            if evidence.covers_to and evidence.covers_to > end:
                raise ValidationError(self.env._("The evidence cannot cover days after its task's period."))

    @api.model
    def _file_facts(self, vals, company):
        """(size, sha256) of the uploaded file; refuses an empty, too large or unaccepted file."""
        try:
            content = base64.b64decode(vals.get("file") or b"", validate=True)
        except (binascii.Error, ValueError) as error:
            raise UserError(self.env._("The evidence file could not be read.")) from error
        if not content:
            raise UserError(self.env._("Attach a non-empty file as evidence."))
        limit = company.liangze_evidence_max_mb
        if len(content) > limit * 1024 * 1024:
            raise UserError(
                self.env._("The evidence file is larger than the %(limit)s MB your bureau accepts.", limit=limit)
            )
        name = vals.get("file_name") or ""
        extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if not extension:
            # No file name (an import, an API call): the content tells its type.
            guessed = mimetypes.guess_extension(guess_mimetype(content)) or ""
            extension = {"jpe": "jpg"}.get(guessed.lstrip("."), guessed.lstrip("."))
        accepted = company._liangze_evidence_extensions()
        if extension not in accepted:
            raise UserError(
                self.env._(
                    "Files of type %(type)s are not accepted as evidence; accepted: %(accepted)s.",
                    type=extension or self.env._("(none)"),
                    accepted=", ".join(sorted(accepted)),
                )
            )
        return len(content), hashlib.sha256(content).hexdigest()

    @api.model_create_multi
    def create(self, vals_list):
        # The task given in the context (the evidence tab of a task) is the task, checked as one.
        vals_list = [
            dict(vals, task_id=vals.get("task_id") or self.env.context.get("default_task_id")) for vals in vals_list
        ]
        if not all(vals["task_id"] for vals in vals_list):
            raise UserError(self.env._("Evidence is uploaded to a task."))
        tasks = self.env["liangze.task"].browse([vals["task_id"] for vals in vals_list])
        tasks._check_ledger_open()
        today = self._bureau_today()
        facts = []
        for vals in vals_list:
            task = tasks.browse(vals.get("task_id"))
            vals.setdefault("covers_from", task.period_start)
            vals.setdefault("covers_to", min(task.period_end, max(today, task.period_start)))
            facts.append(self._file_facts(vals, task.company_id))
        evidence = super().create(vals_list)
        # Size and checksum are the product's own record of the upload.
        for record, (size, digest) in zip(evidence._guard_sudo(), facts, strict=True):
            record.write({"file_size": size, "sha256": digest})
        evidence.task_id._mark_started()
        return evidence

    def write(self, vals):
        self.task_id._check_ledger_open()
        return super().write(vals)

    def _current_sha256(self):
        """The SHA-256 of the file as stored now, to compare with the one taken at upload."""
        self.ensure_one()
        content = base64.b64decode(self.sudo().file or b"")
        return hashlib.sha256(content).hexdigest() if content else False

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("Evidence is never deleted; archive it instead."))
