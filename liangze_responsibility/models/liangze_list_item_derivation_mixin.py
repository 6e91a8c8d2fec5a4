# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

# What a guidance list (指导清单) fixes for the lists derived from it; the rest
# (owners, lead leader, deadline within the superior's, an extra standard) is
# the subordinate's to fill.
GUIDANCE_LOCKED_FIELDS = (
    "name",
    "content",
    "standard",
    "basis",
    "category_id",
    "kind",
    "frequency",
    "months",
    "deadline_rule",
    "evidence_min",
)


# What a derived item takes from its guidance item besides the locked fields (the
# subordinate may make the deadline earlier; the owners are its own).
GUIDANCE_COPIED_FIELDS = GUIDANCE_LOCKED_FIELDS + (
    "sequence",
    "owner_type",
    "deadline_days",
    "deadline_day",
    "yellow_lead_days",
    "weight",
    "evidence_note",
)


class LiangzeListItemDerivationMixin(models.AbstractModel):
    """An item derived from a guidance item down the levels (指导清单, the "1" of
    "1+X"): the values a subordinate list adopts from it, the guidance item read
    whatever the level, and where the item now differs from it (listed when the
    guidance list is revised).

    Kept apart from the item's own definition and checks; the item refuses a
    change of the fields the guidance fixes (``GUIDANCE_LOCKED_FIELDS``)."""

    _name = "liangze.list.item.derivation.mixin"
    _description = "List Item Derived from a Guidance Item"

    def _guidance_differences(self):
        """[(field, this item's value, the guidance item's)] of the fields the guidance
        fixes, and of a deadline now later than the guidance's, as text to show."""
        self.ensure_one()
        guide = self._guidance()
        differences = []
        for name in GUIDANCE_LOCKED_FIELDS + ("deadline_days", "deadline_day"):
            mine, theirs = self[name], guide[name]
            if name in ("deadline_days", "deadline_day"):
                if mine <= theirs:
                    continue
            elif mine == theirs:
                continue
            differences.append((name, self._display_value(name), guide._display_value(name)))
        return differences

    def _display_value(self, name):
        field = self._fields[name]
        value = self[name]
        if field.type == "many2one":
            return value.display_name or ""
        if field.type == "selection":
            return dict(field._description_selection(self.env)).get(value, "")
        return "" if value is False else str(value)

    def _guidance(self):
        """The guidance item, read whatever the level: it is the superior's, published to this one."""
        return self.parent_item_id.sudo()

    def _derived_values(self):
        """The values of the item a subordinate list adopts from this guidance item."""
        self.ensure_one()
        values = self._convert_to_write({name: self[name] for name in GUIDANCE_COPIED_FIELDS})
        return dict(values, parent_item_id=self.id)
