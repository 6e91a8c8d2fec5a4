# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

from odoo.addons.liangze_supervision.tests.common import SupervisionCase


class IntegrityCase(SupervisionCase):
    """The city bureau of LiangzeCase with cadres: the discipline officer (赵敏's role)
    has a cadre of their own and a spouse in the office; a colleague in the office
    has a file the officer may read; an office clerk declared the officer as a sibling."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Cadre = cls.env["liangze.cadre"]
        cls.officer_cadre = Cadre.create(
            {"name": "Officer Zhao", "unit_id": cls.discipline.id, "user_id": cls.supervisor.id}
        )
        cls.head_cadre = Cadre.create(
            {
                "name": "Head Chen",
                "unit_id": cls.discipline.id,
                "user_id": cls.supervision_head.id,
                "leader_role": "discipline_head",
            }
        )
        cls.spouse = Cadre.create({"name": "Spouse Li", "unit_id": cls.office.id, "post": "Clerk"})
        cls.colleague = Cadre.create(
            {"name": "Colleague Wang", "unit_id": cls.office.id, "post": "Office head", "user_id": cls.head.id}
        )
        cls.sister = Cadre.create({"name": "Sister Zhao", "unit_id": cls.office.id})
        cls.env["liangze.cadre.relative"].create(
            [
                {
                    "cadre_id": cls.officer_cadre.id,
                    "relation": "spouse",
                    "name": "Spouse Li",
                    "relative_cadre_id": cls.spouse.id,
                },
                {
                    "cadre_id": cls.sister.id,
                    "relation": "sibling",
                    "name": "Officer Zhao",
                    "relative_cadre_id": cls.officer_cadre.id,
                },
            ]
        )

    def _file(self, cadre):
        return self.env["liangze.integrity.file"].search([("cadre_id", "=", cadre.id)])

    def _found(self, model, user, domain=None):
        """What ``user`` finds of ``model``: nothing when the model itself is closed to them."""
        try:
            return self.env[model].with_user(user).search(domain or [])
        except AccessError:
            return self.env[model].browse()

    def _case(self, cadre, title="Late sign-off of the risk ledger"):
        """An accountability case on ``cadre`` proposed by the discipline officer, its decision drafted."""
        case = (
            self.env["liangze.accountability.case"]
            .with_user(self.supervisor)
            .create(
                {
                    "title": title,
                    "unit_id": cadre.unit_id.id,
                    "target_type": "person",
                    "grounds": "Signed off a ledger not kept.",
                }
            )
        )
        self.env["liangze.accountability.decision"].with_user(self.supervisor).create(
            {"case_id": case.id, "cadre_id": cadre.id, "unit_id": cadre.unit_id.id, "responsibility_kind": "direct"}
        )
        return case

    def _issued_decision(
        self, cadre, measure_xmlid="liangze_accountability.liangze_accountability_measure_admonishment"
    ):
        """The case on ``cadre`` approved by the head, its decision issued today."""
        case = self._case(cadre)
        case.action_submit()
        case.with_user(self.supervision_head).validate_tier()
        decision = case.decision_ids.with_user(self.supervisor)
        decision.write({"measure_ids": [(6, 0, self.env.ref(measure_xmlid).ids)], "reason": "Signed off late."})
        decision.action_issue()
        return decision
