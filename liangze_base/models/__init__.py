from . import res_company
from . import base
from . import liangze_job_failure
from . import base_role_check
from . import base_official_date
from . import base_wizard
from . import liangze_source_link_mixin
from . import liangze_plan_approval_mixin
