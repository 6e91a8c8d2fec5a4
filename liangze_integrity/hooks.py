# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def post_init_hook(env):
    """Installed into a database already at work: the files start with what the
    system already holds (talks held, decisions issued, assessment results published)."""
    env["liangze.integrity.file"]._for_cadres(env["liangze.cadre"].with_context(active_test=False).search([]))
    env["liangze.summons.talk"].search([("state", "in", ("held", "closed"))])._record_in_files()
    env["liangze.accountability.decision"].search([("state", "in", ("issued", "done", "revoked"))])._record_in_files()
    for scheme in env["liangze.assessment.scheme"].search([("state", "=", "closed")]):
        env["liangze.cadre"]._on_assessment_results_published(scheme)
