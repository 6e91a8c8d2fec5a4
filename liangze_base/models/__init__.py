from . import res_company
from . import base
from . import liangze_record_guard
from . import liangze_job_failure
from . import liangze_source_link_mixin
from . import liangze_plan_approval_mixin
from . import mail_followers
