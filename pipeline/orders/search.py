"""Finding orders by what a desk remembers of them: the customer, the PO, a part or the words.

Every typed word must appear (case-insensitive) in one of: the order id, the customer's id, name,
company or email, the PO (or RFQ) number, or a line's part number or the customer's words for it.
Typed text is a bound parameter, never SQL; ``%`` and ``_`` are characters, not wildcards.
"""

from __future__ import annotations

from pipeline.ledger import Ledger

MAX_WORDS = 8
# One text per order holding everything a search looks in, lower-cased (SQLite here may predate
# concat_ws, so fields are joined by hand).
_HAYSTACK = """lower(
    coalesce(o.order_id, '')
    || ' ' || coalesce(o.customer_id, '')
    || ' ' || coalesce(c.name, '')
    || ' ' || coalesce(json_extract(o.data_json, '$.header.po_number'), '')
    || ' ' || coalesce(json_extract(o.data_json, '$.header.rfq_number'), '')
    || ' ' || coalesce(json_extract(o.data_json, '$.header.customer.company'), '')
    || ' ' || coalesce(json_extract(o.data_json, '$.header.customer.email'), '')
    || ' ' || coalesce(json_extract(o.data_json, '$.header.customer.contact'), '')
    || ' ' || coalesce((SELECT group_concat(coalesce(l.part_number, '') || ' ' || l.source_text, ' ')
               FROM order_lines l WHERE l.order_id = o.order_id), '')
)"""


def matching_orders(ledger: Ledger, text: str) -> set[str]:
    """The ids of the orders every word of ``text`` is found in (all orders for no words)."""
    words = text.lower().split()[:MAX_WORDS]
    where = " AND ".join(["instr(haystack, ?) > 0"] * len(words)) if words else "TRUE"
    sql = (
        f"SELECT order_id FROM (SELECT o.order_id, {_HAYSTACK} AS haystack"
        " FROM orders o LEFT JOIN customers c USING (customer_id)"
        f" WHERE json_valid(o.data_json)) WHERE {where}"
    )
    return {row[0] for row in ledger.connection().execute(sql, words).fetchall()}
