# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import LiangzeCase


@tagged("post_install", "-at_install")
# The clock frozen in the list's year, 2026.
@freeze_time("2026-01-15 02:00:00")
class TestTaskGeneration(LiangzeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_chinese()
        # Task names follow the company's language.
        cls.company_a.partner_id.lang = "zh_CN"
        Unit = cls.env["liangze.unit"]
        cls.dept2 = Unit.create(
            {"name": "Finance", "code": "C-FIN", "parent_id": cls.city.id, "company_id": cls.company_a.id}
        )
        cls.dept3 = Unit.create(
            {"name": "Personnel", "code": "C-PER", "parent_id": cls.city.id, "company_id": cls.company_a.id}
        )
        cls.dept4 = Unit.create(
            {"name": "Law", "code": "C-LAW", "parent_id": cls.city.id, "company_id": cls.company_a.id}
        )
        cls.category = cls.env.ref("liangze_responsibility.liangze_category_organisational_leadership")
        cls.rlist = (
            cls.env["liangze.list"]
            .with_user(cls.admin)
            .create({"name": "2026 list", "year": 2026, "company_id": cls.company_a.id})
        )

    def _item(self, **vals):
        values = {
            "list_id": self.rlist.id,
            "category_id": self.category.id,
            "name": "Monthly study",
            "frequency": "monthly",
            "owner_type": "department",
            "owner_unit_ids": [(6, 0, (self.office | self.dept2 | self.dept3).ids)],
            "evidence_min": 1,
        }
        values.update(vals)
        return self.env["liangze.list.item"].with_user(self.admin).create(values)

    def _tasks(self, item, active_test=True):
        return self.env["liangze.task"].with_context(active_test=active_test).search([("item_id", "=", item.id)])

    def test_monthly_item_for_three_departments(self):
        item = self._item()
        self.rlist.with_user(self.admin).action_publish()
        tasks = self._tasks(item)
        self.assertEqual(len(tasks), 36)
        self.assertEqual(set(tasks.mapped("state")), {"todo"})
        office_tasks = tasks.filtered(lambda t: t.owner_unit_id == self.office)
        self.assertEqual(len(office_tasks), 12)
        self.assertEqual(office_tasks.responsible_user_id, self.head)
        march = office_tasks.filtered(lambda t: t.period_start == date(2026, 3, 1))
        self.assertEqual(march.period_end, date(2026, 3, 31))
        # 5 days after March is Sunday 5 April: the deadline moves to Monday.
        self.assertEqual(march.deadline_original, date(2026, 4, 5))
        self.assertEqual(march.deadline, date(2026, 4, 6))
        self.assertEqual(march.name, "2026年3月 · Monthly study · Office")

        # Publishing again is refused; the cron, run twice, creates nothing more.
        with self.assertRaises(UserError):
            self.rlist.with_user(self.admin).action_publish()
        self.env["liangze.list"]._cron_generate_tasks()
        self.env["liangze.list"]._cron_generate_tasks()
        self.assertEqual(len(self._tasks(item)), 36)

    def test_new_department_gets_its_tasks_on_next_cron(self):
        item = self._item()
        self.rlist.with_user(self.admin).action_publish()
        item.with_user(self.admin).owner_unit_ids = [(4, self.dept4.id)]
        self.env["liangze.list"]._cron_generate_tasks()
        tasks = self._tasks(item)
        self.assertEqual(len(tasks), 48)
        self.assertEqual(len(tasks.filtered(lambda t: t.owner_unit_id == self.dept4)), 12)

    def test_quarterly_half_yearly_and_chosen_months(self):
        quarterly = self._item(
            name="Quarterly",
            frequency="quarterly",
            owner_unit_ids=[(6, 0, self.office.ids)],
            deadline_rule="fixed_day",
            deadline_day=31,
        )
        half = self._item(name="Half", frequency="half_yearly", owner_unit_ids=[(6, 0, self.office.ids)])
        months = self._item(name="Chosen", frequency="months", months="3, 9", owner_unit_ids=[(6, 0, self.office.ids)])
        yearly = self._item(
            name="Yearly", frequency="yearly", owner_unit_ids=[(6, 0, self.office.ids)], deadline_days=20
        )
        self.rlist.with_user(self.admin).action_publish()
        q = self._tasks(quarterly).sorted("period_start")
        self.assertEqual(
            [t.deadline for t in q], [date(2026, 3, 31), date(2026, 6, 30), date(2026, 9, 30), date(2026, 12, 31)]
        )
        self.assertEqual(q[1].name, "2026年第二季度 · Quarterly · Office")
        self.assertEqual(len(self._tasks(half)), 2)
        self.assertEqual(self._tasks(months).mapped("period_start"), [date(2026, 3, 1), date(2026, 9, 1)])
        self.assertEqual(self._tasks(yearly).deadline, date(2027, 1, 20))

    def test_person_owned_items(self):
        self.city.member_ids = [(4, self.member.id)]
        item = self._item(
            name="Principal leader duty",
            frequency="yearly",
            owner_type="principal_leader",
            owner_unit_ids=[(5, 0, 0)],
            owner_user_ids=[(6, 0, self.leader.ids)],
        )
        self.rlist.with_user(self.admin).action_publish()
        task = self._tasks(item)
        self.assertEqual(task.owner_user_id, self.leader)
        self.assertEqual(task.owner_unit_id, self.city)
        self.assertEqual(task.responsible_user_id, self.leader)

    def test_item_edits_touch_only_tasks_not_started(self):
        item = self._item()
        self.rlist.with_user(self.admin).action_publish()
        started = self._tasks(item).filtered(lambda t: t.owner_unit_id == self.office)[0]
        started.with_user(self.member).plan = "<p>Plan</p>"
        self.assertEqual(started.state, "in_progress")
        item.with_user(self.admin).write({"name": "Monthly political study", "deadline_days": 10})
        tasks = self._tasks(item)
        untouched = tasks - started
        self.assertTrue(all("Monthly political study" in t.name for t in untouched))
        self.assertNotIn("political", started.name)
        self.assertEqual(started.deadline.day, 5)

        # Removing a department cancels (archives) its tasks not started, keeps the started one.
        item.with_user(self.admin).owner_unit_ids = [(3, self.office.id)]
        office = self._tasks(item, active_test=False).filtered(lambda t: t.owner_unit_id == self.office)
        self.assertEqual(len(office), 12)
        self.assertEqual(len(office.filtered(lambda t: t.state == "cancelled" and not t.active)), 11)
        self.assertEqual(started.state, "in_progress")
        self.assertTrue(started.active)

        # Archiving the item cancels the rest; nothing is deleted.
        item.with_user(self.admin).action_archive()
        self.assertEqual(len(self._tasks(item, active_test=False)), 36)
        self.assertEqual(self._tasks(item), started)

    def test_item_added_to_a_published_list_gets_its_tasks_at_once(self):
        self._item()
        self.rlist.with_user(self.admin).action_publish()
        added = self._item(name="Yearly integrity talk", frequency="yearly")
        self.assertEqual(len(self._tasks(added)), 3, "one per department, before any daily job")
        draft = self.env["liangze.list"].with_user(self.admin).create({"name": "Draft", "year": 2026})
        self.assertFalse(self._tasks(self._item(list_id=draft.id)), "a draft list has no tasks yet")

    def test_published_lists_and_items_are_never_deleted(self):
        item = self._item()
        self.rlist.with_user(self.admin).action_publish()
        with self.assertRefused(UserError, "不能删除|不会被删除|归档"):
            item.sudo().with_context(lang="zh_CN").unlink()
        with self.assertRefused(UserError, "不能删除|不会被删除|归档"):
            self.rlist.sudo().with_context(lang="zh_CN").unlink()
        with self.assertRefused(UserError, "不能删除|不会被删除|归档"):
            self.env["liangze.task.progress"].sudo().with_context(lang="zh_CN").create(
                {"task_id": self._tasks(item)[0].id, "description": "Done"}
            ).unlink()
        self.assertEqual(len(self._tasks(item)), 36)

    def test_copy_to_next_year(self):
        self._item()
        action = self.rlist.with_user(self.admin).action_copy_next_year()
        new = self.env["liangze.list"].browse(action["res_id"])
        self.assertEqual(new.year, 2027)
        self.assertEqual(new.name, "2027 list")
        self.assertEqual(new.state, "draft")
        self.assertEqual(len(new.item_ids), 1)

    def test_bad_input_is_refused_in_chinese(self):
        Item = self.env["liangze.list.item"].with_user(self.admin).with_context(lang="zh_CN")
        base = {
            "list_id": self.rlist.id,
            "category_id": self.category.id,
            "name": "Bad",
            "owner_type": "department",
            "owner_unit_ids": [(6, 0, self.office.ids)],
        }
        with self.assertRefused(ValidationError, "期限"):
            Item.create(dict(base, frequency="monthly", deadline_rule="after_end", deadline_days=40))
        with self.assertRefused(ValidationError, "期限"):
            Item.create(dict(base, deadline_rule="fixed_day", deadline_day=32))
        with self.assertRefused(ValidationError, "分值不能为负"):
            Item.create(dict(base, weight=-1))
        with self.assertRefused(ValidationError, "没有责任主体"):
            Item.create(dict(base, owner_unit_ids=[]))
        with self.assertRefused(ValidationError, "月份"):
            Item.create(dict(base, frequency="months", months="2,13"))
        with self.assertRefused(ValidationError, "2000"):
            self.env["liangze.list"].with_user(self.admin).with_context(lang="zh_CN").create(
                {"name": "Old", "year": 1999}
            )
        with self.assertRefused(UserError, "至少.*事项"):
            self.rlist.with_user(self.admin).with_context(lang="zh_CN").action_publish()
        self.assertFalse(self.rlist.item_ids)
        self.assertEqual(self.rlist.state, "draft")
        self.assertFalse(self.env["liangze.list"].search([("name", "=", "Old")]))

    def test_only_administrators_configure_lists(self):
        from odoo.exceptions import AccessError

        for user in (self.member, self.head, self.leader, self.supervisor):
            with self.assertRaises(AccessError):
                self.env["liangze.list"].with_user(user).create({"name": "Mine", "year": 2026})
            with self.assertRaises(AccessError):
                self.rlist.with_user(user).action_publish()
            self.assertTrue(self.rlist.with_user(user).name)
