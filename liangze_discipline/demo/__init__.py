from . import liangze_discipline_demo
