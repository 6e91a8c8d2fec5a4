# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

SECTIONS = [
    ("personal_matters", "Personal matters report"),
    ("pledge", "Integrity pledge"),
    ("duty_report", "Duty and integrity report"),
    ("talk", "Talk"),
    ("letter_report", "Letter or report received"),
    ("clue", "Problem clue"),
    ("accountability", "Accountability decision"),
    ("assessment", "Assessment result"),
    ("other", "Other"),
]
TALK_KINDS = [
    ("reminder", "Reminder talk"),
    ("admonishment", "Admonishment talk"),
    ("summons", "Summons talk"),
    ("integrity", "Integrity talk"),
]
CHECK_RESULTS = [
    ("consistent", "Consistent"),
    ("minor_omission", "Omission, minor"),
    ("concealed", "Concealed or false"),
    ("pending", "Being checked"),
]
# Sections the system writes from its own records (source_model/source_id set).
SYSTEM_SECTIONS = ("duty_report", "accountability", "assessment")


class LiangzeIntegrityEntry(models.Model):
    """One entry of an integrity file, in its section: a yearly personal-matters
    report and its check, a pledge, a 述责述廉 result, a talk with its minutes, a
    letter or report received or a clue and its outcome, an accountability
    decision, an assessment result, anything else. The system writes the entries
    of its own records (once per source, kept up to date); officers add the rest.
    An entry may bar promotion (the file says so: a veto of integrity opinions
    until the date given) or be an open matter (a deferral while it is open)."""

    _name = "liangze.integrity.entry"
    _description = "Integrity File Entry"
    _inherit = ["liangze.record.guard", "liangze.logged.read.mixin", "liangze.source.link.mixin"]
    # Reads logged, naming the cadre (liangze.logged.read.mixin).
    _confidential_cadre_field = "cadre_id"
    _order = "entry_date desc, id desc"

    _guard_state_field = None
    _guard_provenance_fields = {"author_id": "user"}
    _guard_fixed_fields = frozenset({"file_id", "source_model", "source_id"})

    file_id = fields.Many2one("liangze.integrity.file", required=True, index=True, ondelete="cascade")
    cadre_id = fields.Many2one(related="file_id.cadre_id", store=True, index=True)
    unit_id = fields.Many2one(related="file_id.unit_id", store=True, index=True)
    company_id = fields.Many2one(related="file_id.company_id", store=True, index=True)
    section = fields.Selection(SECTIONS, required=True, index=True)
    name = fields.Char(string="Title", required=True)
    year = fields.Integer(default=lambda self: self._bureau_today().year)
    entry_date = fields.Date(string="Date", required=True, default=lambda self: self._bureau_today())
    summary = fields.Text()
    result = fields.Char(string="Result or Outcome")
    talk_kind = fields.Selection(TALK_KINDS, string="Kind of Talk")
    minutes = fields.Html()
    check_result = fields.Selection(CHECK_RESULTS, help="Of a personal-matters report.")
    attachment = fields.Binary(attachment=True)
    attachment_name = fields.Char()
    bars_promotion = fields.Boolean(help="The file says so: integrity opinions are vetoed until the date below.")
    bars_until = fields.Date(string="Bars Promotion Until")
    open_matter = fields.Boolean(
        string="Still Open", help="A letter, report or clue not yet concluded: integrity opinions are deferred."
    )
    author_id = fields.Many2one("res.users", string="Recorded By", readonly=True)

    @api.constrains("bars_promotion", "summary", "result")
    def _check_bar_reason(self):
        for entry in self:
            if entry.bars_promotion and not ((entry.summary or "").strip() or (entry.result or "").strip()):
                raise ValidationError(self.env._("Say why the entry bars promotion."))

    @api.constrains("section", "talk_kind")
    def _check_talk_kind(self):
        for entry in self:
            if entry.section == "talk" and not entry.talk_kind:
                raise ValidationError(self.env._("Give the kind of talk."))

    @api.model_create_multi
    def create(self, vals_list):
        if not self._guard_trusted():
            for vals in vals_list:
                if vals.get("section") in SYSTEM_SECTIONS:
                    raise UserError(self.env._("This entry is written by the system from its own records."))
        entries = super().create(vals_list)
        entries.file_id._touch()
        return entries

    def write(self, vals):
        if not self._guard_trusted() and (
            vals.get("section") in SYSTEM_SECTIONS or any(e.section in SYSTEM_SECTIONS or e.source_model for e in self)
        ):
            raise UserError(self.env._("This entry is written by the system from its own records."))
        res = super().write(vals)
        self.file_id._touch()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("An integrity file keeps its entries; correct them instead."))

    @api.model
    def _record(self, cadre, section, source, **values):
        """The entry of ``source`` (a record of the system) in the file of ``cadre``:
        created once, updated when called again. Returns the entry."""
        file = self.env["liangze.integrity.file"]._for_cadres(cadre)
        Entry = self._guard_sudo()
        entry = Entry.search(
            [
                ("file_id", "=", file.id),
                ("section", "=", section),
                ("source_model", "=", source._name),
                ("source_id", "=", source.id),
            ],
            limit=1,
        )
        if entry:
            entry.write(values)
            return entry
        return Entry.create(
            dict(values, file_id=file.id, section=section, source_model=source._name, source_id=source.id)
        )
