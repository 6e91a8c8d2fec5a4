# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

KINDS = [
    ("late_task", "Task accepted late"),
    ("red_task", "Task still red after its deadline"),
    ("returned_task", "Task returned for more material"),
    ("reminder_letter", "Reminder letter received"),
    ("problem_overdue", "Recommendation-letter problem overdue"),
    ("problem_failed", "Problem failing verification"),
    ("external_finding", "External finding against the unit"),
    ("accountability", "Accountability decision against the unit or its people"),
]


# Kinds whose sources are tasks, and so have an item weight (分值).
TASK_KINDS = ("late_task", "red_task", "returned_task")


class LiangzeAssessmentRule(models.Model):
    """A deduction rule (扣分规则): what costs points, how many each time, up to a cap."""

    _name = "liangze.assessment.rule"
    _description = "Deduction Rule"
    _inherit = ["liangze.record.guard"]
    _order = "scheme_id, sequence, id"

    _guard_state_field = None
    _guard_fixed_fields = frozenset({"scheme_id"})

    scheme_id = fields.Many2one("liangze.assessment.scheme", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(KINDS, required=True)
    name = fields.Char(compute="_compute_name", store=True, readonly=False, required=True, precompute=True)
    points = fields.Float(required=True, default=1.0, help="Deducted for each occurrence.")
    basis = fields.Selection(
        [("fixed", "Fixed points per occurrence"), ("weight_share", "Share of the item's weight")],
        string="Points As",
        default="fixed",
        required=True,
        help="For tasks: a share (in %) of the weight (分值) of the task's list item instead of fixed points.",
    )
    weight_percent = fields.Float(string="Share of the Weight (%)", default=50.0)
    cap = fields.Float(help="At most this many points a unit loses by this rule in the year (0: no cap).")
    red_workdays = fields.Integer(
        string="Red For (workdays)", default=10, help="For red tasks: workdays past the deadline before the deduction."
    )

    _scheme_kind_uniq = models.Constraint("UNIQUE(scheme_id, kind)", "The scheme already has a rule of this kind.")

    @api.depends("kind")
    def _compute_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for rule in self:
            rule.name = rule.name or labels.get(rule.kind)

    @api.constrains("points", "cap", "red_workdays", "basis", "weight_percent", "kind")
    def _check_numbers(self):
        for rule in self:
            if rule.basis == "weight_share":
                if rule.kind not in TASK_KINDS:
                    raise ValidationError(self.env._("Only rules on tasks count a share of the item's weight."))
                if not 0 < rule.weight_percent <= 100:
                    raise ValidationError(self.env._("The share of the weight lies between 0 and 100%."))
            if not 0 < rule.points <= 100 or not 0 <= rule.cap <= 100:
                raise ValidationError(self.env._("Points lie between 0 and 100, and so does the cap."))
            if not 0 <= rule.red_workdays <= 120:
                raise ValidationError(self.env._("A task is red for 0 to 120 workdays before the deduction."))

    # -- the sources of each kind, one SELECT each: (source id, owner unit id, day, item weight) --
    def _source_query(self):
        self.ensure_one()
        year = self.scheme_id.year
        if self.kind == "late_task":
            return "liangze.task", SQL(
                """SELECT t.id, t.owner_unit_id, t.accepted_on, i.weight FROM liangze_task t
                     JOIN liangze_list_item i ON i.id = t.item_id
                    WHERE t.active AND t.year = %s AND t.state = 'accepted' AND t.accepted_on > t.deadline""",
                year,
            )
        if self.kind == "red_task":
            workdays = self.scheme_id.company_id._liangze_workdays()
            cutoff = workdays.subtract_workdays(self._bureau_today(), self.red_workdays)
            return "liangze.task", SQL(
                """SELECT t.id, t.owner_unit_id, t.deadline, i.weight FROM liangze_task t
                     JOIN liangze_list_item i ON i.id = t.item_id
                    WHERE t.active AND t.year = %s AND t.state NOT IN ('accepted', 'cancelled') AND t.deadline < %s""",
                year,
                cutoff,
            )
        if self.kind == "returned_task":
            return "liangze.task.review", SQL(
                """SELECT r.id, t.owner_unit_id, r.decided_date::date, i.weight FROM liangze_task_review r
                     JOIN liangze_task t ON t.id = r.task_id
                     JOIN liangze_list_item i ON i.id = t.item_id
                    WHERE r.decision = 'returned' AND t.year = %s""",
                year,
            )
        start, end = date(year, 1, 1), date(year, 12, 31)
        if self.kind == "reminder_letter":
            return "liangze.reminder.letter", SQL(
                """SELECT id, unit_id, issue_date, 0 FROM liangze_reminder_letter
                    WHERE state IN ('issued', 'acknowledged') AND issue_date BETWEEN %s AND %s""",
                start,
                end,
            )
        if self.kind in ("problem_overdue", "problem_failed"):
            condition = (
                SQL("p.warning_level IN ('red', 'done_late')")
                if self.kind == "problem_overdue"
                else SQL("p.failed_count > 0")
            )
            return "liangze.rectification.problem", SQL(
                """SELECT p.id, p.unit_id, p.due_date, 0 FROM liangze_rectification_problem p
                     JOIN liangze_rectification r ON r.id = p.rectification_id
                    WHERE r.source = 'recommendation_letter' AND r.state != 'draft'
                      AND p.due_date BETWEEN %s AND %s AND %s""",
                start,
                end,
                condition,
            )
        if self.kind == "accountability":
            # Issued decisions that hold someone to account (not revoked), against the unit or its people.
            return "liangze.accountability.decision", SQL(
                """SELECT id, unit_id, decision_date, 0 FROM liangze_accountability_decision
                    WHERE state IN ('issued', 'done') AND NOT COALESCE(no_accountability, FALSE)
                      AND decision_date BETWEEN %s AND %s""",
                start,
                end,
            )
        return "liangze.rectification", SQL(
            """SELECT id, unit_id, issue_date, 0 FROM liangze_rectification
                WHERE source != 'recommendation_letter' AND state != 'draft' AND issue_date BETWEEN %s AND %s""",
            start,
            end,
        )

    def _collect_deductions(self):
        """One INSERT … SELECT per rule: a deduction per (rule, source), charged to
        the assessed unit the source's unit lies in; existing ones are kept as they are."""
        self.env.flush_all()
        for rule in self:
            assessed = rule.scheme_id._assessed_units()
            if not assessed:
                continue
            model, sources = rule._source_query()
            self.env.cr.execute(
                SQL(
                    """INSERT INTO liangze_assessment_deduction
                           (scheme_id, rule_id, unit_id, kind, points, source_model, source_id, date, charged_on,
                            state, manual, create_uid, write_uid, create_date, write_date)
                       SELECT %(scheme)s, %(rule)s, a.id, 'deduction', pts.points, %(model)s, src.id, src.day,
                              %(today)s, 'active', FALSE,
                              %(uid)s, %(uid)s, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
                         FROM (%(sources)s) AS src (id, unit_id, day, weight)
                         JOIN liangze_unit u ON u.id = src.unit_id
                         JOIN liangze_unit a ON a.id = ANY(%(assessed)s) AND u.parent_path LIKE a.parent_path || '%%'
                        CROSS JOIN LATERAL (
                               SELECT CASE WHEN %(share)s IS NULL THEN %(points)s
                                           ELSE ROUND((COALESCE(src.weight, 0) * %(share)s / 100.0)::numeric, 2)
                                      END AS points) AS pts
                        WHERE pts.points > 0
                       ON CONFLICT (rule_id, source_model, source_id) DO NOTHING""",
                    scheme=rule.scheme_id.id,
                    rule=rule.id,
                    points=rule.points,
                    share=rule.weight_percent if rule.basis == "weight_share" else None,
                    model=model,
                    today=self._bureau_today(),
                    uid=self.env.uid,
                    sources=sources,
                    assessed=assessed.ids,
                )
            )
        self.env["liangze.assessment.deduction"].invalidate_model()
