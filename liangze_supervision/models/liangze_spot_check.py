# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import random

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.liangze_base.roles import SUPERVISOR

from .liangze_task_review import METHODS

MAX_SAMPLE = 1000


class LiangzeSpotCheck(models.Model):
    """A spot-check sample (抽查): N tasks drawn at random from a filtered set,
    each becoming a review assignment. The seed is stored, so the same filter
    and seed draw the same sample again (anyone can verify the draw was fair)."""

    _name = "liangze.spot.check"
    _description = "Spot-check Sample"
    _inherit = ["liangze.record.guard", "mail.thread"]
    _order = "id desc"

    # The seed is drawn by the product at creation, never chosen: anyone can
    # redraw the same sample, nobody can pick the sample by picking a seed.
    _guard_workflow_fields = frozenset({"state", "candidate_count", "seed"})
    _guard_structural_fields = frozenset(
        {"method", "unit_id", "category_id", "date_from", "date_to", "sample_size", "reviewer_id", "company_id"}
    )

    name = fields.Char(required=True, default=lambda self: self.env._("Spot check"))
    method = fields.Selection([m for m in METHODS if m[0] != "online_review"], required=True, default="spot_check")
    unit_id = fields.Many2one("liangze.unit", string="Units Under", help="Draw among the tasks of this unit and below.")
    category_id = fields.Many2one("liangze.category")
    date_from = fields.Date(string="Deadline From")
    date_to = fields.Date(string="Deadline To")
    sample_size = fields.Integer(required=True, default=5)
    seed = fields.Integer(
        required=True, default=lambda self: random.SystemRandom().randint(1, 999_999), copy=False, readonly=True
    )
    reviewer_id = fields.Many2one("res.users", required=True, default=lambda self: self.env.user)
    candidate_count = fields.Integer(readonly=True, copy=False)
    review_ids = fields.One2many("liangze.task.review", "sample_id", string="Review Assignments")
    state = fields.Selection([("draft", "Draft"), ("drawn", "Drawn")], default="draft", required=True, tracking=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)

    @api.constrains("sample_size")
    def _check_sample_size(self):
        if any(not 1 <= sample.sample_size <= MAX_SAMPLE for sample in self):
            raise UserError(self.env._("Draw between 1 and %(max)s tasks.", max=MAX_SAMPLE))

    @api.constrains("reviewer_id")
    def _check_reviewer(self):
        for sample in self:
            if not sample.reviewer_id.has_group(SUPERVISOR):
                raise UserError(self.env._("The reviewer of a spot check is a supervisor."))

    def _candidate_domain(self):
        self.ensure_one()
        # Accepted tasks are what a back-check or spot check looks at again.
        domain = [("state", "=", "accepted"), ("owner_unit_id", "not in", self.reviewer_id.liangze_unit_ids.ids)]
        if self.unit_id:
            domain.append(("owner_unit_id", "child_of", self.unit_id.id))
        if self.category_id:
            domain.append(("category_id", "=", self.category_id.id))
        if self.date_from:
            domain.append(("deadline", ">=", self.date_from))
        if self.date_to:
            domain.append(("deadline", "<=", self.date_to))
        return domain

    def _draw(self):
        """The tasks the seed picks among the candidates, in id order so the draw is reproducible."""
        self.ensure_one()
        candidates = self.env["liangze.task"].with_user(self.reviewer_id).search(self._candidate_domain(), order="id")
        chosen = random.Random(self.seed).sample(candidates.ids, min(self.sample_size, len(candidates)))
        return candidates, self.env["liangze.task"].browse(sorted(chosen))

    def action_draw(self):
        if not self.env.su:
            self.env["liangze.rectification"]._check_supervisor()
            self.check_access("write")
        for sample in self:
            if sample.state != "draft":
                raise UserError(self.env._("This sample was already drawn."))
            candidates, chosen = sample._draw()
            if not chosen:
                raise UserError(self.env._("No accepted task in your scope matches the filter."))
            # Reviews are records of the discipline body, never edited by hand: written as superuser.
            self.env["liangze.task.review"].sudo().create(
                [
                    {
                        "task_id": task.id,
                        "method": sample.method,
                        "reviewer_id": sample.reviewer_id.id,
                        "sample_id": sample.id,
                        "submitted_date": task.submitted_date,
                    }
                    for task in chosen
                ]
            )
            sample._guard_sudo().write({"state": "drawn", "candidate_count": len(candidates)})
        return True

    def action_verify_draw(self):
        """Draw again with the stored seed: the same candidates give the same
        sample, which shows nobody chose it. The result is posted on the sample."""
        for sample in self.filtered(lambda s: s.state == "drawn"):
            candidates, chosen = sample._draw()
            same = chosen == sample.review_ids.task_id and len(candidates) == sample.candidate_count
            # Readers verify too: the message is theirs, posted past the write-only chatter.
            sample.sudo().message_post(
                body=self.env._("Draw verified: the seed gives the same sample.")
                if same
                else self.env._("The seed no longer gives the same sample: the candidate tasks have changed since.")
            )
        return True
