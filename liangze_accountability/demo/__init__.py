from . import liangze_accountability_demo
