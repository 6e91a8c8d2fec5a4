# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Two Responsibilities: Supervisory Responsibility",
    "summary": "The discipline body's supervision of the principal responsibility",
    "version": "19.0.1.0.0",
    "category": "Two Responsibilities",
    "website": "https://github.com/liangze/liangze",
    "author": "liangze",
    "license": "AGPL-3",
    "installable": True,
    "depends": ["liangze_responsibility", "base_tier_validation"],
    "data": [
        "security/liangze_supervision_security.xml",
        "security/ir.model.access.csv",
        "report/liangze_supervision_reports.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "data/tier_definition_data.xml",
        "data/auditlog_rule_data.xml",
        "views/liangze_unit_views.xml",
        "views/liangze_review_views.xml",
        "views/liangze_supervision_report_views.xml",
        "views/liangze_rectification_views.xml",
        "views/liangze_reminder_letter_views.xml",
        "views/liangze_assignment_letter_views.xml",
        "views/liangze_political_ledger_views.xml",
        "views/liangze_menus.xml",
    ],
    "demo": ["demo/liangze_supervision_demo.xml"],
    "assets": {
        "web.assets_tests": ["liangze_supervision/static/tests/tours/*.js"],
    },
}
