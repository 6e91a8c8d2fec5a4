# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from markupsafe import Markup

from odoo import models
from odoo.fields import Domain


class LiangzeDutyReportDraftingMixin(models.AbstractModel):
    """The first text of a duty and integrity report, drafted for its reporter from
    what the system holds on the campaign year: the tasks they own or lead and how
    they were done, the supervision letters and problems of their unit and their
    rectification, the assessment, accountability and talks.

    Kept apart from the report's procedure (written, submitted, rated): it is the
    one part that reads the records of the other businesses."""

    _name = "liangze.duty.report.drafting.mixin"
    _description = "Duty Report Drafted from the System"

    # -- drafted from the system ------------------------------------------------------------
    def _year_bounds(self):
        return date(self.year, 1, 1), date(self.year, 12, 31)

    def _task_figures(self):
        """{total, done, on_time, late, red} of the campaign year's tasks the reporter
        owns, is responsible for, leads as the item's leader, or heads the unit of."""
        self.ensure_one()
        cadre = self.cadre_id.sudo()
        user = cadre.user_id
        clauses = []
        if user:
            clauses += [
                [("owner_user_id", "=", user.id)],
                [("responsible_user_id", "=", user.id)],
                [("item_id.lead_leader_id", "=", user.id)],
            ]
        Unit = self.env["liangze.unit"].sudo()
        headed = Unit.search([("head_id", "=", user.id)]) if user else Unit
        if cadre.leader_role == "principal_leader":
            headed |= self.unit_id
        if headed:
            clauses.append([("owner_unit_id", "in", headed.ids)])
        figures = dict.fromkeys(("total", "done", "on_time", "late", "red"), 0)
        if not clauses:
            return figures
        domain = Domain.AND([[("year", "=", self.year), ("state", "!=", "cancelled")], Domain.OR(clauses)])
        for level, count in self.env["liangze.task"].sudo()._read_group(domain, ["warning_level"], ["__count"]):
            figures["total"] += count
            if level == "done_on_time":
                figures["on_time"] += count
            elif level == "done_late":
                figures["late"] += count
            elif level == "red":
                figures["red"] += count
        figures["done"] = figures["on_time"] + figures["late"]
        return figures

    def _supervision_figures(self):
        """{reminders, recommendations, problems, verified, open} of the unit in the year."""
        self.ensure_one()
        first, last = self._year_bounds()
        issued = [("unit_id", "=", self.unit_id.id), ("issue_date", ">=", first), ("issue_date", "<=", last)]
        reminders = (
            self.env["liangze.reminder.letter"]
            .sudo()
            .search_count(issued + [("state", "in", ("issued", "acknowledged"))])
        )
        recommendations = (
            self.env["liangze.rectification"]
            .sudo()
            .search_count(issued + [("state", "!=", "draft"), ("source", "=", "recommendation_letter")])
        )
        problems = dict(
            self.env["liangze.rectification.problem"]
            .sudo()
            ._read_group(
                [
                    ("unit_id", "=", self.unit_id.id),
                    ("rectification_id.state", "!=", "draft"),
                    ("rectification_id.issue_date", ">=", first),
                    ("rectification_id.issue_date", "<=", last),
                ],
                ["state"],
                ["__count"],
            )
        )
        total = sum(problems.values())
        return {
            "reminders": reminders,
            "recommendations": recommendations,
            "problems": total,
            "verified": problems.get("verified", 0),
            "open": total - problems.get("verified", 0),
        }

    def _draft_body(self):
        """The report as drafted for the reporter from the system, for the campaign year."""
        self.ensure_one()
        first, last = self._year_bounds()
        cadre = self.cadre_id.sudo()
        tasks = self._task_figures()
        supervision = self._supervision_figures()
        parts = [Markup("<h3>%s</h3>") % self.env._("1. Tasks owned or led")]
        parts.append(
            Markup("<p>%s</p>")
            % self.env._(
                "In %(year)s: %(total)s tasks, %(done)s done (%(on_time)s on time, %(late)s late), "
                "%(red)s overdue (red).",
                year=self.year,
                **tasks,
            )
        )
        parts.append(Markup("<h3>%s</h3>") % self.env._("2. Supervision letters and rectification"))
        parts.append(
            Markup("<p>%s</p>")
            % self.env._(
                "Reminder letters received: %(reminders)s; recommendation letters received: %(recommendations)s; "
                "problems to rectify: %(problems)s, of which %(verified)s verified and %(open)s still open.",
                **supervision,
            )
        )
        parts.append(Markup("<h3>%s</h3>") % self.env._("3. Assessment"))
        results = [r for r in cadre._assessment_results() if r["year"] == self.year]
        if not results:
            parts.append(Markup("<p>%s</p>") % self.env._("No published assessment result this year."))
        for result in results:
            grades = dict(self.env["liangze.assessment.score"]._fields["grade"]._description_selection(self.env))
            parts.append(
                Markup("<p>%s</p>")
                % self.env._(
                    "%(scheme)s: %(grade)s, %(score)s points, rank %(rank)s.",
                    scheme=result["scheme"].name,
                    grade=grades.get(result["grade"], ""),
                    score=round(result["score"], 2),
                    rank=result["rank"],
                )
            )
        parts.append(Markup("<h3>%s</h3>") % self.env._("4. Accountability and talks"))
        decisions = (
            self.env["liangze.accountability.decision"]
            .sudo()
            .search(
                [
                    ("cadre_id", "=", cadre.id),
                    ("state", "in", ("issued", "done")),
                    ("decision_date", ">=", first),
                    ("decision_date", "<=", last),
                ]
            )
        )
        parts.append(
            Markup("<p>%s</p>") % self.env._("Accountability decisions this year: %(count)s.", count=len(decisions))
        )
        if decisions:
            parts.append(
                Markup("<ul>%s</ul>")
                % Markup().join(
                    Markup("<li>%s：%s</li>")
                    % (
                        d.document_number or "",
                        "、".join(d.measure_ids.mapped("name")) or self.env._("Not held to account"),
                    )
                    for d in decisions
                )
            )
        talks = (
            self.env["liangze.summons.talk"]
            .sudo()
            .search(
                [
                    ("cadre_ids", "in", cadre.ids),
                    ("state", "in", ("held", "closed")),
                    ("held_on", ">=", first),
                    ("held_on", "<=", last),
                ]
            )
        )
        parts.append(Markup("<p>%s</p>") % self.env._("Summons talks this year: %(count)s.", count=len(talks)))
        if talks:
            parts.append(
                Markup("<ul>%s</ul>")
                % Markup().join(
                    Markup("<li>%s %s</li>") % (self.campaign_id._official_date(t.held_on), t.name) for t in talks
                )
            )
        parts.append(Markup("<h3>%s</h3>") % self.env._("5. How I carried my responsibilities"))
        parts.append(
            Markup("<p>%s</p>")
            % self.env._(
                "Write here how you carried out your duties and kept clean, the problems found and what you will do."
            )
        )
        return Markup().join(parts)
