# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError


class LiangzePetitionReporterMixin(models.AbstractModel):
    """The reporter of a ``liangze.petition``: the material bound to its field (read as
    the reporter's identity is, by intake and the head only), the notice of acceptance
    owed to a named reporter, and the reporter recused from handling the report.

    Kept apart from the register of letters and reports so that what protects the
    reporter, and what the reporter is owed, reads in one place."""

    _name = "liangze.petition.reporter.mixin"
    _description = "Reporter"

    def _bind_attachments(self):
        """The material belongs to its field: its files are read as the field is (intake and
        the head), not as the record is, and never show in the chatter of anyone else."""
        user = self.env.user
        for petition in self.sudo():
            for attachment in petition.attachment_ids:
                if (attachment.res_model, attachment.res_id, attachment.res_field) == (
                    petition._name,
                    petition.id,
                    "attachment_ids",
                ):
                    continue
                # Only a file uploaded for it: never one taken from another record.
                uploaded = not attachment.res_id and (self.env.su or attachment.create_uid == user)
                if not (uploaded or (attachment.res_model, attachment.res_id) == (petition._name, petition.id)):
                    raise UserError(self.env._("Attach only files uploaded for the letter or report."))
                attachment.write({"res_model": petition._name, "res_id": petition.id, "res_field": "attachment_ids"})

    def _sync_acceptance_notices(self):
        """A named report, registered: the reporter is to be told of the acceptance in time."""
        Notice = self.env["liangze.petition.notice"]._guard_sudo()
        for petition in self.sudo():
            notice = petition.notice_ids.filtered(lambda n: n.kind == "acceptance" and n.state == "to_do")
            if petition.state != "registered":
                continue
            if petition.named and not notice:
                Notice.create({"petition_id": petition.id, "kind": "acceptance"})._schedule()
            elif petition.named and notice:
                notice._schedule()
            elif notice:
                notice._void()

    def _involved_users(self):
        return self.sudo().reporter_user_id
