from . import liangze_integrity_demo
