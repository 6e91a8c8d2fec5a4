# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.liangze_responsibility.tests.common import LiangzeCase

PDF = base64.b64encode(b"%PDF-1.4 minutes")


@tagged("post_install", "-at_install")
# The clock frozen in December 2026: every monthly task of the list has begun.
@freeze_time("2026-12-20 02:00:00")
class TestReview(LiangzeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_chinese()
        cls.item = cls._published_item(
            cls.office | cls.archive_room | cls.county_office | cls.discipline,
            frequency="monthly",
            supervising_unit_id=cls.discipline.id,
        )
        cls.tasks = cls.item.task_ids
        cls.office_task = cls.tasks.filtered(lambda t: t.owner_unit_id == cls.office).sorted("deadline")[0]

    def _submit(self, task, user, name="Minutes"):
        self.env["liangze.task.evidence"].with_user(user).create({"task_id": task.id, "name": name, "file": PDF})
        task.with_user(user)._submit()

    def test_full_loop_with_history(self):
        task = self.office_task
        self._submit(task, self.member)
        self.env["liangze.task.reason"].with_user(self.supervisor).create(
            {"task_ids": [(6, 0, task.ids)], "action": "return", "reason": "Add the sign-in sheet"}
        ).action_confirm()
        self.assertEqual(task.state, "returned")
        self._submit(task, self.member, "Sign-in sheet")
        task.with_user(self.supervisor).action_accept()
        self.assertEqual(task.state, "accepted")
        reviews = task.review_ids.sorted("id")
        self.assertEqual(reviews.mapped("decision"), ["returned", "accepted"])
        self.assertEqual(reviews.mapped("method"), ["online_review", "online_review"])
        self.assertEqual(reviews[0].reason, "Add the sign-in sheet")
        self.assertTrue(all(r.reviewer_id == self.supervisor for r in reviews))
        history = " ".join(task.message_ids.mapped("body"))
        self.assertIn("Add the sign-in sheet", history)
        # The unit's people do not read the discipline body's review records.
        with self.assertRaises(AccessError):
            reviews.with_user(self.member).read(["decision"])

    def test_supervisor_never_reviews_own_unit(self):
        own = self.tasks.filtered(lambda t: t.owner_unit_id == self.discipline).sorted("deadline")[0]
        self._submit(own, self.supervisor)
        with self.assertRefused(AccessError, "本单位"):
            own.with_user(self.supervisor).with_context(lang="zh_CN").action_accept()
        self.assertEqual(own.state, "submitted")
        # The review queue leaves it out; another unit's submitted task is in it.
        self._submit(self.office_task, self.member)
        action = self.env.ref("liangze_supervision.liangze_task_action_review_queue")
        queue = self.env["liangze.task"].with_user(self.supervisor).search(safe_eval(action.domain))
        self.assertIn(self.office_task, queue)
        self.assertNotIn(own, queue)

    def test_problem_found_in_a_ledger_opens_a_recommendation_letter(self):
        self._submit(self.office_task, self.member)
        self.office_task.with_user(self.supervisor).action_accept()
        action = self.office_task.with_user(self.supervisor).action_new_recommendation_letter()
        letter = (
            self.env["liangze.rectification"]
            .with_user(self.supervisor)
            .with_context(**action["context"])
            .create({"problem_ids": [(0, 0, {"description": "Minutes not signed", "due_date": "2027-01-31"})]})
        )
        self.assertEqual((letter.unit_id, letter.issuer_unit_id), (self.office, self.discipline))
        self.assertIn(self.office_task.name, letter.name)
        with self.assertRaises(AccessError):
            self.office_task.with_user(self.head).action_new_recommendation_letter()

    def test_spot_check_is_random_and_reproducible(self):
        accepted = self.tasks.filtered(lambda t: t.owner_unit_id != self.discipline)[:20]
        for task in accepted:
            self._submit(task, self.admin)
        accepted.with_user(self.supervisor).action_accept()
        Sample = self.env["liangze.spot.check"].with_user(self.supervisor)
        first = Sample.create({"name": "Q1 check", "sample_size": 5, "unit_id": self.city.id})
        # The seed is the product's: drawn at creation, different each time.
        seeds = {first.seed} | set(Sample.create([{"sample_size": 5}] * 5).mapped("seed"))
        self.assertGreater(len(seeds), 1)
        first.action_draw()
        self.assertEqual(first.candidate_count, 20)
        self.assertEqual(len(first.review_ids), 5)
        # Anyone can draw it again: the stored seed gives the same sample.
        first.with_user(self.leader).action_verify_draw()
        self.assertIn("the seed gives the same sample", first.message_ids[0].body)
        other = self.env["liangze.spot.check"].create(
            {"sample_size": 5, "unit_id": self.city.id, "reviewer_id": self.supervisor.id, "seed": first.seed + 1}
        )
        self.assertNotEqual(first.review_ids.task_id, other._draw()[1])
        self.assertEqual(set(first.review_ids.mapped("decision")), {"pending"})
        self.assertEqual(set(first.review_ids.mapped("method")), {"spot_check"})

        checked = first.review_ids[0].task_id
        checked.with_user(self.supervisor).action_confirm_check()
        self.assertEqual(first.review_ids.filtered(lambda r: r.task_id == checked).mapped("decision"), ["confirmed"])

    def test_only_supervisors_draw_samples(self):
        with self.assertRaises(AccessError):
            self.env["liangze.spot.check"].with_user(self.member).create({"name": "Mine", "sample_size": 1})

    def test_quality_figures_per_unit_on_the_cockpit(self):
        """Return rate and turnaround of the office's reviews, as the leader sees them on the cockpit."""
        first, second = self.tasks.filtered(lambda t: t.owner_unit_id == self.office).sorted("deadline")[:2]
        for task in first | second:
            self._submit(task, self.member)
        first.with_user(self.supervisor)._return("Add the minutes")
        second.with_user(self.supervisor).action_accept()
        today = str(first.review_ids[:1].decided_date.date())
        context = {"cockpit_date_from": today, "cockpit_date_to": today}
        for unit in (self.office, self.city):
            unit = unit.with_user(self.leader).with_context(**context)
            self.assertEqual(unit.cockpit_return_rate, 50.0, unit.name)
            self.assertGreaterEqual(unit.cockpit_turnaround_days, 0.0)
        self.assertEqual(self.county_office.with_user(self.leader).with_context(**context).cockpit_return_rate, 0.0)
        # Per supervisor: the same figures in the review pivot.
        groups = (
            self.env["liangze.task.review"]
            .with_user(self.leader)
            .formatted_read_group(
                [("decision", "in", ("accepted", "returned"))], ["reviewer_id"], ["return_percent:avg", "__count"]
            )
        )
        self.assertEqual([(g["return_percent:avg"], g["__count"]) for g in groups], [(50.0, 2)])
