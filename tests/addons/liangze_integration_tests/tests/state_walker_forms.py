# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a demo user sees of a form and types into it, for the state walk
(``state_walker``): the form each user gets (``get_views``), its buttons and the buttons
of its lines, which fields are editable in the record's state, and plausible values
(the dropdown's own domain, colleagues first; a text, a date, a file)."""

import base64
import re
from datetime import timedelta
from types import SimpleNamespace

from lxml import etree

from odoo import fields
from odoo.tools.safe_eval import safe_eval

# Buttons that print or follow: they never move a state (a button opening a dialog is
# clicked: the dialog may).
PASSIVE_PREFIXES = ("action_print", "message_", "action_archive", "action_unarchive")
# What a user types into a text field.
TEXT = "经核实，情况属实，依规依纪处理。"
PDF = base64.b64encode(b"%PDF-1.4 liangze state walker")
# A 1x1 PNG, for a photo or a scan.
PNG = b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
UNREADABLE = ("one2many", "binary", "image", "json", "properties", "properties_definition")


def top_fields(arch):
    """The field nodes of a form, not those of its lines' sub-views."""
    return [node for node in arch.iter("field") if not any(p.tag == "field" for p in node.iterancestors())]


class FormUser:
    """The walker's hands: ``env``, ``users``, ``choice`` and ``variant`` come from it."""

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

    @staticmethod
    def _clickable(node):
        """A button node that calls a method and may move a state: (name, invisible, context)."""
        name = node.get("name")
        if node.get("type") != "object" or not name or node.get("special") or name.startswith(PASSIVE_PREFIXES):
            return None
        return name, node.get("invisible"), node.get("context")

    def buttons(self, model, user):
        found = []
        for node in self.arch(model, user).iter("button"):
            if any(parent.tag == "field" for parent in node.iterancestors()):
                continue  # a button of the lines: line_buttons
            button = self._clickable(node)
            # One name may be two buttons shown in other cases (uphold a deduction, uphold a decision).
            if button and button not in found:
                found.append(button)
        return found

    def line_buttons(self, model, user):
        """The buttons of the lines in the form (an opinion checked, a line signed), as
        (the lines' field, button)."""
        found = []
        for node in top_fields(self.arch(model, user)):
            for button in filter(None, map(self._clickable, node.iter("button"))):
                found.append((node.get("name"), button))
        return found

    def _eval(self, record, expression, default, parent=None):
        """A view's expression (invisible, readonly, context) over the record as the user
        reads it; in a line's cell, ``parent`` is the record holding the line."""
        if not expression:
            return default
        # ``today`` of the web client: the user's day, the bureau's (Asia/Shanghai), not the server's.
        today = str(self.env["base"]._bureau_today())
        values = {"context": dict(self.env.context), "uid": record.env.uid, "today": today}
        if parent is not None:
            names = set(re.findall(r"parent\.(\w+)", expression)) & parent._fields.keys()
            values["parent"] = SimpleNamespace(**{name: self._value(parent, name) for name in names})
            expression_names = set(re.findall(r"(?<!parent\.)\b[A-Za-z_]\w*", expression))
        else:
            expression_names = set(re.findall(r"[A-Za-z_]\w*", expression))
        for name in expression_names & record._fields.keys():
            field = record._fields[name]
            if field.type in UNREADABLE:
                continue
            try:
                values[name] = self._value(record, name)
            except Exception:  # noqa: BLE001 (a field the user does not read: left out)
                continue
        try:
            return safe_eval(expression, values)
        except Exception:  # noqa: BLE001 (an expression over fields absent from the record)
            return default

    @staticmethod
    def _value(record, name):
        """A field's value as the web client's expressions see it (ids for relations)."""
        value, kind = record[name], record._fields[name].type
        return value.id if kind == "many2one" else value.ids if kind in ("many2many", "one2many") else value

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
        # Those the last refusal names go last, as a user reading it would ("孙浩 handled the case").
        if self.refused:
            named = offered.filtered(lambda r: (r.sudo().display_name or "\0") in self.refused)
            offered = (offered - named) | named
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
            # A picker that starts today (``min_date``) plans a later day: a clue shelved comes back in a week.
            if node is not None and "min_date" in (node.get("options") or ""):
                return Model._bureau_today() + timedelta(days=7)
            return Model._bureau_today()
        if kind == "datetime":
            return fields.Datetime.now()
        if kind in ("integer", "float", "monetary"):
            # Refused twice, the whole of it (evaluator groups' weights sum to 100).
            return 100 if self.choice == 2 else 1
        if kind == "selection":
            values = field._description_selection(self.env)
            key = (Model._name, name)
            if key in self.forced:
                return self.chosen(Model._name, name, None)
            # Each record walked from a state takes another value, and so does each kept
            # click after one that typed this choice: another way of disposal.
            self.typed.add(key)
            shift = self.choice + self.variant + self.rotation.get(key, 0)
            return self.chosen(Model._name, name, values[shift % len(values)][0]) if values else None
        if kind == "boolean":
            # Left as the form has it (unticked), but where a fork ticks it (a report named).
            return self.chosen(Model._name, name, False) or None
        if kind == "image" or isinstance(field, fields.Image):  # an Image is of type binary
            return PNG
        if kind == "binary":
            return PDF
        if kind in ("many2one", "many2many"):
            if field.comodel_name == "ir.attachment":
                return [(6, 0, self._attachment(record or Model, user).ids)] if kind == "many2many" else None
            others = self._candidates(Model, name, user, node, record)
            if not others:
                return None
            # One colleague (a team of one leaves others to try the case), another one when
            # refused; refused again, two (a collective review has at least two attendees).
            return others[0].id if kind == "many2one" else [(6, 0, others[: 2 if self.choice == 2 else 1].ids)]
        return None

    def chosen(self, model, name, current):
        """A choice of the form (a selection, a yes/no) holding ``current``: kept, but where
        a fork forces another value; remembered as made (``made``), for the forks."""
        value = self.forced.get((model, name), current)
        self.made[model, name] = value
        return value

    @staticmethod
    def _choosable(field):
        return field.type in ("selection", "boolean")

    @staticmethod
    def _locked_at_creation(Model):
        """What no client sends in a new record: its workflow and provenance (a field
        fixed once saved is typed at creation)."""
        if not hasattr(Model, "_guard_locked_fields"):
            return set()
        return (Model._guard_locked_fields() - Model._guard_fixed_fields) | {Model._guard_state_field}

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
        hidden = []
        for node in top_fields(self.arch(record._name, user)):
            name = node.get("name")
            field = record._fields.get(name)
            if not field:
                continue
            if not self._editable(record, node, field):
                hidden.append(node)
                continue
            self._fill_field(record, node, field, user)
        # What the first choices show (a date to review a clue shelved) is typed next.
        for node in hidden:
            field = record._fields[node.get("name")]
            if self._editable(record, node, field):
                self._fill_field(record, node, field, user)

    def _fill_field(self, record, node, field, user):
        name = node.get("name")
        if field.type == "one2many":
            self._fill_lines(record, node, field, user)
            return
        if record[name] and self._choosable(field):
            # A choice already made (a default: an inquiry by talk) is one a fork may change.
            value = self.chosen(record._name, name, record[name])
            if value != record[name]:
                self._write_one(record, name, value)
            return
        # Refused again, a user changes their choice in the dropdowns (not what they typed).
        if record[name] and not (self.choice and field.type in ("many2one", "many2many")):
            return
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
            locked = self._locked_at_creation(Line)
            # A list not written in the form is the line model's own: its required fields.
            cells = {cell.get("name"): cell for cell in sub.iter("field")} if sub is not None else {}
            for name, line_field in Line._fields.items():
                cell = cells.get(name)
                wanted = cell is not None or (line_field.required and line_field.store and not line_field.default)
                if not wanted or name in values or name in locked or line_field.type == "one2many":
                    continue
                if line_field.compute and not line_field.inverse or line_field.related:
                    continue
                if line_field.type in ("date", "datetime") and not line_field.required:
                    continue  # an optional period of a line is left empty, as users do
                if cell is not None and any(
                    self._eval(draft, cell.get(attribute), False, parent=record) is True
                    for attribute in ("readonly", "column_invisible", "invisible")
                ):
                    continue  # a cell the list does not offer in the record's state
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

    def vary_lines(self, record, user):
        """What a user sets in the lines before clicking (each task's status in a follow-up
        round, "done"): the record walked n-th from its state takes each editable choice
        of its lines n values further."""
        if not self.variant:
            return
        for node in top_fields(self.arch(record._name, user)):
            field = record._fields.get(node.get("name"))
            sub = node.find("list")
            if not field or field.type != "one2many" or sub is None or not self._editable(record, node, field):
                continue
            for line in record[field.name][:2]:
                for cell in sub.iter("field"):
                    name = cell.get("name")
                    line_field = line._fields.get(name)
                    if not line_field or line_field.type != "selection" or not line[name]:
                        continue
                    hidden = ("readonly", "column_invisible")
                    if any(self._eval(line, cell.get(a), False, parent=record) is True for a in hidden):
                        continue
                    values = [value for value, _label in line_field._description_selection(self.env)]
                    if line[name] in values:
                        self._write_one(line, name, values[(values.index(line[name]) + self.variant) % len(values)])
