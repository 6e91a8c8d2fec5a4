# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.liangze_base.roles import CASE_MANAGEMENT, CASE_OFFICER, SUPERVISION_HEAD


class LiangzeDisciplineMixin(models.AbstractModel):
    """What every record of discipline enforcement shares: the discipline body that
    handles it, the persons concerned, the officers assigned to it, and recusal.

    Read only by the officers assigned (``officer_ids``), case management (案管) and
    the head of the body (record rules of each model); never by anyone concerned, nor
    their declared relatives (global rules on ``concerned_cadre_ids``). An officer is
    never assigned a matter concerning themselves, a declared relative, their own unit,
    or one they reported or witnessed (``_check_recusal``)."""

    _name = "liangze.discipline.mixin"
    _description = "Discipline Enforcement Record"
    _inherit = [
        "liangze.record.guard",
        "liangze.body.owned.mixin",
        "liangze.logged.read.mixin",
        "liangze.confidential.thread",
        "mail.activity.mixin",
    ]
    # Reads logged, naming the persons concerned (liangze.logged.read.mixin).
    _confidential_cadre_field = "concerned_cadre_ids"

    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    concerned_cadre_ids = fields.Many2many(
        "liangze.cadre",
        string="Persons Concerned",
        help="The persons the matter is about: they, and their declared relatives, never see it.",
    )
    officer_ids = fields.Many2many(
        "res.users",
        string="Assigned Officers",
        domain="[('share', '=', False)]",
        help="The officers who handle the matter and read it; set by assignment only.",
    )

    # -- who acts ------------------------------------------------------------------------
    def _check_discipline_group(self, *groups):
        """The current user belongs to one of ``groups`` (by default: the body's handlers)."""
        self._liangze_check_role(
            groups or (CASE_OFFICER, CASE_MANAGEMENT, SUPERVISION_HEAD),
            self.env._("Only the discipline body's case handlers do this."),
        )

    def _check_head(self):
        self._check_discipline_group(SUPERVISION_HEAD)

    # -- recusal -------------------------------------------------------------------------
    def _recusal_reasons(self, user):
        """Why ``user`` may not handle these records (empty: they may)."""
        reasons = []
        own = self.env["liangze.cadre"].sudo().with_context(active_test=False).search([("user_id", "=", user.id)])
        recused = own._recused_for()
        for record in self.sudo():
            concerned = record.concerned_cadre_ids
            if concerned & own:
                reasons.append(self.env._("%(user)s is concerned by it.", user=user.name))
            elif concerned & (recused - own):
                reasons.append(self.env._("%(user)s is a close relative of a person concerned.", user=user.name))
            elif concerned.unit_id & user.liangze_unit_ids:
                reasons.append(self.env._("A person concerned works in a unit of %(user)s.", user=user.name))
            elif user in record._involved_users():
                reasons.append(self.env._("%(user)s reported or witnessed it.", user=user.name))
        return reasons

    def _involved_users(self):
        """Users who reported or witnessed the matter (each model says)."""
        return self.env["res.users"]

    def _check_recusal(self, users):
        for user in users:
            reasons = self._recusal_reasons(user)
            if reasons:
                raise UserError(
                    self.env._("%(user)s must be recused: %(reasons)s", user=user.name, reasons=" ".join(reasons))
                )

    def _assign(self, users):
        """Add ``users`` to the officers handling these records, after the recusal check."""
        self._check_recusal(users)
        self._guard_sudo().write({"officer_ids": [(4, user.id) for user in users]})
        self.env["res.users"].invalidate_model()
        self.env.registry.clear_cache()
        return True

    @api.model
    def _discipline_sequence(self, code):
        return self.env["ir.sequence"].sudo().next_by_code(code, sequence_date=self._bureau_today()) or "/"
