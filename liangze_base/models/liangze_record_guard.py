# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..roles import ADMIN

# Proof that a write comes from a model's own action, not from a client: a
# Python object, which no RPC context (JSON) can carry. Superuser writes are
# trusted too: no client ever runs as superuser, only the product's own code.
TRUSTED = object()
TRUSTED_KEY = "liangze_record_guard_trusted"
# Bounds on what anyone types: no title of 100,000 characters, no date in 2999.
MAX_CHAR = 300
MAX_TEXT = 100_000
FIRST_DATE = date(2000, 1, 1)
# Dates of people's lives and careers (births, appointments) go back further, never ahead.
FIRST_PAST_DATE = date(1900, 1, 1)
# Fields written by Odoo's own mechanisms on any record (chatter, activities).
THREAD_FIELDS = frozenset({"message_main_attachment_id"})


class RecordGuardError(AccessError):
    """A refusal of the record guard itself: ``model`` and ``field`` name what it
    refused (``field`` is False when it refuses the record as a whole). Tests tell
    it from a refusal by access rights, record rules or bounds."""

    def __init__(self, message, model=None, field=False):
        super().__init__(message)
        self.model = model
        self.field = field
        # The web client shows it as the access error it is (its dialogs are chosen by
        # the exception's class name, or by this one when the name is unknown).
        self.context = {"exception_class": "odoo.exceptions.AccessError"}


