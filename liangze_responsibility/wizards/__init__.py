from . import liangze_task_submit
from . import liangze_task_reason
