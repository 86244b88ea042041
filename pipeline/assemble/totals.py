"""Order totals: merchandise, the customer's discount, a small-order charge, tax."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.config import PricingSettings
from pipeline.models import CustomerAccount, OrderLine, Totals


def order_totals(
    lines: Sequence[OrderLine], account: CustomerAccount | None, pricing: PricingSettings
) -> Totals:
    subtotal = round(sum(line.extended_price or 0.0 for line in lines), 2)
    discount_pct = account.discount_pct if account else 0.0
    discount = round(subtotal * discount_pct / 100, 2)
    charge = pricing.small_order_charge if 0 < subtotal < pricing.minimum_order_value else 0.0
    taxable = subtotal - discount + charge
    tax = round(taxable * pricing.tax_rate, 2)
    return Totals(
        subtotal=subtotal,
        discount_pct=discount_pct,
        discount=discount,
        small_order_charge=charge,
        tax_rate=pricing.tax_rate,
        tax=tax,
        total=round(taxable + tax, 2),
        currency=pricing.currency,
    )
