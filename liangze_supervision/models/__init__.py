from . import liangze_task_review
from . import liangze_task
from . import liangze_spot_check
