"""Who is calling the HTTP API: a bearer token, HTTP Basic credentials, or the page's login cookie.

Panel's login protects the pages only; ``dashboard.api`` asks ``request_user`` on every request
and answers 401 when login is on and nobody is named. Tokens are never read from the URL: URLs
end up in access logs.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
from collections.abc import Sequence
from urllib.parse import urlsplit

from panel.config import config as panel_config
from tornado.web import RequestHandler

from dashboard.access.addresses import client_address
from dashboard.access.config import Access
from dashboard.access.passwords import check_login, same_secret
from dashboard.access.users import LOCAL, User


def request_user(handler: RequestHandler, access: Access) -> User | None:
    """The user behind this request (``LOCAL`` when login is off), None when not authenticated.

    Raises ``TooManyLogins`` when the request's address has sent too many wrong credentials lately
    (``dashboard.access.throttle``); then even right ones are not checked until the wait is over.
    """
    if not access.login:
        return LOCAL
    name = _named_user(handler, access)
    return User(name, signed_in=True) if name else None


def _named_user(handler: RequestHandler, access: Access) -> str | None:
    scheme, _, credentials = (handler.request.headers.get("Authorization") or "").partition(" ")
    if scheme.lower() in ("bearer", "basic"):
        address = client_address(handler.request, access.trusted_proxies)
        basic = scheme.lower() == "basic"
        tried = _basic_parts(credentials.strip())[0] if basic else ""
        access.throttle.check(address, tried)
        name = (basic_user if basic else token_user)(credentials.strip(), access)
        access.throttle.record(address, name is not None, tried)
        return name
    cookie = handler.get_secure_cookie("user", max_age_days=panel_config.oauth_expiry)
    return cookie.decode("utf-8") if cookie else None


def cross_site(handler: RequestHandler) -> bool:
    """A browser's request that changes something, sent from another site's page.

    The login cookie goes with any request the browser makes to this server, even one a foreign
    page triggers (a form posting to ``/api/orders/<id>/approve``); with login off, the server
    trusts whoever reaches it on loopback, which includes a foreign page in the user's browser
    (``fetch(..., {mode: "no-cors"})``). Browsers say where such a request comes from in
    ``Origin``. Requests with their own credentials (a token, Basic) are not at risk: another
    site cannot add them.
    """
    if handler.request.method in ("GET", "HEAD", "OPTIONS") or "Authorization" in handler.request.headers:
        return False
    origin = handler.request.headers.get("Origin")
    return origin is not None and urlsplit(origin).netloc != handler.request.host


def foreign_host(handler: RequestHandler, hosts: Sequence[str]) -> bool:
    """A request for a host name this server does not serve: a DNS-rebinding page's, whose own
    name now points here, so its requests are "same origin" to the browser.

    Served are IP addresses, ``localhost``, and the ``host[:port]`` names in ``hosts`` (the
    server's websocket origins, ``--allow-websocket-origin``).
    """
    host = handler.request.host
    name = urlsplit(f"//{host}").hostname or ""
    if name == "localhost" or host in hosts or name in hosts:
        return False
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return True
    return False


def token_user(token: str, access: Access) -> str | None:
    """The name of the API token ``token``; every token is compared, so timing tells nothing."""
    found = None
    for name, expected in access.tokens.items():
        if same_secret(token, expected):
            found = name
    return found


def basic_user(credentials: str, access: Access) -> str | None:
    """``Authorization: Basic`` against the users file (OAuth users log in on the page instead);
    credentials verified lately are taken without hashing the password again."""
    remembered = access.verified.name(credentials)
    if remembered is not None:
        return remembered
    name, password = _basic_parts(credentials)
    if password is None or not check_login(access.users, name, password):
        return None
    access.verified.remember(credentials, name)
    return name


def _basic_parts(credentials: str) -> tuple[str, str | None]:
    """(name, password) of Basic credentials; the password is None when they cannot be read."""
    try:
        name, colon, password = base64.b64decode(credentials, validate=True).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return "", None
    return name, password if colon else None
