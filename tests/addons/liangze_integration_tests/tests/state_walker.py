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

Many steps keep the state: a handler proposed, a review recorded, a team assigned, one
tier of several approved, one line of the record checked. Such a click is a *step*: it
writes a field only the model's actions write (``_guard_workflow``), a tier review of the
record, or the state of one of its lines. A step is kept like a move, and the record is
walked again from where it stands (its state, the steps recorded, its lines' states).
Each record walked from a state types other choices into the selections (the second
clue reviewed is disposed of another way than the first), and a click refused again
after filling the form picks other values in its dropdowns. A state is walked from a
few records (the demo's, and two made with "New"), and from one more while the last one
found a state never reached: a report registered is accepted, refused, forwarded or
filed as a repeat, one record each.

A record with two ways to states never reached takes one; the others are *forks*
(``state_walker_forks``), and so are the other values of a choice. A click still
refused is tried once the colleagues the record names typed their part (a reviewer's
opinion before the head decides). The records walked later from a state change the
choices of their lines (a task "done" in a follow-up round). Once the users can go no
further, the daily jobs run (a reminder letter drafted for red tasks) and the users
walk on from what they moved; and again a month later.
"""

from collections import deque
from contextlib import contextmanager
from datetime import timedelta
from unittest.mock import patch

from freezegun import freeze_time

from odoo import fields
from odoo.fields import Many2many
from odoo.models import BaseModel
from odoo.tools import mute_logger

from .state_walker_clicks import REFUSALS, ClickingUser
from .state_walker_forks import Forks
from .state_walker_forms import top_fields

# The buttons of one dialog the walk tries in turn (a decision: uphold, change, revoke).
MAX_DIALOG_BUTTONS = 4
# The daily jobs run again this many days after the demo's day (tasks turned red since).
LATER_DAYS = 30


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


class StateWalker(Forks, ClickingUser):
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
        # Which record of its state the walk is on: the selections it types differ.
        self.variant = 0
        self.crashes = []  # (label, error): a click raised something else than a refusal
        self.refusals = {}  # (model, state) -> [(label, message)]: why clicks went nowhere
        self._events = None
        self._views = {}
        self._steps = {}
        self.fruitful = {}  # (model, state) -> whether its last walk reached a state never reached
        # A dialog's buttons are alternatives (uphold or withdraw the deduction): which one
        # the click presses first, and how many its dialog offered.
        self.dialog_choice = 0
        self.dialog_buttons = 0
        self.refused = ""  # what the last refusal of a click said: the dropdowns avoid whom it names
        self.typed = set()  # the (model, selection) a click typed a value into
        self.revisits = set()  # (model, state) a click brought a record back to, not reached yet
        self.rotation = {}  # (model, selection) -> how many kept clicks typed it
        self.made = {}  # (model, field) -> the value a click chose (a selection, a yes/no)
        self.forced = {}  # (model, field) -> the value a fork chooses instead
        self.explored = set()  # (model, field, value) walked by a kept click or a fork
        self.choice_forks = []  # the choices forced by each fork, in turn
        self.fork_depth = 0  # how many forks the walk is inside
        # (model, id) walked to the end of their way, however walked their states are: the
        # records a choice fork moved, and those the click kept after it moved.
        self.through = set()
        self.going_through = False  # whether the clicks now are on such a way

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
            if walker._events is not None and records._name == "tier.review":
                # A tier approved or rejected: a step of the document it reviews.
                walker._events.extend(("tier.review", review.id, None, "tier") for review in records)
            elif walker._events is not None and records._name in walker.models:
                state = records._guard_state_field
                steps = walker._step_fields(records)
                for record, vals in zip(records, vals_list, strict=True):
                    if state in vals:
                        walker._events.append((records._name, record.id, vals[state], ""))
                    elif written := sorted(steps & vals.keys()):
                        # A step of the workflow that keeps the state (a proposal, a
                        # review recorded): its state is read once the click is flushed.
                        walker._events.append((records._name, record.id, None, ",".join(written)))

        def create(model, data_list):
            records = original_create(model, data_list)
            if walker._events is not None and model._name in walker.models:
                state = records._guard_state_field
                walker._events.extend((records._name, record.id, record[state], "") for record in records)
            return records

        original_m2m = Many2many.write_real

        def write_m2m(field, records_commands_list, create=False):
            original_m2m(field, records_commands_list, create)
            # A many2many of the workflow (officers assigned, approvers) is written apart.
            if walker._events is not None and not create and field.model_name in walker.models:
                for records, _commands in records_commands_list:
                    if field.name in walker._step_fields(records):
                        walker._events.extend((records._name, record.id, None, field.name) for record in records)

        with (
            patch.object(BaseModel, "_write_multi", write_multi),
            patch.object(BaseModel, "_create", create),
            patch.object(Many2many, "write_real", write_m2m),
        ):
            yield

    def _step_fields(self, records):
        """The fields only the model's actions write (its workflow), but the state and
        what the daily deadline job or a compute writes: a click writing one is a step."""
        name = records._name
        if name not in self._steps:
            job = set(self.env["liangze.deadline.mixin"]._fields)
            self._steps[name] = {
                field_name
                for field_name in records._guard_workflow()
                if field_name in records._fields
                and field_name != records._guard_state_field
                and field_name not in job
                and not records._fields[field_name].compute
            }
        return self._steps[name]

    def _signature(self, record):
        """Where a record stands: its state and which steps of its workflow are recorded."""
        steps = sorted(name for name in self._step_fields(record) if record[name])
        # Its lines' states too (the lines its form shows): a line checked is a step of the
        # record holding it; not a list's tasks, shown elsewhere.
        for name, field in self._lines_shown(record._name).items():
            if field.comodel_name in self.models:
                states = record[name].mapped(record[name]._guard_state_field)
                steps += sorted(f"{name} {state} {states.count(state)}" for state in set(states))
        reviews = record._fields.get("review_ids")
        if reviews and reviews.comodel_name == "tier.review":
            steps += sorted(f"tier {review.sequence} {review.status}" for review in record.review_ids)
        return record[record._guard_state_field], ",".join(steps)

    def _moves(self):
        """The click's events as (model, id, state, step): a state entered (step "") or a
        step recorded in a state; a step of a record whose state moved is left out."""
        moved = {(model, record_id) for model, record_id, _state, step in self._events if not step}
        moves = []
        for model, record_id, state, step in dict.fromkeys(self._events):
            if model == "tier.review":
                review = self.env[model].sudo().browse(record_id)
                if review.model not in self.models:
                    continue
                model, record_id, step = review.model, review.res_id, f"tier {review.sequence} {review.status}"
            if step:
                if (model, record_id) in moved:
                    continue
                record = self.env[model].sudo().browse(record_id)
                state = record[record._guard_state_field]
            # Not walked again from a state it was walked from, nor from a state walked
            # enough (the demo's verifications in each state), but a click bringing a record
            # there reaches the state (a task accepted, reopened, accepted again).
            spent = self.expanded.get((model, state, step), 0) >= self.expansions
            spent = spent and not self.going_through and (model, record_id) not in self.through
            if spent or (model, record_id, state, step) in self.visited:
                if not step and (model, state) not in self.reached:
                    self.revisits.add((model, state))
                continue
            moves.append((model, record_id, state, step))
        return moves

    def _new_states(self, moves):
        """The (model, state) pairs the moves enter and no click reached before."""
        return ({(model, state) for model, _id, state, step in moves if not step} | self.revisits) - self.reached.keys()

    def _attempt(self, pair, label, function, keep=True, always=False):
        """Run a click in a savepoint; keep it (``keep``) only when it moved a record into
        a state it never had, or recorded a new step; ``always`` keeps what it did anyway (a
        job refreshing the warnings the next job reads). Returns (new (model, state) pairs,
        moves, refusal)."""
        self._events = []
        self.typed = set()
        self.made = {}
        self.revisits = set()
        moves = []
        try:
            with mute_logger("odoo.sql_db"), self.env.cr.savepoint():
                function()
                self.env.flush_all()
                moves = self._moves()
                if not (moves or self.revisits or always) or not keep:
                    raise _Discard
        except _Discard:
            return self._new_states(moves), moves, None
        except REFUSALS as error:
            self.refusals.setdefault(pair, []).append((label, str(error).splitlines()[0][:200]))
            return set(), [], error
        except Exception as error:  # noqa: BLE001 (a click that crashes: the walker reports it)
            self.crashes.append((label, f"{type(error).__name__}: {error}"))
            return set(), [], None
        finally:
            self._events = None
            self.env.invalidate_all()
        new = self._new_states(moves)
        for key in self.typed:
            self.rotation[key] = self.rotation.get(key, 0) + 1
        for pair in self.revisits:
            self.reached.setdefault(pair, label)
        for model, _id, state, step in moves:
            if not step:
                self.reached.setdefault((model, state), label)
            else:
                self.expanded[model, state, step] = self.expanded.get((model, state, step), 0) + 1
        self.visited.update(moves)
        return new, moves, None

    # -- the walk -----------------------------------------------------------------------
    def walk(self, samples_per_state=4):
        env = self.env
        queue = deque()
        for model in self.models:
            Model = env[model].sudo().with_context(active_test=False)
            state = Model._guard_state_field
            for value in states_of(env, model):
                records = Model.search([(state, "=", value)], limit=samples_per_state)
                if records and value in Model._guard_initial_states:
                    self.reached.setdefault((model, value), "exists")
                self.visited.update((model, record.id, value, "") for record in records)
                queue.extend((model, record.id) for record in records)
        news = []  # (model, user, the choices its New made)
        with self.observing():
            for model in self.models:
                for user in self.users:
                    if self.as_user(env[model], user).has_access("create"):
                        _new, moves = self.create_new(model, user)
                        if moves:
                            news.append((model, user, dict(self.made)))
                            # Twice: a first state with many ways out is walked from more records.
                            extra = self.create_new(model, user)[1]
                            queue.extendleft((m, i) for m, i, _s, _step in moves + extra)
                            break
            walked = set()
            self._drain(queue, walked)
            # Each other answer to a yes/no of a New (a report named), walked to its end.
            for model, user, made in news:
                # (Not "active": archiving is no choice of the work.)
                yes_no = lambda key, model=model: (  # noqa: E731
                    key[0] == model and key[1] != "active" and env[model]._fields[key[1]].type == "boolean"
                )
                made = {key: value for key, value in made.items() if yes_no(key)}
                self.fork_choices(lambda model=model, user=user: self.create_new(model, user)[1], made, walked, yes_no)
            # The system acts too: the daily jobs (a reminder letter drafted for red tasks,
            # a shelved clue back for review), then the users again from where they left;
            # and once more a month later (the tasks turned red since the demo's letters).
            self._run_jobs(walked)
            with freeze_time(fields.Datetime.now() + timedelta(days=LATER_DAYS)):
                self._run_jobs(walked)
        return self

    def _run_jobs(self, walked):
        queue = deque()
        for job in self._jobs():
            _new, moves, _refusal = self._attempt(("job", job.name), f"job {job.name}", job.run, always=True)
            queue.extend((model, record_id) for model, record_id, _state, _step in moves)
        self._drain(queue, walked)

    def _drain(self, queue, walked):
        env = self.env
        while queue:
            model, record_id = queue.popleft()
            record = env[model].sudo().with_context(active_test=False).browse(record_id).exists()
            if not record:
                continue
            state, steps = self._signature(record)
            if (model, record_id, state, steps) in walked:
                continue
            # A state is walked from a few records, each set of recorded steps as many
            # times; and from one more while the last one found a state never reached
            # (a report registered may be accepted, refused, forwarded or a repeat).
            spent = self.expanded.get((model, state, "at", steps), 0) >= self.expansions
            spent = spent and (model, record_id) not in self.through
            if spent and not self.fruitful.get((model, state)):
                continue
            walked.add((model, record_id, state, steps))
            self.expanded[model, state, "at", steps] = self.expanded.get((model, state, "at", steps), 0) + 1
            self.variant = self.expanded.get((model, state, ""), 0)
            self.expanded[model, state, ""] = self.variant + 1
            # What a click moved is walked on first: a chain of steps goes to its end.
            queue.extendleft(reversed(self._step(record, walked)))

    def _jobs(self):
        """The liangze scheduled jobs, each as its server action run by the job's user, in
        the order of their hour in the day (the warnings before the letters for red tasks)."""
        crons = self.env["ir.cron"].sudo().search([("model_id.model", "=like", "liangze.%")])
        crons = crons.sorted(lambda cron: (cron.nextcall.time(), cron.priority, cron.id))
        return [cron.ir_actions_server_id.with_user(cron.user_id) for cron in crons]

    def _step(self, record, walked):
        going_through = self.going_through
        self.going_through = (record._name, record.id) in self.through
        try:
            return self._step_from(record, walked)
        finally:
            self.going_through = going_through

    def _step_from(self, record, walked):
        """Each user clicks each button they see (rolled back); the click that reaches a
        state of a model not reached yet, else the first that moves a record somewhere
        new, is clicked again and kept. Once a state never reached is found, the user tries
        their other buttons and the next users the buttons no one tried: each other way
        to a state never reached is walked to its end, then rolled back (an appeal upheld,
        and the same appeal revoked).
        Returns the records to walk on from."""
        chosen, rank, forks, tried, chosen_made = None, 0, [], set(), {}
        for user in self.users:
            if not self.as_user(record, user).has_access("read"):
                continue
            targets = [(record, button) for button in self.buttons(record._name, user)]
            for field, button in self.line_buttons(record._name, user):
                targets += [(line, button) for line in record[field][:2]]
            pressed = set()
            for target, button in targets:
                if self._eval(self.as_user(target, user), button[1], False) is True or (target, button[0]) in pressed:
                    continue
                # A state never reached found, the other users try only the buttons no one
                # tried yet (a leader accepts the task another returned).
                if rank == 3 and (target, button[0]) in tried:
                    continue
                pressed.add((target, button[0]))
                self.dialog_buttons = 0
                for dialog in range(MAX_DIALOG_BUTTONS):
                    self.dialog_choice = dialog
                    new, moves = self.click(target, user, button, keep=False)
                    made = dict(self.made)
                    # A state never reached, else a state entered, else a step recorded.
                    found = 3 if new else 2 if any(not step for *_rest, step in moves) else 1 if moves else 0
                    if new and rank == 3:
                        forks.append(((target, user, button, dialog), new))
                    elif found > rank:
                        chosen, rank, chosen_made = (target, user, button, dialog), found, made
                    if dialog + 1 >= self.dialog_buttons:
                        break
                self.dialog_choice = 0
            tried |= pressed
        self.fruitful[record._name, record[record._guard_state_field]] = rank == 3
        for (target, user, button, dialog), new in forks:
            if new - self.reached.keys():
                self._fork(target, user, button, dialog, walked)
        if not chosen:
            return []

        # The other values of a choice a step of the record's work makes (a clue's way of
        # disposal: ``_guard_state_fields``), not of what was typed at its creation.
        def step_choice(key):
            model, name = key
            return (
                model == record._name
                and name in record._guard_state_fields
                and record._fields[name].type == "selection"
            )

        made = {key: value for key, value in chosen_made.items() if step_choice(key)}
        if rank == 3 and made and self.fork_choices(lambda: self._redo(*chosen), made, walked, step_choice):
            self.going_through = True
        *chosen, self.dialog_choice = chosen
        _new, moves = self.click(*chosen)
        self.dialog_choice = 0
        found = self._to_walk(moves)
        if self.going_through:
            self.go_through(moves)
        return found + [(record._name, record.id)]

    def _lines_shown(self, model):
        """The lines of a model's form as the walk's users see it (each its own groups'),
        {field name: field} (a list's tasks are not)."""
        if ("lines", model) not in self._views:
            fields_ = self.env[model]._fields
            shown = {}
            for user in self.users:
                if self.as_user(self.env[model], user).has_access("read"):
                    for node in top_fields(self.arch(model, user)):
                        if node.get("name") in fields_ and fields_[node.get("name")].type == "one2many":
                            shown[node.get("name")] = fields_[node.get("name")]
            self._views["lines", model] = shown
        return self._views["lines", model]

    def _to_walk(self, moves):
        """The records a click moved, and the records holding them as lines: a problem
        verified may let its rectification close."""
        found = []
        for model, record_id, _state, _step in moves:
            found.append((model, record_id))
            record = self.env[model].sudo().browse(record_id).exists()
            for name, field in record._fields.items():
                if field.type == "many2one" and field.comodel_name in self.models and record[name]:
                    if any(f.comodel_name == model for f in self._lines_shown(field.comodel_name).values()):
                        found.append((field.comodel_name, record[name].id))
        return list(dict.fromkeys(found))

    def unreached(self):
        return sorted(
            (model, state)
            for model in self.models
            for state in states_of(self.env, model)
            if (model, state) not in self.reached
        )
