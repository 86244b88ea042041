"""Assemble: price each matched line (per piece or per foot, minimum order, stock) and total the order.

``order.py`` composes the pieces: ``terms.py`` (minimum order, lead time from the catalog),
``pricing.py`` (quantity sold and money), ``stock.py`` (ship now / partial / backorder),
``totals.py`` (discount, small-order charge, tax).
"""

from pipeline.assemble.order import assemble, assemble_line, order_id_for, priced
from pipeline.assemble.terms import PartTerms, load_terms
from pipeline.assemble.totals import order_totals

__all__ = [
    "PartTerms",
    "assemble",
    "assemble_line",
    "load_terms",
    "order_id_for",
    "order_totals",
    "priced",
]
