# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.liangze_base.models.liangze_record_guard import THREAD_FIELDS
from odoo.addons.liangze_base.roles import SUPERVISOR

OPINIONS = [("clear", "No problem found"), ("defer", "Deferred"), ("veto", "Vetoed")]
# What the requester gives of a line (the person); what the body's officers check.
REQUESTER_FIELDS = frozenset({"cadre_id", "sequence"})
CHECK_FIELDS = frozenset({"opinion", "opinion_text", "change_reason", "reason_ids"})
# Accountability cases still under way: the person's opinion is deferred.
OPEN_CASE_STATES = ("draft", "to_approve", "inquiry")


class LiangzeOpinion(models.Model):
    """The integrity opinion on one person of a request: no problem found (无问题),
    deferred (暂缓) or vetoed (否决), with the sentence printed in the reply and,
    for the discipline body alone, the reasons linked to the records behind them.
    Proposed by the system, checked and signed by the officer who made the check;
    a changed proposal says why."""

    _name = "liangze.opinion"
    _description = "Integrity Opinion"
    _inherit = ["liangze.record.guard"]
    _order = "request_id, sequence, id"
    _rec_name = "cadre_id"

    _guard_initial_states = ("draft",)
    _guard_workflow_fields = frozenset({"state", "checked_by_id", "checked_on", "proposed_opinion"})
    _guard_fixed_fields = frozenset({"request_id"})
    _guard_structural_fields = frozenset({"opinion", "opinion_text", "change_reason"})
    # The requester lists the persons while the request is a draft; the body's officers
    # check the opinions while they draft the reply (never given at creation).
    _guard_parent_field = "request_id"
    _guard_parent_states = {None: ("draft",), CHECK_FIELDS: ("drafted",)}

    request_id = fields.Many2one("liangze.opinion.request", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    # Cascade only serves uninstall: a cadre held to account stays on record.
    cadre_id = fields.Many2one("liangze.cadre", string="Person", required=True, index=True, ondelete="cascade")
    unit_id = fields.Many2one(related="cadre_id.unit_id", store=True, index=True)
    post = fields.Char(related="cadre_id.post")
    company_id = fields.Many2one(related="request_id.company_id", store=True, index=True)
    request_state = fields.Selection(related="request_id.state", string="Request State")
    opinion = fields.Selection(OPINIONS, index=True)
    opinion_text = fields.Text(string="Opinion as Replied", help="The sentence printed in the reply letter.")
    proposed_opinion = fields.Selection(
        OPINIONS, string="Proposed by the System", readonly=True, copy=False, groups=SUPERVISOR
    )
    change_reason = fields.Text(
        string="Why the Proposal Was Changed",
        groups=SUPERVISOR,
        help="Needed when the opinion differs from the proposal.",
    )
    reason_ids = fields.One2many("liangze.opinion.reason", "opinion_id", string="Reasons", groups=SUPERVISOR)
    state = fields.Selection(
        [("draft", "To Check"), ("checked", "Checked")], default="draft", required=True, index=True, copy=False
    )
    checked_by_id = fields.Many2one("res.users", readonly=True, copy=False, groups=SUPERVISOR)
    checked_on = fields.Date(readonly=True, copy=False, groups=SUPERVISOR)

    _request_cadre_uniq = models.Constraint(
        "UNIQUE(request_id, cadre_id)", "A person is listed once in a request for integrity opinions."
    )

    @api.constrains("opinion", "reason_ids")
    def _check_reason(self):
        """A veto or a deferral gives at least one reason of its kind."""
        stated = self.filtered(lambda o: o.opinion in ("veto", "defer"))
        if not stated:
            return
        given = {
            (opinion.id, kind)
            for opinion, kind in self.env["liangze.opinion.reason"]
            .sudo()
            ._read_group([("opinion_id", "in", stated.ids)], ["opinion_id", "kind"])
        }
        for opinion in stated:
            if (opinion.id, opinion.opinion) not in given:
                raise ValidationError(
                    self.env._(
                        "An opinion of veto or deferral gives its reason: %(person)s.", person=opinion.cadre_id.name
                    )
                )

    @api.model
    def _check_listed_once(self, pairs, lines=None):
        """Refuse a person twice in a request: ``pairs`` of (request id, cadre id) to add,
        besides the request's other ``lines``. Checked before the insert, for a clear message."""
        pairs = [(request_id, cadre_id) for request_id, cadre_id in pairs if request_id and cadre_id]
        existing = self.sudo().search_fetch(
            [("request_id", "in", [p[0] for p in pairs]), ("cadre_id", "in", [p[1] for p in pairs])]
            + ([("id", "not in", lines.ids)] if lines else []),
            ["request_id", "cadre_id"],
        )
        seen = {(line.request_id.id, line.cadre_id.id) for line in existing}
        for pair in pairs:
            if pair in seen:
                raise ValidationError(
                    self.env._(
                        "%(person)s is listed once in a request for integrity opinions.",
                        person=self.env["liangze.cadre"].sudo().browse(pair[1]).name,
                    )
                )
            seen.add(pair)

    # -- create, write, delete -----------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self._guard_trusted():
            # The guard first: a line it refuses is refused for that, whoever is listed.
            self._guard_check_client_create(vals_list)
        self._check_listed_once([(vals.get("request_id"), vals.get("cadre_id")) for vals in vals_list])
        opinions = super().create(vals_list)
        if not self._guard_trusted():
            opinions.request_id._check_requester()
        return opinions

    def write(self, vals):
        # The states: _guard_parent_states; who writes what, here.
        if not self._guard_trusted() and set(vals) - THREAD_FIELDS:
            if vals.keys() & REQUESTER_FIELDS:
                self.request_id._check_requester()
            if vals.keys() & CHECK_FIELDS:
                self.request_id._check_body_officer()
        if vals.get("cadre_id"):
            if not self._guard_trusted():
                # The guard first: a line it refuses is refused for that, whoever is listed.
                self._guard_check_write(vals)
            self._check_listed_once([(line.request_id.id, vals["cadre_id"]) for line in self], self)
        return super().write(vals)

    # -- checking ------------------------------------------------------------------------
    def action_sign(self):
        """Signed by the officer who made the check: the opinion is final unless reopened."""
        self.request_id._check_body_officer()
        self.check_access("write")
        for opinion in self:
            if opinion.state != "draft" or opinion.request_id.state != "drafted":
                raise UserError(self.env._("Only an opinion being checked is signed."))
            if not opinion.opinion:
                raise UserError(self.env._("Give the opinion on %(person)s.", person=opinion.cadre_id.name))
            if opinion.opinion != opinion.proposed_opinion and not (opinion.change_reason or "").strip():
                raise UserError(
                    self.env._(
                        "The opinion on %(person)s differs from the one the records gave: say why.",
                        person=opinion.cadre_id.name,
                    )
                )
            if not (opinion.opinion_text or "").strip():
                opinion._guard_sudo().write({"opinion_text": opinion.request_id._opinion_sentence(opinion.opinion)})
        self._guard_sudo().write(
            {"state": "checked", "checked_by_id": self.env.uid, "checked_on": self._bureau_today()}
        )
        return True

    def action_reopen(self):
        """Back to checking, while the reply is being drafted: the signature is withdrawn."""
        self.request_id._check_body_officer()
        self.check_access("write")
        if any(opinion.state != "checked" or opinion.request_id.state != "drafted" for opinion in self):
            raise UserError(self.env._("Only a signed opinion of a reply being drafted is reopened."))
        self._guard_sudo().write({"state": "draft", "checked_by_id": False, "checked_on": False})
        return True

    def action_open(self):
        self.ensure_one()
        return self._form_action(name=self.cadre_id.name)

    # -- the hook: what the records say of each person ---------------------------------------
    @api.model
    def _opinion_findings(self, cadres, day):
        """What the records say of ``cadres`` on ``day``, for their integrity opinions.

        Returns ``{cadre_id: [{"kind": "veto" | "defer", "description": str,
        "source": record}]}`` (cadres without findings are left out): a veto while an
        effect period runs (a recorded sanction, permanent ones included; an issued
        accountability decision, e.g. 诫勉 or an organisational measure) or while the
        integrity file bars promotion; a deferral while a file entry is open (a letter,
        report or clue) or an accountability case naming the person is under way.

        Built from a fixed number of queries whatever the number of cadres (one
        search per kind of source over all of them), as superuser: the caller checks
        who asks. Addons add their own checks (e.g. a discipline case, a verification)
        by overriding it, calling ``super()`` and appending to the lists::

            findings = super()._opinion_findings(cadres, day)
            for case in self.env["x.case"].sudo().search_fetch([...], ["cadre_id", "name"]):
                findings.setdefault(case.cadre_id.id, []).append(
                    {"kind": "defer", "description": case.name, "source": case}
                )
            return findings

        Keep to one search per kind of record over all of ``cadres`` (never one per
        cadre): drafting a batch costs the same number of queries whatever its size.
        ``cadre_id`` is the id (an int); ``description`` is stored as the reason's text,
        in the language of the officer drafting; ``source`` is a record of the system.
        Each finding becomes a reason of the opinion (``liangze.opinion.reason``) linked
        to ``source``; a veto wins over a deferral, no finding gives "no problem found".
        For the statistics, map the source's model to a ``source_kind`` in
        ``liangze.opinion.reason._source_model_kinds()``.
        """
        findings = defaultdict(list)
        if not cadres:
            return findings
        ids = cadres.ids
        env = self.env(su=True)
        date = env["liangze.cadre"]._official_date

        def add(cadre, kind, description, source):
            findings[cadre.id].append({"kind": kind, "description": description, "source": source})

        # Sanctions, admonishments and organisational handling with their effect period running.
        sanctions = env["liangze.sanction"].search_fetch(
            [
                ("cadre_id", "in", ids),
                ("state", "=", "recorded"),
                "|",
                ("effective_date", "<=", day),
                "&",
                ("effective_date", "=", False),
                ("decision_date", "<=", day),
                "|",
                ("permanent", "=", True),
                ("effect_until", ">=", day),
            ],
            [
                "cadre_id",
                "state",
                "type_id",
                "decision_number",
                "decision_date",
                "effective_date",
                "effect_until",
                "permanent",
            ],
        )
        sanctions.type_id.fetch(["name"])
        for sanction in sanctions:
            if not sanction._runs_on(day):
                continue
            if sanction.permanent:
                text = env._(
                    "%(sanction)s of %(date)s, with no end",
                    sanction=sanction.type_id.name,
                    date=date(sanction.decision_date),
                )
            else:
                text = env._(
                    "%(sanction)s of %(date)s, effect period until %(until)s",
                    sanction=sanction.type_id.name,
                    date=date(sanction.decision_date),
                    until=date(sanction.effect_until),
                )
            if sanction.decision_number:
                text = f"{text} ({sanction.decision_number})"
            add(sanction.cadre_id, "veto", text, sanction)

        # Accountability decisions (诫勉, organisational measures…) within their effect period.
        decisions = env["liangze.accountability.decision"].search_fetch(
            [
                ("cadre_id", "in", ids),
                ("state", "in", ("issued", "done")),
                ("decision_date", "<=", day),
                ("effect_until", ">=", day),
            ],
            ["cadre_id", "document_number", "effect_until", "measure_ids"],
        )
        decisions.measure_ids.fetch(["name"])
        for decision in decisions:
            add(
                decision.cadre_id,
                "veto",
                env._(
                    "Accountability decision %(number)s (%(measures)s), effect period until %(until)s",
                    number=decision.document_number or "",
                    measures="、".join(decision.measure_ids.mapped("name")),
                    until=date(decision.effect_until),
                ),
                decision,
            )

        # The integrity file: entries barring promotion, and matters still open.
        entries = env["liangze.integrity.entry"].search_fetch(
            [
                ("cadre_id", "in", ids),
                "|",
                "&",
                ("bars_promotion", "=", True),
                "|",
                ("bars_until", "=", False),
                ("bars_until", ">=", day),
                ("open_matter", "=", True),
            ],
            ["cadre_id", "name", "bars_promotion", "bars_until", "open_matter"],
        )
        for entry in entries:
            barring = entry.bars_promotion and (not entry.bars_until or entry.bars_until >= day)
            if barring:
                text = (
                    env._(
                        "Integrity file: %(entry)s, bars promotion until %(until)s",
                        entry=entry.name,
                        until=date(entry.bars_until),
                    )
                    if entry.bars_until
                    else env._("Integrity file: %(entry)s, bars promotion", entry=entry.name)
                )
                add(entry.cadre_id, "veto", text, entry)
            if entry.open_matter:
                add(entry.cadre_id, "defer", env._("Integrity file: %(entry)s, still open", entry=entry.name), entry)

        # Accountability cases naming the person, not decided yet.
        pending = env["liangze.accountability.decision"].search_fetch(
            [("cadre_id", "in", ids), ("state", "=", "draft"), ("case_id.state", "in", OPEN_CASE_STATES)],
            ["cadre_id", "case_id"],
        )
        pending.case_id.fetch(["name", "title", "state"])
        seen = set()
        for decision in pending:
            case = decision.case_id
            if (decision.cadre_id.id, case.id) in seen:
                continue
            seen.add((decision.cadre_id.id, case.id))
            add(
                decision.cadre_id,
                "defer",
                env._("Accountability case %(number)s under way: %(title)s", number=case.name, title=case.title),
                case,
            )
        return findings
