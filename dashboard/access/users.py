"""Who acts, and whether they may approve and export: one rule for the pages and the HTTP API.

With login off (the loopback default) whoever reached the server acts as ``LOCAL_USER`` and may do
everything; with login on, approving and exporting need a name in the ``[access] approvers``
setting (``ORDERDESK_ACCESS_APPROVERS=alice,bob``). The name is what the audit log records.
"""

from __future__ import annotations

from dataclasses import dataclass

import panel as pn

from pipeline.config import AccessSettings
from pipeline.errors import OrderDeskError

LOCAL_USER = "desk"  # who acts without login, in the audit and on the review page


class AccessDeniedError(OrderDeskError):
    """A signed-in user asked for something their role does not allow."""


@dataclass(frozen=True)
class User:
    name: str
    signed_in: bool  # False: login is off and this is whoever reached the loopback address

    def may_approve(self, access: AccessSettings) -> bool:
        return not self.signed_in or self.name in access.approvers

    def require_approver(self, access: AccessSettings, action: str) -> None:
        """Raise ``AccessDeniedError`` unless this user may approve and export orders."""
        if not self.may_approve(access):
            raise AccessDeniedError(
                f"{self.name} may not {action} orders: only the users in the approvers setting "
                "(ORDERDESK_ACCESS_APPROVERS or [access] approvers) may"
            )


LOCAL = User(LOCAL_USER, signed_in=False)


def page_user() -> User:
    """The user of the current browser session (``pn.state.user`` once logged in)."""
    name = pn.state.user
    return User(name, signed_in=True) if name else LOCAL
