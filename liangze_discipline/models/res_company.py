# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    """Periods of discipline enforcement, shipped with the rules' defaults and changed per locality:
    letters and reports (处理检举控告工作规则 2020), clues and inquiries, sanctions and appeals
    (监督执纪工作规则 2019)."""

    _inherit = "res.company"

    liangze_petition_acceptance_workdays = fields.Integer(
        string="Tell Named Reporters of Acceptance Within (workdays)",
        default=15,
        help="From the receipt of a named letter or report: the reporter is told whether it is accepted.",
    )
    liangze_petition_result_workdays = fields.Integer(
        string="Tell Named Reporters of the Result Within (workdays)",
        default=15,
        help="From the closing of an accepted named letter or report: the reporter is told the result.",
    )
    liangze_petition_repeat_percent = fields.Integer(
        string="Repeat Reports: Similar From (%)",
        default=60,
        help="A new report about the same person whose content is at least this similar to an earlier one "
        "is flagged as a repeat of it.",
    )
    liangze_inbound_rectification_workdays = fields.Integer(
        string="Rectify Findings of Other Systems Within (workdays)",
        default=20,
        help="The due date of a finding another system pushes for rectification, when it gives none.",
    )

    @api.constrains(
        "liangze_petition_acceptance_workdays",
        "liangze_petition_result_workdays",
        "liangze_petition_repeat_percent",
        "liangze_inbound_rectification_workdays",
    )
    def _check_liangze_petition_periods(self):
        for company in self:
            periods = (
                company.liangze_petition_acceptance_workdays,
                company.liangze_petition_result_workdays,
                company.liangze_inbound_rectification_workdays,
            )
            if any(not 1 <= value <= 120 for value in periods):
                raise ValidationError(self.env._("The periods of letters and reports lie between 1 and 120 workdays."))
            if not 10 <= company.liangze_petition_repeat_percent <= 100:
                raise ValidationError(self.env._("The similarity of repeat reports lies between 10 and 100%."))

    liangze_clue_disposal_months = fields.Integer(
        string="Dispose of Clues Within (months)",
        default=1,
        help="From receipt (监督执纪工作规则 2019: one month).",
    )
    liangze_inquiry_reply_workdays = fields.Integer(
        string="Written Reply to Inquiry Letters Within (workdays)",
        default=15,
        help="From the letter's date (local practice: 15 workdays).",
    )

    @api.constrains("liangze_clue_disposal_months", "liangze_inquiry_reply_workdays")
    def _check_liangze_clue_periods(self):
        for company in self:
            if not 1 <= company.liangze_clue_disposal_months <= 12:
                raise ValidationError(self.env._("The disposal period of clues lies between 1 and 12 months."))
            if not 1 <= company.liangze_inquiry_reply_workdays <= 60:
                raise ValidationError(self.env._("The reply period of inquiry letters lies between 1 and 60 workdays."))

    liangze_sanction_execution_months = fields.Integer(
        string="Carry Out Sanctions Within (months)",
        default=1,
        help="A sanction decision is announced and carried out (post, pay) within this period.",
    )
    liangze_sanction_report_months = fields.Integer(
        string="Report Back on Sanctions Within (months)",
        default=6,
        help="The executing unit reports back on the execution within this period from the decision.",
    )
    liangze_discipline_appeal_months = fields.Integer(
        string="Appeal Sanctions Within (months)",
        default=1,
        help="The person sanctioned appeals within this period from the decision.",
    )
    liangze_discipline_appeal_decision_months = fields.Integer(
        string="Decide Sanction Appeals Within (months)",
        default=3,
        help="The body decides on an appeal against a sanction within this period (3 months by the rules).",
    )

    @api.constrains(
        "liangze_sanction_execution_months",
        "liangze_sanction_report_months",
        "liangze_discipline_appeal_months",
        "liangze_discipline_appeal_decision_months",
    )
    def _check_liangze_sanction_months(self):
        for company in self:
            months = (
                company.liangze_sanction_execution_months,
                company.liangze_sanction_report_months,
                company.liangze_discipline_appeal_months,
                company.liangze_discipline_appeal_decision_months,
            )
            if any(not 1 <= value <= 12 for value in months):
                raise ValidationError(
                    self.env._("The periods of sanctions and their appeals lie between 1 and 12 months.")
                )
            if company.liangze_sanction_report_months < company.liangze_sanction_execution_months:
                raise ValidationError(self.env._("The report back cannot be due before the execution."))
