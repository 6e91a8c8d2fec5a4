# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import json
from datetime import timedelta

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, get_db_name, tagged

from odoo.addons.liangze_base.tests.common import bureau_user
from odoo.addons.liangze_integrity.tests.common import IntegrityCase

INBOUND = "base.group_user,liangze_discipline.group_liangze_inbound"
PDF = base64.b64encode(b"%PDF-1.4 internal control finding").decode()
PUSH = "/json/2/liangze.inbound.finding/push"


def finding(reference="NK-2026-0042", **values):
    """A finding of the internal-control platform, as it pushes it."""
    return {
        "source_system": "内控平台",
        "reference": reference,
        "target": "clue",
        "summary": "办公用房出租收入未入账，涉及金额12万元。",
        "unit": "C-OFF",
        "persons": ["Colleague Wang"],
        "attachments": [{"name": "finding.pdf", "datas": PDF}],
        **values,
    }


@tagged("post_install", "-at_install")
class TestInbound(IntegrityCase):
    """The inbound interface as the technical user of another system calls it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.system = bureau_user(
            cls.env,
            login="lz_internal_control",
            groups=INBOUND,
            company_id=cls.company_a.id,
            company_ids=[(6, 0, cls.company_a.ids)],
        )
        cls.case_manager = bureau_user(
            cls.env,
            login="lz_inbound_case_manager",
            groups="liangze_discipline.group_liangze_case_management",
            company_id=cls.company_a.id,
            company_ids=[(6, 0, cls.company_a.ids)],
        )
        cls.discipline.member_ids = [(4, cls.case_manager.id)]
        cls.spouse.id_number = "110101198801010022"

    def push(self, values, user=None):
        return self.env["liangze.inbound.finding"].with_user(user or self.system).push(values)

    def test_a_finding_becomes_a_clue_of_the_supervising_body(self):
        finding_id = self.push(finding(persons=["Colleague Wang", {"name": "Li", "id_number": "110101198801010022"}]))
        record = self.env["liangze.inbound.finding"].browse(finding_id)
        clue = record.clue_id
        self.assertTrue(clue)
        self.assertEqual(clue.source, "external_system")
        self.assertEqual(clue.body_unit_id, self.discipline)
        self.assertEqual(clue.unit_id, self.office)
        self.assertEqual(clue.concerned_cadre_ids, self.colleague | self.spouse)
        self.assertEqual(clue.summary, "办公用房出租收入未入账，涉及金额12万元。")
        self.assertEqual((clue.source_model, clue.source_id), (record._name, record.id))
        attachment = self.env["ir.attachment"].search([("res_model", "=", clue._name), ("res_id", "=", clue.id)])
        self.assertEqual(attachment.name, "finding.pdf")
        self.assertEqual(attachment.raw, base64.b64decode(PDF))
        self.assertEqual(record.attachment_ids, attachment)
        self.assertEqual(record.pushed_by_id, self.system)
        # Case management finds it in the register, and the finding behind it.
        self.assertIn(clue, self.env["liangze.clue"].with_user(self.case_manager).search([]))
        self.assertEqual(self.env["liangze.inbound.finding"].with_user(self.case_manager).search([]), record)

    def test_the_same_finding_pushed_again_changes_nothing(self):
        first = self.push(finding())
        clues = self.env["liangze.clue"].search_count([])
        again = self.push(finding(summary="Another text", unit="NOPE", persons=["Nobody"], target="rectification"))
        self.assertEqual(again, first)
        self.assertEqual(self.env["liangze.clue"].search_count([]), clues)
        record = self.env["liangze.inbound.finding"].browse(first)
        self.assertEqual(record.summary, "办公用房出租收入未入账，涉及金额12万元。")
        self.assertNotEqual(self.push(finding(reference="NK-2026-0043")), first)

    def test_a_finding_for_rectification_is_a_draft_external_finding(self):
        due = self.env["base"]._bureau_today() + timedelta(days=40)
        finding_id = self.push(
            finding(
                "ZF-2026-007",
                source_system="执法责任制系统",
                target="rectification",
                title="执法案卷归档不及时",
                persons=[],
                due_date=due.isoformat(),
                attachments=[],
            )
        )
        rectification = self.env["liangze.inbound.finding"].browse(finding_id).rectification_id
        self.assertEqual(rectification.state, "draft")
        self.assertEqual((rectification.unit_id, rectification.issuer_unit_id), (self.office, self.discipline))
        self.assertEqual(
            (rectification.external_reference, rectification.external_body), ("ZF-2026-007", "执法责任制系统")
        )
        self.assertEqual(rectification.name, "执法案卷归档不及时")
        self.assertEqual(rectification.problem_ids.due_date, due)
        self.assertEqual(rectification.activity_ids.user_id, self.supervision_head)
        # The head of the body finds it among the drafts of the body, and issues it.
        self.assertIn(rectification, self.env["liangze.rectification"].with_user(self.supervision_head).search([]))
        rectification.with_user(self.supervision_head).action_issue()
        self.assertEqual(rectification.state, "issued")
        # Without a due date: the company's period.
        other = self.env["liangze.inbound.finding"].browse(
            self.push(finding("ZF-2026-008", target="rectification", persons=[], attachments=[]))
        )
        workdays = self.company_a._liangze_workdays()
        self.assertEqual(other.due_date, workdays.add_workdays(self.env["base"]._bureau_today(), 20))

    def test_bad_input_is_refused_and_leaves_nothing(self):
        cases = [
            ("a list", "given as a set of named values"),
            ({**finding(), "colour": "red"}, "Unknown values in the finding: colour"),
            (finding(source_system=" "), "The source system of the finding is missing"),
            (finding(reference=None), "The reference of the finding is missing"),
            (finding(target="case"), "The target of the finding is either 'clue' or 'rectification'"),
            (finding(summary=""), "The summary of the finding is missing"),
            (finding(unit=None), "The unit of the finding is missing"),
            (finding(unit="Q-OFF"), "No unit has the code Q-OFF"),
            (finding(persons="Colleague Wang"), "given as a list"),
            (finding(persons=["Nobody Here"]), "No cadre matches Nobody Here"),
            (finding(persons=[{"id_number": "999"}]), "No cadre matches 999"),
            (finding(persons=[]), "Name the persons a problem clue is about"),
            (finding(attachments=[{"name": "x.pdf", "datas": "not base64!"}]), "x.pdf is empty or not in base64"),
            (finding(attachments=[{"name": "x.exe", "datas": PDF}]), "files of type exe are not accepted"),
            (finding(attachments=[{"datas": PDF}]), "has no name"),
            (finding(target="rectification", due_date="2020-01-01"), "is not a date after today"),
            (finding(target="rectification", due_date="soon"), "is not a date after today"),
        ]
        for values, message in cases:
            with self.subTest(message=message), self.assertRefused(ValidationError, message):
                self.push(values)
        # Two cadres of the same name: the ID number tells them apart.
        self.env["liangze.cadre"].create({"name": "Colleague Wang", "unit_id": self.archive_room.id})
        with self.assertRefused(ValidationError, "Several cadres match Colleague Wang: give the ID number"):
            self.push(finding())
        self.assertFalse(self.env["liangze.inbound.finding"].search([("reference", "like", "NK-2026")]))
        self.assertFalse(
            self.env["liangze.clue"].search(
                [("source", "=", "external_system"), ("company_id", "=", self.company_a.id)]
            )
        )

    def test_only_the_technical_user_pushes_and_it_reads_nothing_else(self):
        for user in (self.supervisor, self.supervision_head, self.admin, self.case_manager, self.member):
            with self.subTest(user=user.login), self.assertRefused(AccessError, "Only the system users"):
                self.push(finding(), user=user)
        finding_id = self.push(finding())
        record = self.env["liangze.inbound.finding"].browse(finding_id)
        Finding = self.env["liangze.inbound.finding"].with_user(self.system)
        # Its own push, read back; never written, created or deleted but through push.
        self.assertEqual(Finding.search([]), record)
        with self.assertRaises(AccessError):
            Finding.create({"source_system": "x", "reference": "y", "target": "clue", "summary": "z"})
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            record.with_user(self.system).write({"summary": "changed"})
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            record.with_user(self.system).unlink()
        self.assertTrue(record.exists().message_ids, "its history stays")
        # Nothing else of the body: cadres, clues, files, letters, rectifications.
        for model in (
            "liangze.cadre",
            "liangze.clue",
            "liangze.integrity.file",
            "liangze.integrity.entry",
            "liangze.sanction",
            "liangze.petition",
            "liangze.rectification",
            "liangze.opinion.request",
        ):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.system).search([])
        with self.assertRaises(AccessError):
            record.clue_id.with_user(self.system).read(["summary"])
        attachment = record.attachment_ids
        with self.assertRaises(AccessError):
            attachment.with_user(self.system).read(["datas"])
        # Nor the people and the units: only itself (issue "Confidential means confidential", item 6).
        system = self.system
        self.assertEqual(self.env["res.users"].with_user(system).search([]), system)
        partners = self.env["res.partner"].with_user(system).search([])
        self.assertEqual(partners, system.partner_id | system.company_id.partner_id)
        self.assertFalse(self.env["liangze.unit"].with_user(system).search([]))
        self.assertGreater(self.env["liangze.unit"].search_count([]), 1, "units there are, to read")
        with self.assertRaises(AccessError):
            self.supervisor.with_user(system).read(["name"])
        # Another system's pushes are not its own.
        other_system = bureau_user(
            self.env,
            login="lz_law_enforcement",
            groups=INBOUND,
            company_id=self.company_a.id,
            company_ids=[(6, 0, self.company_a.ids)],
        )
        self.assertFalse(self.env["liangze.inbound.finding"].with_user(other_system).search([]))


@tagged("post_install", "-at_install")
class TestInboundHttp(HttpCase):
    """The documented call: POST /json/2/liangze.inbound.finding/push with the system user's API key."""

    def test_push_over_json2_with_an_api_key(self):
        company = self.env.ref("base.main_company")
        Unit = self.env["liangze.unit"]
        committee = Unit.create({"name": "API Committee", "code": "API", "unit_type": "party_committee"})
        office = Unit.create({"name": "API Office", "code": "API-OFF", "parent_id": committee.id})
        body = Unit.create(
            {
                "name": "API Discipline Group",
                "code": "API-JJZ",
                "unit_type": "discipline_body",
                "parent_id": committee.id,
            }
        )
        self.env["liangze.cadre"].create({"name": "张三", "unit_id": office.id, "id_number": "110101198001010011"})
        system = bureau_user(
            self.env,
            login="lz_api_internal_control",
            groups=INBOUND,
            company_id=company.id,
            company_ids=[(6, 0, company.ids)],
        )
        key = self.env["res.users.apikeys"].with_user(system).sudo()._generate("rpc", "内控平台", None)
        headers = {
            "Authorization": f"Bearer {key}",
            "Content-Type": "application/json; charset=utf-8",
            "X-Odoo-Database": get_db_name(),
        }
        values = finding(unit="API-OFF", persons=[{"name": "张三", "id_number": "110101198001010011"}])
        response = self.url_open(PUSH, data=json.dumps({"values": values}), headers=headers)
        self.assertEqual(response.status_code, 200, response.text)
        finding_id = response.json()
        record = self.env["liangze.inbound.finding"].browse(finding_id)
        self.assertEqual(record.clue_id.body_unit_id, body)
        self.assertEqual(record.clue_id.concerned_cadre_ids.name, "张三")
        # Again: the same id.
        again = self.url_open(PUSH, data=json.dumps({"values": values}), headers=headers)
        self.assertEqual(again.json(), finding_id)
        # Bad input: 422 and the reason.
        bad = self.url_open(PUSH, data=json.dumps({"values": dict(values, reference="")}), headers=headers)
        self.assertEqual(bad.status_code, 422)
        self.assertEqual(bad.json()["name"], "odoo.exceptions.ValidationError")
        self.assertIn("The reference of the finding is missing.", bad.json()["message"])
        # No key, no push.
        anonymous = self.url_open(PUSH, data=json.dumps({"values": values}), headers=dict(headers, Authorization=""))
        self.assertEqual(anonymous.status_code, 401)


@tagged("post_install", "-at_install")
class TestInboundRefusalsInChinese(IntegrityCase):
    """Bad input of another system, refused in Chinese (the system user works in Chinese)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_chinese()
        cls.system = bureau_user(
            cls.env,
            login="lz_zh_internal_control",
            groups=INBOUND,
            lang="zh_CN",
            company_id=cls.company_a.id,
            company_ids=[(6, 0, cls.company_a.ids)],
        )

    def test_bad_input(self):
        Finding = self.env["liangze.inbound.finding"].with_user(self.system).with_context(lang="zh_CN")
        for values, message in [
            (finding(reference=""), "缺少问题编号"),
            (finding(unit="NOPE"), "没有代码为NOPE的单位"),
            (finding(persons=["Nobody Here"]), "没有与Nobody Here相符的干部"),
            (finding(attachments=[{"name": "x.pdf", "datas": "?"}]), "附件x.pdf为空或不是base64编码"),
        ]:
            with self.subTest(message=message), self.assertRefused(ValidationError, message):
                Finding.push(values)
        self.assertFalse(self.env["liangze.inbound.finding"].search([("reference", "like", "NK-2026")]))
