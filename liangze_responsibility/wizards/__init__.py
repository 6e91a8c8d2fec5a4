from . import liangze_task_submit
from . import liangze_task_reason
from . import liangze_ledger_print
from . import liangze_archive_reason
from . import liangze_extension_decision
from . import liangze_guidance_send
from . import liangze_guidance_revision
