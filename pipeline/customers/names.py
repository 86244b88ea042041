"""Who sent an order: email domains and company names cleaned for comparison.

A desk recognises "ACME Mfg." and "Acme Manufacturing Co" as one customer; so does
``company_key``. Free-mail domains say nothing about the company, so they never identify one.
"""

from __future__ import annotations

import re
from email.utils import getaddresses

FREE_MAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "hotmail.com",
        "outlook.com",
        "live.com",
        "aol.com",
        "icloud.com",
        "me.com",
        "proton.me",
        "protonmail.com",
        "gmx.com",
        "gmx.de",
        "web.de",
    }
)
_LEGAL_WORDS = frozenset(
    {"inc", "incorporated", "co", "company", "corp", "corporation", "llc", "ltd", "limited", "gmbh"}
    | {"ag", "sa", "plc", "the", "and", "of"}
)
_ABBREVIATIONS = {
    "mfg": "manufacturing",
    "intl": "international",
    "mfrs": "manufacturers",
    "svcs": "services",
}


def email_domains(*addresses: str | None) -> list[str]:
    """Company domains of the given addresses, in order, without duplicates or free-mail domains."""
    domains: list[str] = []
    for _, address in getaddresses([address for address in addresses if address]):
        domain = address.rpartition("@")[2].strip().lower().rstrip(".")
        if "@" in address and domain and domain not in FREE_MAIL_DOMAINS and domain not in domains:
            domains.append(domain)
    return domains


def parent_domains(domain: str) -> list[str]:
    """``mail.acme.com`` → ``["mail.acme.com", "acme.com"]``: a subdomain belongs to its company."""
    parts = domain.split(".")
    return [".".join(parts[index:]) for index in range(len(parts) - 1)]


def company_key(name: str | None) -> str:
    """Lower-case words without punctuation, legal forms or common abbreviations."""
    words = re.findall(r"[a-z0-9]+", (name or "").lower())
    return " ".join(_ABBREVIATIONS.get(word, word) for word in words if word not in _LEGAL_WORDS)
