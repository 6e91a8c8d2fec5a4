# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What every liangze test shares: the standard bureau (``BureauCase``) with a user
per role (``make_user(role, unit)``), users who live in the bureau's day, the
instants at which date-sensitive tests are run, and the refusal assertions."""

from contextlib import contextmanager
from datetime import date, datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

from ..models.liangze_record_guard import RecordGuardError
from ..roles import ADMIN, LEADER, SUPERVISOR, UNIT_HEAD, USER

BUREAU_TZ = "Asia/Shanghai"

# UTC instants the date-sensitive tests run at (freezegun's freeze_time takes them):
# each is a moment where the bureau's day and the UTC day, or the workday and the
# calendar day, part ways.
BUREAU_INSTANTS = {
    # An ordinary Tuesday, early and late in UTC (11:30, and 04:30 the next day in China).
    "03:30 UTC": datetime(2026, 3, 17, 3, 30),
    "20:30 UTC": datetime(2026, 3, 17, 20, 30),
    # 31 December 23:30 and 1 January 00:10 in China.
    "new year's eve 23:30 in China": datetime(2026, 12, 31, 15, 30),
    "new year's day 00:10 in China": datetime(2026, 12, 31, 16, 10),
    # The eve of the Spring Festival (除夕, 16 February 2026, a holiday), 10:00 in China.
    "spring festival eve": datetime(2026, 2, 16, 2, 0),
    # 10 October 2026: a Saturday that is a workday (调休 of National Day), 09:00 in China.
    "adjusted workday saturday": datetime(2026, 10, 10, 1, 0),
    # 29 February 2028, 09:00 in China.
    "leap day": datetime(2028, 2, 29, 1, 0),
    # 30 September 2026, the last workday before National Day, 17:00 in China.
    "eve of national day": datetime(2026, 9, 30, 9, 0),
}


# The bureau's day (Asia/Shanghai) at each of those instants.
BUREAU_DAYS = {
    "03:30 UTC": date(2026, 3, 17),
    "20:30 UTC": date(2026, 3, 18),
    "new year's eve 23:30 in China": date(2026, 12, 31),
    "new year's day 00:10 in China": date(2027, 1, 1),
    "spring festival eve": date(2026, 2, 16),
    "adjusted workday saturday": date(2026, 10, 10),
    "leap day": date(2028, 2, 29),
    "eve of national day": date(2026, 9, 30),
}
# The first workday after the bureau's day, where the statutory calendar decides it.
NEXT_WORKDAY = {
    "03:30 UTC": date(2026, 3, 18),
    "20:30 UTC": date(2026, 3, 19),
    # The Spring Festival holiday runs from 15 to 23 February 2026.
    "spring festival eve": date(2026, 2, 24),
    # Saturday 10 October is worked; Sunday 11 is not.
    "adjusted workday saturday": date(2026, 10, 12),
    "leap day": date(2028, 3, 1),
    # National Day: 1 to 7 October 2026 off.
    "eve of national day": date(2026, 10, 8),
}


def bureau_user(env, login, groups="base.group_user", **values):
    """``new_test_user`` with the bureau's time zone, as real users have it."""
    values.setdefault("tz", BUREAU_TZ)
    return new_test_user(env, login=login, groups=groups, **values)


