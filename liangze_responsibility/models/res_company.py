# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Office documents (incl. WPS and OFD), PDF, images, archives.
DEFAULT_EVIDENCE_EXTENSIONS = (
    "doc,docx,xls,xlsx,ppt,pptx,wps,et,dps,odt,ods,odp,ofd,txt,rtf,pdf,"
    "jpg,jpeg,png,gif,bmp,tif,tiff,webp,zip,rar,7z,gz,tar"
)


class ResCompany(models.Model):
    """What each bureau accepts as evidence and how far list weights may go."""

    _inherit = "res.company"

    liangze_evidence_max_mb = fields.Integer(
        string="Largest Evidence File (MB)", default=50, help="Evidence files above this size are refused."
    )
    liangze_evidence_extensions = fields.Char(
        string="Accepted Evidence File Types",
        default=DEFAULT_EVIDENCE_EXTENSIONS,
        help="File name extensions, separated by commas.",
    )
    liangze_weight_max = fields.Float(
        string="Largest Item Weight", default=100.0, help="The weight (分值) of a list item lies between 0 and this."
    )

    @api.constrains("liangze_evidence_max_mb", "liangze_weight_max")
    def _check_liangze_limits(self):
        for company in self:
            if not 1 <= company.liangze_evidence_max_mb <= 2048:
                raise ValidationError(self.env._("The largest evidence file lies between 1 and 2048 MB."))
            if not 0 < company.liangze_weight_max <= 10_000:
                raise ValidationError(self.env._("The largest item weight lies between 0 and 10,000."))

    def _liangze_evidence_extensions(self):
        self.ensure_one()
        text = (self.liangze_evidence_extensions or DEFAULT_EVIDENCE_EXTENSIONS).replace("，", ",")
        return {part.strip().lower().lstrip(".") for part in text.split(",") if part.strip()}
