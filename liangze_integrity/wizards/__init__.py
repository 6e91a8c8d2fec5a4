from . import liangze_duty_rating
from . import liangze_duty_paper_ballot
from . import liangze_duty_paper_ballot_line
from . import liangze_opinion_import
from . import liangze_sanction_revoke
