# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Two Responsibilities: Foundation",
    "summary": "The mechanisms every liangze addon shares: organisation and roles, the bureau's day, "
    "workdays and deadlines, the record guard, official documents, jobs that survive a bad record",
    "version": "19.0.1.2.0",
    "category": "Two Responsibilities",
    "website": "https://github.com/liangze/liangze",
    "author": "liangze",
    "license": "AGPL-3",
    "installable": True,
    "depends": ["mail", "resource", "base_tier_validation", "auditlog"],
    "external_dependencies": {"python": ["chinese_calendar"]},
    "data": [
        "security/liangze_base_security.xml",
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "data/ir_cron_cleanup.xml",
        "data/auditlog_rule_data.xml",
        "wizards/liangze_appeal_decision_views.xml",
        "views/res_company_views.xml",
        "views/liangze_job_failure_views.xml",
        "report/liangze_official_document.xml",
    ],
}