class BureauCase(TransactionCase):
    """A city bureau (company A) with a county bureau below it (company A1),
    an unrelated bureau (company B), and one user per role.

        city committee (A)
        ├── office (A)
        │   └── archive room (A)
        ├── discipline group (A, supervises the city committee)
        └── county committee (A1)
            └── county office (A1)
    """

    @classmethod
    def _user(cls, login, groups, companies=None):
        """A user of the bureau's time zone, in company A (or in ``companies``)."""
        companies = companies or cls.company_a
        return bureau_user(
            cls.env,
            login=login,
            groups=groups,
            company_id=companies[0].id,
            company_ids=[(6, 0, companies.ids)],
        )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, mail_create_nolog=True))
        Company = cls.env["res.company"]
        cls.company_a = Company.create({"name": "City Bureau"})
        cls.company_a1 = Company.create({"name": "County Bureau", "parent_id": cls.company_a.id})
        cls.company_b = Company.create({"name": "Other Bureau"})
        Unit = cls.env["liangze.unit"]
        cls.city = Unit.create(
            {"name": "City Committee", "code": "C", "unit_type": "party_committee", "company_id": cls.company_a.id}
        )
        cls.office = Unit.create(
            {"name": "Office", "code": "C-OFF", "parent_id": cls.city.id, "company_id": cls.company_a.id}
        )
        cls.archive_room = Unit.create(
            {"name": "Archive Room", "code": "C-ARC", "parent_id": cls.office.id, "company_id": cls.company_a.id}
        )
        cls.discipline = Unit.create(
            {
                "name": "Discipline Group",
                "code": "C-JJZ",
                "unit_type": "discipline_body",
                "parent_id": cls.city.id,
                "company_id": cls.company_a.id,
            }
        )
        cls.county = Unit.create(
            {
                "name": "County Committee",
                "code": "Q",
                "unit_type": "party_committee",
                "parent_id": cls.city.id,
                "company_id": cls.company_a1.id,
            }
        )
        cls.county_office = Unit.create(
            {"name": "County Office", "code": "Q-OFF", "parent_id": cls.county.id, "company_id": cls.company_a1.id}
        )
        cls.other = Unit.create(
            {"name": "Other Committee", "code": "O", "unit_type": "party_committee", "company_id": cls.company_b.id}
        )

        make = cls.make_user
        cls.member = make(USER, cls.office, login="lz_member")
        cls.head = make(UNIT_HEAD, cls.office, login="lz_head")
        cls.leader = make(LEADER, cls.city, login="lz_leader")
        cls.supervisor = make(SUPERVISOR, cls.discipline, login="lz_supervisor")
        cls.admin = cls._user("lz_admin", ADMIN)
        cls.outsider = make(LEADER, cls.other, login="lz_outsider")

    @classmethod
    def make_user(cls, role, unit, login=None, companies=None):
        """A user of ``role`` (a group of liangze_base.roles) working in ``unit``: its
        head for a unit head, a member otherwise; in the unit's company (or
        ``companies``), in the bureau's time zone."""
        login = login or f"lz_{role.rsplit('.', 1)[-1]}_{unit.code or unit.id}".lower()
        user = cls._user(login, role, companies or unit.company_id)
        if role == UNIT_HEAD:
            unit.head_id = user
        unit.member_ids = [(4, user.id)]
        return user

    @contextmanager
    def assertRefused(self, exception, pattern):
        """Expect ``exception`` with a message matching ``pattern``, and roll
        back whatever the refused operation wrote (unlike assertRaisesRegex,
        assertRaises runs inside a savepoint)."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), pattern)
        self.env.invalidate_all()

    @contextmanager
    def assertGuarded(self, model, field):
        """Expect the record guard's own refusal naming ``field`` of ``model``, not
        an access right, a record rule or a bound refusing for another reason."""
        with self.assertRaises(RecordGuardError) as caught:
            yield caught
        self.assertEqual((caught.exception.model, caught.exception.field), (model, field))

    def assertUnchanged(self, record, names, function):
        """``function`` is refused (AccessError, UserError or ValidationError) and
        leaves the fields ``names`` of ``record`` as they were."""
        before = record.sudo().read(names)
        refused = False
        try:
            with self.env.cr.savepoint():
                function()
                self.env.flush_all()
        except (AccessError, UserError, ValidationError):
            refused = True
        self.assertTrue(refused, "the attempt was not refused")
        self.env.invalidate_all()
        self.assertEqual(record.sudo().read(names), before)

    @classmethod
    def _load_chinese(cls):
        """Load the addons' zh_CN translations, so errors can be checked in Chinese."""
        cls.env["res.lang"]._activate_lang("zh_CN")
        modules = cls.env["ir.module.module"].search([("name", "like", "liangze_"), ("state", "=", "installed")])
        cls.env["ir.module.module"]._load_module_terms(modules.mapped("name"), ["zh_CN"], overwrite=True)


def untranslated_terms(env, module):
    """Terms Odoo would export for ``module`` that its i18n/zh_CN.po leaves untranslated."""
    import polib

    from odoo.modules.module import get_module_path
    from odoo.tools.translate import TranslationModuleReader

    po_path = f"{get_module_path(module)}/i18n/zh_CN.po"
    translated = {entry.msgid for entry in polib.pofile(po_path) if entry.msgstr and "fuzzy" not in entry.flags}
    terms = {row[4] for row in TranslationModuleReader(env.cr, modules=[module])}
    return sorted(term for term in terms if term not in translated)
