"""Emails for the review's safety tests (issue 15): a prospect's order, a request for quote, spec notes,
pieces cut from 40 ft sticks. Each is unique per call (a tag), so a shared ledger never dedups them."""

from __future__ import annotations

import uuid

# From a domain no customer has: the order is for a prospect on PREPAY.
PROSPECT_ORDER = """From: Pat Lee <pat@quarry-lane-works.com>
Subject: PO 7781 steel [ref {tag}]

Please enter our PO 7781 for the following:

1. 10 pcs A500 square tube 2" x 2" x .120" wall x 20 ft
2. 6 pcs 304 stainless sheet 0.125" x 48" x 96"

Thanks,
Pat Lee
Quarry Lane Works
"""

# A known customer asks for prices: a request for quote, kept as one.
QUOTE_REQUEST = """From: John Smith <buyer@acme-manufacturing.com>
Subject: RFQ 2291 tube [ref {tag}]

Hello, please quote the following under RFQ 2291:

1. 10 pcs A500 square tube 2" x 2" x .120" wall x 20 ft

Regards,
John Smith
ACME Manufacturing Co.
"""

# Pieces of 25 ft: a 40 ft stick yields one, so 16 pieces pull 16 sticks (640 ft) for 400 ft asked.
# "Galvanized not required" is said on its own line, of every item.
STICKS_AND_NOTES = """From: John Smith <buyer@acme-manufacturing.com>
Subject: PO 4410 tube [ref {tag}]

Please enter our PO 4410:

1. 16 pcs A500 square tube 2" x 2" x .120" wall x 25 ft long
2. 10 pcs A500 square tube 2" x 2" x .120" wall x 20 ft

Galvanized not required. Mill certs required.

John Smith
ACME Manufacturing Co.
"""


def email(template: str, tag: str | None = None) -> str:
    return template.format(tag=tag or uuid.uuid4().hex[:10])
