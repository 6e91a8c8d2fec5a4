# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Nobody is a business role by default: Odoo's administrator and the superuser, whom
the first versions put in the liangze administrator, supervision head and assessor
groups, leave every liangze group of a database updated in place (a bureau gives the
roles to named people, from 设置 ▸ 用户)."""

from odoo import SUPERUSER_ID, Command, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    category = env.ref("liangze_base.module_category_liangze")
    groups = env["res.groups"].search([("privilege_id.category_id", "=", category.id)])
    for xmlid in ("base.user_root", "base.user_admin"):
        # From the user's side: the superuser is archived, and a group's users are the active ones.
        user = env.ref(xmlid, raise_if_not_found=False)
        if user:
            user.with_context(active_test=False).write({"group_ids": [Command.unlink(group.id) for group in groups]})
