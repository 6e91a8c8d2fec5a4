# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The roles of liangze, as the xml ids of their groups: the one place code names them.

Each addon defines its own groups in its security file; the code of every addon
checks them through these names (``user.has_group(SUPERVISOR)``), never a literal.
"""

# liangze_base: the principal responsibility (主体责任) and the discipline body, which every addon uses.
USER = "liangze_base.group_liangze_user"  # 责任人
UNIT_HEAD = "liangze_base.group_liangze_unit_head"  # 部门负责人
LEADER = "liangze_base.group_liangze_leader"  # 领导
ADMIN = "liangze_base.group_liangze_admin"  # 系统管理员 (configuration, archiving)
SUPERVISOR = "liangze_base.group_liangze_supervisor"  # 纪检监察干部
SUPERVISION_HEAD = "liangze_base.group_liangze_supervision_head"  # 纪检组长
# liangze_accountability
ASSESSOR = "liangze_accountability.group_liangze_assessor"  # 考核人员
# liangze_integrity
ORGANISATION = "liangze_integrity.group_liangze_organisation"  # 组织人事部门
# liangze_discipline
INTAKE = "liangze_discipline.group_liangze_intake"  # 信访受理
CASE_OFFICER = "liangze_discipline.group_liangze_case_officer"  # 办案人员
CASE_MANAGEMENT = "liangze_discipline.group_liangze_case_management"  # 案件管理
INBOUND = "liangze_discipline.group_liangze_inbound"  # 外部移交线索录入
