# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The accountability addon's daily jobs: a scheme that cannot be scored is set aside
while the others are scored, rescoring adds nothing, at night in China."""

from datetime import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.liangze_base.tests.common import BUREAU_INSTANTS, bureau_user
from odoo.addons.liangze_responsibility.tests.test_daily_jobs import (
    assert_crons_at_night,
    failing_for,
    open_failures,
    set_aside,
)
from odoo.addons.liangze_supervision.tests.common import SupervisionCase


@tagged("post_install", "-at_install")
class TestDailyJobs(SupervisionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.assessor = bureau_user(
            cls.env,
            login="lz_jobs_assessor",
            groups="liangze_accountability.group_liangze_assessor",
            company_id=cls.company_a.id,
            company_ids=[(6, 0, cls.company_a.ids)],
        )
        cls.discipline.member_ids |= cls.assessor
        Scheme = cls.env["liangze.assessment.scheme"].with_user(cls.assessor)
        finance = cls.env["liangze.unit"].create(
            {"name": "Finance", "code": "C-FIN", "parent_id": cls.city.id, "company_id": cls.company_a.id}
        )
        units = cls.office | finance
        with freeze_time("2026-03-02 02:00"):
            cls.schemes = Scheme.browse()
            for name in ("Departments", "Committees"):
                cls.schemes |= Scheme.create(
                    {
                        "name": f"2026 assessment of the {name.lower()}",
                        "year": 2026,
                        "company_id": cls.company_a.id,
                        "group_ids": [(0, 0, {"name": name, "unit_ids": [(6, 0, units.ids)]})],
                        "rule_ids": [(0, 0, {"kind": "late_task", "points": 2})],
                    }
                )
            cls.schemes.action_publish()
        cls.bad = cls.schemes[1]

    def test_the_assessor_copies_a_scored_scheme_for_the_next_year(self):
        """A copy is a new scheme: in draft, never scored, whatever the original went through."""
        scheme = self.schemes[0]
        self.assertTrue(scheme.scored_on)
        with freeze_time("2027-01-04 02:00"):
            copy = scheme.with_user(self.assessor).copy({"name": "2027 assessment of the departments", "year": 2027})
        self.assertEqual((copy.state, copy.scored_on, copy.results_date), ("draft", False, False))
        self.assertEqual(copy.rule_ids.mapped("kind"), ["late_task"])

    def test_a_scheme_that_cannot_be_scored_waits_the_others_are_scored(self):
        published = datetime(2026, 3, 2, 2, 0)
        self.assertEqual(self.schemes.mapped("scored_on"), [published] * 2)
        Scheme = type(self.env["liangze.assessment.scheme"])
        night = BUREAU_INSTANTS["20:30 UTC"]
        with freeze_time(night), failing_for(Scheme, "_score", self.bad), set_aside(self, self.bad):
            self.env["liangze.assessment.scheme"]._cron_score()
        good = self.schemes - self.bad
        self.assertEqual((good.scored_on, self.bad.scored_on), (night, published), "the other scheme is scored")
        self.assertEqual(len(open_failures(self.env, self.bad)), 1)
        scores = self.env["liangze.assessment.score"].search_count([("scheme_id", "in", self.schemes.ids)])
        # Repaired: scored the next night; scoring again adds nothing.
        for instant in ("2026-03-18 16:40", "2026-03-19 16:40"):
            with freeze_time(instant):
                self.env["liangze.assessment.scheme"]._cron_score()
        self.assertEqual(self.bad.scored_on, datetime(2026, 3, 19, 16, 40))
        self.assertFalse(open_failures(self.env, self.bad))
        self.assertEqual(
            self.env["liangze.assessment.score"].search_count([("scheme_id", "in", self.schemes.ids)]), scores
        )

    def test_the_accountability_jobs_run_at_night_in_china(self):
        assert_crons_at_night(self, ["liangze_accountability"])
