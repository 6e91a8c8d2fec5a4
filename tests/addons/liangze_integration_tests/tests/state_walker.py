# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Walk every liangze model through its states the way users do: by the buttons of
its form view, as each demo user, filling the form and the dialogs as they would.

Nothing names a model, a state or a button: the models come from the registry (the
record guard's ``_guard_state_field``), the buttons and fields from the form view each
user gets (``get_views``: a button of another role's group is not offered, an
invisible one is not clicked, a readonly field is not typed into), the dialogs from
what a button returns. A state counts as reached only when a click (or a dialog it
opened, or "New" in the form) stored it, as seen at the ORM's lowest level (``_create``
and ``_write_multi``); a first state also counts when a record of it exists. A click that
moves a record into a state it never had is kept, and the records it moved are walked
on from there; any other click is rolled back.
"""

import base64
import re
from collections import deque
from contextlib import contextmanager
from unittest.mock import patch

from lxml import etree
from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.models import BaseModel
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

# What users are told when a click cannot go on: the product's refusals.
# A constraint of the database is one too: the web client shows it as a validation error
# (odoo/http.py, ``serialize_exception`` of psycopg2's IntegrityError).
REFUSALS = (AccessError, MissingError, UserError, ValidationError, IntegrityError)
# Buttons that print or follow: they never move a state (a button opening a dialog is
# clicked: the dialog may).
PASSIVE_PREFIXES = ("action_print", "message_", "action_archive", "action_unarchive")
# What a user types into a text field.
TEXT = "经核实，情况属实，依规依纪处理。"
PDF = base64.b64encode(b"%PDF-1.4 liangze state walker")
# A 1x1 PNG, for a photo or a scan.
PNG = b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
UNREADABLE = ("one2many", "binary", "image", "json", "properties", "properties_definition")


class _Discard(Exception):
    """Raised inside a savepoint to roll back a click that moved nothing new."""


def guarded_models(env):
    """The stored liangze models with a state the record guard watches."""
    names = []
    for name in sorted(env.registry):
        Model = env[name]
        if not name.startswith("liangze.") or Model._abstract or Model._transient:
            continue
        state = getattr(Model, "_guard_state_field", None)
        if state and state in Model._fields and Model._fields[state].type == "selection":
            names.append(name)
    return names


def states_of(env, model):
    Model = env[model]
    return [value for value, _label in Model._fields[Model._guard_state_field]._description_selection(env)]


def top_fields(arch):
    """The field nodes of a form, not those of its lines' sub-views."""
    return [node for node in arch.iter("field") if not any(p.tag == "field" for p in node.iterancestors())]


