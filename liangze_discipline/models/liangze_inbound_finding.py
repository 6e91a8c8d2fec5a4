# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import binascii
import mimetypes
from datetime import date

from markupsafe import escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.mimetypes import guess_mimetype

from odoo.addons.liangze_base.roles import INBOUND

TARGETS = [("clue", "Problem clue"), ("rectification", "Rectification finding")]
PUSH_KEYS = frozenset(
    {"source_system", "reference", "target", "summary", "title", "unit", "persons", "attachments", "due_date"}
)
# The source the pushed record takes, when the model knows it (else the nearest one it has).
CLUE_SOURCES = ("external_system", "transferred")
RECTIFICATION_SOURCES = ("other_system", "assigned")


class LiangzeInboundFinding(models.Model):
    """A finding pushed by another system (the internal-control platform, the
    law-enforcement responsibility system…) through Odoo's external API, as a problem
    clue of the discipline body or as an external finding for rectification.

    Only a system user of the inbound interface pushes (``push``): one finding per
    source system and reference (a second push of the same returns the first and
    changes nothing), the persons matched to cadres by ID number or name, the unit by
    its code, the discipline body the one supervising the unit; bad input is refused
    with a message saying what is wrong. The system user reads its own pushes and
    nothing else; the head of the body and case management read the body's."""

    _name = "liangze.inbound.finding"
    _description = "Finding Pushed by Another System"
    _inherit = ["liangze.discipline.mixin"]
    _order = "id desc"
    _rec_names_search = ["name", "source_system", "reference"]
    _mail_post_access = "write"

    _guard_state_field = None
    _guard_workflow_fields = frozenset({"officer_ids", "clue_id", "rectification_id"})
    _guard_provenance_fields = {"pushed_by_id": "user", "pushed_on": "now"}
    _guard_fixed_fields = frozenset(
        {
            "source_system",
            "reference",
            "target",
            "summary",
            "unit_id",
            "due_date",
            "company_id",
            "body_unit_id",
            "concerned_cadre_ids",
            "attachment_ids",
        }
    )

    name = fields.Char(compute="_compute_name", store=True)
    source_system = fields.Char(required=True, index=True, help="The system that found it, as it names itself.")
    reference = fields.Char(required=True, index=True, help="The finding's own number in that system.")
    target = fields.Selection(TARGETS, string="Pushed As", required=True)
    summary = fields.Text(required=True)
    unit_id = fields.Many2one("liangze.unit", required=True, index=True, ondelete="cascade")
    due_date = fields.Date(string="Rectify By")
    attachment_ids = fields.Many2many(
        "ir.attachment", "liangze_inbound_finding_attachment_rel", "finding_id", "attachment_id", string="Material"
    )
    clue_id = fields.Many2one("liangze.clue", string="Problem Clue", readonly=True, index=True)
    rectification_id = fields.Many2one("liangze.rectification", readonly=True, index=True)
    pushed_by_id = fields.Many2one("res.users", readonly=True, index=True)
    pushed_on = fields.Datetime(readonly=True)

    _source_reference_uniq = models.Constraint(
        "UNIQUE(source_system, reference)", "This system already pushed a finding with this reference."
    )

    @api.depends("source_system", "reference")
    def _compute_name(self):
        for finding in self:
            finding.name = f"{finding.source_system or ''} {finding.reference or ''}".strip()

    @api.model_create_multi
    def create(self, vals_list):
        if not self._guard_trusted():
            raise AccessError(self.env._("Findings of other systems come in through push only, which checks them."))
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("A finding pushed by another system stays on record."))

    # -- the interface ---------------------------------------------------------------------
    @api.model
    def push(self, values):
        """Push a finding of another system; returns the id of its record here.

        ``values``: ``source_system`` and ``reference`` (together unique), ``target``
        ("clue" or "rectification"), ``summary``, ``unit`` (the unit's code), ``persons``
        (a list of names, or of ``{"name", "id_number"}``), ``attachments`` (a list of
        ``{"name", "datas"}``, the content in base64), optionally ``title`` and, for a
        rectification, ``due_date`` (YYYY-MM-DD). Pushing the same source system and
        reference again returns the same id and changes nothing."""
        self._check_inbound()
        values = self._push_check_keys(values)
        source_system = self._push_text(
            values, "source_system", self.env._("The source system of the finding is missing.")
        )
        reference = self._push_text(values, "reference", self.env._("The reference of the finding is missing."))
        existing = self.sudo().search([("source_system", "=", source_system), ("reference", "=", reference)], limit=1)
        if existing:
            return existing.id
        target = values.get("target")
        if target not in dict(TARGETS):
            raise ValidationError(self.env._("The target of the finding is either 'clue' or 'rectification'."))
        summary = self._push_text(values, "summary", self.env._("The summary of the finding is missing."))
        unit = self._push_unit(values.get("unit"))
        persons = self._push_persons(values.get("persons"), unit)
        if target == "clue" and not persons:
            raise ValidationError(self.env._("Name the persons a problem clue is about."))
        body = self._push_body(unit)
        due_date = self._push_due_date(values.get("due_date"), unit) if target == "rectification" else False
        files = self._push_files(values.get("attachments"), unit.company_id)
        title = (values.get("title") or "").strip() if isinstance(values.get("title"), str) else ""
        finding = self._guard_sudo().create(
            {
                "source_system": source_system,
                "reference": reference,
                "target": target,
                "summary": summary,
                "unit_id": unit.id,
                "company_id": body.company_id.id,
                "body_unit_id": body.id,
                "concerned_cadre_ids": [(6, 0, persons.ids)],
                "due_date": due_date,
                "pushed_by_id": self.env.uid,
                "pushed_on": fields.Datetime.now(),
            }
        )
        record = finding._create_clue() if target == "clue" else finding._create_rectification(title)
        attachments = (
            self.env["ir.attachment"]
            .sudo()
            .create([dict(file, res_model=record._name, res_id=record.id) for file in files])
        )
        finding._guard_sudo().write({"attachment_ids": [(6, 0, attachments.ids)]})
        finding.message_post(
            body=self.env._("Pushed by %(user)s as %(record)s.", user=self.env.user.name, record=record.display_name)
        )
        return finding.id

    @api.model
    def _check_inbound(self):
        if not self.env.user.has_group(INBOUND):
            raise AccessError(self.env._("Only the system users of the inbound interface push findings."))
        self.check_access("create")

    # -- checking what came in ---------------------------------------------------------------
    @api.model
    def _push_check_keys(self, values):
        if not isinstance(values, dict):
            raise ValidationError(self.env._("The finding is given as a set of named values."))
        unknown = set(values) - PUSH_KEYS
        if unknown:
            raise ValidationError(
                self.env._("Unknown values in the finding: %(names)s.", names=", ".join(sorted(map(str, unknown))))
            )
        return values

    @api.model
    def _push_text(self, values, key, message):
        value = values.get(key)
        value = value.strip() if isinstance(value, str) else ""
        if not value:
            raise ValidationError(message)
        self._guard_check_bounds({key: value})
        return value

    @api.model
    def _push_companies(self):
        return self.env.user.company_ids

    @api.model
    def _push_unit(self, code):
        code = code.strip() if isinstance(code, str) else ""
        if not code:
            raise ValidationError(self.env._("The unit of the finding is missing: give its code."))
        units = (
            self.env["liangze.unit"]
            .sudo()
            .search([("code", "=", code), ("company_id", "in", self._push_companies().ids)])
        )
        if not units:
            raise ValidationError(self.env._("No unit has the code %(code)s.", code=code))
        if len(units) > 1:
            raise ValidationError(self.env._("Several units have the code %(code)s.", code=code))
        return units

    @api.model
    def _push_persons(self, persons, unit):
        """The cadres named: by ID number when given, else by name (one only)."""
        Cadre = self.env["liangze.cadre"].sudo()
        found = Cadre.browse()
        if persons in (None, False):
            return found
        if not isinstance(persons, list):
            raise ValidationError(self.env._("The persons of the finding are given as a list."))
        companies = self._push_companies()
        for person in persons:
            if isinstance(person, str):
                person = {"name": person}
            if not isinstance(person, dict) or set(person) - {"name", "id_number"}:
                raise ValidationError(self.env._("Each person of the finding is a name, or a name and an ID number."))
            name = person.get("name").strip() if isinstance(person.get("name"), str) else ""
            number = person.get("id_number").strip() if isinstance(person.get("id_number"), str) else ""
            if not (name or number):
                raise ValidationError(self.env._("A person of the finding has neither a name nor an ID number."))
            domain = [("company_id", "in", companies.ids)]
            domain += [("id_number", "=", number)] if number else [("name", "=", name)]
            cadres = Cadre.search(domain)
            if not cadres:
                raise ValidationError(self.env._("No cadre matches %(person)s.", person=number or name))
            if len(cadres) > 1:
                raise ValidationError(
                    self.env._("Several cadres match %(person)s: give the ID number.", person=number or name)
                )
            found |= cadres
        return found

    @api.model
    def _push_body(self, unit):
        """The discipline body supervising ``unit``: the nearest one above it."""
        best, depth = None, -1
        bodies = self.env["liangze.unit"].sudo().search([("unit_type", "=", "discipline_body")])
        for body in bodies:
            root = body._supervision_roots()
            if root.parent_path and unit.parent_path.startswith(root.parent_path):
                if root.parent_path.count("/") > depth:
                    best, depth = body, root.parent_path.count("/")
        if not best:
            raise ValidationError(self.env._("No discipline body supervises %(unit)s.", unit=unit.name))
        return best

    @api.model
    def _push_due_date(self, value, unit):
        company = unit.company_id
        today = self._bureau_today()
        if not value:
            return company._liangze_workdays().add_workdays(today, company.liangze_inbound_rectification_workdays)
        try:
            day = date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            day = None
        if not day or day <= today:
            raise ValidationError(
                self.env._("The due date %(date)s is not a date after today (YYYY-MM-DD).", date=value)
            )
        self._guard_check_bounds({"due_date": day})
        return day

    @api.model
    def _push_files(self, attachments, company):
        """{name, datas} of each attachment, refused when unreadable, empty, too large or of a type not accepted."""
        if attachments in (None, False):
            return []
        if not isinstance(attachments, list):
            raise ValidationError(self.env._("The attachments of the finding are given as a list."))
        files = []
        accepted = company._liangze_evidence_extensions()
        limit = company.liangze_evidence_max_mb
        for attachment in attachments:
            if not isinstance(attachment, dict) or set(attachment) - {"name", "datas"}:
                raise ValidationError(self.env._("Each attachment of the finding has a name and its datas."))
            name = attachment.get("name").strip() if isinstance(attachment.get("name"), str) else ""
            if not name:
                raise ValidationError(self.env._("An attachment of the finding has no name."))
            try:
                content = base64.b64decode(attachment.get("datas") or "", validate=True)
            except (binascii.Error, ValueError, TypeError):
                content = None
            if not content:
                raise ValidationError(self.env._("Attachment %(name)s is empty or not in base64.", name=name))
            if len(content) > limit * 1024 * 1024:
                raise ValidationError(
                    self.env._("Attachment %(name)s is larger than %(limit)s MB.", name=name, limit=limit)
                )
            extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
            if not extension:
                guessed = mimetypes.guess_extension(guess_mimetype(content)) or ""
                extension = guessed.lstrip(".")
            if extension not in accepted:
                raise ValidationError(
                    self.env._(
                        "Attachment %(name)s: files of type %(type)s are not accepted; accepted: %(accepted)s.",
                        name=name,
                        type=extension or "-",
                        accepted=", ".join(sorted(accepted)),
                    )
                )
            files.append({"name": name[:300], "datas": base64.b64encode(content)})
        return files

    # -- what it becomes ---------------------------------------------------------------------
    def _target_source(self, model, choices):
        values = dict(self.env[model]._fields["source"]._description_selection(self.env))
        return next(choice for choice in choices if choice in values)

    def _create_clue(self):
        """A problem clue of the body's register, for case management to take up."""
        self.ensure_one()
        Clue = self.env["liangze.clue"]._guard_sudo()
        values = {
            "body_unit_id": self.body_unit_id.id,
            "company_id": self.company_id.id,
            "source": self._target_source("liangze.clue", CLUE_SOURCES),
            "concerned_cadre_ids": [(6, 0, self.concerned_cadre_ids.ids)],
            "unit_id": self.unit_id.id,
            "summary": self.summary,
            "received_on": self._bureau_today(),
        }
        if "source_model" in Clue._fields:
            values.update(source_model=self._name, source_id=self.id)
        clue = Clue.create(values)
        self._guard_sudo().write({"clue_id": clue.id})
        clue.message_post(
            body=self.env._(
                "Pushed by %(system)s, reference %(reference)s.", system=self.source_system, reference=self.reference
            )
        )
        return clue

    def _create_rectification(self, title):
        """A draft external finding of the supervising body to the unit, for its head to issue."""
        self.ensure_one()
        head = self.body_unit_id.head_id
        rectification = (
            self.env["liangze.rectification"]
            ._guard_sudo()
            .create(
                {
                    "name": (title or self.summary.splitlines()[0])[:120],
                    "source": self._target_source("liangze.rectification", RECTIFICATION_SOURCES),
                    "unit_id": self.unit_id.id,
                    "issuer_unit_id": self.body_unit_id.id,
                    "company_id": self.unit_id.company_id.id,
                    "author_id": head.id,
                    "external_reference": self.reference,
                    "external_body": self.source_system,
                    "background": escape(self.summary),
                    "problem_ids": [(0, 0, {"description": self.summary, "due_date": self.due_date})],
                }
            )
        )
        self._guard_sudo().write({"rectification_id": rectification.id})
        rectification.message_post(
            body=self.env._(
                "Pushed by %(system)s, reference %(reference)s.", system=self.source_system, reference=self.reference
            )
        )
        if head:
            rectification.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Check the finding pushed by %(system)s and issue it", system=self.source_system),
                user_id=head.id,
            )
        return rectification

    def action_open_target(self):
        self.ensure_one()
        record = self.clue_id or self.rectification_id
        return record._form_action() if record else False
