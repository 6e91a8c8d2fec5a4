# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError


class LiangzeDisciplineCaseFilingMixin(models.AbstractModel):
    """The filing (立案) of a ``liangze.discipline.case``: submitted for approval by the
    head of the body, then by the same-level party committee head (tier validation; an
    approver concerned by the case, or a close relative of a person concerned, is
    recused); once approved, numbered (立案决定书) and announced by mail to the person
    and their party committee head, who never read the case.

    Kept apart from the case so that the filing and its notification read in one
    place, before the investigation and the trial."""

    _name = "liangze.discipline.case.filing.mixin"
    _description = "Case Filing Decision"

    # -- filing ---------------------------------------------------------------------------------
    def action_submit(self):
        """Proposed → the filing is approved by the head of the body, then by the
        same-level party committee head."""
        self._check_discipline_group()
        for case in self:
            if case.state != "draft":
                raise UserError(self.env._("Only a proposed case is submitted for approval."))
            if not (case.grounds or "").strip():
                raise UserError(self.env._("Give the grounds for filing the case."))
            if not case.concerned_cadre_ids:
                raise UserError(self.env._("Name the person the case is about."))
            if not case.body_head_id:
                raise UserError(self.env._("%(body)s has no head to approve the filing.", body=case.body_unit_id.name))
            if not case.committee_head_id and case.committee_unit_id.head_id:
                raise UserError(
                    self.env._(
                        "The head of %(committee)s is recused from this case and no party committee above it "
                        "has a head to approve the filing.",
                        committee=case.committee_unit_id.name,
                    )
                )
            if not case.committee_head_id:
                raise UserError(
                    self.env._(
                        "The same-level party committee of %(body)s has no head to approve the filing.",
                        body=case.body_unit_id.name,
                    )
                )
            # The approvers read the case before the tiers notify them.
            case._guard_sudo().write({"approver_ids": [(6, 0, (case.body_head_id | case.committee_head_id).ids)]})
        self._guard_sudo().write({"state": "to_approve"})
        self._request_tier_approval(
            self.env._("No approval tier is configured for filing cases: an administrator sets them up.")
        )
        for case in self:
            reviewers = case.review_ids.reviewer_ids
            case._guard_sudo().write({"approver_ids": [(4, user.id) for user in reviewers]})
        return True

    def _check_pending_reviewer(self):
        # An approver concerned by the case (or a close relative) is recused from approving it.
        res = super()._check_pending_reviewer()
        recused = self.env.user.liangze_recused_cadre_ids
        for case in self.sudo():
            if recused & case.concerned_cadre_ids:
                raise UserError(self.env._("You are recused from this case: the level above approves its filing."))
        return res

    def _on_tiers_approved(self):
        """Filed: numbered (立案决定书), announced to the person and their party committee head."""
        today = self._bureau_today()
        for case in self.sudo():
            number = case._next_document_number(today)
            case._guard_sudo().write({"filing_number": number, "filed_on": today})
            case._notify_filing()
            case.message_post(
                body=self.env._("The filing is approved (%(number)s): the investigation starts.", number=number),
                partner_ids=case.author_id.partner_id.ids,
            )

    def _committee_head_of(self, cadre):
        """The head of the party committee the person belongs to (the level above when they head it)."""
        unit = cadre.sudo().unit_id
        while unit:
            if unit.unit_type == "party_committee" and unit.head_id and unit.head_id != cadre.user_id:
                return unit.head_id
            unit = unit.parent_id
        return self.env["res.users"]

    def _notify_filing(self):
        """The filing decision (PDF) goes to the person and their party committee head by mail;
        neither reads the case."""
        self.ensure_one()
        today = self._bureau_today()
        partners = self.env["res.partner"]
        for cadre in self.concerned_cadre_ids:
            partners |= cadre._notified_partners() | self._committee_head_of(cadre).partner_id
        partners = partners.filtered("email")
        template = self.env.ref("liangze_discipline.mail_template_liangze_case_filing_notice")
        if partners:
            template.sudo().send_mail(self.id, email_values={"recipient_ids": [(6, 0, partners.ids)]})
        self._guard_sudo().write({"notified_on": today})
        self.message_post(
            body=self.env._(
                "Filing decision %(number)s sent to: %(recipients)s",
                number=self.filing_number,
                recipients="、".join(partners.mapped("name")) or "-",
            )
        )
