from . import test_petition
from . import test_inbound
from . import test_clue
from . import test_case
from . import test_confidentiality
from . import test_statistics
from . import test_tour
from . import test_i18n
