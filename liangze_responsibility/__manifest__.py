# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Two Responsibilities: Principal Responsibility",
    "summary": "Responsibility units, roles and the principal responsibility of the party committee",
    "version": "19.0.1.0.0",
    "category": "Two Responsibilities",
    "website": "https://github.com/liangze/liangze",
    "author": "liangze",
    "license": "AGPL-3",
    "application": True,
    "installable": True,
    "depends": ["mail", "resource", "web_hierarchy", "report_xlsx", "base_import"],
    "data": [
        "security/liangze_security.xml",
        "security/ir.model.access.csv",
        "data/liangze_category_data.xml",
        "data/ir_cron_data.xml",
        "data/mail_template_data.xml",
        "report/liangze_list_report.xml",
        "report/liangze_ledger_report.xml",
        "wizards/liangze_ledger_print_views.xml",
        "views/liangze_unit_views.xml",
        "views/liangze_category_views.xml",
        "views/liangze_list_views.xml",
        "views/liangze_task_views.xml",
        "views/resource_calendar_views.xml",
        "views/liangze_menus.xml",
    ],
    "demo": [
        "demo/res_company_demo.xml",
        "demo/liangze_unit_demo.xml",
        "demo/res_users_demo.xml",
        "demo/liangze_list_demo.xml",
    ],
    "assets": {
        "web.assets_tests": ["liangze_responsibility/static/tests/tours/*.js"],
    },
}
