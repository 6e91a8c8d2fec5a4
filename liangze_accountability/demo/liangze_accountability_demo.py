# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import time, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, models

from odoo.addons.liangze_responsibility.demo.liangze_demo_year import DEMO_PDF


class LiangzeAccountabilityDemo(models.AbstractModel):
    """Demo: the accountability of the year up to the install day, done through
    the product's own actions by the demo users, then dated back from today."""

    _name = "liangze.accountability.demo"
    _description = "Demo: Accountability of the Year"

    @api.model
    def _work_through_the_year(self, office_id, supervisor_id, head_id, assessor_id, scheme_id):
        office = self.env["liangze.unit"].browse(office_id)
        Users = self.env["res.users"]
        supervisor, head, assessor = Users.browse(supervisor_id), Users.browse(head_id), Users.browse(assessor_id)
        Task = self.env["liangze.task"]
        late = Task.search(
            [("owner_unit_id", "=", office.id), ("warning_level", "=", "done_late"), ("signoff_user_id", "!=", False)],
            order="deadline desc",
            limit=1,
        )
        red = Task.search([("owner_unit_id", "=", office.id), ("warning_level", "=", "red")], order="deadline", limit=1)
        if late:
            self._closed_case(late, supervisor, head)
        if red:
            self._case_awaiting_approval(red, supervisor)
        self._summons_talk(office, supervisor, head)
        self._qualitative_score(self.env["liangze.assessment.scheme"].browse(scheme_id), assessor)
        return True

    def _propose(self, task, supervisor, grounds, roles):
        Traceback = self.env["liangze.traceback"].with_user(supervisor)
        wizard = Traceback.browse(Traceback.action_open(task)["res_id"])
        for line in wizard.line_ids:
            line.selected = line.role in roles
        wizard.grounds = grounds
        return (
            self.env["liangze.accountability.case"].with_user(supervisor).browse(wizard.action_propose_case()["res_id"])
        )

    def _closed_case(self, task, supervisor, head):
        """诫勉 of the signer of a ledger accepted late, carried out; the dual
        investigation found the leadership not answerable; closed."""
        case = self._propose(
            task,
            supervisor,
            "该项工作逾期完成，经办人签字背书后迟报资料，影响全局工作进度，违反清单落实时限要求。",
            ("signoff",),
        )
        case.action_submit()
        case.with_user(head).validate_tier()
        case.write(
            {"findings": "<p>经查，经办人对照清单落实不及时，签字背书后迟报工作资料，情况属实，本人无异议。</p>"}
        )
        decision = case.decision_ids
        decision.write(
            {
                "measure_ids": [
                    (6, 0, self.env.ref("liangze_accountability.liangze_accountability_measure_admonishment").ids)
                ],
                "reason": "落实清单任务不及时，签字背书后迟报工作资料，造成该项任务逾期完成。",
            }
        )
        decision.action_issue()
        target = decision.cadre_id.user_id
        if target:
            decision.with_user(target).write(
                {
                    "self_criticism": DEMO_PDF,
                    "self_criticism_name": "书面检讨.pdf",
                    "execution_note": "已由纪检组组长进行诫勉谈话，本人提交书面检讨。",
                }
            )
            appeal = (
                self.env["liangze.accountability.appeal"]
                .with_user(target)
                .create({"decision_id": decision.id, "reason": "资料迟报系等待股室负责人审核签字所致，申请撤销诫勉。"})
            )
            appeal.with_user(head).action_uphold("经复核，资料审核签字在时限内已完成，迟报责任在经办人，维持原决定。")
        decision.action_confirm_execution()
        review = case.dual_review_ids.with_user(supervisor)
        review.write(
            {
                "principal_conclusion": "not_accountable",
                "principal_reason": "县局党委已将该项工作纳入年度清单并部署督办，未发现党委落实主体责任不力的情形。",
                "supervisory_conclusion": "not_accountable",
                "supervisory_reason": "纪检组已按期开展网上巡查并发出提醒，已履行监督责任。",
            }
        )
        review.action_conclude()
        case.action_close()
        # Dated back: proposed some ten weeks before the install day.
        today = self._bureau_today()
        base = today - timedelta(days=70)
        decided = base + timedelta(days=16)
        workdays = case.company_id._liangze_workdays()
        deadline = workdays.next_workday(decided + relativedelta(months=1))
        case._guard_sudo().write(
            {
                "proposed_on": base,
                "inquiry_started_on": base + timedelta(days=2),
                "decided_on": decided,
                "days_to_decision": 16,
                "closed_on": base + timedelta(days=45),
            }
        )
        decision._guard_sudo().write(
            {
                "decision_date": decided,
                "execution_deadline": deadline,
                "yellow_date": workdays.subtract_workdays(deadline, 5),
                "executed_on": base + timedelta(days=30),
                "effect_until": decided + relativedelta(months=decision.effect_months),
                "reminded_yellow": True,
            }
        )
        review._guard_sudo().write({"concluded_on": base + timedelta(days=40)})
        filed = decided + timedelta(days=5)
        decision.appeal_ids._guard_sudo().write(
            {
                "filed_on": filed,
                "deadline": workdays.next_workday(filed + relativedelta(months=1)),
                "yellow_date": workdays.subtract_workdays(workdays.next_workday(filed + relativedelta(months=1)), 5),
                "decided_on": filed + timedelta(days=10),
            }
        )

    @api.model
    def _decision_under_appeal(self, cadre_id, supervisor_id, head_id, finding_id):
        """A decision being carried out, appealed and waiting for 陈刚: the deputy head of a
        branch office admonished for the penalty files the county inspection tour found
        uneven. 赵敏 proposes the case from the tour's findings, 陈刚 approves the inquiry,
        赵敏 issues the decision twelve days before the install day; its execution is due
        in about three weeks. He has no login: 赵敏 records his written appeal, six days ago."""
        Users = self.env["res.users"]
        supervisor, head = Users.browse(supervisor_id), Users.browse(head_id)
        cadre = self.env["liangze.cadre"].browse(cadre_id)
        finding = self.env["liangze.rectification"].browse(finding_id)
        case = (
            self.env["liangze.accountability.case"]
            .with_user(supervisor)
            .create(
                {
                    "title": f"{cadre.unit_id.name}税务行政处罚文书不规范问题问责",
                    "company_id": cadre.company_id.id,
                    "unit_id": cadre.unit_id.id,
                    "target_type": "person",
                    "source_kind": "external_finding",
                    "source_model": finding._name,
                    "source_id": finding.id,
                    "grounds": "县委巡察组反馈，个别分局税务行政处罚文书不规范、自由裁量基准执行不一致。"
                    "经调阅相关案卷，分管执法工作的分局领导对处罚案卷审核把关不严，违反行政处罚裁量基准制度。",
                    "decision_ids": [
                        (0, 0, {"cadre_id": cadre.id, "unit_id": cadre.unit_id.id, "responsibility_kind": "direct"})
                    ],
                }
            )
        )
        case.action_submit()
        case.with_user(head).validate_tier()
        case.write(
            {
                "findings": "<p>经调阅该分局年内行政处罚案卷42卷，5卷处罚决定书未载明裁量理由，"
                "3起同类违法行为处罚幅度不一致。分局副局长对案卷审核把关不严，负有直接责任，本人对事实无异议。</p>"
            }
        )
        decision = case.decision_ids
        decision.write(
            {
                "measure_ids": [
                    (6, 0, self.env.ref("liangze_accountability.liangze_accountability_measure_admonishment").ids)
                ],
                "reason": "分管执法工作期间，对行政处罚案卷审核把关不严，未按规定执行行政处罚裁量基准，"
                "造成同类违法行为处罚幅度不一致，被县委巡察组反馈指出。",
            }
        )
        decision.action_issue()
        # His written appeal, received by the discipline group and recorded by 赵敏.
        appeal = (
            self.env["liangze.accountability.appeal"]
            .with_user(supervisor)
            .create(
                {
                    "decision_id": decision.id,
                    "reason": "本人对案卷审核把关不严的事实无异议，但处罚幅度不一致系新旧裁量基准衔接期间所致，"
                    "本人已组织全分局案卷评查并完成整改，申请将诫勉改为批评教育。",
                }
            )
        )
        # Dated back: proposed seven weeks before the install day, decided twelve days before.
        today = self._bureau_today()
        proposed, decided, filed = today - timedelta(days=47), today - timedelta(days=12), today - timedelta(days=6)
        workdays = case.company_id._liangze_workdays()
        deadline = workdays.next_workday(decided + relativedelta(months=case.company_id.liangze_execution_months))
        due = workdays.next_workday(filed + relativedelta(months=case.company_id.liangze_appeal_decision_months))
        case._guard_sudo().write(
            {
                "proposed_on": proposed,
                "inquiry_started_on": proposed + timedelta(days=3),
                "decided_on": decided,
                "days_to_decision": (decided - proposed).days,
            }
        )
        decision._guard_sudo().write(
            {
                "decision_date": decided,
                "execution_deadline": deadline,
                "yellow_date": workdays.subtract_workdays(deadline, 5),
                "effect_until": decided + relativedelta(months=decision.effect_months),
            }
        )
        appeal._guard_sudo().write(
            {"filed_on": filed, "deadline": due, "yellow_date": workdays.subtract_workdays(due, 5)}
        )
        return True

    def _case_awaiting_approval(self, task, supervisor):
        """The unit head of a ledger still red: proposed by 赵敏; the office is led directly by the
        county committee, so its head 张伟 approves the inquiry."""
        case = self._propose(
            task,
            supervisor,
            "该项任务已超过完成时限仍未完成，经发送监督提醒函后仍未整改到位，部门主要负责人履行管理责任不到位。",
            ("unit_head",),
        )
        case.action_submit()

    def _summons_talk(self, office, supervisor, head):
        """约谈 of the office's party secretary for a ledger filled in as a formality."""
        secretary = self.env["liangze.cadre"].search(
            [("unit_id", "=", office.id), ("leader_role", "=", "principal_leader")], limit=1
        )
        if not secretary:
            return
        day = self._bureau_today() - timedelta(days=40)
        talk = (
            self.env["liangze.summons.talk"]
            .with_user(supervisor)
            .create(
                {
                    "name": "就工作台账搞形式、走过场约谈办公室党支部书记",
                    "unit_id": office.id,
                    "cadre_ids": [(6, 0, secretary.ids)],
                    "reason": "网上巡查发现，办公室部分工作台账照抄上年内容，"
                    "佐证资料与工作内容不符，存在搞形式、走过场问题。",
                    "talk_date": self._bureau_utc(day, time(10)),
                    "talker_ids": [(6, 0, head.ids)],
                    "attendees": "纪检组干部赵敏（记录）",
                    "minutes": "<p>纪检组组长指出台账存在的问题，提出整改要求；办公室党支部书记表示诚恳接受，"
                    "将组织重新梳理全部台账，一周内完成整改。</p>",
                }
            )
        )
        talk.action_held()
        talk.write({"follow_up": "办公室已重新梳理全部工作台账并补充佐证资料，纪检组复查合格。"})
        talk.action_close()
        talk._guard_sudo().write({"held_on": day, "closed_on": day + timedelta(days=10)})

    def _qualitative_score(self, scheme, assessor):
        """周静 scores one qualitative indicator, with its evidence."""
        indicator = scheme.indicator_ids.filtered(lambda i: i.kind == "qualitative")[:1]
        units = scheme.group_ids.unit_ids - assessor.liangze_unit_ids
        if not indicator or not units or scheme.state != "published":
            return
        evidence = (
            self.env["ir.attachment"]
            .with_user(assessor)
            .create({"name": "台账抽查记录.pdf", "datas": DEMO_PDF, "mimetype": "application/pdf"})
        )
        self.env["liangze.assessment.deduction"].with_user(assessor).create(
            {
                "scheme_id": scheme.id,
                "unit_id": units.sorted("sequence")[-1].id,
                "indicator_id": indicator.id,
                "points": 1.5,
                "reason": "年中抽查发现3本工作台账佐证资料不齐全。",
                "evidence_ids": [(6, 0, evidence.ids)],
            }
        )
        scheme._score()
