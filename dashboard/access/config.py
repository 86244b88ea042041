"""Who may use the dashboard, read once from the environment when the server starts.

Login is off unless configured; then every page asks for it and the HTTP API answers 401 without
credentials. Secrets come from the environment (or files it names), never from the settings file,
and are never logged: ``Access.describe()`` is what the server says about them.

- ``ORDERDESK_USERS_FILE``: a file of ``name:hash`` lines; ``ORDERDESK_USERS``: the same entries,
  comma-separated. Hashes come from ``python -m dashboard hash-password``; plain passwords are refused.
- ``ORDERDESK_OAUTH_PROVIDER`` (``github``, ``google``, ``azure``, ``generic``, … — Panel's
  providers) with ``ORDERDESK_OAUTH_KEY``, ``ORDERDESK_OAUTH_SECRET`` and optionally
  ``ORDERDESK_OAUTH_REDIRECT_URI``, ``ORDERDESK_OAUTH_EXTRA_PARAMS`` (JSON): log in elsewhere instead.
- ``ORDERDESK_COOKIE_SECRET``: signs the login cookie; required with either (``panel secret`` makes one).
- ``ORDERDESK_API_TOKENS``: ``name:token`` pairs, comma-separated, for scripts
  (``Authorization: Bearer <token>``); the name is who the audit log records.
- ``ORDERDESK_TRUSTED_PROXIES``: addresses or networks (``10.0.0.5, 192.168.1.0/24``) of reverse
  proxies whose ``X-Forwarded-For`` and ``X-Forwarded-Proto`` are believed
  (``dashboard.access.addresses``); from any other peer those headers are ignored.
"""

from __future__ import annotations

import ipaddress
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dashboard.access.addresses import Network, trusted_networks
from dashboard.access.passwords import is_hash
from dashboard.access.throttle import LoginThrottle, VerifiedCredentials
from pipeline.errors import ConfigError

MIN_SECRET_CHARS = 32


@dataclass(frozen=True)
class Access:
    """The server's login configuration. ``repr`` shows no secret (it may end up in a log)."""

    users: dict[str, str] = field(default_factory=dict, repr=False)  # name -> scrypt hash
    tokens: dict[str, str] = field(default_factory=dict, repr=False)  # name -> API token
    cookie_secret: str = field(default="", repr=False)
    oauth: dict[str, Any] = field(default_factory=dict, repr=False)  # pn.serve's oauth_* arguments
    # failed logins per address, shared by the login form and the API's credentials
    throttle: LoginThrottle = field(default_factory=LoginThrottle, repr=False, compare=False)
    verified: VerifiedCredentials = field(default_factory=VerifiedCredentials, repr=False, compare=False)
    trusted_proxies: tuple[Network, ...] = ()  # peers whose X-Forwarded-For names the client

    @property
    def login(self) -> bool:
        """Whether pages ask who you are (and the API wants credentials)."""
        return bool(self.users or self.oauth)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Access:
        env = os.environ if environ is None else environ
        users = _users(env)
        oauth = _oauth(env)
        if users and oauth:
            raise ConfigError(
                "configure one login: ORDERDESK_USERS(_FILE) or ORDERDESK_OAUTH_PROVIDER, not both"
            )
        tokens = _pairs(env.get("ORDERDESK_API_TOKENS", ""), "ORDERDESK_API_TOKENS", "name:token")
        secret = env.get("ORDERDESK_COOKIE_SECRET", "")
        if (users or oauth or tokens) and len(secret) < MIN_SECRET_CHARS:
            raise ConfigError(
                f"login needs ORDERDESK_COOKIE_SECRET of at least {MIN_SECRET_CHARS} characters "
                "(make one with: panel secret)"
            )
        if tokens and not (users or oauth):
            raise ConfigError(
                "ORDERDESK_API_TOKENS needs a login for the pages too: set ORDERDESK_USERS_FILE"
            )
        try:
            proxies = trusted_networks(env.get("ORDERDESK_TRUSTED_PROXIES", ""))
        except ValueError as error:
            raise ConfigError(f"ORDERDESK_TRUSTED_PROXIES: {error}; give addresses or networks") from None
        return cls(users=users, tokens=tokens, cookie_secret=secret, oauth=oauth, trusted_proxies=proxies)

    def describe(self) -> str:
        """One log line about the login, naming no secret."""
        if not self.login:
            return "login off (loopback only)"
        how = f"OAuth ({self.oauth['oauth_provider']})" if self.oauth else f"{len(self.users)} users"
        return f"login on: {how}, {len(self.tokens)} API tokens"

    def refuse_open_bind(self, address: str) -> None:
        """Serving beyond this machine without login is refused, with the variables to set."""
        if self.login or is_loopback(address):
            return
        raise ConfigError(
            f"refusing to serve on {address} without login: anyone who can reach it could approve orders. "
            "Set ORDERDESK_USERS_FILE (name:hash lines from `python -m dashboard hash-password`) or "
            "ORDERDESK_OAUTH_PROVIDER with ORDERDESK_OAUTH_KEY and ORDERDESK_OAUTH_SECRET, plus "
            "ORDERDESK_COOKIE_SECRET; or serve on 127.0.0.1"
        )


