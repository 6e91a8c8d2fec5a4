# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

RANKS = [
    ("bureau_principal", "Bureau level, principal"),
    ("bureau_deputy", "Bureau level, deputy"),
    ("division_principal", "Division level, principal"),
    ("division_deputy", "Division level, deputy"),
    ("section_principal", "Section level, principal"),
    ("section_deputy", "Section level, deputy"),
    ("staff", "Staff member"),
    ("clerk", "Clerk"),
    ("other", "Other"),
]
POLITICAL_STATUSES = [
    ("party_member", "Party member"),
    ("probationary_member", "Probationary party member"),
    ("league_member", "Youth League member"),
    ("democratic_party", "Member of a democratic party"),
    ("non_party", "Non-party"),
]
LEADER_ROLES = [
    ("principal_leader", "Principal leader"),
    ("team_member", "Team member"),
    ("discipline_head", "Discipline head"),
    ("staff", "Staff"),
]


class LiangzeCadre(models.Model):
    """A cadre (干部): a person of the organisation, with or without an Odoo login,
    whom the discipline body's work concerns (held to account, a file, a case).
    Read by the discipline officers and the leaders whose scope holds the cadre's
    unit; the business addons add what concerns them."""

    _name = "liangze.cadre"
    _description = "Cadre"
    _inherit = ["liangze.record.guard", "mail.thread"]
    _order = "unit_id, sequence, name, id"

    _guard_state_field = None

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    # Cascade only serves uninstall: in use, a unit with cadres cannot be deleted (liangze.unit).
    unit_id = fields.Many2one("liangze.unit", required=True, index=True, tracking=True, ondelete="cascade")
    company_id = fields.Many2one(related="unit_id.company_id", store=True, index=True)
    post = fields.Char(tracking=True, help="The post held, as the appointment names it (e.g. 办公室主任).")
    rank = fields.Selection(RANKS, tracking=True)
    political_status = fields.Selection(POLITICAL_STATUSES, default="party_member", tracking=True)
    leader_role = fields.Selection(
        LEADER_ROLES,
        string="Role in the Leadership",
        default="staff",
        required=True,
        tracking=True,
        help="Principal leaders and discipline heads are the ones summoned to a talk for formalism.",
    )
    user_id = fields.Many2one("res.users", string="Login", index=True, domain="[('share', '=', False)]")
    partner_id = fields.Many2one("res.partner", string="Contact", help="Notified of decisions when there is no login.")
    active = fields.Boolean(default=True)
    note = fields.Text()

    _user_uniq = models.Constraint("UNIQUE(user_id)", "This login already belongs to another cadre.")

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for Cadres"),
                "template": "/liangze_base/static/xls/liangze_cadre_import_template.xlsx",
            }
        ]

    def _notified_partners(self):
        """Whom a decision addressed to the cadre reaches: the login's partner, else the contact."""
        return self.mapped(lambda c: c.user_id.partner_id or c.partner_id)

    @api.model
    def _for_users(self, users, unit=None):
        """The cadres of these users, created from the login when missing (trace-back
        names users; the case holds cadres)."""
        cadres = self.search([("user_id", "in", users.ids)])
        missing = users - cadres.user_id
        vals_list = []
        for user in missing:
            units = user.liangze_unit_ids
            home = unit if unit and unit in units else units[:1] or unit
            if home:
                role = "principal_leader" if home.head_id == user else "staff"
                vals_list.append({"name": user.name, "user_id": user.id, "unit_id": home.id, "leader_role": role})
        return cadres | self.create(vals_list)
