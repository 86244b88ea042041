"""The customers of the sample emails (the senders of ``data/samples``): demo data, loaded on request.

A new ledger holds no customers; ``load_sample_customers`` (``python -m pipeline customers
load-samples``, which ``make serve`` runs) adds these. Later changes to a customer go through
``CustomerDirectory``, and loading again leaves an existing customer as it is.
``eurotech-systems.de`` and the unsigned ``test_minimal.txt`` are deliberately absent: they arrive
as new prospects.
"""

from __future__ import annotations

from pipeline.ledger import Ledger

# id, name, email domains, terms, credit limit, open balance, discount %
SAMPLE_CUSTOMERS: tuple[tuple[str, str, tuple[str, ...], str, float, float, float], ...] = (
    ("C-1001", "ACME Manufacturing Co.", ("acme-manufacturing.com",), "NET30", 100_000, 18_500, 3.0),
    ("C-1002", "TechParts Industries", ("techparts.com",), "NET30", 25_000, 4_200, 0.0),
    ("C-1003", "SkyTech Aerospace", ("skytech-aerospace.com",), "NET45", 250_000, 61_000, 5.0),
    ("C-1004", "Global Fabrication Inc", ("globalfab.com",), "NET30", 50_000, 12_750, 2.0),
    ("C-1005", "Manufacturing Solutions Inc.", ("manufacturing.com",), "NET30", 75_000, 0, 0.0),
    ("C-1006", "Tech Manufacturing LLC", ("techmanufacturing.com",), "NET60", 120_000, 35_000, 4.0),
    ("C-1007", "Canadian Manufacturing Ltd", ("canadianmfg.ca",), "NET30", 40_000, 9_800, 0.0),
    ("C-1008", "Riverside Power Plant", ("powerplant.com",), "NET30", 60_000, 0, 0.0),
    ("C-1009", "Industrial Repair Services", ("industrialrepair.com",), "COD", 10_000, 2_300, 0.0),
    ("C-1010", "Northside Steel Fabricators", ("northsidefab.com",), "2%10 NET30", 30_000, 29_500, 12.0),
)

SEEDED_AT = "2024-01-01T00:00:00+00:00"
_INSERT = (
    "INSERT OR IGNORE INTO customers (customer_id, name, terms, credit_limit, open_balance, discount_pct,"
    " status, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, 'active', ?, 'seed')"
)


def load_sample_customers(ledger: Ledger) -> int:
    """Add the sample customers ``ledger`` lacks (by id), in one transaction; how many were added."""
    added = 0
    with ledger.transaction() as connection:
        for customer_id, name, domains, terms, limit, balance, discount in SAMPLE_CUSTOMERS:
            values = (customer_id, name, terms, float(limit), float(balance), discount, SEEDED_AT)
            if connection.execute(_INSERT, values).rowcount == 0:
                continue
            added += 1
            connection.executemany(
                "INSERT OR IGNORE INTO customer_domains VALUES (?, ?)",
                [(domain, customer_id) for domain in domains],
            )
    return added
