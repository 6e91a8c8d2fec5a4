# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The record guard checks what a create really writes: the values given, and
the defaults a client can inject for the others (``default_<field>`` context
keys, ``ir.default`` values), whatever the channel (create, copy, import,
name_create). A field's own Python default is the model's, and is trusted."""

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.liangze_base.models.liangze_record_guard import RecordGuardError

from .common import LiangzeCase

EXTENSION = "liangze.deadline.extension"
FIRST_STATE = "starts in its first state"


@tagged("post_install", "-at_install")
# The clock frozen in 1 September 2026, before the third quarter's deadline.
@freeze_time("2026-09-01 02:00:00")
class TestGuardDefaults(LiangzeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a.resource_calendar_id._liangze_load_chinese_year(2026)
        item = cls._published_item(
            cls.office,
            name="Quarterly risk review",
            frequency="quarterly",
            deadline_days=5,
            supervising_unit_id=cls.discipline.id,
        )
        cls.task = item.task_ids.filtered(lambda t: t.period_start.month == 7)
        cls.values = {"task_id": cls.task.id, "requested_deadline": "2026-10-31", "reason": "The audit is late"}

    def _extensions(self):
        return self.env[EXTENSION].sudo().search([("task_id", "=", self.task.id)])

    def assertGuardRefused(self, field, function, pattern=r"set by the product's own actions only"):
        """``function`` is refused by the record guard itself, naming ``field``
        of the deadline extension, and creates no extension."""
        before = self._extensions()
        with self.assertRefused(RecordGuardError, pattern) as caught:
            function()
        self.assertEqual((caught.exception.model, caught.exception.field), (EXTENSION, field))
        self.assertEqual(self._extensions(), before, "nothing is created")

    def _as_member(self, **context):
        return self.env[EXTENSION].with_user(self.member).with_context(**context)

    def test_default_state_in_the_context_is_refused(self):
        """The walk-around: a 责任人 asks for an extension already approved."""
        self.assertGuardRefused(
            "state", lambda: self._as_member(default_state="approved").create(self.values), FIRST_STATE
        )
        self.assertGuardRefused(
            "decided_by_id",
            lambda: self._as_member(default_decided_by_id=self.supervisor.id).create(self.values),
        )
        self.assertGuardRefused(
            "new_deadline", lambda: self._as_member(default_new_deadline="2026-12-31").create(self.values)
        )

    def test_user_default_of_a_workflow_field_is_refused(self):
        """The same through an ``ir.default`` the user sets for himself."""
        self.env["ir.default"].with_user(self.member).set(EXTENSION, "state", "approved", user_id=self.member.id)
        self.assertGuardRefused("state", lambda: self._as_member().create(self.values), FIRST_STATE)
        # A company-wide default, set by whoever may set one, is no action of the product either.
        self.env["ir.default"].search([("field_id.model", "=", EXTENSION)]).unlink()
        self.env["ir.default"].set(EXTENSION, "decision_note", "Approved in advance", company_id=self.company_a.id)
        self.assertGuardRefused("decision_note", lambda: self._as_member().create(self.values))

    def test_copy_with_a_state_default_is_refused(self):
        extension = self._as_member().create(self.values)
        extension.with_user(self.supervisor).action_refuse("Not a reason")
        # Asked again, copying the first: the copy starts over, and cannot be approved already.
        self.assertGuardRefused(
            "state", lambda: extension.with_user(self.member).copy(default={"state": "approved"}), FIRST_STATE
        )
        self.assertGuardRefused(
            "state",
            lambda: extension.with_user(self.member).with_context(default_state="approved").copy(),
            FIRST_STATE,
        )

    def test_import_with_a_state_column_is_refused(self):
        before = self._extensions()
        result = self._as_member().load(
            ["task_id/.id", "requested_deadline", "reason", "state"],
            [[str(self.task.id), "2026-10-31", "The audit is late", "approved"]],
        )
        self.env.invalidate_all()
        self.assertFalse(result["ids"], "nothing is imported")
        self.assertRegex(" ".join(m["message"] for m in result["messages"]), FIRST_STATE)
        self.assertEqual(self._extensions(), before)
        # And through a default given to the import.
        result = self._as_member(default_state="approved").load(
            ["task_id/.id", "requested_deadline", "reason"],
            [[str(self.task.id), "2026-10-31", "The audit is late"]],
        )
        self.env.invalidate_all()
        self.assertFalse(result["ids"], "nothing is imported")
        self.assertRegex(" ".join(m["message"] for m in result["messages"]), FIRST_STATE)
        self.assertEqual(self._extensions(), before)

    def test_name_create_with_a_workflow_default_is_refused(self):
        """name_create fills the rest from the defaults: a list created by its name
        is a draft, whatever the context says."""
        List = self.env["liangze.list"].with_user(self.admin)
        lists = List.sudo().search([])
        with self.assertRefused(RecordGuardError, FIRST_STATE) as caught:
            List.with_context(default_state="published", default_year=2026).name_create("2026 Forged list")
        self.assertEqual((caught.exception.model, caught.exception.field), ("liangze.list", "state"))
        self.assertEqual(List.sudo().search([]), lists)

    def test_trusted_and_harmless_defaults_pass(self):
        """The model's own defaults, a default of the first state, defaults of
        ordinary fields and the product's own actions are not refused."""
        extension = self._as_member(default_state="requested", default_reason="Given by the screen").create(
            {"task_id": self.task.id, "requested_deadline": "2026-10-31"}
        )
        self.assertEqual(
            (extension.state, extension.reason, extension.requested_by_id),
            ("requested", "Given by the screen", self.member),
        )
        # A default left in the context does not stop the product's own actions.
        extension.with_user(self.supervisor).with_context(default_decided_by_id=self.member.id).action_refuse("No")
        self.assertEqual((extension.state, extension.decided_by_id), ("refused", self.supervisor))
