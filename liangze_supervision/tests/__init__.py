from . import test_i18n
from . import test_numbering
from . import test_print
from . import test_rectification
from . import test_reminder_letter
from . import test_review
from . import test_supervision_report
from . import test_tour
