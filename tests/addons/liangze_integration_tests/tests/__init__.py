from . import test_menus
from . import test_demo
from . import test_demo_documents
from . import test_integrity_attacks
from . import test_demo_accountability
from . import test_demo_integrity
from . import test_demo_discipline
from . import test_labels_in_chinese
