from . import liangze_list_report
from . import liangze_ledger_xlsx
