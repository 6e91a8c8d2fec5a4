# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResUsers(models.Model):
    """When each user last had the weekly digest of warnings (the scopes are liangze_base's)."""

    _inherit = "res.users"

    liangze_digest_week = fields.Date(
        string="Warning Digest Sent For",
        readonly=True,
        copy=False,
        groups="base.group_system",
        help="The Monday of the bureau's week the last weekly digest of warnings was sent for: once a week.",
    )
