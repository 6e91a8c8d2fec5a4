# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL


class LiangzeOpinionRequestDraftingMixin(models.AbstractModel):
    """The opinions of a request, drafted by the discipline body from the records
    behind each person (``liangze.opinion._opinion_findings``): a reason per finding,
    linked to its record, and the sentence each opinion reads in the reply.

    Kept apart from the request's procedure (submitted, checked, approved, replied):
    it writes the opinions and their reasons in bulk, by SQL, in a fixed number of
    queries whatever the number of persons."""

    _name = "liangze.opinion.request.drafting.mixin"
    _description = "Integrity Opinions Drafted from the Records"

    def action_draft_opinions(self):
        """The body drafts an opinion per person from the records behind it: veto while an
        effect period runs or the file bars promotion, deferral while a matter is open,
        otherwise no problem found; each reason linked to its record.

        A fixed number of queries whatever the number of persons: the hook reads each
        kind of record once for all of them, the reasons go in with one INSERT and the
        opinions with one UPDATE per kind (the system's own rows: nothing to check but
        what it computed)."""
        self._check_body_officer()
        if any(request.state != "submitted" for request in self):
            raise UserError(self.env._("Opinions are drafted once the request is submitted, and once."))
        today = self._bureau_today()
        requests = self._guard_sudo()
        Opinion = self.env["liangze.opinion"]._guard_sudo()
        Reason = self.env["liangze.opinion.reason"]._guard_sudo()
        self.env.flush_all()
        lines = Opinion.search_fetch([("request_id", "in", requests.ids)], ["cadre_id", "request_id"])
        findings = Opinion._opinion_findings(lines.cadre_id, today)
        source_kinds = Reason._source_model_kinds()
        companies = {request.id: request.company_id.id for request in requests}
        reasons = defaultdict(list)
        groups = defaultdict(list)
        for line in lines:
            found = findings.get(line.cadre_id.id) or []
            kinds = {finding["kind"] for finding in found}
            kind = "veto" if "veto" in kinds else "defer" if "defer" in kinds else "clear"
            groups[line.request_id.id, kind].append(line.id)
            for finding in found:
                source = finding["source"]
                row = {
                    "opinion_id": line.id,
                    "cadre_id": line.cadre_id.id,
                    "request_id": line.request_id.id,
                    "company_id": companies[line.request_id.id],
                    "kind": finding["kind"],
                    "description": finding["description"],
                    "source_model": source._name,
                    "source_id": source.id,
                    "source_kind": source_kinds.get(source._name, "other"),
                }
                Reason._guard_check_bounds(row)
                for name, value in row.items():
                    reasons[name].append(value)
        now, uid = fields.Datetime.now(), self.env.uid
        if reasons:
            self.env.cr.execute(
                SQL(
                    """INSERT INTO liangze_opinion_reason
                           (opinion_id, cadre_id, request_id, company_id, kind, description, source_model, source_id,
                            source_kind, create_uid, write_uid, create_date, write_date)
                       SELECT r.*, %(uid)s, %(uid)s, %(now)s, %(now)s
                         FROM unnest(%(opinion_id)s::int[], %(cadre_id)s::int[], %(request_id)s::int[],
                                     %(company_id)s::int[], %(kind)s::varchar[], %(description)s::text[],
                                     %(source_model)s::varchar[], %(source_id)s::int[], %(source_kind)s::varchar[])
                              AS r""",
                    uid=uid,
                    now=now,
                    **reasons,
                )
            )
        by_id = {request.id: request for request in requests}
        for (request_id, kind), ids in groups.items():
            self.env.cr.execute(
                SQL(
                    """UPDATE liangze_opinion
                          SET opinion = %(kind)s, proposed_opinion = %(kind)s, opinion_text = %(text)s,
                              write_uid = %(uid)s, write_date = %(now)s
                        WHERE id = ANY(%(ids)s)""",
                    kind=kind,
                    text=by_id[request_id]._opinion_sentence(kind),
                    uid=uid,
                    now=now,
                    ids=ids,
                )
            )
        Reason.invalidate_model()
        Opinion.invalidate_model(
            ["opinion", "proposed_opinion", "opinion_text", "reason_ids", "write_uid", "write_date"]
        )
        lines.modified(["opinion", "proposed_opinion", "opinion_text", "reason_ids"])
        requests.write({"state": "drafted", "drafted_on": today})
        for request in self:
            request.message_post(body=self.env._("Opinions drafted from the records: check and sign each of them."))
        return True

    def _opinion_sentence(self, kind):
        """The sentence printed for an opinion of ``kind`` in the reply."""
        self.ensure_one()
        purpose = self._purpose_label()
        if kind == "veto":
            return self.env._("The comrade has a problem affecting %(purpose)s: not agreed.", purpose=purpose)
        if kind == "defer":
            return self.env._(
                "A matter concerning the comrade is being verified: %(purpose)s to be deferred.", purpose=purpose
            )
        return self.env._("No problem was found that affects the comrade's %(purpose)s.", purpose=purpose)
