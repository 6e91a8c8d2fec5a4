# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from odoo.addons.liangze_responsibility.demo.liangze_demo_year import DEMO_PDF


class LiangzeIntegrityDemo(models.AbstractModel):
    """Demo: the county's integrity files kept through the year up to the install
    day, by 赵敏 through the product's own actions (陈刚 keeps hers and her spouse's)."""

    _name = "liangze.integrity.demo"
    _description = "Demo: Integrity Files of the Year"

    @api.model
    def _keep_files(self, officer_id, head_id, warned_id, officer_cadre_id):
        Users = self.env["res.users"]
        officer, head = Users.browse(officer_id), Users.browse(head_id)
        Cadre = self.env["liangze.cadre"]
        county = officer._liangze_discipline_body().company_id or officer.company_id
        cadres = Cadre.search([("company_id", "=", county.id)])
        files = self.env["liangze.integrity.file"]._for_cadres(cadres)
        recused = Cadre.browse(officer_cadre_id)._recused_for()
        for file in files:
            file._guard_sudo().keeper_id = head if file.cadre_id in recused else officer
        today = self._bureau_today()
        year = today.year
        Entry = self.env["liangze.integrity.entry"]
        leaders = cadres.filtered(lambda c: c.leader_role != "staff")
        for cadre in leaders:
            keeper = head if cadre in recused else officer
            file = files.filtered(lambda f, c=cadre: f.cadre_id == c)
            Entry.with_user(keeper).create(
                [
                    {
                        "file_id": file.id,
                        "section": "personal_matters",
                        "name": f"{year}年度个人有关事项报告",
                        "year": year,
                        "entry_date": today - relativedelta(months=9),
                        "summary": "房产1处（自住），配偶经商办企业情况：无；"
                        "本人及配偶、子女出国（境）证件由组织统一保管。",
                        "check_result": "consistent",
                        "attachment": DEMO_PDF,
                        "attachment_name": "个人有关事项报告表.pdf",
                    },
                    {
                        "file_id": file.id,
                        "section": "pledge",
                        "name": f"{year}年度党风廉政建设承诺书",
                        "year": year,
                        "entry_date": today - relativedelta(months=10),
                        "attachment": DEMO_PDF,
                        "attachment_name": "廉政承诺书.pdf",
                    },
                    {
                        "file_id": file.id,
                        "section": "talk",
                        "talk_kind": "integrity",
                        "name": "任职廉政谈话"
                        if cadre.in_office_since and cadre.in_office_since.year >= year - 3
                        else "节前廉政谈话",
                        "year": year,
                        "entry_date": today - relativedelta(months=2),
                        "minutes": "<p>重申中央八项规定精神及税务系统廉洁从税要求，本人表态严格落实“一岗双责”。</p>",
                        "result": "已谈话，本人签字确认",
                    },
                ]
            )
        # 吴军: a party warning decided seven months ago, its year still running; a report received last month.
        warned = Cadre.browse(warned_id)
        warned_file = files.filtered(lambda f: f.cadre_id == warned)
        decided = today - relativedelta(months=7)
        sanction = (
            self.env["liangze.sanction"]
            .with_user(head)
            .create(
                {
                    "file_id": warned_file.id,
                    "type_id": self.env.ref("liangze_integrity.liangze_sanction_type_party_warning").id,
                    "decided_by": "中共云州市清河县纪律检查委员会",
                    "decision_number": f"清纪处〔{decided.year}〕3号",
                    "decision_date": decided,
                    "effective_date": decided,
                    "facts": "违反中央八项规定精神，违规接受管理服务对象宴请。",
                }
            )
        )
        sanction.with_user(head).action_record()
        Entry.with_user(head).create(
            {
                "file_id": warned_file.id,
                "section": "letter_report",
                "name": "反映违规收受礼品的来信",
                "year": year,
                "entry_date": today - relativedelta(months=1),
                "summary": "匿名来信反映其在春节期间收受管理服务对象礼品，已转案管部门登记。",
                "result": "初步核实中",
                "open_matter": True,
            }
        )
        # One file last touched over a year ago: its keeper is reminded by the yearly job.
        stale = files.filtered(lambda f: f.cadre_id.leader_role == "staff" and f.cadre_id not in recused)[:1]
        stale._guard_sudo().write({"updated_on": today - relativedelta(months=13)})
        return True

    # -- 述责述廉 --------------------------------------------------------------------------
    @api.model
    def _evaluate_the_half_year(self, organiser_id, committee_id):
        """The county's mid-year 述责述廉, evaluated and published two weeks ago (ballots
        cast by the demo evaluators on screen and from paper), and the year-end one
        under way: its reports drafted, due in three weeks."""
        organiser = self.env["res.users"].browse(organiser_id)
        committee = self.env["liangze.unit"].browse(committee_id)
        today = self._bureau_today()
        Campaign = self.env["liangze.duty.campaign"].with_user(organiser)
        Users = self.env["res.users"]

        def login(name):
            return Users.search([("login", "=", name)], limit=1)

        half = Campaign.create(
            {
                "name": f"{today.year}年上半年述责述廉",
                "year": today.year,
                "scope_unit_ids": [(6, 0, committee.ids)],
                "report_deadline": today,
                "meeting_date": fields.Datetime.now(),
                "meeting_place": "县局三楼会议室",
            }
        )
        half.action_fill_reporters()
        groups = self.env["liangze.duty.evaluator.group"].with_user(organiser)
        groups.create(
            [
                {
                    "campaign_id": half.id,
                    "name": "纪检组",
                    "weight": 30,
                    "evaluator_ids": [(6, 0, (login("chengang") | login("zhaomin")).ids)],
                },
                {
                    "campaign_id": half.id,
                    "name": "班子成员",
                    "weight": 30,
                    "evaluator_ids": [(6, 0, (login("zhangwei") | login("sunli")).ids)],
                },
                {
                    "campaign_id": half.id,
                    "name": "干部职工代表",
                    "weight": 40,
                    "evaluator_ids": [(6, 0, (login("liming") | login("zhoujing")).ids)],
                    "paper_count": 4,
                },
            ]
        )
        half.action_start_reporting()
        for report in half.report_ids:
            author = report.cadre_id.user_id or report.unit_id.head_id or committee.head_id
            report.with_user(author).action_submit()
        half.action_open_evaluation()
        # 吴军 (a party warning this year): more "一般" and "差" than the others.
        ratings = {"吴军": ["average", "poor", "fairly_good", "poor", "average", "poor"]}
        for group in half.group_ids:
            for index, evaluator in enumerate(group.evaluator_ids):
                for report in half.report_ids.filtered(lambda r, e=evaluator: r.cadre_id.user_id != e):
                    pattern = ratings.get(report.cadre_id.name, ["good", "good", "fairly_good", "good", "good", "good"])
                    report.with_user(evaluator).action_rate(pattern[index % len(pattern)])
        paper = self.env["liangze.duty.paper.ballot"].with_user(organiser)
        staff = half.group_ids.filtered(lambda g: g.paper_count)
        for index in range(staff.paper_count):
            lines = []
            for report in half.report_ids:
                pattern = ratings.get(report.cadre_id.name, ["good", "fairly_good", "good", "good"])
                lines.append((0, 0, {"report_id": report.id, "rating": pattern[index % len(pattern)]}))
            wizard = paper.create({"campaign_id": half.id, "group_id": staff.id, "line_ids": lines})
            wizard.action_enter()
        half.action_close()
        half.action_publish()
        # Dated back: reports due four weeks ago, the meeting three, the results two.
        self._date_back(half, today)

        year_end = Campaign.create(
            {
                "name": f"{today.year}年度述责述廉",
                "year": today.year,
                "scope_unit_ids": [(6, 0, committee.ids)],
                "report_deadline": self.env.company._liangze_workdays().add_workdays(today, 15),
                "meeting_place": "县局三楼会议室",
            }
        )
        year_end.action_fill_reporters()
        year_end.action_start_reporting()
        return True

    def _date_back(self, campaign, today):
        self.env.flush_all()
        cr = self.env.cr
        due = today - relativedelta(weeks=4)
        cr.execute(
            "UPDATE liangze_duty_campaign SET report_deadline = %s, meeting_date = %s, closed_on = %s, "
            "published_on = %s WHERE id = %s",
            [
                due,
                due + relativedelta(weeks=1, hours=9),
                due + relativedelta(weeks=1),
                due + relativedelta(weeks=2),
                campaign.id,
            ],
        )
        cr.execute(
            "UPDATE liangze_duty_report SET deadline = %s, yellow_date = %s, submitted_on = %s WHERE campaign_id = %s",
            [due, due - relativedelta(days=5), due - relativedelta(days=2), campaign.id],
        )
        cr.execute(
            "UPDATE liangze_duty_vote SET voted_on = %s WHERE campaign_id = %s",
            [due + relativedelta(weeks=1), campaign.id],
        )
        cr.execute(
            "UPDATE liangze_integrity_entry SET entry_date = %s WHERE section = 'duty_report' "
            "AND source_model = 'liangze.duty.result' AND source_id IN %s",
            [due + relativedelta(weeks=2), tuple(campaign.sudo().result_ids.ids) or (0,)],
        )
        self.env.invalidate_all()
        self.env["liangze.duty.report"]._refresh_warning_levels()

    # -- 党风廉政意见回复 ----------------------------------------------------------------------
    @api.model
    def _answer_opinion_requests(self, requester_id, officer_id, head_id, cadre_ids, pending_ids):
        """The personnel office's batch for the section chiefs' selection, asked three
        weeks ago and answered two weeks ago (否决 for the party warning, 暂缓 for the case
        awaiting approval), and this week's batch for the year's commendations, waiting
        for 赵敏's checks."""
        Users = self.env["res.users"]
        requester, officer, head = Users.browse(requester_id), Users.browse(officer_id), Users.browse(head_id)
        Cadre = self.env["liangze.cadre"]
        Request = self.env["liangze.opinion.request"].with_user(requester)
        today = self._bureau_today()
        answered = Request.create(
            {
                "title": f"{today.year}年股级干部选拔任用（第二批）",
                "purpose": "selection",
                "opinion_ids": [(0, 0, {"cadre_id": cadre.id}) for cadre in Cadre.browse(cadre_ids)],
            }
        )
        answered.action_submit()
        answered.with_user(officer).action_draft_opinions()
        # 赵敏 signs what she may read; 陈刚 signs the lines she is recused from (her spouse).
        visible = self.env["liangze.opinion"].with_user(officer).search([("request_id", "=", answered.id)])
        visible.action_sign()
        (answered.sudo().opinion_ids - visible).with_user(head).action_sign()
        answered.with_user(officer).action_request_approval()
        answered.with_user(head).validate_tier()
        answered.with_user(officer).action_reply()
        asked = today - relativedelta(weeks=3)
        replied = today - relativedelta(weeks=2)
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(
            "UPDATE liangze_opinion_request SET requested_on = %s, drafted_on = %s, replied_on = %s, "
            "reply_days = %s WHERE id = %s",
            [asked, asked + relativedelta(days=2), replied, (replied - asked).days, answered.id],
        )
        self.env.invalidate_all()
        deadline = self.env.company._liangze_workdays().add_workdays(asked, answered.reply_workdays or 10)
        cr.execute(
            "UPDATE liangze_opinion_request SET reply_deadline = %s, yellow_date = %s WHERE id = %s",
            [deadline, deadline - relativedelta(days=3), answered.id],
        )
        self.env.invalidate_all()
        self.env["liangze.opinion.request"]._refresh_warning_levels()

        pending = Request.create(
            {
                "title": f"{today.year}年度评先评优",
                "purpose": "commendation",
                "opinion_ids": [(0, 0, {"cadre_id": cadre.id}) for cadre in Cadre.browse(pending_ids)],
            }
        )
        pending.action_submit()
        return True
