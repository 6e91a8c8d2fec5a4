from . import liangze_appeal_decision
from . import liangze_traceback
