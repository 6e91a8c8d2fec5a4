# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import itertools
from datetime import timedelta

from odoo.addons.liangze_base.tests.common import (  # noqa: F401 (imported from here by the tests)
    BureauCase,
    bureau_user,
    untranslated_terms,
)

GROUP_USER = "liangze_base.group_liangze_user"
GROUP_HEAD = "liangze_base.group_liangze_unit_head"
GROUP_LEADER = "liangze_base.group_liangze_leader"
GROUP_ADMIN = "liangze_base.group_liangze_admin"
GROUP_SUPERVISOR = "liangze_base.group_liangze_supervisor"
GROUP_SUPERVISION_HEAD = "liangze_base.group_liangze_supervision_head"

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


class LiangzeCase(BureauCase):
    """The standard bureau of liangze_base, with the published items of a list."""

    @classmethod
    def _published_item(cls, units, name="Integrity talk", company=None, **values):
        return publish_item(cls.env, units, name, company or cls.company_a, **values)
