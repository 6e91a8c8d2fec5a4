from . import liangze_demo_year
