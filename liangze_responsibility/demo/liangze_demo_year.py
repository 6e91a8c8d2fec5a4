# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import time, timedelta

from odoo import api, models

# A one-page PDF, the evidence file of every demo ledger.
DEMO_PDF = base64.b64encode(
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)
PLANS = [
    "<p>对照清单落实标准，明确经办人和完成时限，期末前汇总佐证资料报股室负责人审核。</p>",
    "<p>结合本期重点工作制定落实方案，分两个阶段推进：前半期组织实施，后半期检查总结。</p>",
    "<p>按照县局党委部署，召开专题会议研究落实措施，逐项明确责任人和时间节点。</p>",
]
PROGRESS = [
    ("组织召开专题会议，传达学习上级有关要求，研究部署本期工作。", 40),
    ("按计划组织实施，完成集中学习和专题检查，形成工作记录。", 80),
    ("完成本期全部工作，整理会议记录、签到表等佐证资料。", 100),
]
# The demo's only source strings are its users' words, in Chinese.
RETURN_REASON = "佐证资料不完整：会议记录缺少参会人员签到，请补充后重新提交。"


class LiangzeDemoYear(models.AbstractModel):
    """The demo bureau as if it had worked through the year up to the day the
    demo is installed: past periods mostly accepted on time, some late, a few
    returned and resubmitted, two or three still red; the current period in
    progress, a few ledgers waiting for review; later periods to do."""

    _name = "liangze.demo.year"
    _description = "Demo: a Year of Work"

    @api.model
    def _work_through_the_year(self, list_id, office_id, responsible_id, reviewer_id):
        today = self._bureau_today()
        Task = self.env["liangze.task"]._guard_sudo().with_context(tracking_disable=True, mail_notrack=True)
        tasks = Task.search([("list_id", "=", list_id), ("state", "=", "todo")], order="deadline, id")
        office, responsible = self.env["liangze.unit"].browse(office_id), self.env["res.users"].browse(responsible_id)
        reviewer = self.env["res.users"].browse(reviewer_id)
        tasks.filtered(lambda t: t.owner_unit_id == office).write({"responsible_user_id": responsible.id})

        past = tasks.filtered(lambda t: t.deadline < today)
        current = tasks.filtered(lambda t: t.period_start <= today <= t.deadline)
        # Still red: the most recent overdue ledgers of the office and of the committee above it.
        red = past.browse()
        for unit in office | office.parent_id:
            red |= past.filtered(lambda t, u=unit: t.owner_unit_id == u and not t.owner_user_id)[-1:]
        # One of the office's own ledgers among the late ones (the accountability demo traces it back).
        office_late = (past - red).filtered(lambda t: t.owner_unit_id == office)[-2:-1]
        for index, task in enumerate(past - red):
            self._work(task, index)
            if index % 9 == 4 or task == office_late:  # submitted late, accepted late
                submitted = task.deadline + timedelta(days=3)
                accepted = submitted + timedelta(days=1)
            elif index % 13 == 7:  # returned for more material, then resubmitted in time
                self._submit(task, self._day_before(task, 8))
                self._return(task, reviewer)
                submitted, accepted = self._day_before(task, 2), self._day_before(task, 1)
            else:
                submitted = self._day_before(task, 1 + index % 4)
                accepted = min(submitted + timedelta(days=1), task.deadline)
            self._submit(task, submitted)
            task.write({"state": "accepted", "accepted_date": self._at(accepted, 10), "accepted_on": accepted})
            task.message_post(
                body=self.env._("Accepted by %(user)s.", user=reviewer.name), author_id=reviewer.partner_id.id
            )
        for task in red:
            self._work(task, 1, entries=1)
        # The current period: most units at work (a few not started yet); a few ledgers
        # submitted early wait for review; one of the office's came back for more material.
        started = current.filtered(lambda t: t.owner_unit_id == office or t.id % 3)
        for index, task in enumerate(started):
            self._work(task, index, entries=1)
        office_current = started.filtered(lambda t: t.owner_unit_id == office)
        for task in (started - office_current).filtered(lambda t: t.evidence_min <= 1)[:3]:
            self._submit(task, min(today, task.deadline))
        for task in office_current[:1]:
            self._submit(task, today - timedelta(days=2))
            self._return(task, reviewer)
        # Extensions: one granted to a unit earlier in the year, one of the office's to decide.
        Extension = self.env["liangze.deadline.extension"]
        for task, user, approve in (
            (started.filtered(lambda t: t.owner_unit_id != office and t.state == "in_progress")[-1:], None, True),
            (office_current.filtered(lambda t: t.state == "in_progress")[:1], responsible, False),
        ):
            asker = user or task.responsible_user_id or task.owner_user_id
            if not task or not asker or not task.with_user(asker).has_access("write"):
                continue
            extension = Extension.with_user(asker).create(
                {
                    "task_id": task.id,
                    "requested_deadline": task.company_id._liangze_workdays().add_workdays(task.deadline, 10),
                    "reason": "本期工作涉及的上级文件尚未下发，需待文件到达后组织落实，申请延期。",
                }
            )
            if approve and reviewer in extension._deciders():
                extension.with_user(reviewer).action_approve("同意延期，请在新的期限内完成。")
        tasks._refresh_warning_levels()
        return True

    def _work(self, task, index, entries=2):
        """A plan, dated progress entries and the evidence the item asks for."""
        author = task.responsible_user_id or task.owner_unit_id.head_id or self.env.user
        last = min(task.period_end, self._bureau_today())
        span = max((last - task.period_start).days, 1)
        task.write({"plan": PLANS[index % len(PLANS)], "state": "in_progress"})
        steps = [PROGRESS[0], PROGRESS[2]] if entries == 2 else [PROGRESS[0]]
        self.env["liangze.task.progress"]._guard_sudo().create(
            [
                {
                    "task_id": task.id,
                    "date": task.period_start + timedelta(days=span * (n + 1) // (len(steps) + 1)),
                    "description": text,
                    "percent": percent,
                    "author_id": author.id,
                }
                for n, (text, percent) in enumerate(steps)
            ]
        )
        self.env["liangze.task.evidence"]._guard_sudo().create(
            [
                {
                    "task_id": task.id,
                    "name": self.env._("Evidence %(number)s of %(task)s", number=n + 1, task=task.name),
                    "file": DEMO_PDF,
                    "file_name": f"evidence_{task.id}_{n + 1}.pdf",
                    "uploaded_by_id": author.id,
                }
                for n in range(max(task.evidence_min, 1))
            ]
        )

    def _submit(self, task, day):
        signer = task.responsible_user_id or task.owner_unit_id.head_id or self.env.user
        moment = self._at(day, 9)
        task.write(
            {
                "state": "submitted",
                "signoff_user_id": signer.id,
                "signoff_date": moment,
                "submitted_date": moment,
                "return_reason": False,
            }
        )
        task.message_post(
            body=self.env._("Signed off and submitted by %(user)s.", user=signer.name), author_id=signer.partner_id.id
        )

    def _return(self, task, reviewer):
        task.write({"state": "returned", "return_reason": RETURN_REASON})
        task.message_post(
            body=self.env._("Returned for more material: %(reason)s", reason=RETURN_REASON),
            author_id=reviewer.partner_id.id,
        )

    def _day_before(self, task, workdays):
        return task.company_id._liangze_workdays().subtract_workdays(task.deadline, workdays)

    def _at(self, day, hour):
        # Office hours in the bureau, stored in UTC.
        return self._bureau_utc(day, time(hour))

    @api.model
    def _adopt_city_guidance(self, county_list_id, city_committee_id, city_office_id, item_ids):
        """The city bureau's guidance list, of which the county's list is the derived
        one: the county adopted these items (as the city fixed them) and added its own."""
        county_list = self.env["liangze.list"].browse(county_list_id)
        city_committee = self.env["liangze.unit"].browse(city_committee_id)
        adopted = self.env["liangze.list.item"].browse(item_ids)
        Lists = self.env["liangze.list"]._guard_sudo()
        guidance = Lists.create(
            {
                "name": f"{county_list.year}年度全面从严治党主体责任指导清单",
                "year": county_list.year,
                "company_id": city_committee.company_id.id,
                "unit_ids": [(6, 0, city_committee.ids)],
                "description": county_list.description,
                "item_ids": [
                    (
                        0,
                        0,
                        dict(
                            {key: value for key, value in item._derived_values().items() if key != "parent_item_id"},
                            owner_type="department",
                            owner_unit_ids=[(6, 0, [city_office_id])],
                            owner_user_ids=[(5,)],
                        ),
                    )
                    for item in adopted
                ],
            }
        )
        # An XML id, so that uninstalling the demo removes the list with its items and tasks.
        self.env["ir.model.data"]._update_xmlids(
            [{"xml_id": "liangze_responsibility.liangze_list_demo_city_guidance", "record": guidance, "noupdate": True}]
        )
        guidance.action_publish()
        for guide, item in zip(guidance.item_ids.sorted("id"), adopted, strict=True):
            guide.write({"guidance_key": f"{guide.id}"})
            item.write({"parent_item_id": guide.id})
        county_list.write({"parent_list_id": guidance.id})
        county_list._revision_log(
            self.env._("Derived from the guidance of %(superior)s.", superior=city_committee.name)
        )
        return guidance.id

    @api.model
    def _special_guidance_to_adopt(
        self, city_committee_id, city_office_id, county_committee_id, county_office_id, admin_id, leader_id
    ):
        """The city bureau's special-topic guidance list of the year, sent down to the county
        six days ago with a date to publish by: the county's derived list is still a draft,
        刘洋 (its administrator) has named it and chosen the owners and lead leaders of two of
        its three items; the third is still to assign. The city's administrator is not a demo user:
        its side is done by the system, as for the city's yearly guidance."""
        Units = self.env["liangze.unit"]
        city_committee, county_committee = Units.browse(city_committee_id), Units.browse(county_committee_id)
        county_office = Units.browse(county_office_id)
        admin, leader = self.env["res.users"].browse(admin_id), self.env["res.users"].browse(leader_id)
        today = self._bureau_today()
        year = today.year

        def category(name):
            return self.env.ref(f"liangze_responsibility.liangze_category_{name}").id

        basis = "《关于整治形式主义为基层减负若干规定》"
        common = {"frequency": "yearly", "deadline_rule": "after_end", "deadline_days": 15, "yellow_lead_days": 5}
        guidance = (
            self.env["liangze.list"]
            ._guard_sudo()
            .create(
                {
                    "name": f"{year}年度整治形式主义为基层减负专项责任指导清单",
                    "year": year,
                    "company_id": city_committee.company_id.id,
                    "unit_ids": [(6, 0, city_committee.ids)],
                    "description": "<p>为深入整治形式主义、官僚主义，切实为基层减负，市局党委制定本专项责任清单，"
                    "下发各县（区）局党委结合实际细化落实，明确责任主体后按期发布。</p>",
                    "item_ids": [
                        (
                            0,
                            0,
                            dict(
                                common,
                                sequence=10,
                                category_id=category("organisational_leadership"),
                                name="专题研究整治形式主义为基层减负工作",
                                content="党委会议专题研究整治形式主义为基层减负工作，明确年度目标任务和责任分工。",
                                standard="年内至少专题研究1次；制定任务分工并印发；会议记录完整。",
                                basis=basis,
                                owner_type="leadership_team",
                                owner_unit_ids=[(6, 0, city_committee.ids)],
                                weight=3,
                                evidence_min=2,
                                evidence_note="党委会议纪要；任务分工文件。",
                            ),
                        ),
                        (
                            0,
                            0,
                            dict(
                                common,
                                sequence=20,
                                category_id=category("support"),
                                name="精简文件和会议",
                                content="严格控制发文数量和会议规模，能合并的合并，能套开的套开，提倡开短会、讲短话。",
                                standard="发文和会议数量较上年只减不增；一般性工作会议以视频方式召开；会议材料精简。",
                                basis=basis,
                                owner_type="department",
                                owner_unit_ids=[(6, 0, [city_office_id])],
                                weight=2,
                                evidence_min=1,
                                evidence_note="年度发文、会议统计及与上年对比情况。",
                            ),
                        ),
                        (
                            0,
                            0,
                            dict(
                                common,
                                sequence=30,
                                category_id=category("prevention"),
                                name="清理规范工作台账和报表",
                                content="清理精简各类工作台账、报表，不得以留痕代替实绩，不得重复报送同一事项。",
                                standard="完成台账报表清理并公布保留目录；同一事项不重复报送；不以台账资料多少评价工作成效。",
                                basis=basis,
                                owner_type="department",
                                owner_unit_ids=[(6, 0, [city_office_id])],
                                weight=2,
                                evidence_min=1,
                                evidence_note="台账报表清理情况报告及保留目录。",
                            ),
                        ),
                    ],
                }
            )
        )
        self.env["ir.model.data"]._update_xmlids(
            [
                {
                    "xml_id": "liangze_responsibility.liangze_list_demo_city_special_guidance",
                    "record": guidance,
                    "noupdate": True,
                }
            ]
        )
        guidance.action_publish()
        # Sent down six days ago, to be published within fifteen workdays.
        sent = today - timedelta(days=6)
        deadline = county_committee.company_id._liangze_workdays().add_workdays(sent, 15)
        derived = guidance._send_guidance(county_committee, deadline)
        guidance._guard_sudo().write({"published_on": sent})
        self.env["ir.model.data"]._update_xmlids(
            [
                {
                    "xml_id": "liangze_responsibility.liangze_list_demo_county_special",
                    "record": derived,
                    "noupdate": True,
                }
            ]
        )
        # 刘洋 has started: the list named, the owners of the first two items chosen.
        derived = derived.with_user(admin)
        derived.write({"name": f"{year}年度整治形式主义为基层减负专项责任清单"})
        first, second = derived.item_ids.sorted("sequence")[:2]
        first.write({"owner_unit_ids": [(6, 0, county_committee.ids)], "lead_leader_id": county_committee.head_id.id})
        second.write({"owner_unit_ids": [(6, 0, county_office.ids)], "lead_leader_id": leader.id})
        return derived.id
