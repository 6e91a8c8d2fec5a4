from . import liangze_unit
from . import res_users
