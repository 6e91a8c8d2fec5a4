from . import liangze_task
