# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

METHODS = [
    ("online_review", "Online review"),
    ("back_check", "Back-check"),
    ("spot_check", "Spot check"),
    ("talk", "Talks"),
    ("meeting", "Attending meetings"),
]
FREQUENCIES = [
    ("once", "Once"),
    ("monthly", "Monthly"),
    ("quarterly", "Quarterly"),
    ("half_yearly", "Half-yearly"),
    ("yearly", "Yearly"),
]


class LiangzeAssignmentLetter(models.Model):
    """Supervision assignment letter (监督任务书), the "one letter" of 一单一书: with a
    unit's published principal-responsibility list (the "one list"), the discipline
    body states what it will supervise (the list's items), how and how often;
    numbered and printed when issued, acknowledged by the unit's head with a
    receipt; the supervisory tasks it promises become the body's own tasks."""

    _name = "liangze.assignment.letter"
    _description = "Supervision Assignment Letter"
    _inherit = ["liangze.supervision.document", "liangze.receipt.mixin", "mail.thread", "mail.activity.mixin"]
    _mail_post_access = "read"
    _document_kind = "assignment_letter"
    _order = "id desc"
    _unit_writable_fields = frozenset({"receipt_note"})

    _guard_workflow_fields = frozenset(
        {
            "state",
            "document_number",
            "issue_date",
            "receipt_user_id",
            "receipt_date",
            "escalation_date",
            "supervisory_list_id",
        }
    )
    _guard_structural_fields = frozenset(
        {"unit_id", "issuer_unit_id", "company_id", "name", "list_id", "intro", "line_ids"}
    )
    _guard_state_fields = {"receipt_note": ("issued",)}

    name = fields.Char(string="Title", required=True, default=lambda self: self.env._("Supervision Assignment Letter"))
    list_id = fields.Many2one(
        "liangze.list",
        string="Responsibility List",
        required=True,
        domain="[('state', '=', 'published')]",
        help="The unit's published principal-responsibility list the letter goes with.",
    )
    intro = fields.Html(string="Opening", help="Printed before the table of what will be supervised.")
    line_ids = fields.One2many("liangze.assignment.line", "letter_id", string="What Will Be Supervised", copy=True)
    state = fields.Selection(
        [("draft", "Draft"), ("issued", "Issued"), ("acknowledged", "Acknowledged"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    supervisory_list_id = fields.Many2one(
        "liangze.list", string="Supervision Tasks", readonly=True, copy=False, help="The body's list of its tasks."
    )

    @api.onchange("list_id")
    def _onchange_list_id(self):
        if self.list_id and not self.unit_id:
            self.unit_id = self.list_id.committee_id or self.list_id.unit_ids[:1]

    def write(self, vals):
        self._check_write_access(vals)
        return super().write(vals)

    def action_issue(self):
        self._check_supervisor()
        today = self._bureau_today()
        for letter in self:
            if letter.state != "draft":
                raise UserError(self.env._("Only a draft assignment letter can be issued."))
            if letter.list_id.state != "published":
                raise UserError(self.env._("The letter goes with a published responsibility list."))
            if not letter.line_ids:
                raise UserError(self.env._("Say what will be supervised, how and how often."))
        self._check_receipt_head()
        for letter in self:
            letter._guard_sudo().write({"state": "issued", "issue_date": today, **letter._receipt_values(today)})
        self._assign_document_number()
        self._generate_supervisory_items()
        for letter in self:
            letter._notify_by_template(
                "liangze_supervision.mail_template_liangze_assignment_letter_issued", letter._recipients()
            )
        self._ask_receipt(self.env._("Acknowledge the supervision assignment letter"))
        return True

    def _generate_supervisory_items(self):
        """The body's supervisory items for the lines not generated yet, in its list of
        the year (created once, published): their tasks are the body's to carry out.
        Safe to run again: a line generates its item once."""
        Lists = self.env["liangze.list"]._guard_sudo()
        Items = self.env["liangze.list.item"]._guard_sudo()
        methods = dict(self.env["liangze.assignment.line"]._fields["method"]._description_selection(self.env))
        for letter in self.filtered(lambda x: x.state in ("issued", "acknowledged")):
            lines = letter.line_ids.filtered(lambda line: not line.supervisory_item_id)
            if not lines:
                continue
            body = letter.issuer_unit_id
            year = letter.list_id.year
            target = (
                letter.supervisory_list_id
                or self.sudo()
                .search([("issuer_unit_id", "=", body.id), ("supervisory_list_id.year", "=", year)], limit=1)
                .supervisory_list_id
            )
            if not target:
                target = Lists.create(
                    {
                        "name": self.env._("%(body)s %(year)s supervision tasks", body=body.name, year=year),
                        "year": year,
                        "company_id": body.company_id.id,
                        "unit_ids": [(6, 0, body.ids)],
                    }
                )
            letter._guard_sudo().write({"supervisory_list_id": target.id})
            for line in lines:
                item = line.item_id.sudo()
                supervisory = Items.create(
                    {
                        "list_id": target.id,
                        "kind": "supervisory",
                        "name": f"{methods[line.method]}：{item.name}",
                        "content": line.note or item.content,
                        "standard": item.standard,
                        "basis": letter.document_number,
                        "category_id": item.category_id.id,
                        "owner_type": "department",
                        "owner_unit_ids": [(6, 0, body.ids)],
                        "lead_leader_id": body.head_id.id,
                        "covered_item_ids": [(6, 0, item.ids)],
                        "frequency": line.frequency,
                        "deadline_rule": "after_end",
                        "deadline_days": 10,
                        "evidence_min": 1,
                    }
                )
                line._guard_sudo().write({"supervisory_item_id": supervisory.id})
            if target.state == "draft":
                # Part of issuing the letter: the body's own list of what it promised.
                target.sudo().action_publish()
