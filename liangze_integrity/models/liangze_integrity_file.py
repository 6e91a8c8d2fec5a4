# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class LiangzeIntegrityFile(models.Model):
    """The integrity file (廉政档案) of one cadre, kept by the discipline body.

    Read only by the discipline officers whose scope covers the cadre's unit and by
    the head of the discipline body, never by the cadre nor by a declared close
    relative (record rules); every read and export is logged by OCA auditlog, with
    the fields read, i.e. the sections opened. Sections: basic data and
    appointments (from the cadre), then entries per section (written by the system
    from talks, decisions, assessments, 述责述廉, or by the officers), and sanctions
    with their effect periods."""

    _name = "liangze.integrity.file"
    _description = "Integrity File"
    _inherit = [
        "liangze.record.guard",
        "liangze.logged.read.mixin",
        "liangze.confidential.thread",
        "mail.activity.mixin",
    ]
    # Reads logged, naming the cadre (liangze.logged.read.mixin).
    _confidential_cadre_field = "cadre_id"
    _order = "unit_id, name, id"
    _mail_post_access = "write"

    _guard_state_field = None
    _guard_workflow_fields = frozenset({"updated_on", "stale_reminded_on"})
    _guard_fixed_fields = frozenset({"cadre_id"})

    cadre_id = fields.Many2one("liangze.cadre", required=True, index=True, ondelete="cascade")
    name = fields.Char(related="cadre_id.name", store=True)
    unit_id = fields.Many2one(related="cadre_id.unit_id", store=True, index=True)
    company_id = fields.Many2one(related="cadre_id.company_id", store=True, index=True)
    post = fields.Char(related="cadre_id.post")
    rank = fields.Selection(related="cadre_id.rank")
    political_status = fields.Selection(related="cadre_id.political_status")
    leader_role = fields.Selection(related="cadre_id.leader_role")
    birth_date = fields.Date(related="cadre_id.birth_date", readonly=False)
    in_office_since = fields.Date(related="cadre_id.in_office_since", readonly=False)
    id_number = fields.Char(related="cadre_id.id_number", readonly=False)
    appointment_ids = fields.One2many(related="cadre_id.appointment_ids", readonly=False)
    relative_ids = fields.One2many(related="cadre_id.relative_ids", readonly=False)
    keeper_id = fields.Many2one(
        "res.users",
        string="Kept By",
        domain="[('share', '=', False)]",
        help="The discipline officer keeping the file; reminded when it is not updated for a year.",
    )
    entry_ids = fields.One2many("liangze.integrity.entry", "file_id", string="Entries")
    sanction_ids = fields.One2many("liangze.sanction", "file_id", string="Sanctions")
    updated_on = fields.Date(string="Last Updated", readonly=True, copy=False)
    stale_reminded_on = fields.Date(readonly=True, copy=False)
    active = fields.Boolean(default=True)

    _cadre_uniq = models.Constraint("UNIQUE(cadre_id)", "A cadre has one integrity file.")

    # One list per section, for the pages of the form.
    personal_matters_ids = fields.One2many(
        "liangze.integrity.entry",
        "file_id",
        domain=[("section", "=", "personal_matters")],
        string="Personal Matters Reports",
    )
    pledge_ids = fields.One2many(
        "liangze.integrity.entry", "file_id", domain=[("section", "=", "pledge")], string="Pledges"
    )
    duty_report_ids = fields.One2many(
        "liangze.integrity.entry", "file_id", domain=[("section", "=", "duty_report")], string="Duty Reports"
    )
    talk_ids = fields.One2many("liangze.integrity.entry", "file_id", domain=[("section", "=", "talk")], string="Talks")
    letter_report_ids = fields.One2many(
        "liangze.integrity.entry",
        "file_id",
        domain=[("section", "in", ("letter_report", "clue"))],
        string="Letters, Reports and Clues",
    )
    accountability_ids = fields.One2many(
        "liangze.integrity.entry",
        "file_id",
        domain=[("section", "=", "accountability")],
        string="Accountability Decisions",
    )
    assessment_ids = fields.One2many(
        "liangze.integrity.entry", "file_id", domain=[("section", "=", "assessment")], string="Assessment Results"
    )
    other_ids = fields.One2many(
        "liangze.integrity.entry", "file_id", domain=[("section", "=", "other")], string="Other Entries"
    )
    running_sanction_count = fields.Integer(string="Effect Periods Running", compute="_compute_running_sanction_count")

    def _compute_running_sanction_count(self):
        today = self._bureau_today()
        for file in self:
            file.running_sanction_count = len(file.sanction_ids.filtered(lambda s: s._runs_on(today)))

    @api.model
    def _for_cadres(self, cadres):
        """The files of these cadres, opened for those without one."""
        existing = self.sudo().with_context(active_test=False).search([("cadre_id", "in", cadres.ids)])
        missing = cadres - existing.cadre_id
        today = self._bureau_today()
        created = self._guard_sudo().create([{"cadre_id": cadre.id} for cadre in missing])
        created._guard_sudo().write({"updated_on": today})
        return existing | created

    def _touch(self):
        """The file was updated today (an entry, a sanction)."""
        files = self.sudo().filtered(lambda f: f.updated_on != self._bureau_today())
        if files:
            files._guard_sudo().write({"updated_on": self._bureau_today()})

    def write(self, vals):
        res = super().write(vals)
        if set(vals) - {"updated_on", "stale_reminded_on", "keeper_id", "active"} - {"message_main_attachment_id"}:
            self._touch()
        return res

    # -- the yearly reminder of files not updated --------------------------------------
    @api.model
    def _cron_remind_stale(self):
        """One activity per file not updated for the company's period, once per period:
        safe to run again the same day or after a crash (the flag is written in the
        same savepoint as the activity), and file by file: a file that fails is set
        aside in the job failures and reminded on the next run."""
        jobs = self._bureau_context()
        today = jobs._bureau_today()
        reminded = jobs.browse()
        for (company,) in jobs._read_group([("updated_on", "!=", False)], ["company_id"]):
            limit = today - relativedelta(months=company.liangze_file_stale_months)
            files = jobs.search(
                [
                    ("company_id", "=", company.id),
                    ("updated_on", "<", limit),
                    "|",
                    ("stale_reminded_on", "=", False),
                    ("stale_reminded_on", "<", limit),
                ]
            )
            reminded |= files._bureau_each("liangze.integrity.file stale reminder", lambda b: b._remind_stale(today))
        return reminded

    def _remind_stale(self, today):
        for file in self:
            keeper = file.keeper_id or file._body_head()
            if keeper:
                file.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=today + relativedelta(months=1),
                    summary=self.env._("Update the integrity file: not updated since %(day)s", day=file.updated_on),
                    user_id=keeper.id,
                )
        self._guard_sudo().write({"stale_reminded_on": today})

    def _body_head(self):
        """The head of the discipline body supervising the cadre's unit."""
        self.ensure_one()
        bodies = (
            self.env["liangze.unit"]
            .sudo()
            .search([("unit_type", "=", "discipline_body"), ("company_id", "=", self.company_id.id)])
        )
        for body in bodies:
            roots = body._supervision_roots()
            if roots and self.env["liangze.unit"].sudo().search_count(
                [("id", "=", self.unit_id.id), ("id", "child_of", roots.ids)]
            ):
                return body.head_id
        return bodies.head_id[:1]

    def action_new_sanction(self):
        """Record a sanction in this file (a draft, then recorded by the officer)."""
        self.ensure_one()
        return self.env["liangze.sanction"]._form_action(
            name=self.env._("Record a Sanction"), context={"default_file_id": self.id}
        )
