from . import liangze_four_forms_xlsx
