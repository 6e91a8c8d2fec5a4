# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, tagged

from odoo.addons.liangze_base.tests.common import bureau_user

from .common import GROUP_ADMIN, GROUP_LEADER


@tagged("post_install", "-at_install")
# The clock frozen in mid-January 2026, when the guidance goes down.
@freeze_time("2026-01-15 02:00:00")
class TestGuidanceCascade(TransactionCase):
    """A province guidance list of 5 items sent to 2 cities, each deriving its list
    and sending it on to 2 counties ("1+X" down three levels)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, mail_create_nolog=True))
        cls.env["res.lang"]._activate_lang("zh_CN")
        modules = cls.env["ir.module.module"].search([("name", "like", "liangze_"), ("state", "=", "installed")])
        cls.env["ir.module.module"]._load_module_terms(modules.mapped("name"), ["zh_CN"], overwrite=True)
        Company, Unit = cls.env["res.company"], cls.env["liangze.unit"]
        cls.levels = {}

        def level(name, parent=None):
            company = Company.create({"name": f"{name} Bureau", "parent_id": parent and parent["company"].id})
            committee = Unit.create(
                {
                    "name": f"{name} Committee",
                    "code": f"{name}-C",
                    "unit_type": "party_committee",
                    "company_id": company.id,
                    "parent_id": parent and parent["committee"].id,
                }
            )
            office = Unit.create(
                {"name": f"{name} Office", "code": f"{name}-O", "parent_id": committee.id, "company_id": company.id}
            )
            admin = bureau_user(
                cls.env,
                login=f"lz_{name.lower()}_admin",
                groups=GROUP_ADMIN,
                lang="zh_CN",
                company_id=company.id,
                company_ids=[(6, 0, company.ids)],
            )
            leader = bureau_user(
                cls.env,
                login=f"lz_{name.lower()}_leader",
                groups=GROUP_LEADER,
                company_id=company.id,
                company_ids=[(6, 0, company.ids)],
            )
            committee.member_ids = leader
            cls.levels[name] = {"company": company, "committee": committee, "office": office, "admin": admin}
            cls.levels[name]["leader"] = leader
            return cls.levels[name]

        cls.province = level("P")
        cls.cities = [level(f"C{n}", cls.province) for n in (1, 2)]
        cls.counties = {
            city["committee"]: [level(f"{city['committee'].code[:2]}K{n}", city) for n in (1, 2)] for city in cls.cities
        }
        category = cls.env.ref("liangze_responsibility.liangze_category_prevention")
        P = cls.province
        cls.guidance = (
            cls.env["liangze.list"]
            .with_user(P["admin"])
            .create(
                {
                    "name": "2026 province guidance",
                    "year": 2026,
                    "company_id": P["company"].id,
                    "unit_ids": [(6, 0, P["committee"].ids)],
                    "item_ids": [
                        (
                            0,
                            0,
                            {
                                "name": f"Guidance item {n}",
                                "category_id": category.id,
                                "standard": f"Standard {n}",
                                "frequency": "yearly",
                                "deadline_days": 20,
                                "evidence_min": 1,
                                "owner_type": "department",
                                "owner_unit_ids": [(6, 0, P["office"].ids)],
                            },
                        )
                        for n in range(1, 6)
                    ],
                }
            )
        )
        cls.guidance.action_publish()

    def _derive(self, superior, level, children, deadline="2026-02-27"):
        """``level`` (a dict of the helper) sends its list down and each child adopts it:
        owners for the inherited items, one item of its own, published."""
        wizard = (
            self.env["liangze.guidance.send"]
            .with_user(level["admin"])
            .create(
                {
                    "list_id": superior.id,
                    "committee_ids": [(6, 0, [c["committee"].id for c in children])],
                    "adoption_deadline": deadline,
                }
            )
        )
        wizard.action_send()
        derived = {}
        for child in children:
            rlist = self.env["liangze.list"].with_user(child["admin"]).search([("parent_list_id", "=", superior.id)])
            self.assertEqual((rlist.state, rlist.company_id), ("draft", child["company"]))
            derived[child["committee"]] = rlist
        return derived

    def _adopt(self, rlist, child, publish=True):
        rlist = rlist.with_user(child["admin"])
        rlist.item_ids.write({"owner_unit_ids": [(6, 0, child["office"].ids)]})
        self.env["liangze.list.item"].with_user(child["admin"]).create(
            {
                "list_id": rlist.id,
                "name": f"Own item of {child['committee'].name}",
                "category_id": self.env.ref("liangze_responsibility.liangze_category_prevention").id,
                "frequency": "yearly",
                "owner_type": "department",
                "owner_unit_ids": [(6, 0, child["office"].ids)],
            }
        )
        if publish:
            rlist.action_publish()
        return rlist

    def _cascade_of_the_three_levels(self):
        with freeze_time("2026-01-15"):
            cities = self._derive(self.guidance, self.province, self.cities)
            for city in self.cities:
                self._adopt(cities[city["committee"]], city)
            counties = {}
            for city in self.cities:
                counties.update(self._derive(cities[city["committee"]], city, self.counties[city["committee"]]))
                for county in self.counties[city["committee"]]:
                    self._adopt(counties[county["committee"]], county)
        return cities, counties

    def test_guidance_goes_down_three_levels(self):
        cities, counties = self._cascade_of_the_three_levels()
        city = self.cities[0]
        city_list = cities[city["committee"]]
        inherited = city_list.item_ids.filtered("inherited")
        self.assertEqual(len(inherited), 5)
        self.assertEqual(inherited.parent_item_id, self.guidance.item_ids)
        # What the province fixed cannot be changed below, at either level, in Chinese.
        county = self.counties[city["committee"]][0]
        county_item = counties[county["committee"]].item_ids.filtered("inherited")[:1]
        for user, item in ((city["admin"], inherited[:1]), (county["admin"], county_item)):
            for values in ({"name": "Renamed"}, {"standard": "Weaker"}, {"frequency": "monthly"}, {"evidence_min": 0}):
                with self.subTest(user=user.login, field=list(values)[0]), self.assertRaises(UserError) as caught:
                    item.with_user(user).with_context(lang="zh_CN").write(values)  # as their web client
                self.assertRegex(str(caught.exception), "指导清单")
            with self.assertRaises(UserError):
                item.with_user(user).write({"deadline_days": 25})  # later than the guidance's 20 days
            item.with_user(user).write({"deadline_days": 10, "extra_standard": "Report to the committee too"})
        # Nobody links an item to guidance by hand.
        with self.assertRaises(AccessError):
            self._adopt(cities[city["committee"]], city, publish=False).item_ids[-1:].with_user(city["admin"]).write(
                {"parent_item_id": self.guidance.item_ids[0].id}
            )
        # Tasks: 5 at the province; 6 in each city (5 + its own); 7 in each county (the city's
        # 6, its own item included, + the county's own).
        Task = self.env["liangze.task"]
        self.assertEqual(Task.search_count([("list_id", "=", self.guidance.id)]), 5)
        for rlists, expected in ((cities.values(), 6), (counties.values(), 7)):
            for rlist in rlists:
                self.assertEqual(Task.search_count([("list_id", "=", rlist.id)]), expected, rlist.name)
        self.assertIn("Report to the committee too", county_item.task_ids.standard)

    def test_defaults_slipped_into_the_send_button_are_not_taken(self):
        """The derived lists are the product's: a client putting ``default_*`` keys into
        the wizard button's context (a list already published, a revision by someone
        else) gets the lists and revisions the action writes, drafts by the sender."""
        city = self.cities[0]
        forged = {"default_state": "published", "default_user_id": city["admin"].id, "default_active": False}
        with freeze_time("2026-01-15"):
            wizard = (
                self.env["liangze.guidance.send"]
                .with_user(self.province["admin"])
                .create({"list_id": self.guidance.id, "committee_ids": [(6, 0, city["committee"].ids)]})
            )
            wizard.with_context(**forged).action_send()
        derived = (
            self.env["liangze.list"]
            .sudo()
            .with_context(active_test=False)
            .search([("parent_list_id", "=", self.guidance.id)])
        )
        self.assertEqual(len(derived), 1)
        self.assertEqual(derived.state, "draft", "the derived list waits for the city to adopt it")
        self.assertTrue(derived.active)
        self.assertEqual(derived.revision_ids.user_id, self.province["admin"], "the revision is the sender's")

    def test_province_leader_sees_the_cascade(self):
        cities, counties = self._cascade_of_the_three_levels()
        county_list = counties[self.counties[self.cities[1]["committee"]][0]["committee"]]
        from_province = county_list.task_ids.filtered(
            lambda t: t.item_id.parent_item_id.parent_item_id in self.guidance.item_ids
        )
        accepted = cities[self.cities[0]["committee"]].task_ids.filtered("item_id.inherited")[:2] | from_province[:1]
        accepted._guard_sudo().write({"state": "accepted", "accepted_on": "2026-01-20"})
        Cascade = self.env["liangze.guidance.cascade"].with_user(self.province["leader"])
        rows = Cascade.search([("guidance_list_id", "=", self.guidance.id)])
        self.assertEqual(len(rows), 5 * (2 + 4), "each guidance item, adopted by 2 cities and 4 counties")
        figures = Cascade._read_group(
            [("guidance_list_id", "=", self.guidance.id)],
            ["depth"],
            ["adopted_count:sum", "task_count:sum", "done_count:sum"],
        )
        Task = self.env["liangze.task"]
        direct = {}
        for depth, lists in ((1, cities.values()), (2, counties.values())):
            tasks = Task.search(
                [("list_id", "in", [rlist.id for rlist in lists]), ("item_id", "child_of", self.guidance.item_ids.ids)]
            )
            direct[depth] = (len(lists) * 5, len(tasks), len(tasks.filtered(lambda t: t.state == "accepted")))
        self.assertEqual({depth: (a, t, d) for depth, a, t, d in figures}, direct)
        self.assertEqual(direct[1][2] + direct[2][2], 3)
        # Who owns it there, and the tasks behind a row; a city leader sees its own guidance only.
        self.assertEqual(
            rows.filtered(lambda r: r.committee_id == self.cities[0]["committee"]).owner_unit_ids,
            self.cities[0]["office"],
        )
        # Drill down to the tasks; a city leader sees its own guidance only.
        row = rows.filtered(lambda r: r.depth == 2)[:1]
        self.assertEqual(self.env["liangze.task"].search(row.action_open_tasks()["domain"]), row.item_id.task_ids)
        city_rows = self.env["liangze.guidance.cascade"].with_user(self.cities[0]["leader"]).search([])
        self.assertEqual(set(city_rows.guidance_list_id.ids), {cities[self.cities[0]["committee"]].id})

    def test_unpublished_derived_lists_are_warned_once(self):
        with freeze_time("2026-01-15"):
            cities = self._derive(self.guidance, self.province, self.cities)
            self._adopt(cities[self.cities[0]["committee"]], self.cities[0])
        late = cities[self.cities[1]["committee"]]
        Lists = self.env["liangze.list"]
        with freeze_time("2026-03-02"):
            Lists._cron_refresh_warnings()
            Lists._cron_refresh_warnings()
        self.assertEqual(late.warning_level, "red")
        self.assertEqual(cities[self.cities[0]["committee"]].warning_level, "done_on_time")
        reminders = late.message_ids.filtered(lambda m: (m.subject or "").startswith("To publish by"))
        self.assertEqual(len(reminders), 1)
        self.assertIn(self.cities[1]["admin"].partner_id, reminders.partner_ids)

    def test_revision_shows_the_difference_and_leaves_started_tasks(self):
        with freeze_time("2026-01-15"):
            cities = self._derive(self.guidance, self.province, self.cities)
            for city in self.cities:
                self._adopt(cities[city["committee"]], city)
        city = self.cities[0]
        city_list = cities[city["committee"]]
        first, second = self.guidance.item_ids[:2]
        started = city_list.item_ids.filtered(lambda i: i.parent_item_id == first).task_ids
        untouched = city_list.item_ids.filtered(lambda i: i.parent_item_id == second).task_ids
        started._guard_sudo().write({"state": "in_progress"})
        # The province revises: one standard changed, one item added; it tells the cities why.
        P = self.province["admin"]
        first.with_user(P).write({"standard": "Standard 1, now quarterly reports"})
        second.with_user(P).write({"standard": "Standard 2, stricter"})
        self.env["liangze.list.item"].with_user(P).create(
            {
                "list_id": self.guidance.id,
                "name": "Guidance item 6",
                "category_id": first.category_id.id,
                "frequency": "yearly",
                "owner_type": "department",
                "owner_unit_ids": [(6, 0, self.province["office"].ids)],
            }
        )
        wizard = self.env["liangze.guidance.send"].with_user(P).create({"list_id": self.guidance.id})
        with self.assertRaises(UserError):
            wizard.action_notify_revision()
        wizard.reason = "The provincial plenary asked for quarterly reports"
        wizard.action_notify_revision()
        self.assertEqual(self.guidance.revision_ids[:1].reason, "The provincial plenary asked for quarterly reports")
        # The city sees exactly that; nothing of its list changed by itself.
        action = city_list.with_user(city["admin"]).action_open_revision()
        revision = self.env["liangze.guidance.revision"].with_user(city["admin"]).browse(action["res_id"])
        self.assertEqual(
            sorted((line.kind, line.guidance_item_id.name, line.field_name or "") for line in revision.line_ids),
            [
                ("added", "Guidance item 6", ""),
                ("changed", "Guidance item 1", "standard"),
                ("changed", "Guidance item 2", "standard"),
            ],
        )
        self.assertEqual(started.standard, "Standard 1")
        # Accepting: the task not started takes the new standard, the started one keeps its own.
        for line in revision.line_ids:
            line.selected = True
            if line.kind == "added":
                line.owner_unit_ids = city["office"]
        with self.assertRaises(UserError):
            revision.action_accept()  # no reason
        revision.reason = "Adopted as the province asks"
        revision.action_accept()
        self.assertEqual(started.standard, "Standard 1", "work under way keeps its goal")
        self.assertEqual(untouched.standard, "Standard 2, stricter")
        added = city_list.item_ids.filtered(lambda i: i.parent_item_id.name == "Guidance item 6")
        self.assertEqual(len(added.task_ids), 1)
        self.assertEqual(city_list.revision_ids[:1].reason, "Adopted as the province asks")
        action = city_list.with_user(city["admin"]).action_open_revision()
        self.assertFalse(self.env["liangze.guidance.revision"].browse(action["res_id"]).line_ids, "nothing left")
        # The other city has not accepted: its list is as it was.
        other = cities[self.cities[1]["committee"]]
        self.assertEqual(len(other.item_ids), 6)
        self.assertEqual(other.item_ids.filtered(lambda i: i.parent_item_id == first).standard, "Standard 1")

    def test_copy_to_next_year_keeps_the_derivation(self):
        with freeze_time("2026-01-15"):
            cities = self._derive(self.guidance, self.province, self.cities)
            city = self.cities[0]
            self._adopt(cities[city["committee"]], city)
        with freeze_time("2026-12-10"):
            action = self.guidance.with_user(self.province["admin"]).action_copy_next_year()
            next_guidance = self.env["liangze.list"].browse(action["res_id"])
            action = cities[city["committee"]].with_user(city["admin"]).action_copy_next_year()
        next_city = self.env["liangze.list"].browse(action["res_id"])
        self.assertEqual((next_city.year, next_city.state), (2027, "draft"))
        self.assertEqual(next_city.parent_list_id, next_guidance)
        inherited = next_city.item_ids.filtered("parent_item_id")
        self.assertEqual(inherited.parent_item_id, next_guidance.item_ids)
        self.assertEqual(len(next_city.item_ids - inherited), 1, "its own item comes along")


@tagged("post_install", "-at_install")
# The clock frozen in the list's year, 2026.
@freeze_time("2026-01-15 02:00:00")
class TestSupervisoryItems(TransactionCase):
    """Supervisory items (监督责任) are the discipline body's and name what they supervise."""

    def test_supervisory_item_owned_by_the_discipline_body(self):
        Unit = self.env["liangze.unit"]
        company = self.env["res.company"].create({"name": "Supervision Bureau"})
        committee = Unit.create(
            {"name": "S Committee", "code": "S", "unit_type": "party_committee", "company_id": company.id}
        )
        office = Unit.create({"name": "S Office", "code": "S-O", "parent_id": committee.id, "company_id": company.id})
        body = Unit.create(
            {
                "name": "S Discipline",
                "code": "S-D",
                "unit_type": "discipline_body",
                "parent_id": committee.id,
                "company_id": company.id,
            }
        )
        category = self.env.ref("liangze_responsibility.liangze_category_prevention")
        rlist = self.env["liangze.list"].create({"name": "S list", "year": 2026, "company_id": company.id})
        values = {"list_id": rlist.id, "category_id": category.id, "frequency": "yearly", "owner_type": "department"}
        talks = self.env["liangze.list.item"].create(
            dict(values, name="Integrity talks", owner_unit_ids=[(6, 0, office.ids)])
        )
        with self.assertRaises(ValidationError):
            self.env["liangze.list.item"].create(
                dict(values, name="Supervise", kind="supervisory", owner_unit_ids=[(6, 0, office.ids)])
            )
        with self.assertRaises(ValidationError):
            talks.covered_item_ids = talks
        supervise = self.env["liangze.list.item"].create(
            dict(
                values,
                name="Supervise the talks",
                kind="supervisory",
                owner_unit_ids=[(6, 0, body.ids)],
                covered_item_ids=[(6, 0, talks.ids)],
            )
        )
        self.assertEqual(talks.covering_item_ids, supervise)
        rlist.action_publish()
        task = supervise.task_ids
        self.assertEqual((task.owner_unit_id, task.kind, task.covered_item_ids), (body, "supervisory", talks))
