from . import test_i18n
from . import test_review
from . import test_tour
