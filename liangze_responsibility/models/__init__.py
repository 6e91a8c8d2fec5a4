from . import liangze_unit
from . import res_users
from . import liangze_category
from . import liangze_list
from . import liangze_list_item
from . import liangze_task
from . import liangze_task_progress
from . import liangze_task_evidence
