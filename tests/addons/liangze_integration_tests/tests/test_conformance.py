# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The conformance suite: every liangze model, read from the registry, holds to the
shared mechanisms. A new model is checked without new test code; a model that drops
a mechanism fails here, named with the rule it broke.
"""

import re
from datetime import timedelta

from odoo.tests import tagged
from odoo.tests.common import TransactionCase

# Models without a company of their own, read by every bureau alike (the reason given).
SHARED_BY_EVERY_BUREAU = {
    "liangze.adjusted.workday": "the State Council's adjusted workdays, the same for every bureau",
    "liangze.accountability.measure": "the measures of the accountability regulations (问责方式), national",
    "liangze.sanction.type": "the party and government sanctions of the regulations (处分种类), national",
    "liangze.category": "the categories of the responsibility lists, one catalogue for every level",
    "liangze.job.failure": "read by the system administrators only (base.group_system), of every company",
}


def liangze_models(env, transient=False):
    return [
        name
        for name in sorted(env.registry)
        if name.startswith("liangze.")
        and not env[name]._abstract
        and (env[name]._transient if transient else not env[name]._transient)
    ]


@tagged("post_install", "-at_install")
class TestConformanceAccess(TransactionCase):
    """Access rights and record rules, for every stored liangze model."""

    def test_every_model_has_access_rights_and_a_company_rule(self):
        Access = self.env["ir.model.access"].sudo()
        Rule = self.env["ir.rule"].sudo()
        for model in liangze_models(self.env):
            with self.subTest(model=model):
                ir_model = self.env["ir.model"]._get(model)
                self.assertTrue(
                    Access.search_count([("model_id", "=", ir_model.id)]),
                    f"{model}: no access right (ir.model.access) at all",
                )
                readable = Access.search_count([("model_id", "=", ir_model.id), ("perm_read", "=", True)])
                if model in SHARED_BY_EVERY_BUREAU or not readable:
                    continue  # shared, or read by nobody (a secret ballot): nothing to confine
                rules = Rule.search([("model_id", "=", ir_model.id), ("global", "=", True)])
                confining = rules.filtered(lambda r: "company_ids" in (r.domain_force or ""))
                self.assertTrue(
                    confining,
                    f"{model}: no global record rule confines it to the user's companies "
                    f"(a rule on company_ids, e.g. [('company_id', 'child_of', company_ids)])",
                )

    def test_a_user_of_another_bureau_reads_nothing(self):
        """What the rules say, as Odoo applies them: an administrator of a bureau with
        no liangze data finds nothing of the demo bureaus, model by model."""
        other = self.env["res.company"].create({"name": "无关税务局"})
        user = self.env["res.users"].create(
            {
                "name": "别局管理员",
                "login": "lz_conformance_other_bureau",
                "company_id": other.id,
                "company_ids": [(6, 0, other.ids)],
                "group_ids": [
                    (4, self.env.ref("liangze_base.group_liangze_admin").id),
                    (4, self.env.ref("liangze_base.group_liangze_supervision_head").id),
                ],
            }
        )
        for model in liangze_models(self.env):
            if model in SHARED_BY_EVERY_BUREAU:
                continue
            Model = self.env[model].with_user(user).with_context(active_test=False)
            if not Model.has_access("read"):
                continue
            with self.subTest(model=model):
                self.assertFalse(Model.search([], limit=1), f"{model}: read by a user of another bureau")


@tagged("post_install", "-at_install", "liangze_demo")
class TestConformanceDeadlines(TransactionCase):
    """Every model of the deadline mechanism: its daily job runs over an overdue record
    without failing, and warns it red."""

    def test_every_deadline_model_warns_an_overdue_record(self):
        if not self.env.ref("liangze_responsibility.res_users_demo_liming", raise_if_not_found=False):
            self.skipTest("demo data not loaded")
        Failure = self.env["liangze.job.failure"].sudo()
        mixin = type(self.env["liangze.deadline.mixin"])
        models = [m for m in liangze_models(self.env) if mixin in type(self.env[m]).__mro__]
        self.assertGreaterEqual(len(models), 10, "the deadline models are found")
        for model in models:
            Model = self.env[model].sudo().with_context(active_test=False)
            with self.subTest(model=model):
                state = Model._deadline_state_field
                settled = list(Model._deadline_done_states) + list(Model._deadline_void_states)
                record = Model.search(Model._deadline_reminder_domain() + [(state, "not in", settled)], limit=1)
                self.assertTrue(record, f"{model}: no record the daily job would warn (demo or product actions)")
                # Overdue by a week, set as a past day would leave it.
                deadline = Model._deadline_field
                self.env.cr.execute(
                    f'UPDATE "{Model._table}" SET "{deadline}" = %s WHERE id = %s',  # noqa: S608 (registry names)
                    [Model._bureau_today() - timedelta(days=7), record.id],
                )
                record.invalidate_recordset()
                before = Failure.search_count([])
                Model._cron_refresh_warnings()
                self.assertEqual(Failure.search_count([]), before, f"{model}: the daily job failed on it")
                self.assertEqual(record.warning_level, "red", f"{model}: overdue but not warned red")


DEMO_LOGINS = ("liming", "wangfang", "zhangwei", "sunli", "zhaomin", "chengang", "liuyang", "zhoujing")


@tagged("post_install", "-at_install", "liangze_demo")
class TestConformanceThread(TransactionCase):
    """The chatter of a record (messages, attachments, activities, followers) reaches
    only who reads the record: for every liangze model with a chatter, each demo user
    who cannot read a record reads none of it."""

    def test_what_hangs_on_a_record_is_read_as_the_record(self):
        users = self.env["res.users"].search([("login", "in", DEMO_LOGINS)])
        if len(users) < len(DEMO_LOGINS):
            self.skipTest("demo data not loaded")
        channels = {
            "mail.message": lambda model, ids: [("model", "=", model), ("res_id", "in", ids)],
            "ir.attachment": lambda model, ids: [("res_model", "=", model), ("res_id", "in", ids)],
            "mail.activity": lambda model, ids: [("res_model", "=", model), ("res_id", "in", ids)],
            "mail.followers": lambda model, ids: [("res_model", "=", model), ("res_id", "in", ids)],
        }
        checked = 0
        for model in liangze_models(self.env):
            Model = self.env[model].with_context(active_test=False)
            if "message_ids" not in Model._fields:
                continue
            everything = Model.sudo().search([])
            for user in users:
                if not Model.with_user(user).has_access("read"):
                    hidden = everything
                else:
                    hidden = everything - Model.with_user(user).search([("id", "in", everything.ids)])
                if not hidden:
                    continue
                for channel, domain in channels.items():
                    present = self.env[channel].sudo().search(domain(model, hidden.ids))
                    if channel == "mail.message":
                        # A message the product addressed to the user (a notice, a decision
                        # sent to the unit) is theirs to read; no other.
                        present = present.filtered(
                            lambda m, p=user.partner_id: p not in m.partner_ids and m.author_id != p
                        )
                    if not present:
                        continue
                    checked += 1
                    with self.subTest(model=model, user=user.login, channel=channel):
                        Channel = self.env[channel].with_user(user)
                        seen = Channel.search([("id", "in", present.ids)]) if Channel.has_access("read") else Channel
                        self.assertFalse(
                            seen,
                            f"{user.login} reads {len(seen)} {channel} of {model} records they cannot read",
                        )
        self.assertGreater(checked, 20, "the demo gives records to check")


# Numbers that are not official document numbers (发文字号): registration numbers of
# the body's own files, given by a sequence of their own (the reason given).
NOT_OFFICIAL_NUMBERS = {}
NUMBER_SHAPE = re.compile(r"^(?P<prefix>.+)〔(?P<year>\d{4})〕(?P<n>[1-9]\d*)号$")


@tagged("post_install", "-at_install")
class TestConformanceOfficialDocuments(TransactionCase):
    """Every official document is numbered through its issuer's series
    (``liangze.official.document``), never by a sequence of its own."""

    def _documents(self):
        mixin = type(self.env["liangze.official.document"])
        return [m for m in liangze_models(self.env) if mixin in type(self.env[m]).__mro__]

    def test_every_official_document_declares_its_series(self):
        documents = self._documents()
        self.assertGreaterEqual(len(documents), 9, "the official documents are found")
        kinds = dict(self.env["liangze.document.series"]._fields["kind"]._description_selection(self.env))
        for model in documents:
            Model = self.env[model]
            with self.subTest(model=model):
                issuer = Model._fields.get(Model._document_issuer_field)
                number = Model._fields.get(Model._document_number_field)
                self.assertTrue(
                    issuer and issuer.type == "many2one" and issuer.comodel_name == "liangze.unit",
                    f"{model}: its issuer {Model._document_issuer_field!r} is not a unit",
                )
                self.assertTrue(number and number.type == "char", f"{model}: no number field")
                self.assertIn(Model._document_kind, kinds, f"{model}: kind {Model._document_kind!r} has no series")
                self.assertIn(
                    Model._document_number_field,
                    Model._guard_workflow(),
                    f"{model}: its number is not written by its actions only (record guard)",
                )

    def test_no_other_number_field_is_written_by_hand(self):
        """A model with a workflow field named like a number that is not its official
        number: numbered by hand, beside the series."""
        documents = set(self._documents())
        for model in liangze_models(self.env):
            Model = self.env[model]
            official = Model._document_number_field if model in documents else None
            for name in Model._guard_workflow() if hasattr(Model, "_guard_workflow") else ():
                field = Model._fields.get(name)
                if not field or field.type != "char" or not name.endswith("number") or name == official:
                    continue
                with self.subTest(model=model, field=name):
                    self.assertIn(
                        (model, name),
                        NOT_OFFICIAL_NUMBERS,
                        f"{model}.{name}: numbered beside the official document series (liangze.official.document)",
                    )

    def test_every_number_given_is_its_issuers_series(self):
        """What the demo and the product's actions numbered: prefix of the issuer's series,
        the year, a number from 1, 号 (GB/T 9704 发文字号)."""
        Series = self.env["liangze.document.series"].sudo()
        checked = 0
        for model in self._documents():
            Model = self.env[model].sudo().with_context(active_test=False)
            field = Model._document_number_field
            if field not in Model._fields:
                continue  # test_every_official_document_declares_its_series names it
            for record in Model.search([(field, "!=", False)]):
                number = record[field]
                issuer = record[Model._document_issuer_field]
                with self.subTest(model=model, number=number):
                    shape = NUMBER_SHAPE.match(number)
                    self.assertTrue(shape, f"{model}({record.id}): {number!r} is not X〔year〕n号")
                    series = Series._for(issuer, Model._document_kind)
                    self.assertEqual(
                        shape["prefix"] + "〔%(range_year)s〕",
                        series._full_prefix(),
                        f"{model}({record.id}): {number!r} not from {issuer.display_name}'s series",
                    )
                    checked += 1
        if self.env.ref("liangze_responsibility.res_users_demo_liming", raise_if_not_found=False):
            self.assertGreaterEqual(checked, 10, "the demo's numbered documents are checked")
