from . import liangze_assessment_scheme
from . import liangze_assessment_group
from . import liangze_assessment_rule
from . import liangze_assessment_deduction
from . import liangze_assessment_score
from . import liangze_assessment_appeal
from . import tier_definition
