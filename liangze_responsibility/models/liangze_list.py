# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.liangze_base.roles import ADMIN


class LiangzeList(models.Model):
    """Responsibility list (责任清单) of one year: publishing it generates the
    periodic tasks of its items."""

    _name = "liangze.list"
    _description = "Responsibility List"
    _inherit = ["liangze.deadline.mixin", "liangze.record.guard", "mail.thread", "mail.activity.mixin"]
    _order = "year desc, name"

    _guard_workflow_fields = frozenset(
        {
            "state",
            "parent_list_id",
            "published_on",
            "adoption_deadline",
            "adoption_yellow_date",
        }
    )
    # Once published, the year and the bureau are what its tasks were made for.
    _guard_structural_fields = frozenset({"year", "company_id"})
    # A list derived from guidance is due to be published by the superior's date.
    _deadline_field = "adoption_deadline"
    _deadline_yellow_field = "adoption_yellow_date"
    _deadline_done_states = ("published", "closed")
    _deadline_done_date_field = "published_on"

    name = fields.Char(required=True, tracking=True)
    year = fields.Integer(required=True, default=lambda self: self._bureau_today().year, tracking=True)
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
    published_on = fields.Date(readonly=True, copy=False)

    # -- guidance lists ("1+X") ----------------------------------------------------------
    committee_id = fields.Many2one(
        "liangze.unit",
        string="Party Committee",
        compute="_compute_committee_id",
        store=True,
        help="Whose list this is: the party committee among its units.",
    )
    parent_list_id = fields.Many2one(
        "liangze.list", string="Derived From", readonly=True, copy=False, index=True, ondelete="set null"
    )
    derived_list_ids = fields.One2many("liangze.list", "parent_list_id", string="Derived Lists")
    derived_count = fields.Integer(compute="_compute_derived_count")
    adoption_deadline = fields.Date(
        string="Publish By", readonly=True, copy=False, help="Set by the superior sending its guidance."
    )
    adoption_yellow_date = fields.Date(readonly=True, copy=False)
    revision_ids = fields.One2many("liangze.list.revision", "list_id", string="Revision History")

    @api.depends("unit_ids.unit_type")
    def _compute_committee_id(self):
        for rec in self:
            rec.committee_id = rec.unit_ids.filtered(lambda u: u.unit_type == "party_committee")[:1]

    @api.depends("derived_list_ids")
    def _compute_derived_count(self):
        counts = dict(
            self.env["liangze.list"]
            .with_context(active_test=False)
            ._read_group([("parent_list_id", "in", self.ids)], ["parent_list_id"], ["__count"])
        )
        for rec in self:
            rec.derived_count = counts.get(rec, 0)

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
        self._liangze_check_role(
            [ADMIN], self.env._("Only administrators publish, close or reopen responsibility lists.")
        )

    def action_publish(self):
        self._check_list_admin()
        for rec in self:
            if rec.state != "draft":
                raise UserError(self.env._("Only a draft list can be published."))
            if not rec.item_ids.filtered("active"):
                raise UserError(self.env._("Add at least one item before publishing the list %(list)s.", list=rec.name))
        for rec in self.filtered("parent_list_id"):
            rec.item_ids.filtered("active")._check_owners()
        self._guard_sudo().write({"state": "published", "published_on": self._bureau_today()})
        self.item_ids._sync_tasks()
        # One message on each guidance list, however many of its derived lists were published.
        for parent in self.parent_list_id:
            published = self.filtered(lambda rec, p=parent: rec.parent_list_id == p)
            parent.message_post(
                body=self.env._(
                    "Derived from this guidance and published: %(lists)s.",
                    lists=", ".join(published.mapped("display_name")),
                )
            )
        return True

    def action_close(self):
        self._check_list_admin()
        self.filtered(lambda r: r.state == "published")._guard_sudo().write({"state": "closed"})
        return True

    def action_reset_draft(self):
        self._check_list_admin()
        for rec in self:
            if rec.with_context(active_test=False).task_ids:
                raise UserError(
                    self.env._("A list whose tasks were generated cannot return to draft; close it instead.")
                )
        self._guard_sudo().write({"state": "draft"})
        return True

    def action_copy_next_year(self):
        """Next year's list, as a draft: its items, and their links to next year's
        guidance items (found by their key) when the superior copied its list already."""
        self.ensure_one()
        self._check_list_admin()
        new = self._guard_sudo().copy({"year": self.year + 1, "name": self._next_year_name()})
        parent = self.parent_list_id
        if parent:
            # The superior's list of next year, whether or not it was sent down yet.
            next_parent = (
                self.sudo()
                .search([("company_id", "=", parent.company_id.id), ("year", "=", self.year + 1)])
                .filtered(
                    lambda other: (
                        set(other.item_ids.mapped("guidance_key")) & set(parent.sudo().item_ids.mapped("guidance_key"))
                    )
                )[:1]
            )
            new._guard_sudo().write({"parent_list_id": (next_parent or parent).id})
            if next_parent:
                by_key = {item.guidance_key: item for item in next_parent.item_ids if item.guidance_key}
                for item in new.item_ids.filtered("parent_item_id"):
                    target = by_key.get(item.parent_item_id.guidance_key)
                    item._guard_sudo().write({"parent_item_id": target.id if target else False})
        return new._form_action()

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

    # -- sending guidance down, and what came of it --------------------------------------
    def action_send_guidance(self):
        self.ensure_one()
        self._check_list_admin()
        return self._liangze_wizard(
            "liangze.guidance.send", self.env._("Send as Guidance"), {"default_list_id": self.id}
        )

    def _send_guidance(self, committees, deadline):
        """A draft derived list for each committee not having one yet: the guidance
        items inherited (what this list fixes read-only there), owners to choose."""
        self.ensure_one()
        self._check_list_admin()
        if self.state != "published":
            raise UserError(self.env._("Publish the list before sending it as guidance."))
        if deadline and deadline < self._bureau_today():
            raise UserError(self.env._("The date to publish the derived lists by has passed."))
        below = committees.filtered(
            lambda c: (
                c.unit_type == "party_committee"
                and c not in self.unit_ids
                and c.parent_path.startswith(self.committee_id.parent_path or "/")
            )
        )
        if below != committees or not committees:
            raise UserError(self.env._("Guidance goes to party committees below this list's committee."))
        guides = self.item_ids.filtered("active")
        # A technical key, in one statement (not a change worth an audit line per item).
        keyless = guides.filtered(lambda i: not i.guidance_key)
        if keyless:
            keyless.flush_recordset(["guidance_key"])
            self.env.cr.execute(
                "UPDATE liangze_list_item SET guidance_key = id::text WHERE id = ANY(%s)", [keyless.ids]
            )
            keyless.invalidate_recordset(["guidance_key"])
        already = self.with_context(active_test=False).derived_list_ids.committee_id
        Lists = self._guard_sudo()
        vals_list = []
        items = [item._derived_values() for item in guides]
        for committee in committees - already:
            workdays = committee.company_id._liangze_workdays()
            vals_list.append(
                {
                    "name": self.env._(
                        "%(committee)s %(year)s responsibility list", committee=committee.name, year=self.year
                    ),
                    "year": self.year,
                    "company_id": committee.company_id.id,
                    "unit_ids": [(6, 0, committee.ids)],
                    "parent_list_id": self.id,
                    "adoption_deadline": deadline,
                    "adoption_yellow_date": workdays.subtract_workdays(deadline, 5) if deadline else False,
                    "description": self.description,
                }
            )
        # One batch of lists, one of items for every committee: the same guidance items go to each.
        created = Lists.create(vals_list)
        self.env["liangze.list.item"]._guard_sudo().create(
            [dict(values, list_id=derived.id) for derived in created for values in items]
        )
        summary = self.env._("Derived from the guidance of %(superior)s.", superior=self.committee_id.name or self.name)
        self.env["liangze.list.revision"]._guard_sudo().create(
            [{"list_id": derived.id, "summary": summary, "user_id": self.env.uid} for derived in created]
        )
        body = self.env._(
            "Guidance list from %(superior)s: choose the owners of its items, add your own, publish by %(day)s.",
            superior=self.committee_id.name or self.name,
            day=deadline or "-",
        )
        admins = {}  # per company and committee head: the same keepers for many lists
        for derived in created:
            key = (derived.company_id, derived.committee_id.head_id)
            if key not in admins:
                admins[key] = derived._admins().partner_id.ids
            derived.message_post(body=body, partner_ids=admins[key])
        return created

    def _notify_revision(self, reason):
        """Log a revision of this guidance and ask the derived lists to review it."""
        self.ensure_one()
        self._check_list_admin()
        if not (reason or "").strip():
            raise UserError(self.env._("Say what changed in the guidance and why."))
        derived = self.derived_list_ids
        if not derived:
            raise UserError(self.env._("No list was derived from this one yet."))
        self._revision_log(
            self.env._("Guidance revised and sent to %(count)s derived lists", count=len(derived)), reason
        )
        for rec in derived:
            rec.message_post(
                body=self.env._(
                    "The guidance of %(superior)s was revised: %(reason)s Review the differences (Guidance Revisions).",
                    superior=self.committee_id.name or self.name,
                    reason=reason,
                ),
                partner_ids=rec._admins().partner_id.ids,
            )
        return True

    def _admins(self):
        """Who keeps the list: the committee's head and the administrators of its company."""
        self.ensure_one()
        admins = (
            self.env.ref(ADMIN).sudo().user_ids.filtered(lambda u: self.company_id in u.company_ids and not u.share)
        )
        return (admins | self.committee_id.head_id).filtered(lambda u: u.id != self.env.ref("base.user_root").id)

    def _revision_log(self, summary, reason=False, changes=False):
        self.ensure_one()
        self.env["liangze.list.revision"]._guard_sudo().create(
            {"list_id": self.id, "summary": summary, "reason": reason, "changes": changes, "user_id": self.env.uid}
        )

    def action_open_derived(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("liangze_responsibility.liangze_list_action")
        action["domain"] = [("parent_list_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    def action_open_cascade(self):
        """Each guidance item's adoption and completion, level by level."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("liangze_responsibility.liangze_guidance_cascade_action")
        action["domain"] = [("guidance_list_id", "=", self.id)]
        return action

    def action_open_revision(self):
        """The differences between the guidance and this derived list, to accept."""
        self.ensure_one()
        self._check_list_admin()
        if not self.parent_list_id:
            raise UserError(self.env._("This list was not derived from a guidance list."))
        wizard = self.env["liangze.guidance.revision"].create({"list_id": self.id})
        wizard._load_differences()
        return dict(self._liangze_wizard(wizard._name, self.env._("Guidance Revisions")), res_id=wizard.id)

    def _deadline_reminder(self, level):
        """A derived list not published by the superior's date: its keepers are told."""
        admins = self._admins()
        return {
            "activity_type": "mail.mail_activity_data_todo",
            "activity_user": admins[:1],
            "summary": self.env._("Publish the list derived from the guidance"),
            "template": "liangze_responsibility.mail_template_liangze_list_adoption_due",
            "users": admins,
        }

    @api.model
    def _deadline_reminder_domain(self):
        return [("parent_list_id", "!=", False), ("state", "=", "draft")]

    @api.model
    def _cron_generate_tasks(self):
        """Daily: create what is missing (new items, owners, units), list by list
        under a savepoint: a list whose generation fails is set aside in the job
        failures and retried the next night, the others are generated. Safe to
        re-run: generation skips every task that already exists."""
        jobs = self._bureau_context()
        return jobs.search([("state", "=", "published")])._bureau_each(
            "liangze.list generate tasks", lambda lists: lists.item_ids._sync_tasks()
        )
