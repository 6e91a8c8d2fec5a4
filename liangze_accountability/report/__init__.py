from . import liangze_assessment_xlsx
