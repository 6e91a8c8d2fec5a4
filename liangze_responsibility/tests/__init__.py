from . import test_liangze_unit
from . import test_scope
from . import test_i18n
