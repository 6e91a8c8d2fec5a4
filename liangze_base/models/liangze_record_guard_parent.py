# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from .liangze_record_guard import THREAD_FIELDS


class LiangzeRecordGuardParent(models.AbstractModel):
    """The record guard's lines: a line (of a letter, a round, a request) whose
    editability follows its parent's state, as the model declares it in
    ``liangze.record.guard``:

    - ``_guard_parent_field``: the many2one to the parent (``"letter_id"``);
    - ``_guard_parent_states``: the parent's states in which a client creates,
      writes and deletes the line (THREAD_FIELDS excepted), e.g. ``("draft",)``;
      or ``{fields or None: states}`` when groups of fields follow different
      states: each key's fields are written in its states, None's states govern
      creating and deleting the line and the fields no other key names, e.g.
      ``{None: ("draft",), CHECK_FIELDS: ("drafted",)}``;
    - ``_guard_parent_locked_fields``: the fields None's states govern, when the
      parent's state locks only some (None: every field; an empty set: none, only
      creating and deleting the line).

    A field a client gives at creation (set) must be writable in the parent's
    state too. Trusted writes (``_guard_sudo()``) pass; each refusal is a
    ``RecordGuardError`` naming the field (the parent field for adding or deleting
    the line) and saying the parent's state."""

    _inherit = "liangze.record.guard"

    @api.model
    def _guard_parent_rules(self):
        """``(line states, {field: states})`` as declared: the parent's states in which a
        client creates and deletes a line (None: the parent's state does not govern it),
        and those in which it writes each field they govern."""
        declared = self._guard_parent_states
        groups = dict(declared) if isinstance(declared, dict) else {None: declared}
        line_states = tuple(groups[None]) if None in groups else None
        rules = {}
        if line_states is not None:
            governed = self._guard_parent_locked_fields
            governed = set(self._fields) - THREAD_FIELDS if governed is None else governed
            rules = dict.fromkeys(governed, line_states)
        for names, states in groups.items():
            rules.update(dict.fromkeys(names or (), tuple(states)))
        return line_states, rules

    @api.model
    def _guard_parent_state_field(self):
        Parent = self.env[self._fields[self._guard_parent_field].comodel_name]
        return getattr(Parent, "_guard_state_field", None) or "state"

    def _guard_parent_refuse(self, parent, states, name, action="write"):
        """Refuse to add or delete (``action`` "create", "delete") a line of ``parent``, or
        to write its field ``name``, ``parent`` being in none of ``states``."""
        state = self._guard_parent_state_field()
        labels = dict(parent._fields[state]._description_selection(self.env))
        values = {
            "model": self.env["ir.model"]._get(self._name).name,
            "parent": self.env["ir.model"]._get(parent._name).name,
            "states": " / ".join(labels.get(value, value) for value in states),
            "state": labels.get(parent[state], parent[state]),
        }
        if action == "create":
            message = self.env._(
                "A new %(model)s is added only while its %(parent)s is %(states)s (it is %(state)s).", **values
            )
        elif action == "delete":
            message = self.env._(
                "This %(model)s is deleted only while its %(parent)s is %(states)s (it is %(state)s).", **values
            )
        else:
            message = self.env._(
                "%(field)s of this %(model)s is written only while its %(parent)s is %(states)s (it is %(state)s).",
                field=self._fields[name]._description_string(self.env),
                **values,
            )
        self._guard_refuse(name, message)

    def _guard_check_parent(self, vals, creating=False):
        """A client writes (or, ``creating``, sets) a field of a line while the line's
        parent is in the field's states; it adds a line to, or moves it to, a parent in
        the states of its lines only."""
        name = self._guard_parent_field
        if not name:
            return
        line_states, rules = self._guard_parent_rules()
        state = self._guard_parent_state_field()
        Parent = self.env[self._fields[name].comodel_name].sudo()
        target = Parent.browse(vals[name]) if vals.get(name) else Parent
        if target and line_states is not None and target[state] not in line_states:
            self._guard_parent_refuse(target, line_states, name, "create")
        if creating:
            for field in sorted(rules.keys() & vals.keys() - {name}):
                if vals[field] and target and target[state] not in rules[field]:
                    self._guard_parent_refuse(target, rules[field], field)
            return
        for field in sorted(rules.keys() & vals.keys()):
            for parent in self.sudo()[name]:
                if parent[state] not in rules[field]:
                    self._guard_parent_refuse(parent, rules[field], field)

    # -- the guard's checks, extended ------------------------------------------------------
    @api.model
    def _guard_check_create(self, vals):
        res = super()._guard_check_create(vals)
        self._guard_check_parent(vals, creating=True)
        return res

    def _guard_check_write(self, vals):
        res = super()._guard_check_write(vals)
        self._guard_check_parent(vals)
        return res

    @api.model
    def _guard_watched_at_creation(self):
        """The parent a client's defaults inject is checked as if given."""
        names = super()._guard_watched_at_creation()
        name = self._guard_parent_field
        if name and name in self._fields and not self._fields[name].inherited:
            names.add(name)
        return names

    @api.ondelete(at_uninstall=False)
    def _guard_unlink_within_parent_states(self):
        """A client deletes a line while its parent is in the states of its lines
        (after ``_guard_unlink_only_initial``: what went out is refused first)."""
        name = self._guard_parent_field
        line_states = self._guard_parent_rules()[0] if name else None
        if line_states is None or self._guard_trusted():
            return
        state = self._guard_parent_state_field()
        for parent in self.sudo()[name]:
            if parent[state] not in line_states:
                self._guard_parent_refuse(parent, line_states, name, "delete")
