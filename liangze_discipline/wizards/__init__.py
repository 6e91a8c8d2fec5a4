# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import liangze_petition_decision
from . import liangze_clue_handover
from . import liangze_case_assign
from . import liangze_case_appeal_decision