def is_loopback(address: str) -> bool:
    if address == "localhost":
        return True
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:  # a host name: it may resolve anywhere
        return False


def _users(env: dict[str, str] | os._Environ[str]) -> dict[str, str]:
    users: dict[str, str] = {}
    named = env.get("ORDERDESK_USERS_FILE", "")
    if named:
        try:
            lines = Path(named).read_text(encoding="utf-8").splitlines()
        except OSError as error:
            raise ConfigError(f"ORDERDESK_USERS_FILE: cannot read {named}: {error.strerror}") from error
        entries = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
        users |= _pairs(",".join(entries), named, "name:hash")
    users |= _pairs(env.get("ORDERDESK_USERS", ""), "ORDERDESK_USERS", "name:hash")
    for name, stored in users.items():
        if not is_hash(stored):  # never say what the value was: it may be a password
            raise ConfigError(
                f"the password of user {name!r} is not hashed; "
                "make the entry with: python -m dashboard hash-password"
            )
    return users


def _pairs(raw: str, where: str, shape: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for number, entry in enumerate(filter(None, (part.strip() for part in raw.split(","))), start=1):
        name, colon, value = entry.partition(":")
        if not colon or not name.strip() or not value.strip():
            raise ConfigError(f"{where}: entry {number} is not {shape}")
        pairs[name.strip()] = value.strip()
    return pairs


def _oauth(env: dict[str, str] | os._Environ[str]) -> dict[str, Any]:
    provider = env.get("ORDERDESK_OAUTH_PROVIDER", "")
    if not provider:
        return {}
    missing = [name for name in ("ORDERDESK_OAUTH_KEY", "ORDERDESK_OAUTH_SECRET") if not env.get(name)]
    if missing:
        raise ConfigError(f"ORDERDESK_OAUTH_PROVIDER={provider} also needs {' and '.join(missing)}")
    oauth: dict[str, Any] = {
        "oauth_provider": provider,
        "oauth_key": env["ORDERDESK_OAUTH_KEY"],
        "oauth_secret": env["ORDERDESK_OAUTH_SECRET"],
    }
    if env.get("ORDERDESK_OAUTH_REDIRECT_URI"):
        oauth["oauth_redirect_uri"] = env["ORDERDESK_OAUTH_REDIRECT_URI"]
    if env.get("ORDERDESK_OAUTH_EXTRA_PARAMS"):
        try:
            oauth["oauth_extra_params"] = json.loads(env["ORDERDESK_OAUTH_EXTRA_PARAMS"])
        except json.JSONDecodeError as error:
            raise ConfigError(f"ORDERDESK_OAUTH_EXTRA_PARAMS is not JSON: {error}") from error
    return oauth
