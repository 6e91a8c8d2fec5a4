# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
from difflib import SequenceMatcher

from odoo import api, models
from odoo.exceptions import UserError

# Spaces and punctuation do not make two reports different.
NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


class LiangzePetitionRepeatMixin(models.AbstractModel):
    """Repeat reports (重复举报) of ``liangze.petition``: a registered report about the
    same person (or unit) as an earlier one, with content as similar as the company
    says, is flagged; intake files it as a repeat of the first report of its chain, or
    judges it new.

    Kept apart from the register of letters and reports so that the likeness test and
    the filing of repeats read in one place."""

    _name = "liangze.petition.repeat.mixin"
    _description = "Repeat Reports"

    @api.depends("content", "concerned_cadre_ids", "reported_unit_ids", "body_unit_id")
    def _compute_repeat_candidate(self):
        for petition in self:
            if petition.state not in (False, "registered") or not petition.id:
                petition.repeat_candidate_id = petition.repeat_candidate_id
                petition.repeat_similarity = petition.repeat_similarity
                continue
            first, ratio = petition._find_first()
            petition.repeat_candidate_id = first
            petition.repeat_similarity = round(ratio * 100) if first else 0

    def _find_first(self):
        """(earlier report, similarity) this report repeats: about the same person (or,
        naming nobody, the same unit), with content at least as similar as the company
        says; the earliest such report, never itself a repeat. (empty, 0.0) if none."""
        self.ensure_one()
        empty = self.browse()
        if self.concerned_cadre_ids:
            about = ("concerned_cadre_ids", "in", self.concerned_cadre_ids.ids)
        elif self.reported_unit_ids:
            about = ("reported_unit_ids", "in", self.reported_unit_ids.ids)
        else:
            return empty, 0.0
        text = NOISE.sub("", self.content or "")
        if not text:
            return empty, 0.0
        threshold = (self.company_id.liangze_petition_repeat_percent or 60) / 100
        earlier = (
            self.sudo()
            .with_context(active_test=False)
            .search_fetch(
                [
                    about,
                    ("id", "<", self.id),
                    ("body_unit_id", "=", self.body_unit_id.id),
                    ("state", "!=", "repeat"),
                ],
                ["content"],
                order="received_on, id",
            )
        )
        for candidate in earlier:
            other = NOISE.sub("", candidate.content or "")
            matcher = SequenceMatcher(None, text, other, autojunk=False)
            if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
                continue
            ratio = matcher.ratio()
            if ratio >= threshold:
                return candidate, ratio
        return empty, 0.0

    def _check_not_repeat(self):
        for petition in self:
            if petition.repeat_candidate_id and not petition.repeat_dismissed:
                raise UserError(
                    self.env._(
                        "%(petition)s looks like a repeat of %(first)s (%(ratio)s%% similar): file it as a repeat, "
                        "or say it is not one.",
                        petition=petition.display_name,
                        first=petition.repeat_candidate_id.display_name,
                        ratio=petition.repeat_similarity,
                    )
                )

    def action_mark_repeat(self, first=None, note=None):
        """Filed as a repeat of an earlier report: linked to it (to the first of its chain)
        and not handled again; the reporter was answered on the first."""
        self._check_intake()
        self._check_registered()
        if isinstance(first, int):
            first = self.browse(first)
        for petition in self:
            original = first or petition.repeat_candidate_id
            while original.first_id:
                original = original.first_id
            if not original:
                raise UserError(self.env._("Choose the earlier report this one repeats."))
            if original == petition or original.body_unit_id != petition.body_unit_id:
                raise UserError(self.env._("A report repeats an earlier report of the same discipline body."))
            petition._decided("repeat", first_id=original.id, decision_note=(note or "").strip() or False)
            petition.notice_ids.filtered(lambda n: n.state == "to_do")._void()
            petition.message_post(
                body=self.env._(
                    "Filed by %(user)s as a repeat of %(first)s.", user=self.env.user.name, first=original.name
                )
            )
            original.sudo().message_post(
                body=self.env._("Repeat report %(petition)s received and filed.", petition=petition.name)
            )
        self._record_file_entries()
        return True

    def action_not_repeat(self):
        """Intake judges the report new despite its likeness to an earlier one."""
        self._check_intake()
        self._check_registered()
        for petition in self.filtered("repeat_candidate_id"):
            petition._guard_sudo().write({"repeat_dismissed": True})
            petition.message_post(
                body=self.env._(
                    "%(user)s judged it a new report, not a repeat of %(first)s.",
                    user=self.env.user.name,
                    first=petition.repeat_candidate_id.name,
                )
            )
        return True
