# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import itertools
from contextlib import contextmanager
from datetime import timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests.common import TransactionCase

from odoo.addons.liangze_base.models.liangze_record_guard import RecordGuardError
from odoo.addons.liangze_base.tests.common import bureau_user

GROUP_USER = "liangze_responsibility.group_liangze_user"
GROUP_HEAD = "liangze_responsibility.group_liangze_unit_head"
GROUP_LEADER = "liangze_responsibility.group_liangze_leader"
GROUP_ADMIN = "liangze_responsibility.group_liangze_admin"
GROUP_SUPERVISOR = "liangze_responsibility.group_liangze_supervisor"
GROUP_SUPERVISION_HEAD = "liangze_responsibility.group_liangze_supervision_head"

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The options the web client's import screen sends for an XLSX file with headers.
IMPORT_OPTIONS = {
    "has_headers": True,
    "advanced": False,
    "keep_matches": False,
    "name_create_enabled_fields": {},
    "import_set_empty_fields": [],
    "import_skip_records": [],
    "fallback_values": {},
    "skip": 0,
    "limit": 2000,
    "encoding": "",
    "separator": "",
    "quoting": '"',
    "sheet": "",
    "date_format": "",
    "datetime_format": "",
    "float_thousand_separator": ",",
    "float_decimal_separator": ".",
    "fields": [],
}


def publish_item(env, units, name, company, year=2026, **values):
    """A published list of ``year`` (2026 by default: the tests that use it freeze the
    clock in 2026) with one yearly department item owned by ``units``."""
    rlist = env["liangze.list"].create({"name": f"{year} {name}", "year": year, "company_id": company.id})
    item = env["liangze.list.item"].create(
        {
            "list_id": rlist.id,
            "category_id": env.ref("liangze_responsibility.liangze_category_prevention").id,
            "name": name,
            "frequency": "yearly",
            "owner_type": "department",
            "owner_unit_ids": [(6, 0, units.ids)],
            "evidence_min": 1,
            **values,
        }
    )
    rlist.action_publish()
    return item


_HAND_MADE = itertools.count(1)


def task_due(env, unit, deadline, yellow=None, **values):
    """A task of ``unit`` made by hand, due on ``deadline`` and yellow from ``yellow``
    (three days before when not given), its month ending the day before: for the
    tests of a given day, whatever day the item's rule would give. Each has its own
    yearly item, on a draft list of its period's year."""
    n = next(_HAND_MADE)
    end = deadline - timedelta(days=1)
    company = unit.company_id
    rlist = env["liangze.list"].search(
        [("name", "=", f"Hand-made tasks {end.year}"), ("company_id", "=", company.id)], limit=1
    ) or env["liangze.list"].create({"name": f"Hand-made tasks {end.year}", "year": end.year, "company_id": company.id})
    item = env["liangze.list.item"].create(
        {
            "list_id": rlist.id,
            "category_id": env.ref("liangze_responsibility.liangze_category_prevention").id,
            "name": f"Hand-made item {n:05d}",
            "frequency": "yearly",
            "owner_type": "department",
            "owner_unit_ids": [(6, 0, unit.ids)],
            "evidence_min": 0,
        }
    )
    return env["liangze.task"].create(
        {
            "name": f"Hand-made task {n:05d}",
            "item_id": item.id,
            "period_start": end - timedelta(days=29),
            "period_end": end,
            "deadline": deadline,
            "yellow_date": yellow or deadline - timedelta(days=3),
            "owner_unit_id": unit.id,
            "company_id": company.id,
            **values,
        }
    )


class LiangzeCase(TransactionCase):
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

        user = cls._user

        cls.member = user("lz_member", GROUP_USER)
        cls.head = user("lz_head", GROUP_HEAD)
        cls.leader = user("lz_leader", GROUP_LEADER)
        cls.supervisor = user("lz_supervisor", GROUP_SUPERVISOR)
        cls.admin = user("lz_admin", GROUP_ADMIN)
        cls.outsider = user("lz_outsider", GROUP_LEADER, cls.company_b)
        cls.office.write({"head_id": cls.head.id, "member_ids": [(6, 0, (cls.member | cls.head).ids)]})
        cls.city.member_ids = cls.leader
        cls.discipline.member_ids = cls.supervisor
        cls.other.member_ids = cls.outsider

    @classmethod
    def _published_item(cls, units, name="Integrity talk", company=None, **values):
        return publish_item(cls.env, units, name, company or cls.company_a, **values)

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
