# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import LiangzeCase


@tagged("post_install", "-at_install")
# The clock frozen in 10:00 on 1 March 2026 in China, the day the figures are taken.
@freeze_time("2026-03-01 02:00:00")
class TestCockpit(LiangzeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        rlist = cls._published_item(
            cls.office | cls.archive_room | cls.county_office, name="Monthly study", frequency="monthly", evidence_min=0
        ).list_id
        cls._published_item(
            cls.other,
            name="Other study",
            company=cls.company_b,
            frequency="quarterly",
            evidence_min=0,
            owner_type="party_branch",
        )
        tasks = rlist.task_ids.sorted("deadline")
        with freeze_time("2026-03-01"):
            january = tasks.filtered(lambda t: t.period_start.month == 1)
            january._submit()
            january.filtered(lambda t: t.owner_unit_id != cls.county_office).with_user(cls.supervisor).action_accept()
            cls.env["liangze.task"]._cron_refresh_warnings()

    def test_task_summary_rows_read_as_the_tasks_they_count(self):
        """The cockpit's counts per unit and month: a member reads those of their units, a
        head those of the units they head, nobody those of another bureau."""
        Summary = self.env["liangze.task.summary"]
        ours = self.office | self.archive_room | self.county_office | self.other
        rows = Summary.search([("owner_unit_id", "in", (ours | self.city | self.discipline | self.county).ids)])
        self.assertEqual(set(rows.owner_unit_id), set(ours))
        seen = {
            user: set(Summary.with_user(user).search([]).owner_unit_id)
            for user in (self.member, self.head, self.leader, self.outsider)
        }
        self.assertEqual(seen[self.member], {self.office})
        self.assertEqual(seen[self.head], {self.office, self.archive_room})
        self.assertEqual(seen[self.leader], {self.office, self.archive_room, self.county_office})
        self.assertEqual(seen[self.outsider], {self.other})
        self.assertFalse(
            Summary.with_user(self.member).search_count([("owner_unit_id", "=", self.other.id)]),
            "not even counted",
        )

    def cockpit(self, user, date_from="2026-01-01", date_to="2026-12-31"):
        """The cockpit as the menu opens it, with the period filter chosen on the screen."""
        action = self.env["ir.actions.act_window"]._for_xml_id("liangze_responsibility.liangze_unit_action_cockpit")
        context = dict(safe_eval(action["context"]), cockpit_date_from=date_from, cockpit_date_to=date_to)
        units = self.env["liangze.unit"].with_user(user).with_context(**context).search(safe_eval(action["domain"]))
        return units, dict(action, context=context)

    def direct_count(self, user, unit, domain=()):
        return (
            self.env["liangze.task"]
            .with_user(user)
            .search_count(
                [
                    ("owner_unit_id", "child_of", unit.id),
                    ("deadline", ">=", "2026-01-01"),
                    ("deadline", "<=", "2026-12-31"),
                    *domain,
                ]
            )
        )

    def test_leader_sees_own_scope_with_exact_figures(self):
        units, action = self.cockpit(self.leader)
        self.assertEqual(units, self.city)
        city = units
        self.assertEqual(city.cockpit_task_count, self.direct_count(self.leader, self.city))
        # December's tasks are due in January 2027, outside the period.
        self.assertEqual(city.cockpit_task_count, 33)
        self.assertEqual(
            city.cockpit_done_count, self.direct_count(self.leader, self.city, [("state", "=", "accepted")])
        )
        self.assertEqual(city.cockpit_done_count, 2)
        self.assertEqual(
            city.cockpit_red_count, self.direct_count(self.leader, self.city, [("warning_level", "=", "red")])
        )
        self.assertEqual(city.cockpit_red_count, 1, "on 1 March only January's county task, submitted, is unaccepted")
        self.assertAlmostEqual(city.cockpit_done_rate, 100 * 2 / 33, places=1)
        self.assertEqual(city.cockpit_on_time_rate, 0.0, "accepted after the deadline")

        # Drill down level by level, then click through to the tasks.
        children_action = city.action_cockpit_children()
        children = (
            self.env["liangze.unit"]
            .with_user(self.leader)
            .with_context(**children_action["context"])
            .search(children_action["domain"])
        )
        self.assertEqual(children, self.office | self.discipline | self.county)
        office = children.filtered(lambda u: u == self.office)
        self.assertEqual(office.cockpit_task_count, 22, "the office and its archive room")
        tasks_action = office.with_context(cockpit_level="red").action_cockpit_tasks()
        self.assertEqual(
            self.env["liangze.task"].with_user(self.leader).search_count(tasks_action["domain"]),
            office.cockpit_task_count,
        )
        self.assertEqual(tasks_action["context"], {"search_default_filter_red": 1})

    def test_each_user_sees_only_their_scope(self):
        self.assertEqual(self.cockpit(self.head)[0], self.office)
        self.assertEqual(self.cockpit(self.head)[0].cockpit_task_count, 22)
        self.assertEqual(self.cockpit(self.supervisor)[0], self.city)
        outsider_units = self.cockpit(self.outsider)[0]
        self.assertEqual(outsider_units, self.other)
        self.assertEqual(outsider_units.cockpit_task_count, 3, "Q4 is due in 2027")
        # The period narrows the figures.
        units, _action = self.cockpit(self.leader, "2026-01-01", "2026-03-31")
        self.assertEqual(
            units.cockpit_task_count, self.direct_count(self.leader, self.city, [("deadline", "<=", "2026-03-31")])
        )

    def test_opens_on_this_year_and_follows_every_change(self):
        """No period dialog first: the menu's action opens on this year's figures,
        and they follow each acceptance at once, equal to a direct count."""
        action = self.env["ir.actions.act_window"]._for_xml_id("liangze_responsibility.liangze_unit_action_cockpit")
        self.assertIn("search_default_period_this_year", action["context"])
        self.assertEqual(action["res_model"], "liangze.unit")
        with freeze_time("2026-06-15"):
            city = self.env["liangze.unit"].with_user(self.leader).search(safe_eval(action["domain"]))
            self.assertEqual(city, self.city)
            self.assertEqual(city.cockpit_task_count, self.direct_count(self.leader, self.city))
            submitted = self.env["liangze.task"].search(
                [("owner_unit_id", "=", self.county_office.id), ("state", "=", "submitted")]
            )
            submitted.with_user(self.supervisor).action_accept()
            city.invalidate_recordset()
            self.assertEqual(city.cockpit_done_count, 3)
            self.assertEqual(
                city.cockpit_done_count, self.direct_count(self.leader, self.city, [("state", "=", "accepted")])
            )
            self.assertEqual(
                city.cockpit_red_count, self.direct_count(self.leader, self.city, [("warning_level", "=", "red")])
            )
