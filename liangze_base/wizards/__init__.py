from . import liangze_appeal_decision
