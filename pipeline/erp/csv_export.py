"""CSV of an ERP order, for ERPs that import files: one row per line, the header repeated on each."""

from __future__ import annotations

import csv
import io
from typing import Any

COLUMNS = (
    "order_id",
    "po_number",
    "customer_id",
    "customer_name",
    "terms",
    "requested_date",
    "line_no",
    "part_number",
    "description",
    "quantity",
    "uom",
    "unit_price",
    "extended_price",
    "ship_now",
    "backorder",
    "lead_time_days",
    "discount_pct",
    "currency",
    "substitution",
)


def order_csv(payload: dict[str, Any]) -> str:
    """The CSV text of a canonical ERP order (``pipeline.erp.payload.erp_order``)."""
    header = {
        "order_id": payload["order_id"],
        "po_number": payload["po_number"] or "",
        "customer_id": payload["customer"]["customer_id"],
        "customer_name": payload["customer"]["name"],
        "terms": payload["customer"]["terms"],
        "requested_date": payload["requested_date"] or "",
        "discount_pct": payload["totals"]["discount_pct"],
        "currency": payload["totals"]["currency"],
    }
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for line in payload["lines"]:
        row = header | line
        row["lead_time_days"] = "" if line["lead_time_days"] is None else line["lead_time_days"]
        row["substitution"] = line.get("substitution") or ""
        writer.writerow(row)
    return out.getvalue()
