# Copyright 2026 liangze
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
from datetime import datetime, time

import pytz

from odoo import fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import split_every

from .res_company import BUREAU_TZ

_logger = logging.getLogger(__name__)


class Base(models.AbstractModel):
    """The bureau's day and the daily jobs' safe loop, on every model.

    "Today" is the company's date in its time zone (``liangze_tz``), never the
    user's nor the server's: a deadline, a receipt date or a warning level is the
    same whoever writes it and at whatever hour. ``fields.Date.context_today`` is
    not used by liangze (it follows the user, and cron jobs run in UTC).
    """

    _inherit = "base"

    def _bureau_tz(self):
        return pytz.timezone(self.env.company.sudo().liangze_tz or BUREAU_TZ)

    def _bureau_now(self):
        """Now, as an aware datetime in the bureau's time zone."""
        return pytz.utc.localize(fields.Datetime.now()).astimezone(self._bureau_tz())

    def _bureau_today(self):
        """Today in the bureau: the one "today" of every action, check, job and demo."""
        return self._bureau_now().date()

    def _bureau_date(self, value):
        """The bureau's date of a stored (naive UTC) datetime; a date is returned as is."""
        if not value:
            return value
        if not isinstance(value, datetime):
            return value
        return pytz.utc.localize(value).astimezone(self._bureau_tz()).date()

    def _bureau_utc(self, day, at=time.min):
        """The stored (naive UTC) datetime of ``at`` o'clock in the bureau on ``day``."""
        return self._bureau_tz().localize(datetime.combine(day, at)).astimezone(pytz.utc).replace(tzinfo=None)

    def _bureau_context(self):
        """This recordset in the bureau's time zone (what templates and reports format with)."""
        return self.with_context(tz=self._bureau_tz().zone)

    # -- daily jobs -------------------------------------------------------------------------
    def _bureau_each(self, job, action, batch_size=100):
        """Run ``action(records)`` over ``self`` in batches, each under a savepoint.

        A batch that fails is retried record by record; a record that still fails is
        rolled back alone, logged with its id and set aside in the job failures (the
        administrators are told), and the rest of the run completes. The next run
        retries it: ``action`` must mark what it has done (a flag, a link) so that a
        re-run after a crash does nothing twice. Returns the records done.
        """
        failures = self.env["liangze.job.failure"].sudo()
        done_ids = []
        for ids in split_every(batch_size, self.ids):
            batch = self.browse(ids)
            try:
                with self.env.cr.savepoint():
                    action(batch)
                done_ids += ids
                continue
            except Exception:  # noqa: BLE001, S110 - narrowed down below, record by record
                _logger.info("liangze job %s: a batch of %s failed, retried record by record", job, self._name)
            for record in batch:
                try:
                    with self.env.cr.savepoint():
                        action(record)
                    done_ids.append(record.id)
                except UserError as exc:
                    # A condition the product names (e.g. a year whose holidays are not published
                    # yet): set aside and reported, not a crash.
                    _logger.warning("liangze job %s: %s(%s) set aside: %s", job, record._name, record.id, exc)
                    failures._record_failure(job, record, exc)
                except Exception as exc:  # noqa: BLE001 - one bad record must not stop the job
                    _logger.exception("liangze job %s: %s(%s) failed; the run goes on", job, record._name, record.id)
                    failures._record_failure(job, record, exc)
        done = self.browse(done_ids)
        failures._resolve_failures(job, done)
        return done

    # -- only this role acts -------------------------------------------------------------
    def _liangze_check_role(self, groups, message, write=True):
        """The one check "only this role does this": refuse (AccessError, with
        ``message``) a user having none of ``groups`` (xml ids, see
        ``liangze_base.roles``); with ``write``, also one who may not write these
        records (the record rules say which). The product's own code (superuser) passes."""
        if self.env.su:
            return
        if not any(self.env.user.has_group(group) for group in groups):
            raise AccessError(message)
        if write:
            self.check_access("write")

    # -- official documents ---------------------------------------------------------------
    def _official_date(self, value):
        """A date as official documents write it: in Chinese 2026年11月23日 (GB/T 9704),
        whatever the date format of the language; a stored datetime gives the bureau's
        date. On every model: reports call it on whatever record they print."""
        if not value:
            return ""
        if isinstance(value, datetime):
            value = self._bureau_date(value)
        return self.env._("%(month)s/%(day)s/%(year)s", year=value.year, month=value.month, day=value.day)

    # -- opening a wizard -------------------------------------------------------------------
    def _liangze_wizard(self, res_model, name, context=None):
        """The one way to open a wizard: the window action opening a new ``res_model``
        in a dialog titled ``name``, its fields filled from ``context`` (``default_*``).
        Only for who reads the records it is opened from."""
        self.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": res_model,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": context or {},
        }

    # -- opening the records of a record ----------------------------------------------------
    def _liangze_list(self, res_model, name, domain, context=None):
        """The one way to open related records: the window action listing the ``res_model``
        records of ``domain`` (list, then form) titled ``name``, with ``context`` if given.
        Only for who reads the records it is opened from (a public method: any user may call it)."""
        self.check_access("read")
        action = {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": res_model,
            "view_mode": "list,form",
            "domain": domain,
        }
        if context is not None:
            action["context"] = context
        return action

    # -- the models of a mechanism ----------------------------------------------------------
    def _liangze_models_using(self, mixin):
        """The names of the concrete models that inherit ``mixin``, sorted: a mechanism
        finds its models in the registry (a new model joins by inheriting it)."""
        mixin_class = type(self.env[mixin])
        return [
            name
            for name in sorted(self.env.registry)
            if not self.env[name]._abstract and mixin_class in type(self.env[name]).__mro__
        ]
