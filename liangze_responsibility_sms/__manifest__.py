# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Two Responsibilities: SMS Reminders",
    "summary": "Send the yellow-warning reminder of a task by SMS too, when Odoo's SMS app is installed",
    "version": "19.0.1.0.0",
    "category": "Two Responsibilities",
    "website": "https://github.com/liangze/liangze",
    "author": "liangze",
    "license": "AGPL-3",
    "installable": True,
    "auto_install": True,
    "depends": ["liangze_responsibility", "sms"],
    "data": ["data/sms_template_data.xml"],
}
