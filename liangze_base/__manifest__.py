# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Two Responsibilities: Foundation",
    "summary": "The mechanisms every liangze addon shares: the bureau's day, and daily jobs that survive a bad record",
    "version": "19.0.1.0.0",
    "category": "Two Responsibilities",
    "website": "https://github.com/liangze/liangze",
    "author": "liangze",
    "license": "AGPL-3",
    "installable": True,
    "depends": ["mail"],
    "data": [
        "security/ir.model.access.csv",
        "views/res_company_views.xml",
        "views/liangze_job_failure_views.xml",
        "report/liangze_official_document.xml",
    ],
}
