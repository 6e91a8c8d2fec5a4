# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Two Responsibilities: Assessment and Accountability",
    "summary": "考责 and 问责: running, explained assessment scores of the units, ranked in their peer groups",
    "version": "19.0.1.0.0",
    "category": "Two Responsibilities",
    "website": "https://github.com/liangze/liangze",
    "author": "liangze",
    "license": "AGPL-3",
    "installable": True,
    "depends": ["liangze_supervision"],
    "data": [
        "security/liangze_accountability_security.xml",
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "data/mail_template_data.xml",
        "data/tier_definition_data.xml",
        "report/liangze_assessment_reports.xml",
        "views/liangze_assessment_scheme_views.xml",
        "views/liangze_assessment_deduction_views.xml",
        "views/liangze_assessment_score_views.xml",
        "views/liangze_assessment_appeal_views.xml",
        "wizards/liangze_appeal_decision_views.xml",
        "views/liangze_menus.xml",
    ],
    "demo": ["demo/liangze_assessment_demo.xml"],
}