class StateWalker:
    def __init__(self, env, users, max_dialog_depth=2, expansions=2, choices=3):
        self.env = env
        self.users = users
        self.max_dialog_depth = max_dialog_depth
        self.models = guarded_models(env)
        self.reached = {}  # (model, state) -> how: the click that wrote it, or "exists"
        self.visited = set()  # (model, id, state): a record was walked from that state
        # Records walked on from each (model, state): enough to find every way out of it.
        self.expanded = {}
        self.expansions = expansions
        # Which of the values a dropdown offers the walk picks, and how many it tries.
        self.choice = 0
        self.choices = choices
        self.crashes = []  # (label, error): a click raised something else than a refusal
        self.refusals = {}  # (model, state) -> [(label, message)]: why clicks went nowhere
        self._events = None
        self._views = {}

    # -- observing the guard ----------------------------------------------------------
    @contextmanager
    def observing(self):
        """Record every state a liangze record is stored in, created or written, at the
        ORM's lowest level (``_create``, ``_write_multi``): below every override of
        ``create`` and ``write``, OCA auditlog's among them."""
        walker = self
        original_write, original_create = BaseModel._write_multi, BaseModel._create

        def write_multi(records, vals_list):
            original_write(records, vals_list)
            if walker._events is not None and records._name in walker.models:
                state = records._guard_state_field
                pairs = zip(records, vals_list, strict=True)
                walker._events.extend((records._name, rec.id, vals[state]) for rec, vals in pairs if state in vals)

        def create(model, data_list):
            records = original_create(model, data_list)
            if walker._events is not None and model._name in walker.models:
                state = records._guard_state_field
                walker._events.extend((records._name, record.id, record[state]) for record in records)
            return records

        with patch.object(BaseModel, "_write_multi", write_multi), patch.object(BaseModel, "_create", create):
            yield

    @staticmethod
    def as_user(records, user):
        """The records as the web client gives them to ``user``: in their language and zone."""
        return records.with_user(user).with_context(lang=user.lang, tz=user.tz)

    # -- what a user sees -----------------------------------------------------------------
    def arch(self, model, user):
        key = (model, user.id)
        if key not in self._views:
            view = self.as_user(self.env[model], user).get_views([(False, "form")])["views"]["form"]
            self._views[key] = etree.fromstring(view["arch"])
        return self._views[key]

    def buttons(self, model, user):
        found = []
        for node in self.arch(model, user).iter("button"):
            if any(parent.tag == "field" for parent in node.iterancestors()):
                continue  # a button of the lines, clicked when the walk gets to them
            name = node.get("name")
            if node.get("type") != "object" or not name or node.get("special") or name.startswith(PASSIVE_PREFIXES):
                continue
            if name not in [b[0] for b in found]:
                found.append((name, node.get("invisible"), node.get("context")))
        return found

    def _eval(self, record, expression, default):
        """A view's expression (invisible, readonly, context) over the record as the user reads it."""
        if not expression:
            return default
        values = {"context": dict(self.env.context), "uid": record.env.uid, "today": str(fields.Date.today())}
        for name in set(re.findall(r"[A-Za-z_]\w*", expression)) & record._fields.keys():
            field = record._fields[name]
            if field.type in UNREADABLE:
                continue
            try:
                value = record[name]
            except Exception:  # noqa: BLE001 (a field the user does not read: left out)
                continue
            values[name] = value.id if field.type == "many2one" else value.ids if field.type == "many2many" else value
        try:
            return safe_eval(expression, values)
        except Exception:  # noqa: BLE001 (an expression over fields absent from the record)
            return default

    def _editable(self, record, node, field):
        """A field of the form the user types into: shown, not readonly, not written by actions only."""
        if field.compute and not field.inverse or field.related:
            return False
        if field.name in record._guard_locked_fields() or field.name == record._guard_state_field:
            return False
        if self._eval(record, node.get("invisible"), False) is True:
            return False
        readonly = node.get("readonly")
        if readonly is None:
            return not field.readonly
        return self._eval(record, readonly, True) is False

    # -- typing ---------------------------------------------------------------------------
    def _candidates(self, Model, name, user, node=None, record=None):
        """What the field's dropdown offers the user (its domain), the demo's colleagues
        first; the walk's ``choice`` picks another one when a first try was refused."""
        field = Model._fields[name]
        Comodel = self.as_user(self.env[field.comodel_name], user)
        domain = field.domain
        if node is not None and node.get("domain") and record is not None:
            domain = self._eval(record, node.get("domain"), [])
        elif callable(domain):
            domain = domain(Model)
        elif isinstance(domain, str):
            domain = self._eval(record, domain, []) if record is not None else []
        try:
            offered = Comodel.search(domain or [], limit=40)
        except Exception:  # noqa: BLE001 (a domain the walker cannot evaluate)
            offered = Comodel.search([], limit=40)
        if field.comodel_name == "res.users":
            offered = (offered & self.users) | (offered - self.users)
        if not offered:
            return offered
        shift = self.choice % len(offered)
        return offered[shift:] + offered[:shift]

    def _plausible(self, Model, name, user, node=None, record=None):
        field = Model._fields[name]
        kind = field.type
        if kind in ("char", "text", "html"):
            return TEXT
        if kind == "date":
            return Model._bureau_today()
        if kind == "datetime":
            return fields.Datetime.now()
        if kind in ("integer", "float", "monetary"):
            return 1
        if kind == "selection":
            values = field._description_selection(self.env)
            return values[0][0] if values else None
        if kind == "image":
            return PNG
        if kind == "binary":
            return PDF
        if kind in ("many2one", "many2many"):
            if field.comodel_name == "ir.attachment":
                return [(6, 0, self._attachment(record or Model, user).ids)] if kind == "many2many" else None
            others = self._candidates(Model, name, user, node, record)
            if not others:
                return None
            return others[0].id if kind == "many2one" else [(6, 0, others[:2].ids)]
        return None

    def _attachment(self, record, user):
        values = {"name": "材料.pdf", "datas": PDF, "res_model": record._name}
        if record.ids:
            values["res_id"] = record.id
        return self.as_user(self.env["ir.attachment"], user).create(values)

    def _write_one(self, record, name, value):
        try:
            with self.env.cr.savepoint():
                record.write({name: value})
                self.env.flush_all()
        except Exception:  # noqa: BLE001 (a value refused is left empty, as a user would)
            self.env.invalidate_all()

    def fill_form(self, record, user):
        """Type, as ``user``, into every empty field the form offers in this state (one
        by one: a value refused stays empty), and into the empty cells of its lines."""
        for node in top_fields(self.arch(record._name, user)):
            name = node.get("name")
            field = record._fields.get(name)
            if not field or not self._editable(record, node, field):
                continue
            if field.type == "one2many":
                self._fill_lines(record, node, field, user)
                continue
            if record[name]:
                continue
            value = self._plausible(record, name, user, node, record)
            if value is not None:
                self._write_one(record, name, value)

    def _fill_lines(self, record, node, field, user):
        """Type into the empty cells of the lines; with no line yet, add one ("Add a line")."""
        sub = node.find("list") if node.find("list") is not None else node.find("form")
        if not record[field.name]:
            Line = self.as_user(self.env[field.comodel_name], user)
            values = {field.inverse_name: record.id} if field.inverse_name else {}
            draft = Line.new(values)
            locked = Line._guard_locked_fields() if hasattr(Line, "_guard_locked_fields") else set()
            # A list not written in the form is the line model's own: its required fields.
            cells = {cell.get("name"): cell for cell in sub.iter("field")} if sub is not None else {}
            for name, line_field in Line._fields.items():
                cell = cells.get(name)
                wanted = cell is not None or (line_field.required and line_field.store and not line_field.default)
                if not wanted or name in values or name in locked or line_field.type == "one2many":
                    continue
                if line_field.compute and not line_field.inverse or line_field.related:
                    continue
                value = self._plausible(Line, name, user, cell, draft)
                if value is not None:
                    values[name] = value
            self._write_one(record, field.name, [(0, 0, {k: v for k, v in values.items() if k != field.inverse_name})])
            return
        for line in record[field.name] if sub is not None else ():
            for cell in sub.iter("field"):
                name = cell.get("name")
                line_field = line._fields.get(name)
                if not line_field or line[name] or line_field.type == "one2many":
                    continue
                if hasattr(line, "_guard_locked_fields") and not self._editable(line, cell, line_field):
                    continue
                value = self._plausible(line, name, user, cell, line)
                if value is not None:
                    self._write_one(line, name, value)

    # -- clicks ---------------------------------------------------------------------------
    def press(self, record, name, user, depth=0):
        result = getattr(record, name)()
        if (
            isinstance(result, dict)
            and result.get("type") == "ir.actions.act_window"
            and result.get("target") == "new"
            and depth < self.max_dialog_depth
            and self.env[result["res_model"]]._transient
        ):
            self._answer_dialog(record, result, user, depth)

    def _answer_dialog(self, record, action, user, depth):
        """Fill the dialog a button opened and press its first button that goes through."""
        context = action.get("context") or {}
        if isinstance(context, str):
            context = self._eval(record, context, {})
        context = dict(context, active_model=record._name, active_id=record.id, active_ids=record.ids)
        Wizard = self.as_user(self.env[action["res_model"]], user).with_context(**context)
        values = Wizard.default_get(list(Wizard._fields))
        draft = Wizard.new(values)
        for node in top_fields(self.arch(Wizard._name, user)):
            name = node.get("name")
            field = Wizard._fields.get(name)
            if not field or values.get(name) or field.type == "one2many" or (field.compute and not field.inverse):
                continue
            if self._eval(draft, node.get("invisible"), False) is True and not field.required:
                continue
            value = self._plausible(Wizard, name, user, node, draft)
            if value is not None:
                values[name] = value
        wizard = Wizard.create(values)
        refusal = None
        for name, invisible, _context in self.buttons(Wizard._name, user):
            if self._eval(wizard, invisible, False) is True:
                continue
            try:
                with self.env.cr.savepoint():
                    self.press(wizard, name, user, depth + 1)
                    self.env.flush_all()
                return
            except REFUSALS as error:
                self.env.invalidate_all()
                refusal = refusal or error
        if refusal:
            raise refusal

    def _attempt(self, pair, label, function, keep=True):
        """Run a click in a savepoint; keep it (``keep``) only when it moved a record into
        a state it never had. Returns (new (model, state) pairs, moves, refusal)."""
        self._events = []
        moves = []
        try:
            with mute_logger("odoo.sql_db"), self.env.cr.savepoint():
                function()
                self.env.flush_all()
                moves = [
                    event
                    for event in self._events
                    if event not in self.visited and self.expanded.get(event[::2], 0) < self.expansions
                ]
                if not moves or not keep:
                    raise _Discard
        except _Discard:
            return {(model, state) for model, _id, state in moves} - self.reached.keys(), moves, None
        except REFUSALS as error:
            self.refusals.setdefault(pair, []).append((label, str(error).splitlines()[0][:200]))
            return set(), [], error
        except Exception as error:  # noqa: BLE001 (a click that crashes: the walker reports it)
            self.crashes.append((label, f"{type(error).__name__}: {error}"))
            return set(), [], None
        finally:
            self._events = None
            self.env.invalidate_all()
        new = {(model, state) for model, _id, state in moves} - self.reached.keys()
        for model, _id, state in moves:
            self.reached.setdefault((model, state), label)
        self.visited.update(moves)
        return new, moves, None

    def click(self, record, user, button, keep=True):
        """Click as ``user``; when refused for something missing, fill the form and click
        again. Returns (new pairs, moves, whether the form was filled)."""
        name, _invisible, context = button
        mine = self.as_user(record, user)
        mine = mine.with_context(**(self._eval(mine, context, {}) or {})) if context else mine
        pair = (record._name, record.sudo()[record._guard_state_field])
        label = f"{record._name}({record.id}, {pair[1]}).{name} by {user.login}"
        new, moves, refusal = self._attempt(pair, label, lambda: self.press(mine, name, user), keep)
        # Refused for something missing: fill the form, then, refused again, choose other
        # values in its dropdowns (another colleague as the handler).
        for choice in range(self.choices):
            if moves or not isinstance(refusal, (UserError, ValidationError)) or isinstance(refusal, AccessError):
                break
            self.choice = choice
            new, moves, refusal = self._attempt(
                pair,
                f"{label}, form filled ({choice})",
                lambda: (self.fill_form(mine, user), self.press(mine, name, user)),
                keep,
            )
        self.choice = 0
        return new, moves

    def create_new(self, model, user):
        """The "New" button of the model's form as ``user``: its defaults, and what the form offers typed in."""
        Model = self.as_user(self.env[model], user)

        def create():
            # The client sends no value of a field the guard writes (readonly in its form).
            locked = Model._guard_locked_fields() | {Model._guard_state_field}
            values = {k: v for k, v in Model.default_get(list(Model._fields)).items() if k not in locked}
            draft = Model.new(values)
            for node in top_fields(self.arch(model, user)):
                name = node.get("name")
                field = Model._fields.get(name)
                if not field or name in values or field.type in ("one2many",):
                    continue
                if name in Model._guard_locked_fields() or name == Model._guard_state_field:
                    continue
                if not self._editable(draft, node, field) and not (field.required and field.store):
                    continue
                value = self._plausible(Model, name, user, node, draft)
                if value is not None:
                    values[name] = value
            Model.create(values)

        return self._attempt((model, "new"), f"{model}: New by {user.login}", create)[:2]

    # -- the walk -----------------------------------------------------------------------
    def walk(self, samples_per_state=2):
        env = self.env
        queue = deque()
        for model in self.models:
            Model = env[model].sudo().with_context(active_test=False)
            state = Model._guard_state_field
            for value in states_of(env, model):
                records = Model.search([(state, "=", value)], limit=samples_per_state)
                if records and value in Model._guard_initial_states:
                    self.reached.setdefault((model, value), "exists")
                self.visited.update((model, record.id, value) for record in records)
                queue.extend((model, record.id) for record in records)
        with self.observing():
            for model in self.models:
                for user in self.users:
                    if self.as_user(env[model], user).has_access("create"):
                        _new, moves = self.create_new(model, user)
                        if moves:
                            queue.extendleft((m, i) for m, i, _s in moves)
                            break
            walked = set()
            while queue:
                model, record_id = queue.popleft()
                record = env[model].sudo().with_context(active_test=False).browse(record_id).exists()
                state = record[record._guard_state_field] if record else None
                if not record or (model, record_id, state) in walked:
                    continue
                if self.expanded.get((model, state), 0) >= self.expansions:
                    continue
                walked.add((model, record_id, state))
                self.expanded[model, state] = self.expanded.get((model, state), 0) + 1
                # What a click moved is walked on first: a chain of steps goes to its end.
                queue.extendleft(reversed(self._step(record)))
        return self

    def _step(self, record):
        """Each user clicks each button they see (rolled back); the click that reaches a
        state of a model not reached yet, else the first that moves a record somewhere
        new, is clicked again and kept. Returns the records to walk on from."""
        chosen = None
        for user in self.users:
            if not self.as_user(record, user).has_access("read"):
                continue
            for button in self.buttons(record._name, user):
                if self._eval(self.as_user(record, user), button[1], False) is True:
                    continue
                new, moves = self.click(record, user, button, keep=False)
                if new:
                    chosen = (user, button)
                    break
                if moves and not chosen:
                    chosen = (user, button)
            else:
                continue
            break
        if not chosen:
            return []
        _new, moves = self.click(record, *chosen)
        return [(model, record_id) for model, record_id, _state in moves] + [(record._name, record.id)]

    def unreached(self):
        return sorted(
            (model, state)
            for model in self.models
            for state in states_of(self.env, model)
            if (model, state) not in self.reached
        )
