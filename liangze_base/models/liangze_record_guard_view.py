# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

# A readonly attribute that leaves the field editable.
EDITABLE = {"", "0", "False", "false"}
READONLY = {"1", "True", "true"}


def _either(readonly, condition):
    """The readonly expression true when ``readonly`` (the view's own) or ``condition`` is."""
    readonly = (readonly or "").strip()
    if readonly in READONLY:
        return readonly
    if readonly in EDITABLE:
        return condition
    return f"({readonly}) or {condition}"


def _top_fields(node):
    """The ``<field>`` nodes of the form's own record: not those inside a field's sub-views."""
    for child in node:
        if child.tag == "field":
            yield child
        elif isinstance(child.tag, str):
            yield from _top_fields(child)


class LiangzeRecordGuardView(models.AbstractModel):
    """The record guard's declarations drive the forms: what the guard would refuse
    to write is read-only there, whatever the view says (the server still refuses it).

    - workflow and provenance fields: read-only;
    - fixed fields: read-only once the record is saved (given at creation);
    - ``_guard_state_fields``: read-only outside their states;
    - structural fields: read-only outside the initial states (unless the model
      decides by itself what is initial, overriding ``_guard_is_initial``);
    - a one2many of lines whose parent's state governs them as a whole
      (``_guard_parent_locked_fields`` None): read-only outside their states.

    The state field need not be in the view: Odoo adds the fields its expressions
    use (``ir.ui.view._add_missing_fields``)."""

    _name = "liangze.record.guard.view"
    _description = "Record Guard in Forms"

    @api.model
    def _get_view(self, view_id=None, view_type="form", **options):
        arch, view = super()._get_view(view_id, view_type, **options)
        if arch.tag == "form" and hasattr(self, "_guard_locked_fields"):
            conditions = self._guard_view_conditions()
            for node in _top_fields(arch):
                condition = conditions.get(node.get("name"))
                if condition:
                    node.set("readonly", _either(node.get("readonly"), condition))
        return arch, view

    @api.model
    def _guard_view_conditions(self):
        """``{field: expression}``: when the guard refuses a client's write of the field."""
        conditions = {}

        def add(names, condition):
            for name in names:
                conditions[name] = f"{conditions[name]} or {condition}" if name in conditions else condition

        state = self._guard_state_field
        if state and state in self._fields:
            if type(self)._guard_is_initial is type(self.env["liangze.record.guard"])._guard_is_initial:
                add(self._guard_structural_fields, f"{state} not in {list(self._guard_initial_states)!r}")
            for name, states in self._guard_state_fields.items():
                add([name], f"{state} not in {list(states)!r}")
            for name, field in self._fields.items():
                if field.type == "one2many" and (states := self._guard_view_line_states(field)) is not None:
                    add([name], f"{state} not in {list(states)!r}")
        add(self._guard_fixed_fields, "id")
        conditions.update(dict.fromkeys(self._guard_workflow() | set(self._guard_provenance_fields), "True"))
        return {name: condition for name, condition in conditions.items() if name in self._fields}

    @api.model
    def _guard_view_line_states(self, field):
        """The parent's states in which the lines of one2many ``field`` are written at all
        (None: their parent's state does not govern them as a whole)."""
        Lines = self.env[field.comodel_name]
        if getattr(Lines, "_guard_parent_field", None) != field.inverse_name:
            return None
        if Lines._guard_parent_locked_fields is not None:
            return None
        line_states, rules = Lines._guard_parent_rules()
        if line_states is None:
            return None
        return sorted(set(line_states).union(*rules.values()))
