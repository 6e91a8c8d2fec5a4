# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every state of every liangze model, reached by users clicking the product's buttons.

The walk (``state_walker.StateWalker``) reads the models, their states, the buttons and
the fields of their forms from the registry and the views: a new model is walked without
new test code, and fails here when one of its states cannot be reached or a button of
its form crashes.
"""

import logging
import re

from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from .state_walker import StateWalker
from .test_integrity_attacks import DEMO_LOGINS

_logger = logging.getLogger(__name__)

CJK = re.compile(r"[\u4e00-\u9fff]")
# A database constraint's own text: the web client shows it inside its translated
# "the operation cannot be completed" dialog (odoo/service/model.py).
DATABASE_MESSAGES = ("null value in column", "duplicate key value", "new row for relation", "insert or update on table")


@tagged("post_install", "-at_install", "liangze_demo")
class TestConformanceStates(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # And the trial officer who reviews appeals (the attack suite has a case officer already).
        logins = (*DEMO_LOGINS, "wanglei")
        cls.users = cls.env["res.users"].search([("login", "in", logins)], order="login")
        cls.walker = None
        if cls.env.ref("liangze_responsibility.res_users_demo_liming", raise_if_not_found=False):
            cls.walker = StateWalker(cls.env, cls.users, expansions=3).walk()

    def setUp(self):
        super().setUp()
        if not self.walker:
            self.skipTest("demo data not loaded")

    def test_every_state_is_reached_by_clicking(self):
        unreached = self.walker.unreached()
        _logger.info(
            "state walk: %s of %s states reached by clicks (%s forks of a choice: %s)",
            len(self.walker.reached),
            len(self.walker.reached) + len(unreached),
            len(self.walker.choice_forks),
            self.walker.choice_forks,
        )
        models = {model for model, _state in unreached}
        why = {pair: refusals[:3] for pair, refusals in self.walker.refusals.items() if pair[0] in models}
        self.assertFalse(
            unreached,
            f"states no click of any demo user reached (model, state): {unreached}\n"
            f"the refusals met on the way, from the model's other states: {why}",
        )

    def test_no_button_crashes(self):
        """A button a user sees answers with the product's refusal or does its work:
        never an error of the code (a missing method, a wrong type)."""
        self.assertFalse(self.walker.crashes, "buttons that crash:\n%s" % "\n".join(map(str, self.walker.crashes)))

    def test_every_refusal_met_is_in_chinese(self):
        """What a user is told when a click cannot go on (the demo users read Chinese)."""
        if set(self.users.mapped("lang")) != {"zh_CN"}:
            self.skipTest("the demo users do not read Chinese in this database")
        english = sorted(
            {
                (label.split(" by ")[0], message)
                for refusals in self.walker.refusals.values()
                for label, message in refusals
                if not CJK.search(message) and not message.startswith(DATABASE_MESSAGES)
            }
        )
        self.assertFalse(english, "refusals a Chinese user reads in English:\n%s" % "\n".join(map(str, english)))

    def test_the_walk_is_seen_by_the_guard(self):
        """A positive control: the walk saw clicks move records (the guard's create and
        write were observed), so an unreached state is not an artefact of the walk."""
        by_click = [how for how in self.walker.reached.values() if how != "exists"]
        self.assertGreater(len(by_click), 30, "the walk moved almost nothing: is the guard observed?")
