# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .liangze_integrity_mixin import ADMIN


class LiangzeList(models.Model):
    """Responsibility list (责任清单) of one year: publishing it generates the
    periodic tasks of its items."""

    _name = "liangze.list"
    _description = "Responsibility List"
    _inherit = ["liangze.integrity.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "year desc, name"

    _integrity_workflow_fields = frozenset({"state"})
    # Once published, the year and the bureau are what its tasks were made for.
    _integrity_structural_fields = frozenset({"year", "company_id"})

    name = fields.Char(required=True, tracking=True)
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year, tracking=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    unit_ids = fields.Many2many(
        "liangze.unit",
        string="Units in Scope",
        help="The units this list applies to; item owners are chosen among them and their sub-units.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    item_ids = fields.One2many("liangze.list.item", "list_id", string="Items", copy=True)
    item_count = fields.Integer(compute="_compute_counts")
    task_ids = fields.One2many("liangze.task", "list_id", string="Tasks")
    task_count = fields.Integer(compute="_compute_counts")
    active = fields.Boolean(default=True)
    description = fields.Html()

    @api.depends("item_ids", "task_ids")
    def _compute_counts(self):
        items = dict(self.env["liangze.list.item"]._read_group([("list_id", "in", self.ids)], ["list_id"], ["__count"]))
        tasks = dict(self.env["liangze.task"]._read_group([("list_id", "in", self.ids)], ["list_id"], ["__count"]))
        for rec in self:
            rec.item_count = items.get(rec, 0)
            rec.task_count = tasks.get(rec, 0)

    @api.ondelete(at_uninstall=False)
    def _unlink_without_tasks(self):
        if (
            self.env["liangze.task"]
            .with_context(active_test=False)
            .search_count([("list_id", "in", self.ids)], limit=1)
        ):
            raise UserError(self.env._("A list that has tasks is never deleted; archive it instead."))

    @api.constrains("year")
    def _check_year(self):
        for rec in self:
            if not 2000 <= rec.year <= 2100:
                raise ValidationError(self.env._("The year must be between 2000 and 2100."))

    def _check_list_admin(self):
        if not self.env.su and not self.env.user.has_group(ADMIN):
            raise AccessError(self.env._("Only administrators publish, close or reopen responsibility lists."))
        self.check_access("write")

    def action_publish(self):
        self._check_list_admin()
        for rec in self:
            if rec.state != "draft":
                raise UserError(self.env._("Only a draft list can be published."))
            if not rec.item_ids.filtered("active"):
                raise UserError(self.env._("Add at least one item before publishing the list %(list)s.", list=rec.name))
        self._integrity_sudo().write({"state": "published"})
        self.item_ids._sync_tasks()
        return True

    def action_close(self):
        self._check_list_admin()
        self.filtered(lambda r: r.state == "published")._integrity_sudo().write({"state": "closed"})
        return True

    def action_reset_draft(self):
        self._check_list_admin()
        for rec in self:
            if rec.with_context(active_test=False).task_ids:
                raise UserError(
                    self.env._("A list whose tasks were generated cannot return to draft; close it instead.")
                )
        self._integrity_sudo().write({"state": "draft"})
        return True

    def action_copy_next_year(self):
        self.ensure_one()
        new = self.copy({"year": self.year + 1, "name": self._next_year_name()})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
        }

    def _next_year_name(self):
        year = str(self.year)
        if year in self.name:
            return self.name.replace(year, str(self.year + 1))
        return f"{self.name} ({self.year + 1})"

    def action_open_tasks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("liangze_responsibility.liangze_task_action")
        action["domain"] = [("list_id", "=", self.id)]
        action["context"] = {"search_default_groupby_period": 1}
        return action

    @api.model
    def _cron_generate_tasks(self):
        """Daily: create what is missing (new items, owners, units). Safe to
        re-run: generation skips every task that already exists."""
        self.search([("state", "=", "published")]).item_ids._sync_tasks()
