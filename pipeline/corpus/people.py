"""Who writes order emails: contacts, their titles and companies, and how they sign off.

Most orders come from customers the desk already has (the sample customers, matched by
email domain); the rest from companies it has never seen, which arrive as prospects.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass

from pipeline.customers.samples import SAMPLE_CUSTOMERS

FIRST = (
    "John", "Maria", "David", "Sarah", "Mike", "Jennifer", "Carlos", "Linda", "Raj", "Emily", "Tom",
    "Angela", "Kevin", "Priya", "Steve", "Nicole", "Hans", "Yuki", "Greg", "Olivia", "Luis", "Karen",
)  # fmt: skip
LAST = (
    "Smith", "Garcia", "Chen", "Johnson", "Patel", "Williams", "Kowalski", "Nguyen", "Brown", "Müller",
    "Rossi", "Anderson", "Martinez", "O'Brien", "Tanaka", "Schmidt", "Lee", "Wilson", "Fischer", "Clark",
)  # fmt: skip
COMPANY_STEMS = (
    "Acme", "Great Lakes", "Precision", "Summit", "Riverside", "Keystone", "Midwest", "Pacific",
    "Apex", "Liberty", "Titan", "Northern", "Eagle", "Delta", "Frontier", "Ironwood", "Blue Ridge",
    "Coastal", "Granite State", "Lone Star", "Cascade", "Heartland",
)  # fmt: skip
COMPANY_KINDS = (
    "Manufacturing", "Fabrication", "Machine Works", "Aerospace", "Industries", "Tool & Die",
    "Welding", "Marine", "Automation", "Engineering",
)  # fmt: skip
COMPANY_SUFFIXES = ("Inc.", "LLC", "Co.", "Corp.", "", "Ltd.")
TITLES = (
    "Purchasing Manager", "Buyer", "Senior Buyer", "Production Planner", "Maintenance Supervisor",
    "Shop Foreman", "Procurement Specialist", "Plant Manager", "Operations Manager", "",
)  # fmt: skip
KNOWN_CUSTOMER_SHARE = 0.75
SIGN_OFFS = ("Thanks,", "Thank you,", "Best regards,", "Regards,", "Sincerely,", "Thanks!")
PHONE_LABELS = ("Phone", "Tel", "Direct", "Cell", "Phone")


@dataclass(frozen=True)
class Person:
    name: str
    title: str
    company: str
    email: str
    phone: str
    phone_label: str

    def signature(self, rng: random.Random) -> str:
        """Sign-off, name, title, company, phone and (sometimes) email, one per line."""
        lines = [rng.choice(SIGN_OFFS), self.name, self.title, self.company]
        lines.append(f"{self.phone_label}: {self.phone}")
        if rng.random() < 0.5:
            lines.append(f"Email: {self.email}")
        return "\n".join(line for line in lines if line)


def _slug(text: str) -> str:
    """``Müller`` → ``muller``: addresses are ASCII even when names are not."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "", ascii_text.lower())


def _phone(rng: random.Random) -> str:
    area, line = rng.randint(201, 989), rng.randint(0, 9999)
    exchange = 555
    return rng.choice(
        [f"({area}) {exchange}-{line:04d}", f"{area}-{exchange}-{line:04d}", f"{area}.{exchange}.{line:04d}"]
    )


def _company(rng: random.Random) -> tuple[str, str]:
    """An existing customer's name and email domain, or a new company's."""
    if rng.random() < KNOWN_CUSTOMER_SHARE:
        _, name, domains, *_ = rng.choice(SAMPLE_CUSTOMERS)
        return name, rng.choice(domains)
    stem, kind = rng.choice(COMPANY_STEMS), rng.choice(COMPANY_KINDS)
    name = " ".join(part for part in (stem, kind, rng.choice(COMPANY_SUFFIXES)) if part)
    return name, f"{_slug(stem)}-{_slug(kind)}.com"


def person(rng: random.Random) -> Person:
    """A buyer at a metal-working company, with a matching email domain."""
    first, last = rng.choice(FIRST), rng.choice(LAST)
    company, domain = _company(rng)
    email = (
        f"{_slug(first[0] + last)}@{domain}"
        if rng.random() < 0.5
        else f"{_slug(first)}.{_slug(last)}@{domain}"
    )
    return Person(
        name=f"{first} {last}",
        title=rng.choice(TITLES),
        company=company,
        email=email,
        phone=_phone(rng),
        phone_label=rng.choice(PHONE_LABELS),
    )
