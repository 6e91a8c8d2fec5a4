# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The walk's forks (``state_walker``): a record with two ways to states never reached
(a dialog's buttons: uphold or revoke) takes one, the others are each walked to their
end and rolled back. And each other value of a choice a kept click
or a "New" made — the way a clue is disposed of, a report named or anonymous, an
inquiry by talk or by letter — is clicked once in the walk, walked to its end, and
rolled back: what it reached stays reached."""

import logging
import time
from collections import deque
from contextlib import closing, contextmanager

_logger = logging.getLogger(__name__)


class Forks:
    """Needs the walker's ``env``, ``made``, ``forced``, ``explored``, ``through``, ``_drain``, ``_to_walk``."""

    def _redo(self, target, user, button, dialog):
        """A click again (in a fork), with the same button of its dialog; returns its moves."""
        self.dialog_choice = dialog
        try:
            return self.click(target, user, button)[1]
        finally:
            self.dialog_choice = 0

    @contextmanager
    def _rolled_back(self, walked):
        """A fork's records rolled back however the block ends; what it reached stays
        reached. So is what the walk knows of the records it walked (the record clicked
        walks on after the fork as if it never happened), not how walked each state is."""
        saved = set(self.visited), set(walked), dict(self.rotation), self.variant
        self.fork_depth += 1
        try:
            # closing(): the savepoint is rolled back however the block ends (sql_db.Savepoint).
            with closing(self.env.cr.savepoint()):
                yield
        finally:
            self.fork_depth -= 1
            self.visited = saved[0]
            walked.clear()
            walked.update(saved[1])
            self.rotation, self.variant, self.forced = saved[2], saved[3], {}
            self.env.invalidate_all()

    def _fork(self, target, user, button, dialog, walked):
        """Click, walk what moved to its end, and roll it all back."""
        with self._rolled_back(walked):
            self._drain(deque(self._to_walk(self._redo(target, user, button, dialog))), walked)

    def go_through(self, moves):
        """The records moved, two of each model (a list published makes its hundreds of
        tasks), walked to the end of their way however walked their states."""
        per_model = {}
        for model, record_id, _state, _step in moves:
            per_model.setdefault(model, []).append((model, record_id))
        self.through.update(pair for pairs in per_model.values() for pair in pairs[:2])

    def _values(self, key):
        model, name = key
        field = self.env[model]._fields[name]
        if field.type == "boolean":
            return [False, True]
        return [value for value, _label in field._description_selection(self.env)]

    def _others(self, key, forced=None):
        """The values of a choice not walked yet, marked as walked: each is forked once."""
        pending = []
        for value in self._values(key):
            if (*key, value) not in self.explored:
                self.explored.add((*key, value))
                pending.append({**(forced or {}), key: value})
        return pending

    def fork_choices(self, redo, made, walked, keep):
        """``redo()`` clicks again (or creates again) and returns its moves; ``made`` is what the
        kept click chose. A fork's click may offer a choice the kept one did not (a letter
        inquiry, once an inquiry is the way): its values are forked with the fork's, when
        ``keep(key)`` says the choice is one to fork.
        Not inside a fork. Each fork, and the click kept after one, walks its way to its
        end, however walked the states on it (``through``). Returns whether it forked."""
        if self.fork_depth:
            return False
        self.explored |= {(*key, value) for key, value in made.items()}
        pending = [fork for key in made for fork in self._others(key)]
        forked = False
        while pending and self.unreached():
            forced = pending.pop(0)
            self.choice_forks.append(forced)
            start = time.monotonic()
            forked = True
            with self._rolled_back(walked):
                self.forced, self.going_through = forced, True
                moves = redo()
                offered = dict(self.made)
                self.forced, self.going_through = {}, False
                self.go_through(moves)
                self._drain(deque(self._to_walk(moves)), walked)
            _logger.info("state walk: fork %s: %s moved, %.1f s", forced, len(moves), time.monotonic() - start)
            if not moves:
                continue
            self.explored |= {(*key, value) for key, value in offered.items()}
            offered = {key: value for key, value in offered.items() if keep(key)}
            pending += [fork for key in offered if key not in forced for fork in self._others(key, forced)]
        return forked
