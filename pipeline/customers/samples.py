"""The customers the desk already sells to: the senders of ``data/samples``, seeded into every ledger.

Frozen once released (a ledger migration inserts them); later changes to a customer go through
``CustomerDirectory``, never by editing this table. ``eurotech-systems.de`` and the unsigned
``test_minimal.txt`` are deliberately absent: they arrive as new prospects.
"""

from __future__ import annotations

from typing import Any

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


def _literal(value: Any) -> str:
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return repr(value)


def sample_customers_sql() -> str:
    """The migration that seeds the table (plain SQL: migrations are scripts)."""
    statements = []
    for customer_id, name, domains, terms, limit, balance, discount in SAMPLE_CUSTOMERS:
        values = [customer_id, name, terms, float(limit), float(balance), discount, "active"]
        values += [SEEDED_AT, "seed"]
        statements.append(
            "INSERT INTO customers (customer_id, name, terms, credit_limit, open_balance, discount_pct,"
            " status, created_at, created_by) VALUES (" + ", ".join(_literal(value) for value in values) + ")"
        )
        statements += [
            f"INSERT INTO customer_domains VALUES ({_literal(domain)}, {_literal(customer_id)})"
            for domain in domains
        ]
    return ";\n".join(statements) + ";"
