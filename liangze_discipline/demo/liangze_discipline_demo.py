# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, models

# Anonymised persons concerned (干部甲…): the demo names nobody real.
ANONYMOUS = [
    "干部甲",
    "干部乙",
    "干部丙",
    "干部丁",
    "干部戊",
    "干部己",
    "干部庚",
    "干部辛",
    "干部壬",
    "干部癸",
    "干部子",
    "干部丑",
]
CONTENTS = [
    "反映其利用职务便利为亲属经营的企业办理涉税事项提供帮助。",
    "反映其违规接受管理服务对象宴请，并收受购物卡。",
    "反映其在办理纳税人退税业务中吃拿卡要。",
    "反映其工作日中午饮酒，违反工作纪律。",
    "反映其违规使用公务用车办理私事。",
    "反映其对纳税人态度恶劣、推诿扯皮。",
]
CHANNELS = ["letter", "visit", "phone", "online"]
KINDS = ["accusation"] * 7 + ["appeal", "suggestion", "other"]
SANCTIONS = [
    ("party_type_id", "liangze_integrity.liangze_sanction_type_party_serious_warning"),
    ("party_type_id", "liangze_integrity.liangze_sanction_type_party_warning"),
    ("government_type_id", "liangze_integrity.liangze_sanction_type_gov_demerit"),
    ("party_type_id", "liangze_integrity.liangze_sanction_type_party_removal"),
    ("organisational_type_ids", "liangze_integrity.liangze_sanction_type_org_transfer"),
]


