# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.liangze_base.tests.common import bureau_user

PETITION_ACTION = "/odoo/action-liangze_discipline.liangze_petition_action"


@tagged("post_install", "-at_install")
class TestPetitionTour(HttpCase):
    """In the browser: the intake officer registers a named report about 王科长 and
    accepts it; it becomes a problem clue of the register, the reporter is owed the
    notice of acceptance, and case management reads the content but not the reporter."""

    def test_intake_registers_a_named_report_and_turns_it_into_a_clue(self):
        # The users work in Chinese, as the product's users do.
        self.env["res.lang"]._activate_lang("zh_CN")
        modules = self.env["ir.module.module"].search([("name", "like", "liangze_"), ("state", "=", "installed")])
        self.env["ir.module.module"]._load_module_terms(modules.mapped("name"), ["zh_CN"], overwrite=True)
        company = self.env.ref("base.main_company")
        Unit = self.env["liangze.unit"]
        committee = Unit.create({"name": "Petition Tour Committee", "code": "PTOUR", "unit_type": "party_committee"})
        office = Unit.create({"name": "Petition Tour Office", "code": "PTOUR-OFF", "parent_id": committee.id})
        body = Unit.create(
            {
                "name": "Petition Tour Discipline Group",
                "code": "PTOUR-JJZ",
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

        intake = user("lz_tour_intake", "liangze_discipline.group_liangze_intake")
        manager = user("lz_tour_case_manager", "liangze_discipline.group_liangze_case_management")
        head = user("lz_tour_body_head", "liangze_base.group_liangze_supervision_head")
        body.write({"head_id": head.id, "member_ids": [(6, 0, (intake | manager).ids)]})
        cadre = self.env["liangze.cadre"].create({"name": "王科长", "unit_id": office.id, "post": "Section chief"})

        self.start_tour(PETITION_ACTION, "liangze_petition_tour", login=intake.login)

        petition = self.env["liangze.petition"].search([("registered_by_id", "=", intake.id)])
        self.assertEqual(len(petition), 1)
        self.assertEqual((petition.state, petition.named, petition.body_unit_id), ("accepted", True, body))
        self.assertEqual(petition.reporter_name, "孙举报")
        self.assertEqual(petition.concerned_cadre_ids, cadre)
        clue = petition.clue_id
        self.assertEqual((clue.source, clue.petition_id, clue.concerned_cadre_ids), ("report", petition, cadre))
        self.assertEqual(petition.notice_ids.kind, "acceptance")
        # Case management takes the clue up: the content, never the reporter.
        self.assertIn(clue, self.env["liangze.clue"].with_user(manager).search([]))
        self.assertNotIn("reporter_name", petition.with_user(manager).fields_get())


CLUE_ACTION = "/odoo/action-liangze_discipline.liangze_clue_action"


@tagged("post_install", "-at_install")
class TestClueTour(HttpCase):
    """In the browser: the case officer handling a clue on 周科员 records the collective
    review — its date, who attended, a letter inquiry proposed and the opinion — and
    submits the disposal; the head of the body then approves it and the inquiry opens."""

    def test_case_officer_records_the_collective_review(self):
        company = self.env.ref("base.main_company")
        Unit = self.env["liangze.unit"]
        committee = Unit.create({"name": "Clue Tour Committee", "code": "CTOUR", "unit_type": "party_committee"})
        office = Unit.create({"name": "Clue Tour Office", "code": "CTOUR-OFF", "parent_id": committee.id})
        body = Unit.create(
            {
                "name": "Clue Tour Discipline Group",
                "code": "CTOUR-JJZ",
                "unit_type": "discipline_body",
                "parent_id": committee.id,
            }
        )

        # The officers work in Chinese, as the product's users do.
        self.env["res.lang"]._activate_lang("zh_CN")
        modules = self.env["ir.module.module"].search([("name", "like", "liangze_"), ("state", "=", "installed")])
        self.env["ir.module.module"]._load_module_terms(modules.mapped("name"), ["zh_CN"], overwrite=True)

        def user(login, name, group):
            return bureau_user(
                self.env,
                login=login,
                name=name,
                lang="zh_CN",
                groups=group,
                company_id=company.id,
                company_ids=[(6, 0, company.ids)],
            )

        officer = user("lz_tour_clue_officer", "Tour Officer", "liangze_discipline.group_liangze_case_officer")
        manager = user("lz_tour_clue_manager", "Tour Manager", "liangze_discipline.group_liangze_case_management")
        head = user("lz_tour_clue_head", "Tour Head", "liangze_base.group_liangze_supervision_head")
        body.write({"head_id": head.id, "member_ids": [(6, 0, (officer | manager).ids)]})
        cadre = self.env["liangze.cadre"].create({"name": "Tour Clerk Zhou", "unit_id": office.id, "post": "Clerk"})
        clue = (
            self.env["liangze.clue"]
            .with_user(manager)
            .create(
                {
                    "summary": "反映周科员收受管理服务对象礼金",
                    "source": "report",
                    "unit_id": office.id,
                    "concerned_cadre_ids": [(6, 0, cadre.ids)],
                }
            )
        )
        clue.with_user(manager).write({"proposed_handler_id": officer.id})
        clue.with_user(manager).action_propose_assignment()
        clue.with_user(head).action_approve_assignment()

        self.start_tour(CLUE_ACTION, "liangze_clue_review_tour", login=officer.login)

        self.assertEqual(clue.state, "to_approve")
        self.assertEqual(clue.review_date, clue.received_on, "reviewed today, the day it came in")
        self.assertEqual(clue.attendee_ids, manager | head)
        self.assertEqual((clue.proposed_way, clue.inquiry_kind), ("talk_inquiry", "letter"))
        self.assertIn("函询", clue.review_note)
        self.assertEqual(clue.review_recorded_by_id, officer)
        self.assertEqual(clue.review_ids.reviewer_ids, head)
        clue.with_user(head).validate_tier()
        self.assertEqual(
            (clue.state, clue.inquiry_ids.kind, clue.inquiry_ids.officer_ids), ("disposed", "letter", officer)
        )
