# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo.tests import HttpCase, tagged

from odoo.addons.liangze_base.tests.common import bureau_user

ACTION = "/odoo/action-liangze_integrity.liangze_opinion_request_action"


@tagged("post_install", "-at_install")
class TestOpinionTour(HttpCase):
    """In the browser: the organisation officer files a request for 钱七 and 孙八 and
    submits it; the discipline body drafts, checks, approves and replies (孙八 is under
    a party warning); the officer opens the reply and reads the opinions."""

    def test_organisation_officer_files_and_reads(self):
        # The users work in Chinese, as the product's users do.
        self.env["res.lang"]._activate_lang("zh_CN")
        modules = self.env["ir.module.module"].search([("name", "like", "liangze_"), ("state", "=", "installed")])
        self.env["ir.module.module"]._load_module_terms(modules.mapped("name"), ["zh_CN"], overwrite=True)
        company = self.env.ref("base.main_company")
        Unit = self.env["liangze.unit"]
        committee = Unit.create({"name": "Tour Committee", "code": "TOUR", "unit_type": "party_committee"})
        personnel = Unit.create({"name": "Tour Personnel", "code": "TOUR-PER", "parent_id": committee.id})
        office = Unit.create({"name": "Tour Office", "code": "TOUR-OFF", "parent_id": committee.id})
        body = Unit.create(
            {
                "name": "Tour Discipline Group",
                "code": "TOUR-JJZ",
                "unit_type": "discipline_body",
                "parent_id": committee.id,
            }
        )

        def user(login, group):
            return bureau_user(
                self.env,
                login=login,
                groups=group,
                lang="zh_CN",
                company_id=company.id,
                company_ids=[(6, 0, company.ids)],
            )

        organiser = user("lz_tour_organiser", "liangze_integrity.group_liangze_organisation")
        supervisor = user("lz_tour_supervisor", "liangze_base.group_liangze_supervisor")
        head = user("lz_tour_head", "liangze_base.group_liangze_supervision_head")
        personnel.member_ids = organiser
        body.write({"head_id": head.id, "member_ids": [(6, 0, supervisor.ids)]})
        Cadre = self.env["liangze.cadre"]
        Cadre.create({"name": "钱七", "unit_id": office.id, "post": "Clerk"})
        warned = Cadre.create({"name": "孙八", "unit_id": office.id, "post": "Section chief"})
        warning = self.env["liangze.sanction"].create(
            {
                "file_id": self.env["liangze.integrity.file"]._for_cadres(warned).id,
                "type_id": self.env.ref("liangze_integrity.liangze_sanction_type_party_warning").id,
                "decision_date": self.env["base"]._bureau_today() - timedelta(days=30),
            }
        )
        warning.action_record()

        self.start_tour(ACTION, "liangze_opinion_request_tour", login=organiser.login)
        request = self.env["liangze.opinion.request"].search([("requester_id", "=", organiser.id)])
        self.assertEqual(request.state, "submitted")
        self.assertEqual((request.body_unit_id, request.request_unit_id), (body, personnel))
        self.assertEqual(request.opinion_ids.cadre_id.mapped("name"), ["钱七", "孙八"])

        officer = request.with_user(supervisor).with_context(lang="zh_CN")
        officer.action_draft_opinions()
        officer.opinion_ids.action_sign()
        officer.action_request_approval()
        request.with_user(head).validate_tier()
        officer.action_reply()
        self.assertEqual(request.state, "replied")

        self.start_tour(ACTION, "liangze_opinion_reply_tour", login=organiser.login)