class LiangzeDisciplineDemo(models.AbstractModel):
    """Demo: the county discipline group's year of enforcement, in the shape of the
    Jilin figures scaled down to a county (受理信访举报325件, 处置问题线索202件, 立案50件 →
    about 33, 20 and 5), done through the product's own actions by the demo users,
    then dated back over the year."""

    _name = "liangze.discipline.demo"
    _description = "Demo: Discipline Enforcement of the Year"

    @api.model
    def _work_through_the_year(self, intake_id, manager_id, officer_id, head_id, committee_head_id, body_id, system_id):
        Users = self.env["res.users"]
        intake, manager, officer = Users.browse(intake_id), Users.browse(manager_id), Users.browse(officer_id)
        head, committee_head = Users.browse(head_id), Users.browse(committee_head_id)
        body = self.env["liangze.unit"].browse(body_id)
        today = self._bureau_today()
        departments = self.env["liangze.unit"].search(
            [("company_id", "=", body.company_id.id), ("unit_type", "=", "department")]
        )
        cadres = self.env["liangze.cadre"].create(
            [
                {"name": name, "unit_id": departments[index % len(departments)].id, "post": "科员"}
                for index, name in enumerate(ANONYMOUS)
            ]
        )
        self.env["ir.model.data"]._update_xmlids(
            [
                {
                    "xml_id": f"liangze_discipline.liangze_cadre_demo_anonymous_{index}",
                    "record": cadre,
                    "noupdate": True,
                }
                for index, cadre in enumerate(cadres)
            ]
        )
        head_cadre = self.env["liangze.cadre"].search([("user_id", "=", head.id)], limit=1)
        clues = self._petitions(intake, cadres, head_cadre, today)
        self._clues(clues, manager, officer, head, committee_head, today)
        # Appealed within its month; the other decisions are dated back.
        self._appeal(manager, head)
        self._date_back(clues, today)
        self._letter_inquiry(cadres[7], body, manager, officer, head, committee_head, today)
        self._push_findings(Users.browse(system_id), body, cadres)
        return True

    def _letter_inquiry(self, cadre, body, manager, officer, head, committee_head, today):
        """A clue assigned by the city discipline group four weeks ago, disposed of by a letter
        inquiry (函询): the letter went out eight days ago, its written reply is due within the
        company's period (15 workdays) and awaited by 孙浩."""
        received = today - timedelta(days=26)
        clue = (
            self.env["liangze.clue"]
            .with_user(manager)
            .create(
                {
                    "received_on": received,
                    "source": "assigned_from_above",
                    "body_unit_id": body.id,
                    "company_id": body.company_id.id,
                    "unit_id": cadre.unit_id.id,
                    "concerned_cadre_ids": [(6, 0, cadre.ids)],
                    "summary": "云州市纪委监委驻市税务局纪检组交办：反映其配偶在辖区内经营代理记账公司，"
                    "本人未按规定向组织报告，并为该公司代理的纳税人办理涉税事项提供便利。",
                }
            )
        )
        clue.write({"proposed_handler_id": officer.id})
        clue.action_propose_assignment()
        clue.with_user(head).action_approve_assignment()
        clue.with_user(officer).write(
            {
                "review_date": received + timedelta(days=10),
                "attendee_ids": [(6, 0, (officer | manager | head).ids)],
                "proposed_way": "talk_inquiry",
                "inquiry_kind": "letter",
                "review_note": "经纪检组集体排查，反映问题较为具体但情节一般，拟采取函询方式了解核实。",
            }
        )
        clue.with_user(officer).action_submit_disposal()
        clue.with_user(head).validate_tier()
        if clue.committee_approval or clue.validation_status != "validated":
            clue.with_user(committee_head).validate_tier()
        inquiry = clue.inquiry_ids[:1].with_user(officer)
        inquiry.write(
            {
                "plan": "向本人发出函询函，要求其就配偶经商办企业及是否提供便利等情况作出书面说明。",
                "letter_questions": "<p>一、你的配偶、子女是否在本辖区经商办企业或从事代理记账等涉税中介业务，"
                "是否按规定向组织报告。</p><p>二、你是否为上述企业或其代理的纳税人办理涉税事项提供过便利。</p>"
                "<p>请如实作出书面说明，由所在单位党委主要负责人签署意见后，按期回复驻局纪检组。</p>",
            }
        )
        inquiry.action_submit_plan()
        inquiry.with_user(head).action_approve_plan()
        inquiry.action_issue_letter()
        # Dated back: assigned in three days, disposed of within two weeks, the letter out eight days ago.
        sent = today - timedelta(days=8)
        company = clue.company_id
        deadline = company._liangze_workdays().add_workdays(sent, company.liangze_inquiry_reply_workdays or 15)
        clue._guard_sudo().write(
            {
                "assignment_proposed_on": received + timedelta(days=2),
                "assigned_on": received + timedelta(days=3),
                "disposed_on": received + timedelta(days=12),
            }
        )
        inquiry._guard_sudo().write(
            {
                "plan_approved_on": received + timedelta(days=15),
                "letter_date": sent,
                "reply_deadline": deadline,
                "yellow_date": inquiry._yellow_from(deadline, 3, company),
            }
        )

    def _appeal(self, manager, head):
        """The person given a serious warning appeals; waiting for the review."""
        decision = self.env["liangze.discipline.decision"].search(
            [("state", "=", "issued"), ("party_type_id", "!=", False)], order="id desc", limit=1
        )
        if decision:
            self.env["liangze.discipline.appeal"].with_user(manager).create(
                {"decision_id": decision.id, "reason": "本人认为处分偏重，已主动退还财物，申请复查。"}
            )

    def _push_findings(self, system, body, cadres):
        """The internal-control platform pushes what it found this month: a clue, a rectification."""
        Finding = self.env["liangze.inbound.finding"].with_user(system)
        unit = cadres[0].unit_id
        Finding.push(
            {
                "source_system": "内控平台",
                "reference": "NK-DEMO-0001",
                "target": "clue",
                "summary": "退税审批环节存在同一人连续审批本人经办业务的情况。",
                "unit": unit.code,
                "persons": [cadres[0].name],
            }
        )
        Finding.push(
            {
                "source_system": "执法责任制系统",
                "reference": "ZF-DEMO-0001",
                "target": "rectification",
                "summary": "行政处罚案卷未按期归档。",
                "unit": unit.code,
            }
        )

    def _date_back(self, clues, today):
        """The steps were taken today: dated back to when they would have been, from
        each clue's receipt (disposed of within the month, concluded in the weeks after)."""

        def day(value, days):
            return min(value + timedelta(days=days), today)

        for clue in clues.sudo():
            if not clue.disposed_on:
                continue
            disposed = day(clue.received_on, 15)
            clue._guard_sudo().write(
                {"assigned_on": day(clue.received_on, 3), "disposed_on": disposed}
                | ({"concluded_on": day(disposed, 40)} if clue.concluded_on else {})
            )
            for inquiry in clue.inquiry_ids:
                inquiry._guard_sudo().write({"plan_approved_on": day(disposed, 2), "concluded_on": day(disposed, 25)})
            for verification in clue.verification_ids:
                verification._guard_sudo().write(
                    {"plan_approved_on": day(disposed, 3), "concluded_on": day(disposed, 45)}
                )
                for case in verification._cases():
                    filed = day(disposed, 50)
                    case._guard_sudo().write({"filed_on": filed, "decided_on": day(filed, 45)})
                    for decision in case.decision_ids.filtered(lambda d: not d.appeal_ids):
                        decided = day(filed, 45)
                        dates = {"decision_date": decided, "effective_date": decided}
                        decision._guard_sudo().write(dates)
                        decision.sanction_ids._guard_sudo().write(dates)
        for model in ("liangze.clue", "liangze.talk.inquiry", "liangze.discipline.decision"):
            self.env[model]._refresh_warning_levels()

    # -- letters and reports ---------------------------------------------------------------
    def _petitions(self, intake, cadres, head_cadre, today):
        Petition = self.env["liangze.petition"].with_user(intake)
        clues = self.env["liangze.clue"]
        for index in range(33):
            received = today - timedelta(days=330 - 10 * index)
            cadre = cadres[index % len(cadres)]
            values = {
                "received_on": received,
                "channel": CHANNELS[index % 4],
                "kind": KINDS[index % 10],
                "named": index % 3 == 0,
                "content": CONTENTS[(index + index // len(cadres)) % len(CONTENTS)],
                "concerned_cadre_ids": [(6, 0, cadre.ids)],
            }
            if values["named"]:
                values.update(reporter_name=f"举报人{index + 1:02d}", reporter_contact=f"1390000{index:04d}")
            if index == 20 and head_cadre:
                values.update(concerned_cadre_ids=[(6, 0, head_cadre.ids)], kind="accusation")
            if index == 11:
                values.update(concerned_cadre_ids=[(6, 0, cadres[1].ids)], content=CONTENTS[1], kind="accusation")
            petition = Petition.create(values)
            if index >= 31:
                continue  # this week's: still to be decided by intake
            if index == 20 and head_cadre:
                petition.action_forward("云州市纪委监委", "反映纪检组组长的问题，按规定报上一级纪委监委。")
            elif index in (4, 15, 26):
                reason = {4: "litigation", 15: "other_body", 26: "no_substance"}[index]
                petition.action_not_accept(reason, "经审查不予受理，已告知实名举报人。")
            elif index == 11:
                petition.action_mark_repeat(note="与此前举报反映同一人、内容相近，不再重复处置。")
            else:
                petition.action_accept()
                if petition.clue_id:
                    clues |= petition.clue_id
                else:
                    petition.action_close("已答复反映人。")
            told = petition.notice_ids.filtered(lambda n: n.state == "to_do" and n.kind == "acceptance")
            if told:
                told.with_user(intake).write({"method": "phone", "note": "已电话告知是否受理。"})
                told.with_user(intake).action_done()
        return clues

    # -- clues and what follows ------------------------------------------------------------
    def _clues(self, clues, manager, officer, head, committee_head, today):
        clues = clues.sorted("received_on")
        inquiries = verifications = self.env["liangze.clue"].browse()
        for index, clue in enumerate(clues):
            if index >= len(clues) - 2:
                break  # the latest two: registered, waiting for the assignment
            clue.with_user(manager).write({"proposed_handler_id": officer.id})
            clue.with_user(manager).action_propose_assignment()
            clue.with_user(head).action_approve_assignment()
            if index == len(clues) - 3:
                break  # received over a month ago, not yet disposed of: red
            way = ["talk_inquiry", "talk_inquiry", "verification", "talk_inquiry", "verification", "close"][index % 6]
            clue.with_user(officer).write(
                {
                    "review_date": clue.received_on + timedelta(days=12),
                    "attendee_ids": [(6, 0, (officer | manager | head).ids)],
                    "proposed_way": way,
                    "review_note": "经纪检组集体排查，提出处置意见。",
                }
            )
            clue.with_user(officer).action_submit_disposal()
            clue.with_user(head).validate_tier()
            if clue.committee_approval or clue.validation_status != "validated":
                clue.with_user(committee_head).validate_tier()
            if way == "talk_inquiry":
                inquiries |= clue
            elif way == "verification":
                verifications |= clue
        outcomes = ["cleared", "reminder", "cleared", "verification", "reminder", "cleared"]
        for index, clue in enumerate(inquiries):
            inquiry = clue.inquiry_ids[:1].with_user(officer)
            inquiry.write({"plan": "约谈本人，当面了解有关情况。"})
            inquiry.action_submit_plan()
            inquiry.with_user(head).action_approve_plan()
            inquiry.write({"talk_date": clue.received_on + timedelta(days=20), "talk_minutes": "<p>本人作了说明。</p>"})
            inquiry.action_record_talk()
            outcome = outcomes[index % len(outcomes)]
            inquiry.write({"outcome": outcome, "outcome_note": "经谈话核实。"})
            inquiry.action_conclude()
            if outcome == "verification" and inquiry.verification_id:
                verifications |= clue
        results = ["propose_case", "closed", "reminder_talk", "propose_case", "propose_case", "propose_case"]
        cases = self.env["liangze.discipline.case"]
        for index, clue in enumerate(verifications):
            verification = clue.verification_ids[:1].with_user(officer)
            verification.write({"plan": "调取相关业务资料，询问有关人员。"})
            verification.action_submit_plan()
            verification.with_user(head).action_approve_plan()
            verification.write({"measures": "调取退税审批资料，询问纳税人。", "report": "<p>初步核实情况报告。</p>"})
            verification.action_submit_report()
            for member in verification.sudo().team_ids:
                verification.with_user(member).action_sign()
            outcome = results[index % len(results)]
            verification.write({"outcome": outcome, "outcome_note": "经初步核实。"})
            if outcome == "propose_case":
                cases |= verification._propose_case()
            verification.action_conclude()
        self._cases(cases[:5], manager, officer, head, committee_head)

    def _cases(self, cases, manager, officer, head, committee_head):
        Assign = self.env["liangze.case.assign"]
        for index, case in enumerate(cases):
            case = case.with_user(officer)
            case.action_submit()
            case.with_user(head).validate_tier()
            if case.state == "to_approve":
                case.with_user(committee_head).validate_tier()
            Assign.with_user(manager).create(
                {"record_ref": f"{case._name},{case.id}", "role": "investigation", "user_ids": [(6, 0, officer.ids)]}
            ).action_confirm()
            measure = (
                self.env["liangze.case.measure"]
                .with_user(officer)
                .create({"case_id": case.id, "kind": "talk", "description": "与被审查人谈话。"})
            )
            measure.with_user(head).action_approve()
            measure.with_user(manager).action_file()
            case.investigation_report = "<p>审查调查报告：违纪事实清楚，证据确凿。</p>"
            case.action_submit_trial()
            Assign.with_user(manager).create(
                {"record_ref": f"{case._name},{case.id}", "role": "trial", "user_ids": [(6, 0, manager.ids)]}
            ).action_confirm()
            tried = case.with_user(manager)
            tried.action_check_file()
            tried.write({"trial_report": "<p>审理报告：同意审查调查部门意见。</p>", "proposed_decision": "给予处分。"})
            tried.action_conclude_trial()
            field, xmlid = SANCTIONS[index % len(SANCTIONS)]
            kind = self.env.ref(xmlid)
            for decision in case.sudo().decision_ids.with_user(officer):
                value = [(6, 0, kind.ids)] if field == "organisational_type_ids" else kind.id
                values = {field: value, "facts": "经审查，其违反廉洁纪律，事实清楚。"}
                if kind.probation:
                    values["probation_months"] = "12"
                decision.write(values)
                decision.with_user(head).action_issue()
