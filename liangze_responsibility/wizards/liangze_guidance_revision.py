# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError

KINDS = [("added", "Added"), ("changed", "Changed"), ("withdrawn", "Withdrawn")]


class LiangzeGuidanceRevision(models.TransientModel):
    """What the superior's guidance changed since this derived list adopted it:
    items added, fields changed (one line each), items withdrawn. The derived
    list keeps its own until its keeper accepts a line, with a reason."""

    _name = "liangze.guidance.revision"
    _description = "Guidance Revisions"

    list_id = fields.Many2one("liangze.list", required=True)
    line_ids = fields.One2many("liangze.guidance.revision.line", "wizard_id", string="Differences")
    reason = fields.Text(help="Why the list takes these changes (kept in its revision history).")

    def _load_differences(self):
        """Fill the lines from the guidance list as it is now."""
        self.ensure_one()
        mine = self.list_id.with_context(active_test=False).item_ids.filtered("parent_item_id")
        by_guide = {item._guidance(): item for item in mine}
        guides = self.list_id.parent_list_id.sudo().with_context(active_test=False).item_ids
        lines = []
        for guide in guides:
            item = by_guide.get(guide)
            if not item:
                if guide.active:
                    lines.append({"kind": "added", "guidance_item_id": guide.id, "new_value": guide.name})
                continue
            if not guide.active:
                if item.active:
                    lines.append({"kind": "withdrawn", "guidance_item_id": guide.id, "item_id": item.id})
                continue
            if not item.active:
                continue
            for name, old, new in item._guidance_differences():
                lines.append(
                    {
                        "kind": "changed",
                        "guidance_item_id": guide.id,
                        "item_id": item.id,
                        "field_name": name,
                        "field_label": item._fields[name]._description_string(self.env),
                        "old_value": old,
                        "new_value": new,
                    }
                )
        self.line_ids = [(0, 0, values) for values in lines]

    def action_accept(self):
        """Take the chosen lines into the list; tasks not started follow, started ones stay."""
        self.ensure_one()
        self.list_id._check_list_admin()
        chosen = self.line_ids.filtered("selected")
        if not chosen:
            raise UserError(self.env._("Choose the differences to accept."))
        if not (self.reason or "").strip():
            raise UserError(self.env._("Say why the list takes these changes."))
        Item = self.env["liangze.list.item"]._guard_sudo()
        for line in chosen.filtered(lambda line: line.kind == "added"):
            if not (line.owner_unit_ids or line.owner_user_ids):
                raise UserError(
                    self.env._("Choose the owners of %(item)s before adding it.", item=line.guidance_item_id.name)
                )
            Item.create(
                dict(
                    line.guidance_item_id.sudo()._derived_values(),
                    list_id=self.list_id.id,
                    owner_unit_ids=[(6, 0, line.owner_unit_ids.ids)],
                    owner_user_ids=[(6, 0, line.owner_user_ids.ids)],
                )
            )
        for line in chosen.filtered(lambda line: line.kind == "changed"):
            value = line.guidance_item_id.sudo()[line.field_name]
            line.item_id._guard_sudo().write(line.item_id._convert_to_write({line.field_name: value}))
        for line in chosen.filtered(lambda line: line.kind == "withdrawn"):
            line.item_id._guard_sudo().write({"active": False})
        rows = Markup("").join(
            Markup("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>")
            % (
                dict(KINDS)[line.kind],
                line.guidance_item_id.name,
                line.field_label or "",
                escape(line.old_value or "") + Markup(" → ") + escape(line.new_value or ""),
            )
            for line in chosen
        )
        self.list_id._revision_log(
            self.env._("%(count)s guidance revisions accepted", count=len(chosen)),
            self.reason,
            Markup("<table class='table table-sm'>%s</table>") % rows,
        )
        return {"type": "ir.actions.act_window_close"}


class LiangzeGuidanceRevisionLine(models.TransientModel):
    _name = "liangze.guidance.revision.line"
    _description = "Guidance Revision"

    wizard_id = fields.Many2one("liangze.guidance.revision", required=True, ondelete="cascade")
    kind = fields.Selection(KINDS, required=True, readonly=True)
    guidance_item_id = fields.Many2one("liangze.list.item", readonly=True)
    item_id = fields.Many2one("liangze.list.item", string="Item of This List", readonly=True)
    field_name = fields.Char(readonly=True)
    field_label = fields.Char(string="Field", readonly=True)
    old_value = fields.Text(string="This List", readonly=True)
    new_value = fields.Text(string="Guidance", readonly=True)
    selected = fields.Boolean(string="Accept")
    owner_unit_ids = fields.Many2many("liangze.unit", string="Owner Units")
    owner_user_ids = fields.Many2many("res.users", string="Owner Persons", domain="[('share', '=', False)]")

    @api.onchange("selected")
    def _onchange_selected(self):
        # Adding an item to a published list needs its owners now.
        if self.selected and self.kind == "added" and not (self.owner_unit_ids or self.owner_user_ids):
            self.owner_unit_ids = self.wizard_id.list_id.unit_ids
