# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# The inbound interface of other systems is the model method liangze.inbound.finding.push, called
# through Odoo's own external API (POST /json/2/liangze.inbound.finding/push with an API key, or
# XML-RPC execute_kw): authentication, transactions and JSON errors are Odoo's, no route of its own.
