"""Login, API credentials and roles for the dashboard server (see ``dashboard.access.config``)."""

from dashboard.access.config import Access
from dashboard.access.login import serve_options
from dashboard.access.passwords import hash_password, verify_password
from dashboard.access.requests import cross_site, foreign_host, request_user
from dashboard.access.throttle import LoginThrottle, TooManyLogins
from dashboard.access.users import LOCAL, AccessDeniedError, User, page_user

__all__ = [
    "LOCAL",
    "Access",
    "AccessDeniedError",
    "LoginThrottle",
    "TooManyLogins",
    "User",
    "cross_site",
    "foreign_host",
    "hash_password",
    "page_user",
    "request_user",
    "serve_options",
    "verify_password",
]
