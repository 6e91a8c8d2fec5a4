# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The roles, the organisation's access, the foundation's jobs and the tier approval's
access moved from the business addons to liangze_base: their external ids follow, so
that a database updated in place keeps its groups (and who holds them), rules and jobs
instead of creating new ones and deleting the old."""

FROM_RESPONSIBILITY = [
    "module_category_liangze",
    "res_groups_privilege_liangze_principal",
    "res_groups_privilege_liangze_supervisory",
    "group_liangze_user",
    "group_liangze_unit_head",
    "group_liangze_leader",
    "group_liangze_admin",
    "group_liangze_supervisor",
    "group_liangze_supervision_head",
    "liangze_unit_rule_company",
    "access_liangze_unit_user",
    "access_liangze_unit_admin",
    "access_liangze_adjusted_workday_user",
    "access_liangze_adjusted_workday_admin",
    "access_resource_calendar_liangze_admin",
    "access_resource_calendar_leaves_liangze_admin",
    "ir_cron_liangze_load_holidays",
    "ir_cron_liangze_refresh_warnings",
    "ir_cron_liangze_load_holidays_ir_actions_server",
    "ir_cron_liangze_refresh_warnings_ir_actions_server",
]
FROM_SUPERVISION = [
    "access_tier_definition_liangze_admin",
    "access_liangze_document_series_user",
    "access_liangze_document_series_admin",
    "liangze_document_series_rule_company",
]
FROM_ACCOUNTABILITY = [
    "access_liangze_cadre_supervisor",
    "access_liangze_cadre_leader",
    "access_liangze_cadre_admin",
    "liangze_cadre_rule_company",
    "liangze_cadre_rule_scope",
    "liangze_cadre_rule_admin",
    "access_liangze_appeal_decision_supervision_head",
    "liangze_appeal_decision_view_form",
]
MOVED = (
    [("liangze_responsibility", name) for name in FROM_RESPONSIBILITY]
    + [("liangze_supervision", name) for name in FROM_SUPERVISION]
    + [("liangze_accountability", name) for name in FROM_ACCOUNTABILITY]
)


def migrate(cr, version):
    if not version:
        return
    for module, name in MOVED:
        cr.execute(
            """
            UPDATE ir_model_data SET module = 'liangze_base'
             WHERE module = %s AND name = %s
               AND NOT EXISTS (SELECT 1 FROM ir_model_data WHERE module = 'liangze_base' AND name = %s)
            """,
            [module, name, name],
        )
