# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class LiangzeCommitteeApprovalMixin(models.AbstractModel):
    """Approval by the same-level party committee (同级党委): the committee the record's
    discipline body supervises, and its head, who approves the matter too when the
    model says so (an inquiry into an organisation it leads, a clue about the head of
    a committee below it, the filing of a case). The record is owned by a discipline
    body (``liangze.body.owned.mixin``)."""

    _name = "liangze.committee.approval.mixin"
    _description = "Approval by the Same-level Party Committee"

    # The record's own fields its committee approval depends on (besides the body's).
    _committee_depends = ()

    committee_unit_id = fields.Many2one(
        "liangze.unit", string="Same-level Party Committee", compute="_compute_committee", store=True
    )
    committee_head_id = fields.Many2one(
        "res.users", string="Party Committee Head", compute="_compute_committee", store=True
    )
    committee_approval = fields.Boolean(
        compute="_compute_committee",
        store=True,
        help="The head of the same-level party committee approves it too.",
    )

    @api.depends(
        lambda self: [
            "body_unit_id.supervised_unit_id.head_id",
            "body_unit_id.parent_id.head_id",
            *self._committee_depends,
            *([self._confidential_cadre_field] if getattr(self, "_confidential_cadre_field", None) else []),
        ]
    )
    def _compute_committee(self):
        for record in self:
            committee = record.body_unit_id._supervised_committee()
            record.committee_unit_id = committee
            record.committee_head_id = record._committee_approving(committee).head_id
            record.committee_approval = bool(committee.head_id) and record._committee_must_approve(committee)

    def _committee_approving(self, committee):
        """The committee whose head approves: ``committee``, or the one above it while
        its head is recused from this record (a tier naming a recused head, who may not
        read the record, would hold it forever)."""
        while committee.head_id and self._committee_head_recused(committee.head_id):
            committee = committee.parent_id._party_committee()
        return committee

    def _committee_head_recused(self, head):
        """A person the record concerns (``_confidential_cadre_field``), or a close
        relative of one, as the recusal registry says when installed (liangze_integrity)."""
        name = getattr(self, "_confidential_cadre_field", None)
        if not name or "liangze_recused_cadre_ids" not in head._fields:
            return False
        return bool(head.sudo().liangze_recused_cadre_ids & self.sudo()[name])

    def _committee_must_approve(self, committee):
        """Whether the head of ``committee`` approves this record too (each model says)."""
        return True
