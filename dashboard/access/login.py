"""The login form: Panel's basic-auth provider, checking scrypt hashes instead of plain passwords.

``serve_options(access)`` is what ``dashboard.server`` hands ``pn.serve``: our provider for a users
file, Panel's own OAuth provider for ``ORDERDESK_OAUTH_*``, and the cookie secret either way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import tornado.escape
from panel.auth import BasicAuthProvider, BasicLoginHandler
from tornado.web import HTTPError, RequestHandler

from dashboard.access.addresses import Network, client_address, client_protocol
from dashboard.access.config import Access
from dashboard.access.passwords import check_login
from dashboard.access.throttle import LoginThrottle, TooManyLogins

log = logging.getLogger(__name__)
# The login and logout page: Panel's load their logo and icon from a CDN (a console error, and a
# broken image, on a desk without internet access); this one uses only what the server has.
LOGIN_PAGE = Path(__file__).with_name("templates") / "login.html"


class HashedLoginHandler(BasicLoginHandler):
    """Panel's login form and cookie; the password is checked against the user's hash, and an
    address that failed too often lately is refused before any check (``dashboard.access.throttle``)."""

    users: ClassVar[dict[str, str]] = {}
    throttle: ClassVar[LoginThrottle] = LoginThrottle()
    proxies: ClassVar[tuple[Network, ...]] = ()

    @property
    def address(self) -> str:
        return client_address(self.request, self.proxies)

    def post(self) -> None:
        try:
            self.throttle.check(self.address, self.get_argument("username", ""))
        except TooManyLogins as error:
            log.warning("refused a login from %s: %s", self.address, error)
            message = str(error).capitalize()
            self.redirect(self.request.uri + "?error=" + tornado.escape.url_escape(message))
            return
        super().post()

    def set_cookie(self, name: str, value: str | bytes, *args: Any, **kwargs: Any) -> None:
        """The login's cookies stay home (``SameSite=Lax``: not sent with another site's requests)
        and, when served over TLS, off plain HTTP (``Secure``)."""
        kwargs.setdefault("samesite", "Lax")
        kwargs.setdefault("secure", client_protocol(self.request, self.proxies) == "https")
        super().set_cookie(name, value, *args, **kwargs)

    def _validate(self, username: str, password: str) -> bool:
        valid = check_login(self.users, username, password)
        self.throttle.record(self.address, valid, username)
        if not valid:
            # not the name typed: people type their password into it by mistake
            log.warning("refused a login from %s", self.address)
        return valid


class HashedAuthProvider(BasicAuthProvider):
    """``BasicAuthProvider`` whose login handler is ``HashedLoginHandler`` with these users."""

    def __init__(
        self,
        users: dict[str, str],
        throttle: LoginThrottle,
        proxies: tuple[Network, ...] = (),
        **kwargs: Any,
    ) -> None:
        self._users = dict(users)  # before super(): Bokeh's validation reads login_handler
        self._throttle = throttle
        self._proxies = proxies
        super().__init__(login_template=str(LOGIN_PAGE), logout_template=str(LOGIN_PAGE), **kwargs)

    @property
    def get_user(self) -> Callable[[RequestHandler], str | None]:
        """Panel's check of the login cookie; ``autoload.js`` asked for without it is a 401.

        A page without login is sent to the form. So was the script, but Panel's handler goes on
        after that redirect (it awaits the session Bokeh's check did not make) and logs a
        traceback for every such request; this hook is asked first, and its 401 ends the request.
        """
        cookie_user = super().get_user

        def get_user(handler: RequestHandler) -> str | None:
            user = cookie_user(handler)
            if not user and handler.request.path.endswith("/autoload.js"):
                raise HTTPError(401, reason="log in first: the dashboard's script needs a signed-in user")
            return user

        return get_user

    @property
    def login_handler(self) -> type[HashedLoginHandler]:
        # a class of this provider's own: Panel's sets its settings on the shared BasicLoginHandler
        return type(
            "OrderDeskLoginHandler",
            (HashedLoginHandler,),
            {
                "users": self._users,
                "throttle": self._throttle,
                "proxies": self._proxies,
                "_login_endpoint": self._login_endpoint,
                "_login_template": self._login_template,
            },
        )


def serve_options(access: Access) -> dict[str, Any]:
    """``pn.serve`` keyword arguments for this login (none when login is off)."""
    if not access.login:
        return {}
    options: dict[str, Any] = {"cookie_secret": access.cookie_secret}
    if access.oauth:
        return options | access.oauth
    provider = HashedAuthProvider(access.users, access.throttle, access.trusted_proxies)
    return options | {"auth_provider": provider}