class LiangzeRecordGuard(models.AbstractModel):
    """The record is unforgeable: one mechanism for every liangze model.

    Each model declares, in class attributes, what its own actions alone
    write; ``create`` and ``write`` refuse the rest to anyone but those
    actions, whatever the client (web client, RPC, import):

    - ``_guard_state_field`` and ``_guard_initial_states``: a record
      is created only in an initial state;
    - ``_guard_workflow_fields``: state, dates and users of submission,
      acceptance, approval, issue, receipt, verification, numbers, warnings,
      reminder flags: never given at creation, written by actions only;
    - ``_guard_provenance_fields``: ``{field: "user" | "now" | "today"}``,
      the author and their time, set at creation from the current user;
    - ``_guard_fixed_fields``: given at creation, never changed;
    - ``_guard_structural_fields``: changed only while the record is in
      an initial state;
    - ``_guard_state_fields``: ``{field: states}``, what a step of the work
      fills in, written only while the record is in one of those states (the
      plan while approved, the receipt once issued);
    - ``_guard_parent_field`` and ``_guard_parent_states``: a line (of a letter,
      a round, a request) is created, written and deleted only while its parent
      is in one of those states (``models/liangze_record_guard_parent.py``).

    A form shows what the declarations refuse as read-only
    (``models/liangze_record_guard_view.py``).

    Archiving what left its initial state is an administrator's action with a
    reason (``_guard_archive``); deleting it is refused. The generated
    attack suite (tests/addons/liangze_integration_tests) reads these same
    declarations, so a new model is attacked without new test code.
    """

    _name = "liangze.record.guard"
    _inherit = ["liangze.record.guard.view"]
    _description = "Record Guard"

    _guard_state_field = "state"
    _guard_initial_states = ("draft",)
    _guard_workflow_fields = frozenset()
    _guard_provenance_fields = {}
    _guard_fixed_fields = frozenset()
    _guard_structural_fields = frozenset()
    _guard_state_fields = {}
    # Dates that lie in the past, possibly long before the product's window (a date of birth),
    # from ``_guard_past_dates_from`` on (a sanction's: the product's window, 2000 on).
    _guard_past_dates = frozenset()
    _guard_past_dates_from = FIRST_PAST_DATE
    # A line whose editability follows its parent's state: the many2one to the parent
    # ("letter_id"), and the parent's states in which a client creates, writes and
    # deletes the line: a tuple, or ``{fields or None: states}`` when field groups
    # differ (None: creating, deleting and the fields no other key names).
    _guard_parent_field = None
    _guard_parent_states = ()
    # The fields the parent's state governs besides the keyed ones (None: every
    # field but THREAD_FIELDS; an empty set: only creating and deleting the line).
    _guard_parent_locked_fields = None

    # -- declarations, as the attack suite reads them ----------------------------
    @api.model
    def _guard_workflow(self):
        """The workflow fields: the model's ``_guard_workflow_fields`` and those
        its mixins add (a mixin overrides this method and calls ``super()``)."""
        return frozenset(self._guard_workflow_fields)

    @api.model
    def _guard_locked_fields(self):
        """Fields no client ever writes, whatever the state."""
        return set(self._guard_workflow()) | set(self._guard_provenance_fields) | self._guard_fixed_fields

    def _guard_is_initial(self):
        """Per record: still in its first state, so its structure may change."""
        self.ensure_one()
        state = self._guard_state_field
        return not state or self[state] in self._guard_initial_states

    # -- trust -------------------------------------------------------------------------
    def _guard_trusted(self):
        return self.env.su or self.env.context.get(TRUSTED_KEY) is TRUSTED

    def _guard_sudo(self):
        """The records as the product's own actions write them: superuser and
        trusted (other liangze records written along the way trust it too).
        Call it only after checking the current user may do the action. The client's
        ``default_*`` keys are dropped: what the action creates takes the values it
        writes, never a default the client slipped into the button's context."""
        context = {key: value for key, value in self.env.context.items() if not key.startswith("default_")}
        return self.sudo().with_context(context, **{TRUSTED_KEY: TRUSTED})

    def _guard_state_message(self, record, name, states):
        labels = dict(self._fields[self._guard_state_field]._description_selection(self.env))
        return self.env._(
            "%(field)s of %(record)s is written only while it is %(states)s.",
            field=self._fields[name]._description_string(self.env),
            record=record.display_name,
            states=" / ".join(labels.get(state, state) for state in states),
        )

    def _guard_refuse(self, field_name, reason=None):
        label = self._fields[field_name]._description_string(self.env) if field_name in self._fields else field_name
        raise RecordGuardError(
            reason
            or self.env._(
                "%(field)s of %(model)s is set by the product's own actions only.",
                field=label,
                model=self.env["ir.model"]._get(self._name).name,
            ),
            model=self._name,
            field=field_name,
        )

    # -- create and write ------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self._guard_trusted():
            self._guard_check_client_create(vals_list)
            provenance = self._guard_provenance_values()
            vals_list = [dict(vals, **provenance) for vals in vals_list]
        for vals in vals_list:
            self._guard_check_bounds(vals)
        return super().create(vals_list)

    @api.model
    def _guard_check_client_create(self, vals_list):
        """What Odoo's create writes for a client: the values given, and for the others
        the defaults the client injects (checked as if given)."""
        injected = self._guard_injected_defaults()
        for vals in vals_list:
            self._guard_check_create({**injected, **vals})

    def write(self, vals):
        if not self._guard_trusted():
            self._guard_check_write(vals)
        self._guard_check_bounds(vals)
        return super().write(dict(vals, **self._guard_derived_values(vals)))

    def _guard_derived_values(self, vals):
        """Workflow values that follow from an allowed change, written with it
        (e.g. a new deadline is a new threshold: the reminder flags reset)."""
        return {}

    @api.model
    def _guard_provenance_values(self):
        now = fields.Datetime.now()
        kinds = {"user": self.env.uid, "now": now, "today": self._bureau_today()}
        return {name: kinds[kind] for name, kind in self._guard_provenance_fields.items()}

    @api.model
    def _guard_check_create(self, vals):
        state = self._guard_state_field
        if state and vals.get(state) and vals[state] not in self._guard_initial_states:
            self._guard_refuse(
                state,
                self.env._(
                    "A new %(model)s starts in its first state; it moves on through its own actions only.",
                    model=self.env["ir.model"]._get(self._name).name,
                ),
            )
        for name in self._guard_workflow() - {state}:
            if vals.get(name) and vals[name] != self._guard_static_default(name):
                self._guard_refuse(name)
        for name, kind in self._guard_provenance_fields.items():
            value = vals.get(name)
            if value and not (kind == "user" and value == self.env.uid):
                self._guard_refuse(name)
        self._guard_check_relations(vals, creating=True)

    @api.model
    def _guard_injected_defaults(self):
        """The defaults Odoo's create (``_add_missing_default_values``, through
        ``default_get``, odoo/orm/models.py) takes from the client, for the fields
        the guard checks at creation: a ``default_<field>`` key of the context, then
        an ``ir.default`` (the user's, the company's or everyone's), which comes
        before the field's own default unless the field is company-dependent.
        A field's own default is the model's, and is trusted."""
        context = self.env.context
        watched = self._guard_watched_at_creation()
        injected = {}
        ir_defaults = None
        for name in sorted(watched):
            field = self._fields[name]
            if f"default_{name}" in context:
                value = context[f"default_{name}"]
            else:
                if ir_defaults is None:
                    ir_defaults = self.env["ir.default"].sudo()._get_model_defaults(self._name)
                if name not in ir_defaults or (field.company_dependent and field.default):
                    continue
                value = ir_defaults[name]
            # As default_get gives it to create.
            injected[name] = field.convert_to_write(field.convert_to_cache(value, self, validate=False), self)
        return injected

    @api.model
    def _guard_watched_at_creation(self):
        """The fields ``_guard_check_create`` looks at."""
        names = set(self._guard_workflow()) | set(self._guard_provenance_fields)
        if self._guard_state_field:
            names.add(self._guard_state_field)
        for name, field in self._fields.items():
            if field.type == "many2many" and hasattr(self.env[field.comodel_name], "_guard_locked_fields"):
                names.add(name)
        return {name for name in names if name in self._fields and not self._fields[name].inherited}

    @api.model
    def _guard_static_default(self, name):
        """The field's own default, never one a client passes in the context."""
        field = self._fields[name]
        default = field.default(self) if callable(field.default) else False
        return default.id if isinstance(default, models.BaseModel) else default

    def _guard_check_write(self, vals):
        for name in self._guard_locked_fields() & vals.keys():
            self._guard_refuse(name)
        state = self._guard_state_field
        moved = self.filtered(lambda r: not r._guard_is_initial())
        if moved:
            for name in (self._guard_structural_fields | ({state} if state else set())) & vals.keys():
                self._guard_refuse(
                    name,
                    self.env._(
                        "%(record)s has left its first state: %(field)s can no longer change.",
                        record=moved[0].display_name,
                        field=self._fields[name]._description_string(self.env),
                    ),
                )
        if state in vals:
            self._guard_refuse(state)
        for name in sorted(self._guard_state_fields.keys() & vals.keys()):
            states = self._guard_state_fields[name]
            elsewhere = self.filtered(lambda r, states=states: r[state] not in states)
            if elsewhere:
                self._guard_refuse(name, self._guard_state_message(elsewhere[0], name, states))
        active = self._active_name
        if active and active in vals and moved:
            self._guard_refuse(
                active,
                self.env._(
                    "%(record)s went out: only an administrator archives or restores it, giving the reason.",
                    record=moved[0].display_name,
                ),
            )
        self._guard_check_relations(vals)

    @api.model
    def _guard_check_relations(self, vals, creating=False):
        """A many2many written from this side writes the other side's links too:
        they obey the other model's rules (a task cannot leave an issued letter)."""
        for name in vals.keys() & self._fields.keys():
            field = self._fields[name]
            if field.type != "many2many":
                continue
            comodel = self.env[field.comodel_name]
            if not hasattr(comodel, "_guard_locked_fields"):
                continue
            for other in comodel._fields.values():
                if other.type != "many2many" or other.relation != field.relation or other.comodel_name != self._name:
                    continue
                if other.name in comodel._guard_locked_fields():
                    self._guard_refuse(name)
                if other.name in comodel._guard_structural_fields:
                    touched = comodel.browse(self._guard_command_ids(vals[name]))
                    if not creating:
                        touched |= self[name]
                    if any(not record._guard_is_initial() for record in touched.sudo()):
                        self._guard_refuse(name)

    @api.model
    def _guard_command_ids(self, commands):
        ids = set()
        for command in commands or ():
            if isinstance(command, (list, tuple)):
                if command[0] in (3, 4):
                    ids.add(command[1])
                elif command[0] == 6:
                    ids.update(command[2])
            elif isinstance(command, int):
                ids.add(command)
        return list(ids)

    @api.model
    def _guard_check_bounds(self, vals):
        """Sizes and dates within sensible windows, whoever writes."""
        last = date(self._bureau_today().year + 5, 12, 31)
        for name, value in vals.items():
            field = self._fields.get(name)
            if not field or not value:
                continue
            label = field._description_string(self.env)
            if field.type == "char" and len(value) > MAX_CHAR:
                raise ValidationError(
                    self.env._("%(field)s is limited to %(max)s characters.", field=label, max=MAX_CHAR)
                )
            if field.type in ("text", "html") and len(value) > MAX_TEXT:
                raise ValidationError(
                    self.env._("%(field)s is limited to %(max)s characters.", field=label, max=MAX_TEXT)
                )
            if field.type in ("date", "datetime"):
                day = fields.Date.to_date(value) if field.type == "date" else fields.Datetime.to_datetime(value)
                day = self._bureau_date(day)
                first, until = FIRST_DATE, last
                if name in self._guard_past_dates:
                    first, until = self._guard_past_dates_from, self._bureau_today()
                if not first <= day <= until:
                    raise ValidationError(
                        self.env._(
                            "%(field)s must lie between %(first)s and %(last)s.",
                            field=label,
                            first=first,
                            last=until,
                        )
                    )

    # -- archive and delete ------------------------------------------------------------
    def _guard_archive(self, reason, active=False):
        """Archive (or restore) what went out: an administrator's action, with
        the reason posted on each record."""
        if not self.env.user.has_group(ADMIN):
            raise AccessError(self.env._("Only an administrator archives or restores what went out."))
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for archiving or restoring."))
        self.check_access("write")
        self._guard_sudo().write({self._active_name: active})
        if hasattr(self, "message_post"):
            body = (
                self.env._("Restored by %(user)s: %(reason)s", user=self.env.user.name, reason=reason)
                if active
                else self.env._("Archived by %(user)s: %(reason)s", user=self.env.user.name, reason=reason)
            )
            for record in self:
                record.message_post(body=body)
        return True

    @api.ondelete(at_uninstall=False)
    def _guard_unlink_only_initial(self):
        moved = self.filtered(lambda r: not r._guard_is_initial())
        if moved:
            raise RecordGuardError(
                self.env._(
                    "%(record)s went out and stays on record; archive it instead.", record=moved[0].display_name
                ),
                model=self._name,
            )

    def _form_action(self, **values):
        """The window action opening this record in its form (a new one when empty);
        ``values`` add to it (name, target, context)."""
        action = {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "view_mode": "form",
            "views": [(False, "form")],
        }
        if self:
            self.ensure_one()
            action["res_id"] = self.id
        return dict(action, **values)

    # -- the audit trail --------------------------------------------------------------
    def _message_update_content(self, message, /, **kwargs):
        """Messages on liangze records are never edited nor deleted (emptied), by anyone."""
        raise UserError(
            self.env._("Messages of this record are part of its history: they cannot be edited or deleted.")
        )
