from . import test_assessment
from . import test_accountability
from . import test_cadre_import
from . import test_i18n
from . import test_tour
from . import test_daily_jobs
from . import test_every_hour
