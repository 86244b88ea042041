"""``GET /api/mailbox``: each mailbox's state as the Mailbox page shows it (``dashboard.mailbox_status``):
``configured``, ``problem``, ``mailboxes`` (state, connected, waiting, last message, counts,
errors) and the newest messages set aside for a person (``needs_person``)."""

from __future__ import annotations

from dashboard import mailbox
from dashboard.api.base import ApiHandler
from dashboard.mailbox_status import mailbox_status


class MailboxHandler(ApiHandler):
    def get(self) -> None:
        status = mailbox_status(mailbox.watching(), self.service.runner.ledger)
        self.reply(200, status.to_dict())


ROUTES = [(r"/api/mailbox", MailboxHandler, {})]
