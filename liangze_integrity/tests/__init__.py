from . import test_integrity_file
from . import test_sanction
from . import test_duty_campaign
from . import test_duty_tour
from . import test_opinion
from . import test_opinion_tour
from . import test_i18n
from . import test_refusals_zh
