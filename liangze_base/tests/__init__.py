from . import test_bureau_day
from . import test_job_failure
from . import test_holiday_audit
