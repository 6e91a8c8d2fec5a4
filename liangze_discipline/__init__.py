from . import controllers
from . import report
from . import models
from . import wizards
from . import demo
