# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.liangze_base.models.liangze_record_guard import THREAD_FIELDS
from odoo.addons.liangze_base.roles import SUPERVISOR


class LiangzeSupervisionDocument(models.AbstractModel):
    """What supervision reports and letters share: the issuing discipline
    body, the unit addressed, and an official document number (发文字号)
    given when the document goes out, never to a draft."""

    _name = "liangze.supervision.document"
    _description = "Supervision Document"
    _inherit = ["liangze.record.guard", "liangze.official.document"]

    # What every document shares: numbered and dated when it goes out, by its
    # author; addressed and issued by units fixed once it left its draft.
    _guard_workflow_fields = frozenset({"state", "document_number", "issue_date"})
    _guard_provenance_fields = {"author_id": "user"}
    _guard_structural_fields = frozenset({"unit_id", "issuer_unit_id", "company_id"})

    # Fields the addressed unit may write (its plan, feedback or receipt); the
    # rest belongs to the discipline body.
    _unit_writable_fields = frozenset()

    # Cascade only serves uninstall; in use, a unit with documents cannot be deleted.
    issuer_unit_id = fields.Many2one(
        "liangze.unit",
        string="Issued By",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('unit_type', '=', 'discipline_body')]",
        default=lambda self: self.env.user._liangze_discipline_body(),
        tracking=True,
    )
    unit_id = fields.Many2one(
        "liangze.unit", string="Addressed Unit", required=True, index=True, tracking=True, ondelete="cascade"
    )
    unit_head_id = fields.Many2one(related="unit_id.head_id", string="Unit Head")
    author_id = fields.Many2one("res.users", string="Drafted By", default=lambda self: self.env.user, readonly=True)
    document_number = fields.Char(readonly=True, copy=False, index=True, tracking=True)
    issue_date = fields.Date(readonly=True, copy=False, tracking=True)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)

    _document_number_uniq = models.Constraint(
        "UNIQUE(issuer_unit_id, document_number)", "This document number was already given by this issuer."
    )

    @api.onchange("unit_id")
    def _onchange_unit_id(self):
        if self.unit_id:
            self.company_id = self.unit_id.company_id

    def _check_supervisor(self):
        """Only supervisors of the issuing discipline body's scope act on its documents."""
        self._liangze_check_role([SUPERVISOR], self.env._("Only supervisors write supervision documents."))

    def _check_addressed_user(self):
        """The addressed unit's members and heads (and the heads above it) act for the unit."""
        user = self.env.user
        for document in self:
            if document.unit_id not in (user.liangze_unit_ids | user.liangze_managed_unit_ids):
                raise AccessError(
                    self.env._("Only the addressed unit %(unit)s acts on this document.", unit=document.unit_id.name)
                )

    def _assign_document_number(self):
        """Number every document going out, in issue order: the issuer's
        sequence is gapless and yearly, so numbers run 1, 2, 3 … each year."""
        for document in self:
            if not document.document_number:
                number = document._next_document_number(document.issue_date)
                document._guard_sudo().write({"document_number": number})

    def _notify_by_template(self, template_xmlid, users):
        """Post the template on each document to the users' inboxes (or e-mail,
        as each prefers); its print is attached where the template says so."""
        for document in self:
            document.message_post_with_source(
                template_xmlid, partner_ids=users.partner_id.ids, subtype_xmlid="mail.mt_comment"
            )

    def _recipients(self):
        """Head and members of the addressed unit."""
        return self.unit_id._users()

    def _check_write_access(self, vals):
        """Called first by each document's write: the access rights decide
        before any workflow rule, and the addressed unit writes only its part."""
        if self.env.su:
            return
        self.check_access("write")
        if not self.env.user.has_group(SUPERVISOR):
            forbidden = set(vals) - self._unit_writable_fields - THREAD_FIELDS
            if forbidden:
                self._guard_refuse(
                    sorted(forbidden)[0],
                    self.env._(
                        "The addressed unit can only fill in its own part (%(fields)s).",
                        fields=", ".join(
                            self._fields[f]._description_string(self.env) for f in sorted(self._unit_writable_fields)
                        ),
                    ),
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(document.state != "draft" for document in self):
            raise UserError(self.env._("Only a draft can be deleted; what went out stays on record."))
