from . import liangze_problem_verification_failure
from . import comment_wizard
