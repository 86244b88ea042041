"""Whether a document orders or asks for a quote.

A request for quote asks for prices ("please quote", "RFQ", "best offer", "price and availability",
"richiesta offerta", "Angebot", "cotización") and commits to nothing; an order places one (a PO
number, "please enter / process / ship", "we'd like to order"). A document that does both — "as
per your quote, please enter our PO 4471" — is an order; one that does neither is an order too,
since that is what the desk handles by default. Patterns are lower-case, matched on ``fold()``-ed text.
"""

from __future__ import annotations

import re

from pipeline.models import OrderKind

_ASKS_FOR_QUOTE = re.compile(
    r"\b(?:(?:please|pls|kindly|can\s+you|could\s+you|would\s+you)\s+(?:\w+\s+)?quot(?:e|ation)"
    r"|quote\s+(?:us|me|the\s+following|on|for)\b|(?:get|need|send|provide|request(?:ing)?)\s+(?:us\s+)?"
    r"(?:a\s+|your\s+)?(?:quot(?:e|ation)|pricing|price(?:s)?|offer)\b|rfq\b|r\.f\.q\.|request\s+for\s+quot"
    r"|quotation\s+(?:for|request)|price\s+(?:and|&)\s+availability|p\s?&\s?a\b|best\s+(?:offer|price)"
    r"|richiesta\s+(?:di\s+)?offerta|vostra\s+(?:migliore\s+)?offerta|angebot|anfrage|cotizaci[oó]n|cotizar"
    r"|demande\s+de\s+prix|devis)"
)
_PLACES_ORDER = re.compile(
    r"\b(?:please\s+(?:enter|process|ship|book|place|release|confirm\s+receipt)"
    r"|(?:we(?:'d|\s+would)?\s+)?(?:like|want|wish)\s+to\s+(?:order|purchase|place)"
    r"|(?:our|attached|enclosed|the)\s+(?:purchase\s+order|p\.?o\.?)\b|order\s+the\s+following)"
)


def document_kind(folded: str, has_po: bool) -> OrderKind:
    """ "quote" when ``folded`` (lower-cased text) asks for prices and neither a PO (``has_po``) nor
    an order phrase commits to buying; else "order"."""
    asks = _ASKS_FOR_QUOTE.search(folded) is not None
    return "quote" if asks and not (has_po or _PLACES_ORDER.search(folded)) else "order"
