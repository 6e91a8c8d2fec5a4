from . import test_liangze_unit
from . import test_scope
from . import test_i18n
from . import test_task_generation
from . import test_task_ledger
from . import test_reports
from . import test_import
from . import test_tour
