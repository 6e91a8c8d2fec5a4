# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import functools

from odoo import api, models
from odoo.exceptions import AccessError
from odoo.fields import Domain

from .liangze_record_guard import TRUSTED, TRUSTED_KEY


class TierReview(models.Model):
    """Reviews of liangze documents: written only by the tier-validation
    methods, read only by who reads the document."""

    _inherit = "tier.review"

    @api.depends("reviewer_ids")
    def _compute_todo_by(self):
        # OCA's "Group %s" is not translated in its zh_CN.po: said in this addon's words.
        result = super()._compute_todo_by()
        for review in self.filtered("reviewer_group_id"):
            review.todo_by = self.env._("Group %(group)s", group=review.reviewer_group_id.name)
        return result

    @api.model
    def _liangze_models(self):
        return [
            name
            for name in self.env.registry
            if name.startswith("liangze.")
            and not self.env[name]._abstract
            and hasattr(self.env[name], "_liangze_tier_env")
        ]

    def _liangze_trusted(self):
        return self.env.su or self.env.context.get(TRUSTED_KEY) is TRUSTED

    def _liangze_check_forgery(self, model_names):
        if not self._liangze_trusted() and set(model_names) & set(self._liangze_models()):
            raise AccessError(
                self.env._("Reviews of liangze documents are written by the approval itself, never by hand.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._liangze_check_forgery(vals.get("model") for vals in vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._liangze_check_forgery(self.sudo().mapped("model") + [vals.get("model")])
        return super().write(vals)

    def unlink(self):
        self._liangze_check_forgery(self.sudo().mapped("model"))
        return super().unlink()

    def _update_review_status(self):
        # OCA promotes waiting reviews from the systray as the reviewer: its own
        # computation, not values from a client.
        return super(TierReview, self.with_context(**{TRUSTED_KEY: TRUSTED}))._update_review_status()

    # -- reading: the document's own access decides -------------------------------------
    @api.model
    def _search(self, domain, *args, **kwargs):
        if not self.env.su:
            for name in self._liangze_models():
                if not self.env[name].has_access("read"):
                    # Not even the model may be read (an accountability case for most users).
                    domain = Domain(domain) & Domain("model", "!=", name)
                    continue
                readable = self.env[name]._search([])
                domain = Domain(domain) & (Domain("model", "!=", name) | Domain("res_id", "any!", readable))
        return super()._search(domain, *args, **kwargs)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if result or self.env.su:
            return result
        forbidden = self.browse()
        reviews = self.sudo()
        for name in set(reviews.mapped("model")) & set(self._liangze_models()):
            mine = reviews.filtered(lambda r, n=name: r.model == n)
            documents = self.env[name].browse(mine.mapped("res_id"))
            readable = set(documents._filtered_access("read").ids)
            forbidden |= self.browse([r.id for r in mine if r.res_id not in readable])
        if forbidden:
            return forbidden, functools.partial(
                AccessError, self.env._("You cannot read the reviews of a document you cannot read.")
            )
        return None
