# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The generated attack suite: every liangze model, every role, every field
the record guard protects.

Nothing here names a model or a field: the models are discovered in the
registry and their protected fields and states read from the declarations of
``liangze.record.guard`` (``_guard_*``), so a model of a later issue is
attacked as soon as it exists. Each attempt runs as a demo user (one per
role) or a fresh test user per role, inside a savepoint that is always rolled
back, and must be refused and leave the record as it was.

A refusal counts only when it is the guard's own (``RecordGuardError`` naming the
attacked field): a refusal by an access right, a record rule or a bound for
another reason does not prove the guard. Each attack has its positive control:
the same user writes an ordinary field of the record (or creates it, copies it,
without the forged value). When the control is refused too, the user cannot
touch the record at all and the attack is attributed to access rules; when it
passes, the attack must be refused by the guard. The counts are logged at the end
of the class ("guard" and "access" refusals per test).
"""

import base64
import logging
from collections import Counter
from contextlib import contextmanager, suppress
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.models import BaseModel
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from odoo.addons.liangze_base.models.liangze_record_guard import RecordGuardError
from odoo.addons.liangze_base.tests.common import bureau_user

_logger = logging.getLogger(__name__)

REFUSED = (AccessError, UserError, ValidationError)
DEMO_LOGINS = (
    "liming",
    "wangfang",
    "zhangwei",
    "sunli",
    "zhaomin",
    "chengang",
    "liuyang",
    "zhoujing",
    "qianfang",
    "sunhao",
    "lina",
    "internal_control",
)
ROLE_GROUPS = (
    "liangze_base.group_liangze_user",
    "liangze_base.group_liangze_unit_head",
    "liangze_base.group_liangze_leader",
    "liangze_base.group_liangze_admin",
    "liangze_base.group_liangze_supervisor",
    "liangze_base.group_liangze_supervision_head",
    "liangze_integrity.group_liangze_organisation",
    "liangze_discipline.group_liangze_intake",
    "liangze_discipline.group_liangze_case_officer",
    "liangze_discipline.group_liangze_case_management",
    "liangze_discipline.group_liangze_inbound",
)
# Fields Odoo itself maintains on any record; nobody forges them through a write.
MAGIC_FIELDS = {"id", "create_uid", "create_date", "write_uid", "write_date", "display_name", "active", "sequence"}
# How the attacks were refused, as the end of the class counts them.
KINDS = {
    "guard": "refused by the record guard, naming the field",
    "access": "refused by access rights, record rules or the model's own checks (the positive control too)",
}
# Types of the ordinary field a positive control writes back (its own value).
CONTROL_TYPES = ("char", "text", "html", "integer", "float", "monetary", "boolean", "date", "selection")
SKIPPED_TYPES = ("one2many", "json", "properties", "properties_definition", "reference", "many2one_reference")


# Refusals to read a review: liangze's (English or Chinese), or Odoo's access rights or
# record rules, naming the model (in either language's parentheses).
REVIEW_READ_REFUSED = r"reviews of a document you cannot read|其审批记录也不能查看|[(（]tier\.review[)）]"

# liangze_base's records written by the product's jobs as superuser only: no group
# may create, write or delete them (the record guard lives above liangze_base for now).
WRITTEN_BY_THE_SYSTEM_ONLY = {"liangze.job.failure"}


class Forged(Exception):
    """Raised inside the savepoint when an attempt went through, to roll it back."""


class ReachedDatabase(Exception):
    """A create reached the INSERT: the mechanism did not refuse it."""


@tagged("post_install", "-at_install", "liangze_demo")
class TestIntegrityAttacks(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env.ref("liangze_responsibility.res_users_demo_liming", raise_if_not_found=False):
            cls.skipClass = True
            return
        users = cls.env["res.users"].search([("login", "in", DEMO_LOGINS)])
        units = cls.env["liangze.unit"].search([])
        companies = cls.env["res.company"].search([])
        for group in ROLE_GROUPS:
            user = bureau_user(
                cls.env,
                login=f"lz_attacker_{group.split('.')[1]}",
                groups=group,
                company_id=companies[0].id,
                company_ids=[(6, 0, companies.ids)],
            )
            # In a unit, so that the role's record rules give it something to aim at.
            units.filtered(lambda u: u.unit_type == "department")[:1].member_ids = [(4, user.id)]
            users |= user
        cls.attackers = users
        cls.models = [
            name
            for name in sorted(cls.env.registry)
            if name.startswith("liangze.") and not cls.env[name]._abstract and not cls.env[name]._transient
        ]
        # (test, "guard" | "access") -> attacks refused by the guard itself, or by access rules.
        cls.counts = Counter()

    @classmethod
    def tearDownClass(cls):
        for (test, kind), count in sorted(getattr(cls, "counts", Counter()).items()):
            _logger.info("attack suite: %s: %s attacks %s", test, count, KINDS.get(kind, kind))
        super().tearDownClass()

    def setUp(self):
        super().setUp()
        if getattr(self, "skipClass", False):
            self.skipTest("demo data not loaded")

    # -- helpers ------------------------------------------------------------------------
    @contextmanager
    def _rolled_back(self):
        """Run the attempt in a savepoint that never stays: yields, then says whether it went through."""
        outcome = {"forged": False, "error": None}
        try:
            with self.env.cr.savepoint():
                yield outcome
                self.env.flush_all()
                raise Forged
        except Forged:
            outcome["forged"] = True
        except REFUSED as error:
            outcome["error"] = error
        finally:
            self.env.invalidate_all()

    def _attempt(self, label, user, record, function, watched=(), guarded=None, control=None):
        """``function(record as user)`` must be refused and change nothing of ``watched``.

        ``guarded``: the (model, field) pairs the guard names when it refuses this
        attack (``field`` False: the record as a whole); then only its refusal counts,
        unless ``control`` (the positive control's outcome: True when the user can
        write the record) is False: the user cannot touch the record at all, and
        the attack is attributed to access rules."""
        before = record.sudo().read(list(watched)) if watched and record else None
        with self._rolled_back() as outcome:
            function(record.with_user(user))
        after = record.sudo().read(list(watched)) if watched and record else None
        with self.subTest(attempt=label, user=user.login):
            self.assertFalse(outcome["forged"], f"{user.login} got through: {label}")
            self.assertEqual(before, after, f"{label} changed the record")
            if guarded is not None:
                self._count_refusal(label, user, outcome["error"], guarded, control)

    def _count_refusal(self, label, user, error, guarded, control):
        """A refusal counts for the guard when it is the guard's naming the attacked
        field, and the positive control showed the user could otherwise write."""
        test = self._testMethodName
        if control is False:
            self.counts[test, "access"] += 1
            return
        self.assertIsInstance(
            error,
            RecordGuardError,
            f"{user.login}: {label} was refused, not by the record guard: {type(error).__name__}: {error}",
        )
        self.assertIn(
            (error.model, error.field),
            set(guarded),
            f"{user.login}: {label}: the guard refused {error.model}.{error.field}, not the field attacked",
        )
        self.counts[test, "guard"] += 1

    def _control_field(self, Model):
        """An ordinary field of the model (no declaration protects it, stored, not
        computed): the positive control writes its own value back."""
        locked, structural, _state = self._declared(Model)
        fixed = set(getattr(Model, "_guard_fixed_fields", ()))
        # What a step fills in is protected too, in the other states.
        fixed |= set(getattr(Model, "_guard_state_fields", None) or {})
        for name, field in sorted(Model._fields.items()):
            if (
                field.type in CONTROL_TYPES
                and field.store
                and not field.compute
                and not field.related
                and not field.inherited
                and name not in MAGIC_FIELDS | locked | structural | fixed
                and name != Model._active_name
            ):
                return name
        return None

    def _field_writable(self, record, name, user):
        """The field's groups let the user write it (else the field is out of reach: access)."""
        return record.with_user(user)._has_field_access(record._fields[name], "write")

    def _can_link(self, record, target, field, label, user):
        """The positive control of a link: the user writes both records and the field
        (and, where unlinking a line deletes it, may delete lines)."""
        if not (
            self._can_write(record, user)
            and self._field_writable(record, field.name, user)
            and target.sudo().with_user(user)._filtered_access("read")
            and self._can_write(target.sudo(), user)
        ):
            return False
        if field.type == "one2many" and label.startswith("unlink"):
            inverse = target._fields[field.inverse_name]
            if inverse.required or inverse.ondelete == "cascade":
                return target.with_user(user).has_access("unlink")
        return True

    def _can_write(self, record, user, attacked=None):
        """The positive control of a write: the user writes an ordinary field of the
        record (its own value back). A record without such a field: the attacked
        field written back with its own value, which only the guard may refuse (a
        refusal before it does not depend on the value: the record is out of the
        user's reach); without an attacked field, the access rights and record rules.
        Rolled back."""
        name = self._control_field(record)
        key = (record._name, record.id, user.id, None if name else attacked)
        cache = self.__dict__.setdefault("_controls", {})
        if key not in cache:
            mine = record.with_user(user)
            if name or attacked:
                name = name or attacked
                value = record._fields[name].convert_to_write(record.sudo()[name], record)
                with self._rolled_back() as outcome:
                    mine.write({name: value})
                error = outcome["error"]
                cache[key] = outcome["forged"] or (
                    isinstance(error, RecordGuardError) and (error.model, error.field) == (record._name, name)
                )
            else:
                cache[key] = mine.has_access("write")
        return cache[key]

    def _samples(self, model):
        """Records of each state (or two records), as superuser."""
        Model = self.env[model].sudo().with_context(active_test=False)
        state = Model._guard_state_field if hasattr(Model, "_guard_state_field") else None
        if state and state in Model._fields:
            samples = Model.browse()
            for value, _label in Model._fields[state]._description_selection(self.env):
                samples |= Model.search([(state, "=", value)], limit=1)
            return samples
        return Model.search([], limit=2)

    def _other_value(self, record, name):
        """A plausible value different from the record's, for the field's type."""
        field = record._fields[name]
        current = record[name]
        kind = field.type
        if kind in ("char", "text", "html"):
            return "forged"
        if kind == "boolean":
            return not current
        if kind in ("integer", "float", "monetary"):
            return (current or 0) + 7
        if kind == "date":
            return (current or fields.Date.today()) + timedelta(days=1)
        if kind == "datetime":
            return (current or fields.Datetime.now()) + timedelta(days=1)
        if kind == "selection":
            values = [v for v, _l in field._description_selection(self.env) if v != current]
            return values[0] if values else None
        if kind == "many2one":
            other = self.env[field.comodel_name].sudo().search([("id", "!=", current.id)], limit=1)
            return other.id or False
        if kind == "many2many":
            other = self.env[field.comodel_name].sudo().search([("id", "not in", current.ids)], limit=1)
            return [(6, 0, other.ids)]
        if kind in ("binary", "image"):
            return base64.b64encode(b"forged")
        return None

    def _declared(self, Model, creating=False):
        """(locked, structural, state field) as the model declares them; at
        creation, the fixed fields are given freely and are not locked."""
        workflow = getattr(Model, "_guard_workflow", None)
        locked = set(workflow() if workflow else ())
        locked |= set(getattr(Model, "_guard_provenance_fields", {}))
        if not creating:
            locked |= set(getattr(Model, "_guard_fixed_fields", ()))
        structural = set(getattr(Model, "_guard_structural_fields", ()))
        state = getattr(Model, "_guard_state_field", None)
        if state:
            locked.add(state)
        return locked & Model._fields.keys(), structural & Model._fields.keys(), state

    def _is_initial(self, record):
        record = record.sudo()
        if hasattr(record, "_guard_is_initial"):
            return record._guard_is_initial()
        state = getattr(record, "_guard_state_field", None)
        return not state or record[state] in getattr(record, "_guard_initial_states", ())

    # -- the suite ------------------------------------------------------------------------
    def test_every_liangze_model_has_the_mechanism(self):
        """A model without the record guard is named here (and attacked below)."""
        mixin = type(self.env["liangze.record.guard"])
        for model in self.models:
            with self.subTest(model=model):
                if model in WRITTEN_BY_THE_SYSTEM_ONLY:
                    # Nobody writes it but the system: no access rule grants create, write or delete.
                    access = self.env["ir.model.access"].sudo().search([("model_id.model", "=", model)])
                    self.assertTrue(access, f"{model} has no access rule")
                    self.assertFalse(
                        access.filtered(lambda a: a.perm_create or a.perm_write or a.perm_unlink),
                        f"{model} is written by the system only",
                    )
                    continue
                self.assertIn(mixin, type(self.env[model]).__mro__, f"{model} does not use the record guard")

    def test_every_model_with_a_workflow_has_records_to_attack(self):
        for model in self.models:
            Model = self.env[model]
            _locked, _structural, state = self._declared(Model)
            if state:
                with self.subTest(model=model):
                    self.assertTrue(self._samples(model), f"no record of {model} to attack in the demo")

    def test_write_protected_fields(self):
        """Workflow, provenance and fixed fields: refused to every role, in every state;
        structural fields: refused once the record left its first state."""
        for model in self.models:
            Model = self.env[model]
            locked, structural, _state = self._declared(Model)
            for record in self._samples(model):
                targets = set(locked) | (set(structural) if not self._is_initial(record) else set())
                for name in sorted(targets):
                    self._attack_write(record, name, f"{model}({record.id}).write({name})")

    def _attack_write(self, record, name, label, rights_first=False):
        """Every attacker writes another value into ``name`` of ``record``: the guard's
        refusal naming the field (or access, by the positive control; ``rights_first``:
        the control asks the user's rights and rules on the record too, for lines whose
        every field the guard may lock). Returns whether the field could be attacked at
        all (a type and a value to forge)."""
        if record._fields[name].type in SKIPPED_TYPES:
            return False
        value = self._other_value(record.sudo(), name)
        if value is None:
            return False
        for user in self.attackers:
            self._attempt(
                label,
                user,
                record,
                lambda rec, n=name, v=value: rec.write({n: v}),
                watched=[name],
                guarded=[(record._name, name)],
                control=(not rights_first or record.with_user(user).has_access("write"))
                and self._can_write(record, user, name)
                and self._field_writable(record, name, user),
            )
        return True

    def test_write_a_step_outside_its_states(self):
        """What a step of the work fills in (``_guard_state_fields``: the plan, the
        receipt, the review): refused to every role in every other state."""
        unreached = []
        for model in self.models:
            Model = self.env[model]
            declared = getattr(Model, "_guard_state_fields", None) or {}
            state = getattr(Model, "_guard_state_field", None)
            if not declared or not state:
                continue
            attacked = 0
            for record in self._samples(model):
                for name, states in sorted(declared.items()):
                    if record.sudo()[state] not in states:
                        label = f"{model}({record.id}, {record.sudo()[state]}).write({name})"
                        attacked += self._attack_write(record, name, label)
            if not attacked:
                unreached.append(model)
        self.assertFalse(unreached, f"no record outside the states of their steps to attack: {unreached}")

    def test_write_a_line_outside_its_parents_states(self):
        """A line whose editability follows its parent (``_guard_parent_field``,
        ``_guard_parent_states``): each field the parent's state governs, refused to
        every role while the parent is in another state."""
        unreached = []
        for model in self.models:
            Model = self.env[model]
            parent_field = getattr(Model, "_guard_parent_field", None)
            if not parent_field:
                continue
            line_states, rules = Model._guard_parent_rules()
            parent_state = Model._guard_parent_state_field()
            lines = Model.sudo().with_context(active_test=False).search([])
            attacked = self._attack_lines_added_or_deleted(Model, lines, line_states, parent_state)
            for name, states in sorted(rules.items()):
                field = Model._fields.get(name)
                if not field or not field.store or field.compute or field.related or name in MAGIC_FIELDS:
                    continue
                outside = lines.filtered(lambda line, s=states, p=parent_field, ps=parent_state: line[p][ps] not in s)
                for record in outside[:2]:
                    state = record[parent_field][parent_state]
                    label = f"{model}({record.id}, its {parent_field} {state}).write({name})"
                    attacked += self._attack_write(record, name, label, rights_first=True)
            if not attacked:
                unreached.append(model)
        self.assertFalse(unreached, f"no line whose parent is outside its states to attack: {unreached}")

    def _attack_lines_added_or_deleted(self, Model, lines, line_states, parent_state):
        """A line added to, or deleted from, a parent outside the states of its lines:
        refused by the guard naming the parent field (or, deleting a line that went
        out, the record as a whole). Returns how many lines were attacked."""
        if line_states is None:
            return 0
        parent_field = Model._guard_parent_field
        outside = lines.filtered(lambda line: line[parent_field][parent_state] not in line_states)[:2]
        locked = Model._guard_locked_fields() | {Model._guard_state_field, parent_field}
        for record in outside:
            values = {k: v for k, v in record.copy_data()[0].items() if k not in locked}
            values[parent_field] = record[parent_field].id
            label = f"{Model._name}: a line added to {parent_field} {record[parent_field][parent_state]}"
            deleted = f"{Model._name}({record.id}, its {parent_field} {record[parent_field][parent_state]}).unlink()"
            for user in self.attackers:
                control = Model.with_user(user).has_access("create")
                self._attempt(
                    label,
                    user,
                    Model,
                    lambda M, v=values: M.create(v),
                    guarded=[(Model._name, parent_field)],
                    control=control,
                )
                self._attempt(
                    deleted,
                    user,
                    record,
                    lambda rec: rec.unlink(),
                    guarded=[(Model._name, parent_field), (Model._name, False)],
                    control=record.with_user(user).has_access("unlink"),
                )
        return len(outside)

    def _forgeries(self, Model, record, all_states=True):
        """(label, {field: value}) a create must refuse: each state but the first ones
        (or only one of them), each workflow or provenance value."""
        locked, _structural, state = self._declared(Model, creating=True)
        forgeries = []
        if state:
            initial = getattr(Model, "_guard_initial_states", ())
            for value, _label in Model._fields[state]._description_selection(self.env):
                if value not in initial:
                    forgeries.append((f"{state}={value}", {state: value}))
                    if not all_states:
                        break
        for name in sorted(locked - {state}):
            if Model._fields[name].type in SKIPPED_TYPES:
                continue
            value = self._other_value(record.sudo(), name)
            if value is not None and value is not False:
                forgeries.append((name, {name: value}))
        return forgeries

    def _creation_template(self, Model, record):
        """The record's values as a copy gives them, less what the guard protects at
        creation (and links to guarded records): what a user fills in himself."""
        locked, _structural, _state = self._declared(Model, creating=True)
        template = record.sudo().copy_data()[0]
        return {
            name: value
            for name, value in template.items()
            if name not in locked
            and not (Model._fields[name].type == "many2many" and self._guarded(Model._fields[name].comodel_name))
        }

    def _guarded(self, model):
        return hasattr(self.env[model], "_guard_locked_fields")

    def test_create_beyond_the_first_state(self):
        """create: only the initial state, no workflow value, no one else's authorship."""
        for model in self.models:
            Model = self.env[model]
            template_record = self._samples(model)[:1]
            if not template_record:
                continue
            template = self._creation_template(Model, template_record)
            forgeries = self._forgeries(Model, template_record)
            for user in self.attackers:
                control = self._can_create(model, user, lambda M, t=template: M.create(t))
                for label, forged in forgeries:
                    self._attempt_create(
                        model,
                        user,
                        lambda M, f=forged, t=template: M.create(dict(t, **f)),
                        f"{model}.create({label})",
                        guarded=[(model, name) for name in forged],
                        control=control,
                    )

    def test_create_through_every_channel(self):
        """The values a create writes come from other channels than its values too:
        defaults in the context (``default_<field>``), a copy's defaults, an import,
        name_create. Each refused by the guard as the create itself (one user per role)."""
        role_users = self.attackers.filtered(lambda u: u.login.startswith("lz_attacker_"))
        for model in self.models:
            Model = self.env[model]
            sample = self._samples(model)[:1]
            if not sample:
                continue
            template = self._creation_template(Model, sample)
            forgeries = self._forgeries(Model, sample, all_states=False)
            channels = self._create_channels(Model, sample, template)
            for channel, make, importable in channels:
                for user in role_users:
                    control = self._can_create(model, user, lambda M, mk=make: mk(M, {}))
                    if control is None:
                        self.counts[self._testMethodName, f"skipped: no {channel} (the model does not support it)"] += 1
                        continue
                    for label, forged in forgeries:
                        if not importable(forged):
                            continue
                        self._attempt_create(
                            model,
                            user,
                            lambda M, mk=make, f=forged: mk(M, f),
                            f"{model}.create({label}) through {channel}",
                            guarded=[(model, name) for name in forged],
                            control=control,
                        )

    def _create_channels(self, Model, sample, template):
        """(channel, make(Model as user, forged values), whether a forgery goes
        through it): each creates the record, with the forged values or (given
        none) without, as the positive control."""
        locked, _structural, state = self._declared(Model, creating=True)
        initial = getattr(Model, "_guard_initial_states", ())
        # What a copy carries of the protected fields, set back to nothing (the first state).
        cleared = {
            name: (initial[0] if name == state and initial else False)
            for name in locked
            if Model._fields[name].copy and Model._fields[name].type not in SKIPPED_TYPES
        }

        def by_context(M, forged):
            values = {name: value for name, value in template.items() if name not in forged}
            return M.with_context(**{f"default_{name}": value for name, value in forged.items()}).create(values)

        def by_copy(M, forged):
            return sample.with_env(M.env).copy(default=dict(cleared, **forged))

        def by_import(M, forged):
            # The control imports the first state alone.
            return self._load(M, forged or {state: initial[0]})

        def everything(forged):
            return True

        def plain(forged):
            # An import writes text: relations would be refused as unknown records to some users first.
            return all(Model._fields[name].type not in ("many2one", "many2many") for name in forged)

        channels = [("context defaults", by_context, everything), ("copy", by_copy, everything)]
        if state and initial:
            channels.append(("import", by_import, plain))
        rec_name = Model._rec_name
        if rec_name in Model._fields and Model._fields[rec_name].type == "char" and rec_name not in locked:

            def by_name_create(M, forged):
                return M.with_context(**{f"default_{name}": value for name, value in forged.items()}).name_create(
                    "Forged by name"
                )

            channels.append(("name_create", by_name_create, everything))
        return channels

    def _load(self, Model, values):
        """``Model.load()`` of one row of ``values``; raises what refused it (an
        import reports its refusals as messages)."""
        columns, row = [], []
        for name, value in values.items():
            field = Model._fields[name]
            if field.type == "boolean":
                value = "1" if value else "0"
            elif field.type == "date":
                value = fields.Date.to_string(value)
            elif field.type == "datetime":
                value = fields.Datetime.to_string(value)
            elif isinstance(value, bytes):
                value = value.decode()
            columns.append(name)
            row.append(str(value))
        caught = []
        original = BaseModel._load_records

        def spied(records, data_list, update=False):
            try:
                return original(records, data_list, update)
            except Exception as error:
                caught.append(error)
                raise

        with patch.object(BaseModel, "_load_records", spied):
            result = Model.load(columns, [row])
        if result["ids"]:
            return result
        for error in caught:
            if isinstance(error, (RecordGuardError, ReachedDatabase)):
                raise error
        raise UserError("; ".join(message["message"] for message in result["messages"]) or "not imported")

    def _can_create(self, model, user, function):
        """The positive control of a create: ``function`` reaches the database as
        ``user``. None when it breaks without any forgery (a channel the model does
        not support, e.g. a name_create lacking a value its create needs)."""
        try:
            with self._guarding_the_database(model) as reached, self._rolled_back(), suppress(ReachedDatabase):
                function(self.env[model].with_user(user))
        except (TypeError, ValueError, KeyError, AttributeError) as error:
            _logger.info("attack suite: %s cannot be created this way by %s: %r", model, user.login, error)
            return None
        return bool(reached)

    @contextmanager
    def _guarding_the_database(self, model):
        """Creates of ``model`` stop at the INSERT (the list yielded says whether one got there)."""
        reached = []
        original = BaseModel._create

        def guarded_create(records, data_list):
            if records._name == model:
                reached.append(True)
                raise ReachedDatabase
            return original(records, data_list)

        with patch.object(BaseModel, "_create", guarded_create):
            yield reached

    def _attempt_create(self, model, user, function, label, guarded, control):
        with self._guarding_the_database(model) as reached, self._rolled_back() as outcome:
            try:
                function(self.env[model].with_user(user))
            except ReachedDatabase:
                raise Forged from None
            if reached:  # an import reports what stopped it as a message
                raise Forged
        with self.subTest(attempt=label, user=user.login):
            self.assertFalse(outcome["forged"] or reached, f"{user.login} got through: {label}")
            self._count_refusal(label, user, outcome["error"], guarded, control)

    def test_delete_what_went_out(self):
        for model in self.models:
            for record in self._samples(model):
                if self._is_initial(record):
                    continue
                for user in self.attackers:
                    self._attempt(
                        f"{model}({record.id}).unlink()",
                        user,
                        record,
                        lambda rec: rec.unlink(),
                        watched=["id"],
                        guarded=[(model, False)],
                        control=record.with_user(user).has_access("unlink"),
                    )

    def test_write_through_related_models(self):
        """A one2many or many2many written from another model obeys the target's rules."""
        for model in self.models:
            Model = self.env[model]
            for name, field in Model._fields.items():
                if field.type not in ("one2many", "many2many") or field.comodel_name not in self.models:
                    continue
                comodel = self.env[field.comodel_name]
                locked, structural, _state = self._declared(comodel)
                if field.type == "one2many":
                    counterpart = field.inverse_name
                else:
                    counterpart = next(
                        (
                            f.name
                            for f in comodel._fields.values()
                            if f.type == "many2many" and f.relation == field.relation and f.name != name
                        ),
                        None,
                    )
                if not counterpart or counterpart not in locked | structural:
                    continue
                for record in self._samples(model):
                    linked = record.sudo()[name]
                    outsiders = comodel.sudo().search([("id", "not in", linked.ids)], limit=5)
                    if counterpart not in locked:
                        linked = linked.filtered(lambda r: not self._is_initial(r))
                        outsiders = outsiders.filtered(lambda r: not self._is_initial(r))
                    # Unlinking a line of a one2many deletes it: refused once it went out.
                    if field.type == "one2many":
                        linked = linked.filtered(lambda r: not self._is_initial(r))
                    commands = [(f"link {c.id}", [(4, c.id)], c) for c in outsiders[:1]]
                    commands += [(f"unlink {c.id}", [(3, c.id)], c) for c in linked[:1]]
                    for label, command, target in commands:
                        for user in self.attackers:
                            self._attempt(
                                f"{model}({record.id}).write({name}: {label})",
                                user,
                                record,
                                lambda rec, n=name, c=command: rec.write({n: c}),
                                watched=[name],
                                # Refused here, or by the other side's guard (its link, or the line itself).
                                guarded=[
                                    (model, name),
                                    (model, False),
                                    (comodel._name, counterpart),
                                    (comodel._name, False),
                                ],
                                control=self._can_link(record, target, field, label, user),
                            )

    def test_audit_trail_cannot_be_edited_or_deleted(self):
        """Messages and tracked changes on liangze records, posted by actions or
        by the user, are never edited nor deleted; readable or not."""
        for model in self.models:
            record = self._samples(model)[:1]
            if not record or not hasattr(record, "message_post"):
                continue
            message = record.sudo().message_post(body="Accepted by the supervisor.")
            tracking = self.env["mail.tracking.value"].sudo().search([("mail_message_id.model", "=", model)], limit=1)
            for user in self.attackers:
                self._attempt(
                    f"{model} message edit", user, message, lambda m: m.write({"body": "forged"}), watched=["body"]
                )
                self._attempt(f"{model} message delete", user, message, lambda m: m.unlink(), watched=["id"])
                self._attempt(
                    f"{model} message edit through the chatter",
                    user,
                    message,
                    lambda m, rec=record: rec.with_user(m.env.user)._message_update_content(m, body="forged"),
                    watched=["body"],
                )
                if tracking:
                    self._attempt(
                        f"{model} tracking edit",
                        user,
                        tracking,
                        lambda t: t.write({"old_value_char": "forged"}),
                        watched=["old_value_char"],
                    )
                    self._attempt(f"{model} tracking delete", user, tracking, lambda t: t.unlink(), watched=["id"])

    def test_own_comment_cannot_be_edited(self):
        """The product's choice: not even its author edits a comment."""
        for model in self.models:
            record = self._samples(model)[:1]
            if not record or not hasattr(record, "message_post"):
                continue
            for user in self.attackers:
                mine = record.with_user(user)
                if not mine.has_access("read"):
                    continue
                try:
                    with self.env.cr.savepoint():
                        comment = mine.message_post(body="My comment", message_type="comment")
                except REFUSED:
                    continue
                self._attempt(
                    f"{model} own comment edit",
                    user,
                    comment,
                    lambda m, rec=record: rec.with_user(m.env.user)._message_update_content(m, body="changed"),
                    watched=["body"],
                )
                self._attempt(f"{model} own comment delete", user, comment, lambda m: m.unlink(), watched=["id"])

    def test_tier_reviews_cannot_be_forged(self):
        """On documents approved in tiers: reviews are created, written and
        deleted by the approval alone, and read only with the document."""
        tiered = [m for m in self.models if hasattr(self.env[m], "_liangze_tier_env")]
        self.assertTrue(tiered, "no liangze document is approved in tiers")
        Review = self.env["tier.review"]
        for model in tiered:
            reviews = Review.sudo().search([("model", "=", model)])
            self.assertTrue(reviews, f"no review of {model} in the demo to attack")
            review = reviews[:1]
            document = self.env[model].browse(review.res_id)
            definition = self.env["tier.definition"].sudo().search([("model", "=", model)], limit=1)
            for user in self.attackers:
                self._attempt(
                    f"{model} review approved by hand",
                    user,
                    review,
                    lambda r, u=user: r.write({"status": "approved", "done_by": u.id}),
                    watched=["status", "done_by"],
                )
                self._attempt(f"{model} review deleted", user, review, lambda r: r.unlink(), watched=["id"])
                self._attempt(
                    f"{model} review created by hand",
                    user,
                    document,
                    lambda d, td=definition: (
                        self.env["tier.review"]
                        .with_user(d.env.user)
                        .create({"model": d._name, "res_id": d.id, "definition_id": td.id, "status": "approved"})
                    ),
                    watched=["review_ids"],
                )
                readable = document.with_user(user).has_access("read")
                try:
                    seen = Review.with_user(user).search([("id", "in", reviews.ids)])
                except AccessError:  # a technical user without any right on reviews
                    seen = Review.browse()
                with self.subTest(model=model, user=user.login, attempt="read reviews"):
                    if not readable:
                        self.assertFalse(seen & reviews.filtered(lambda r, d=document: r.res_id == d.id))
                        with self.assertRaises(AccessError) as caught:
                            review.with_user(user).read(["status"])
                        # liangze's own refusal (in either language), or no right on reviews at all.
                        self.assertRegex(str(caught.exception), REVIEW_READ_REFUSED)
                if not document.sudo()._get_sequences_to_approve(user):
                    self._attempt(
                        f"{model} validated by someone not pending",
                        user,
                        document,
                        lambda d: d.validate_tier(),
                        watched=["review_ids"],
                    )
