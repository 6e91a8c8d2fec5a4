#!/usr/bin/env python3
# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Build the list item import files of this folder (run: python3 data/make_templates.py).

- liangze_list_item_import_template.xlsx: one header row and two example rows;
- liangze_sample_list_items.xlsx: a sample list over the five standard categories;
- liangze_cadre_import_template.xlsx: the cadres (``liangze.cadre``) held to account, also
  offered by the import screen of Cadres (a copy in liangze_base/static/xls).

The headers are the technical field names of ``liangze.list.item``, which
Odoo's import (base_import) maps to the fields by itself whatever the
interface language. Relations are given by name, as Odoo shows them:
units by their full name (parent units / unit), several separated by
commas; selections by their key. A second sheet explains every column;
the import reads only the first sheet."""

import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
FIXED_TIME = datetime(2026, 1, 1)

# (technical name, Chinese label, explanation, column width)
COLUMNS = [
    ("list_id", "责任清单", "清单名称，须与系统中已建立的清单名称完全一致。", 30),
    ("category_id", "责任类别", "组织领导、支持保障、管理示范、选人用人、预防监管（按界面语言填写类别名称）。", 12),
    ("sequence", "序号", "同一类别内的排列顺序，数字。", 8),
    ("name", "事项名称", "必填。", 30),
    ("content", "工作内容", "", 40),
    ("standard", "落实标准和要求", "", 40),
    ("basis", "依据", "事项所依据的党内法规或文件。", 30),
    (
        "owner_type",
        "责任主体类型",
        "填写代码：leadership_team 领导班子；principal_leader 主要负责人；team_member 班子成员；"
        "department 部门；party_branch 党支部。",
        16,
    ),
    (
        "owner_unit_ids",
        "责任单位",
        "领导班子、部门、党支部类事项必填。填写单位全称（含上级单位，以“ / ”分隔，与系统显示一致），"
        "多个单位用英文逗号“,”分隔。",
        50,
    ),
    ("owner_user_ids", "责任人", "主要负责人、班子成员类事项必填。填写用户姓名，多人用英文逗号分隔。", 14),
    ("lead_leader_id", "分管领导", "用户姓名。", 10),
    ("supervising_unit_id", "监督单位", "纪检监察部门的单位全称。", 40),
    (
        "frequency",
        "频次",
        "填写代码：once 一次性；monthly 每月；quarterly 每季度；half_yearly 每半年；yearly 每年；months 指定月份。",
        12,
    ),
    ("months", "指定月份", "频次为 months 时必填，月份数字用英文逗号分隔，如 6,12。", 10),
    ("deadline_rule", "时限规则", "填写代码：after_end 周期结束后若干天；fixed_day 周期最后一个月的固定日期。", 12),
    ("deadline_days", "周期结束后天数", "时限规则为 after_end 时使用。", 10),
    ("deadline_day", "固定日期", "时限规则为 fixed_day 时使用，1–31。", 10),
    ("yellow_lead_days", "黄色预警提前工作日", "截止前多少个工作日开始黄色预警，默认 5。", 10),
    ("weight", "分值", "考核分值，不能为负数。", 8),
    ("evidence_min", "最少资料份数", "提交前至少上传的工作落实资料份数，0 表示不要求。", 10),
    ("evidence_note", "资料要求", "工作落实资料须反映的内容。", 30),
]
HEADERS = [column[0] for column in COLUMNS]

LIST_NAME = "2026年度全面从严治党主体责任清单"
SAMPLE_LIST_NAME = "2027年度全面从严治党主体责任清单"
COUNTY = "云州市税务局党委 / 清河县税务局党委"
DISCIPLINE = f"{COUNTY} / 驻清河县税务局纪检组"


def unit(*names):
    return ",".join(COUNTY if name == "" else f"{COUNTY} / {name}" for name in names)


def row(**values):
    return [values.get(name, "") for name in HEADERS]


TEMPLATE_ROWS = [
    row(
        list_id=LIST_NAME,
        category_id="预防监管",
        sequence=10,
        name="廉政风险点排查防控",
        content="排查岗位廉政风险点，评定风险等级，制定防控措施。",
        standard="每季度更新风险点台账；高风险岗位防控措施具体可行；防控情况报纪检组备案。",
        basis="《党委（党组）落实全面从严治党主体责任规定》第十四条",
        owner_type="department",
        owner_unit_ids=unit("办公室", "人事教育股"),
        lead_leader_id="孙丽",
        supervising_unit_id=DISCIPLINE,
        frequency="quarterly",
        deadline_rule="after_end",
        deadline_days=10,
        deadline_day=25,
        yellow_lead_days=5,
        weight=2,
        evidence_min=1,
        evidence_note="廉政风险点台账及防控措施。",
    ),
    row(
        list_id=LIST_NAME,
        category_id="管理示范",
        sequence=20,
        name="开展警示教育",
        content="组织党员观看警示教育片、学习典型案例通报，以案为鉴、以案促改。",
        standard="每年6月、12月各组织1次；党员参学率不低于90%。",
        basis="《中国共产党问责条例》；《中国共产党纪律处分条例》",
        owner_type="party_branch",
        owner_unit_ids=unit("机关第一党支部", "机关第二党支部"),
        lead_leader_id="张伟",
        supervising_unit_id=DISCIPLINE,
        frequency="months",
        months="6,12",
        deadline_rule="fixed_day",
        deadline_days=5,
        deadline_day=25,
        yellow_lead_days=3,
        weight=1.5,
        evidence_min=2,
        evidence_note="活动记录及签到表。",
    ),
]

BRANCHES = ("机关第一党支部", "机关第二党支部", "第一税务分局党支部", "第二税务分局党支部")
SAMPLE_ROWS = [
    row(
        category_id="组织领导",
        sequence=10,
        name="专题研究部署年度全面从严治党工作",
        content="年初召开党委会议专题研究部署年度全面从严治党工作。",
        standard="3月底前召开党委会议；印发年度工作要点和主体责任清单。",
        basis="《党委（党组）落实全面从严治党主体责任规定》第八条",
        owner_type="leadership_team",
        owner_unit_ids=unit(""),
        lead_leader_id="张伟",
        frequency="months",
        months="3",
        deadline_rule="fixed_day",
        deadline_day=31,
        weight=4,
        evidence_min=2,
        evidence_note="党委会议纪要；年度工作要点。",
    ),
    row(
        category_id="组织领导",
        sequence=20,
        name="主要负责人履行第一责任人职责",
        content="对重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要案件亲自督办。",
        standard="每季度至少主持研究1次全面从严治党工作。",
        basis="《党委（党组）落实全面从严治党主体责任规定》第十一条",
        owner_type="principal_leader",
        owner_user_ids="张伟",
        lead_leader_id="张伟",
        frequency="quarterly",
        deadline_rule="after_end",
        deadline_days=10,
        weight=4,
        evidence_min=1,
        evidence_note="会议记录或督导记录。",
    ),
    row(
        category_id="组织领导",
        sequence=30,
        name="班子成员落实“一岗双责”",
        content="班子成员抓好分管领域党风廉政建设。",
        standard="每季度至少1次听取分管部门党风廉政建设情况汇报。",
        basis="《关于新形势下党内政治生活的若干准则》",
        owner_type="team_member",
        owner_user_ids="孙丽",
        lead_leader_id="张伟",
        frequency="quarterly",
        deadline_rule="after_end",
        deadline_days=10,
        weight=3,
        evidence_min=1,
        evidence_note="听取汇报记录。",
    ),
    row(
        category_id="组织领导",
        sequence=40,
        name="党支部落实“三会一课”制度",
        content="按规定召开支部党员大会、支委会、党小组会，按时上好党课。",
        standard="支委会、党小组会每月至少1次；记录规范完整。",
        basis="《中国共产党支部工作条例（试行）》",
        owner_type="party_branch",
        owner_unit_ids=unit(*BRANCHES),
        lead_leader_id="孙丽",
        frequency="monthly",
        deadline_rule="after_end",
        deadline_days=5,
        weight=2,
        evidence_min=1,
        evidence_note="会议记录及签到表。",
    ),
    row(
        category_id="支持保障",
        sequence=10,
        name="支持纪检组履行监督责任",
        content="党委定期听取纪检组工作汇报，研究解决纪检工作中的困难和问题。",
        standard="每半年至少1次听取纪检组工作汇报。",
        basis="《党委（党组）落实全面从严治党主体责任规定》第十三条",
        owner_type="leadership_team",
        owner_unit_ids=unit(""),
        lead_leader_id="张伟",
        frequency="half_yearly",
        deadline_rule="after_end",
        deadline_days=10,
        weight=3,
        evidence_min=1,
        evidence_note="党委会议纪要。",
    ),
    row(
        category_id="支持保障",
        sequence=20,
        name="开展党风廉政宣传教育",
        content="组织学习党章党规党纪，开展廉洁文化建设。",
        standard="每季度至少组织1次集中学习，有记录、有签到。",
        basis="《关于加强新时代廉洁文化建设的意见》",
        owner_type="department",
        owner_unit_ids=unit("办公室"),
        lead_leader_id="孙丽",
        frequency="quarterly",
        deadline_rule="after_end",
        deadline_days=5,
        weight=2,
        evidence_min=2,
        evidence_note="学习签到表、学习记录。",
    ),
    row(
        category_id="管理示范",
        sequence=10,
        name="召开年度民主生活会",
        content="领导班子召开年度民主生活会，开展批评和自我批评。",
        standard="会前征求意见、开展谈心谈话；会后15日内报送情况报告和整改清单。",
        basis="《县以上党和国家机关党员领导干部民主生活会若干规定》",
        owner_type="leadership_team",
        owner_unit_ids=unit(""),
        lead_leader_id="张伟",
        frequency="yearly",
        deadline_rule="after_end",
        deadline_days=31,
        weight=4,
        evidence_min=3,
        evidence_note="会议方案、会议记录和整改清单。",
    ),
    row(
        category_id="管理示范",
        sequence=20,
        name="落实中央八项规定精神自查",
        content="对公务接待、公务用车、会议培训等情况开展自查。",
        standard="每季度自查1次，建立问题台账，立行立改。",
        basis="中央八项规定及其实施细则",
        owner_type="department",
        owner_unit_ids=unit("办公室", "财务管理股"),
        lead_leader_id="孙丽",
        frequency="quarterly",
        deadline_rule="after_end",
        deadline_days=10,
        weight=3,
        evidence_min=2,
        evidence_note="自查报告及问题台账。",
    ),
    row(
        category_id="选人用人",
        sequence=10,
        name="严格执行干部选拔任用工作程序",
        content="严格按照规定程序选拔任用干部，全程纪实。",
        standard="讨论决定干部须党委会议集体研究。",
        basis="《党政领导干部选拔任用工作条例》",
        owner_type="department",
        owner_unit_ids=unit("人事教育股"),
        lead_leader_id="张伟",
        frequency="quarterly",
        deadline_rule="after_end",
        deadline_days=10,
        weight=3,
        evidence_min=2,
        evidence_note="选拔任用纪实材料。",
    ),
    row(
        category_id="选人用人",
        sequence=20,
        name="选人用人工作“一报告两评议”",
        content="报告年度干部选拔任用工作情况，开展民主评议。",
        standard="评议结果报上级组织部门。",
        basis="《党政领导干部选拔任用工作有关事项报告办法》",
        owner_type="department",
        owner_unit_ids=unit("人事教育股"),
        lead_leader_id="张伟",
        frequency="once",
        deadline_rule="after_end",
        deadline_days=30,
        weight=2,
        evidence_min=1,
        evidence_note="工作报告及评议结果。",
    ),
    row(
        category_id="预防监管",
        sequence=10,
        name="廉政风险点排查防控",
        content="排查岗位廉政风险点，制定防控措施。",
        standard="每半年更新1次风险点台账。",
        basis="《中国共产党党内监督条例》",
        owner_type="department",
        owner_unit_ids=unit("办公室", "人事教育股", "财务管理股", "法制股"),
        lead_leader_id="孙丽",
        frequency="half_yearly",
        deadline_rule="after_end",
        deadline_days=15,
        weight=3,
        evidence_min=1,
        evidence_note="廉政风险点台账。",
    ),
    row(
        category_id="预防监管",
        sequence=20,
        name="落实问责制度",
        content="对落实主体责任不力的严肃问责。",
        standard="问责事项经党委会议研究，按规定报备。",
        basis="《中国共产党问责条例》",
        owner_type="leadership_team",
        owner_unit_ids=unit(""),
        lead_leader_id="张伟",
        frequency="half_yearly",
        deadline_rule="fixed_day",
        deadline_day=25,
        weight=2,
        evidence_min=0,
        evidence_note="有问责事项的上传问责决定。",
    ),
]
for sample in SAMPLE_ROWS:
    sample[HEADERS.index("list_id")] = SAMPLE_LIST_NAME
    sample[HEADERS.index("supervising_unit_id")] = DISCIPLINE


CADRE_COLUMNS = [
    ("name", "姓名", "必填。", 10),
    ("unit_id", "所在单位", "必填。单位全称（含上级单位，以“ / ”分隔，与系统显示一致）。", 44),
    ("post", "职务", "如“办公室主任”。", 16),
    (
        "rank",
        "职级",
        "填写代码：bureau_principal 厅局级正职；bureau_deputy 厅局级副职；division_principal 县处级正职；"
        "division_deputy 县处级副职；section_principal 乡科级正职；section_deputy 乡科级副职；staff 科员；"
        "clerk 办事员；other 其他。",
        18,
    ),
    (
        "political_status",
        "政治面貌",
        "填写代码：party_member 中共党员；probationary_member 中共预备党员；league_member 共青团员；"
        "democratic_party 民主党派；non_party 群众。",
        16,
    ),
    (
        "leader_role",
        "班子职务",
        "填写代码：principal_leader 主要负责人（党组织书记）；team_member 班子成员；discipline_head 纪检组长；"
        "staff 一般干部。",
        16,
    ),
    ("user_id", "系统用户", "有登录账号的填写用户姓名；没有的留空。", 12),
    ("note", "备注", "", 30),
]
CADRE_ROWS = [
    ["王芳", f"{COUNTY} / 办公室", "办公室主任", "section_principal", "party_member", "principal_leader", "王芳", ""],
    ["周明", f"{COUNTY} / 办公室", "办公室副主任", "section_deputy", "party_member", "team_member", "", "无系统账号"],
]


def write_workbook(path, rows, columns=COLUMNS, title="清单事项", text_columns=("months",)):
    headers = [column[0] for column in columns]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(headers)
    for values in rows:
        # Text cells for what Odoo reads as text (e.g. months "6,12" or "3").
        sheet.append([str(v) if isinstance(v, str) else v for v in values])
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="FDE9D9")
    for index, (name, _label, _note, width) in enumerate(columns, 1):
        cell = sheet.cell(row=1, column=index)
        cell.font, cell.fill = bold, fill
        sheet.column_dimensions[get_column_letter(index)].width = width
        for cell_row in range(2, len(rows) + 2):
            sheet.cell(row=cell_row, column=index).alignment = Alignment(wrap_text=True, vertical="top")
            if name in text_columns:
                sheet.cell(row=cell_row, column=index).number_format = "@"
    sheet.freeze_panes = "A2"

    help_sheet = book.create_sheet("填写说明 Notes")
    help_sheet.append(["列名 Column", "含义", "填写说明"])
    for name, label, note, _width in columns:
        help_sheet.append([name, label, note])
    help_sheet.append([])
    help_sheet.append(["", "说明", "导入时只读取第一个工作表；第一行列名请勿修改。"])
    for cell in help_sheet[1]:
        cell.font = bold
    help_sheet.column_dimensions["A"].width = 22
    help_sheet.column_dimensions["B"].width = 20
    help_sheet.column_dimensions["C"].width = 90
    book.properties.creator = "liangze"
    book.properties.created = FIXED_TIME
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(_stable_zip(buffer.getvalue()))


def _stable_zip(data):
    """Fix the timestamps openpyxl and zipfile take from the clock, so the
    files only change when their content does."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + stamp.encode() + rb"\g<2>",
                    content,
                )
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, content)
    return out.getvalue()


def main():
    write_workbook(HERE / "liangze_list_item_import_template.xlsx", TEMPLATE_ROWS)
    write_workbook(HERE / "liangze_sample_list_items.xlsx", SAMPLE_ROWS)
    for folder in (HERE, HERE.parent / "liangze_base" / "static" / "xls"):
        write_workbook(folder / "liangze_cadre_import_template.xlsx", CADRE_ROWS, CADRE_COLUMNS, "干部", ())


if __name__ == "__main__":
    main()
