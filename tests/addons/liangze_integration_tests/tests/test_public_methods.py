# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Public methods check access to the records first (issue "Confidential means
confidential", item 9): any user may call a public method of any model over RPC, with
any ids; the buttons that open what hangs on a record (``action_open_*``: a clue's
inquiries, a record's source) answer a user who cannot read the record with an access
error, not with the action. Generated from the registry: a new model is checked too."""

import inspect

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase


def open_methods(Model):
    """The public ``action_open_*`` methods of a model that act on records (not @api.model)."""
    for name, method in inspect.getmembers(type(Model), callable):
        if name.startswith("action_open") and not getattr(method, "_api_model", False):
            yield name


@tagged("post_install", "-at_install", "liangze_demo")
class TestPublicMethods(TransactionCase):
    def test_open_buttons_refuse_who_cannot_read_the_record(self):
        liming = self.env.ref("liangze_responsibility.res_users_demo_liming", raise_if_not_found=False)
        if not liming:
            self.skipTest("demo data not loaded")
        tried, opened = [], []
        for name in sorted(self.env.registry):
            Model = self.env[name]
            if not name.startswith("liangze.") or Model._abstract or Model._transient:
                continue
            methods = list(open_methods(Model))
            if not methods:
                continue
            # A record the responsibility user of the office does not read (a clue, a case, another unit's task).
            everything = Model.sudo().with_context(active_test=False).search([], limit=200)
            # (None readable where his role has no read right on the model at all.)
            hidden = (everything - everything.with_user(liming)._filtered_access("read").sudo())[:1]
            if not hidden:
                continue
            for method in methods:
                tried.append(f"{name}.{method}")
                try:
                    with self.env.cr.savepoint():
                        getattr(hidden.with_user(liming), method)()
                except AccessError:
                    continue
                except Exception as error:  # noqa: BLE001 (reported with the others)
                    opened.append(f"{name}.{method} on {hidden.ids}: {type(error).__name__}: {error}")
                    continue
                opened.append(f"{name}.{method} on {hidden.ids}: opened")
        self.assertIn("liangze.clue.action_open_inquiries", tried, "the clue of the issue was tried")
        self.assertFalse(opened, "public methods answering 李明 on records he cannot read:\n" + "\n".join(opened))
