from . import res_company
from . import base
from . import liangze_job_failure
from . import mail_followers
