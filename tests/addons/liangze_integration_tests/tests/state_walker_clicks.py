# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The walker's clicks: a button pressed as a user, the dialog it opens answered, the
form filled when the click is refused, "New" in a form (see ``state_walker``)."""

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.models import LOG_ACCESS_COLUMNS

from .state_walker_forms import FormUser, top_fields

# What users are told when a click cannot go on: the product's refusals.
# A constraint of the database is one too: the web client shows it as a validation error
# (odoo/http.py, ``serialize_exception`` of psycopg2's IntegrityError).
REFUSALS = (AccessError, MissingError, UserError, ValidationError, IntegrityError)


def wants_input(refusal):
    """A refusal for something missing in the form (not for who clicks): typing may help."""
    return isinstance(refusal, (UserError, ValidationError)) and not isinstance(refusal, AccessError)


class ClickingUser(FormUser):
    """Clicks as the demo users; ``_attempt`` (the walk's) runs each one in a savepoint."""

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
            if not field or field.type == "one2many" or (field.compute and not field.inverse):
                continue
            if self._eval(draft, node.get("invisible"), False) is True and not field.required:
                continue
            if values.get(name):
                if self._choosable(field):  # a choice the dialog proposes: a fork may change it
                    values[name] = self.chosen(Wizard._name, name, values[name])
                continue
            value = self._plausible(Wizard, name, user, node, draft)
            if value is not None:
                values[name] = value
        wizard = Wizard.create(values)
        refusal = None
        offered = []
        for button in self.buttons(Wizard._name, user):
            if self._eval(wizard, button[1], False) is not True and button[0] not in [b[0] for b in offered]:
                offered.append(button)
        if not depth:
            self.dialog_buttons = max(self.dialog_buttons, len(offered))
            offered = offered[self.dialog_choice :] + offered[: self.dialog_choice]
        for name, _invisible, _context in offered:
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

    def click(self, record, user, button, keep=True):
        """Click as ``user``; when refused for something missing, fill the form and click
        again. Returns (new (model, state) pairs, moves)."""
        name, _invisible, context = button
        mine = self.as_user(record, user)
        mine = mine.with_context(**(self._eval(mine, context, {}) or {})) if context else mine
        state = getattr(record, "_guard_state_field", None)
        pair = (record._name, record.sudo()[state] if state else "line")
        label = f"{record._name}({record.id}, {pair[1]}).{name} by {user.login}"
        # A fork forcing a choice types it first (the form is filled as for a refusal).
        pressing = lambda: (  # noqa: E731
            self.vary_lines(mine, user),
            self.forced and self.fill_form(mine, user),
            self.press(mine, name, user),
        )
        new, moves, refusal = self._attempt(pair, label, pressing, keep)
        # Refused for something missing: fill the form, then, refused again, choose other
        # values in its dropdowns (another colleague as the handler).
        for choice in range(self.choices):
            if moves or not wants_input(refusal):
                break
            self.choice, self.refused = choice, str(refusal)
            new, moves, refusal = self._attempt(
                pair,
                f"{label}, form filled ({choice})",
                lambda: (self.fill_form(mine, user), self.press(mine, name, user)),
                keep,
            )
        self.refused = ""
        # Still refused: the colleagues the record names (its reviewers, its team) type their
        # part first (a review opinion before the head decides).
        colleagues = self.env["res.users"] if moves else self._named_users(record) - user
        for colleague in colleagues:
            if not wants_input(refusal):
                break
            theirs = self.as_user(record, colleague)
            new, moves, refusal = self._attempt(
                pair,
                f"{label}, after {colleague.login} typed",
                lambda theirs=theirs, colleague=colleague: (
                    self.fill_form(theirs, colleague),
                    self.press(mine, name, user),
                ),
                keep,
            )
        if not moves and wants_input(refusal):
            # Still refused: what the form's typing created on its own (a measure added to
            # a case) may be what the click waits for, once walked to its end.
            self.choice = 0
            typing = lambda: self.fill_form(mine, user)  # noqa: E731
            new, moves, _refusal = self._attempt(pair, f"{label}, lines typed", typing, keep)
            if not any(not step and model != record._name for model, _id, _state, step in moves):
                new, moves = set(), []
        self.choice = 0
        return new, moves

    def _named_users(self, record):
        """The walk's users a record names in its fields (reviewers, a team, a handler)."""
        named = self.env["res.users"]
        for name, field in record._fields.items():
            if name in LOG_ACCESS_COLUMNS or field.comodel_name != "res.users" or not field.store:
                continue
            if field.type in ("many2one", "many2many"):
                named |= record.sudo()[name]
        return named & self.users

    def create_new(self, model, user):
        """The "New" button of the model's form as ``user``: its defaults, and what the form offers typed in.
        Also where the form hides it (``create="0"``): the records it makes (a rectification) stand
        for those the product makes from elsewhere (a report's findings)."""
        Model = self.as_user(self.env[model], user)

        def create():
            # The client sends no value of a field the guard writes (readonly in its form).
            locked = self._locked_at_creation(Model)
            values = {k: v for k, v in Model.default_get(list(Model._fields)).items() if k not in locked}
            draft = Model.new(values)
            for node in top_fields(self.arch(model, user)):
                name = node.get("name")
                field = Model._fields.get(name)
                if not field or field.type in ("one2many",) or name in locked:
                    continue
                if not self._editable(draft, node, field) and not (field.required and field.store):
                    continue
                if name in values:
                    # A default choice (a letter, not a visit): a fork may change it.
                    if values[name] and self._choosable(field) and self._editable(draft, node, field):
                        values[name] = self.chosen(model, name, values[name])
                    continue
                value = self._plausible(Model, name, user, node, draft)
                if value is not None:
                    values[name] = value
            Model.create(values)

        return self._attempt((model, "new"), f"{model}: New by {user.login}", create)[:2]
