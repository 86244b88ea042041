"""The desk's words for the pipeline's codes: review reasons, line flags, product forms and units.

Codes (``ambiguous_grade``, ``bar_rectangular``, ``FT``) are stable, for counting and for scripts;
people read these words instead. The review page, the HTTP API (a ``words`` field beside each code)
and the notebooks all take them from here, so a desk reads one vocabulary everywhere.
``tests/test_words.py`` walks every code the pipeline can emit and checks it has words here.
"""

from __future__ import annotations

# Why a line or an order stops for a person: the quality gates' codes (``pipeline.review``) and
# the extraction flags that can block a line (``pipeline.config.DEFAULT_BLOCKING_FLAGS``, or any
# flag a desk's settings name), then the flags that only inform.
REASONS: dict[str, str] = {
    # the gates: lines
    "no_match": "no part found for it",
    "low_confidence": "the part found may not be what was asked",
    "not_priced": "no price: quantity or length missing",
    "partial": "only part of it in stock",
    "backorder": "out of stock, on backorder",
    "in_stock": "in stock",
    # the gates: the order
    "unknown_customer": "customer not identified",
    "new_customer": "new customer, not yet approved",
    "customer_on_hold": "customer on hold",
    "customer_not_approved": "customer not approved",
    "credit_limit": "over the customer's credit limit",
    "discount_approval": "discount needs a manager's approval",
    "order_value": "order value needs a manager's approval",
    "no_lines": "no order lines found in the email",
    "quote_requested": "request for quote, not an order",
    "unread_item": "something in the email may be an item not read as a line",
    # extraction flags that block a line by default
    "missing_quantity": "no quantity given",
    "missing_grade": "no grade given",
    "missing_form": "no product form given (bar, tube, sheet…)",
    "missing_dimensions": "no size given",
    "not_catalog_product": "not a product we stock (service or hardware)",
    "ambiguous_grade": "grade unclear: more than one named",
    "quantity_range": "quantity given as a range",
    "approximate_quantity": "quantity only approximate",
    "implausible_quantity": "quantity unreadable: enter it from the email",
    "implausible_size": "size unreadable: enter it from the email",
    "size_in_thousandths": 'wall or thickness read as thousandths of an inch ("65 wall" as .065)',
    "thread_change_unread": "a change in the email thread is not applied",
    "unit_not_sold": "quantity in a unit we don't sell by (kg, metres…)",
    "quantity_per_assembly": "quantity given per assembly, multiplied by the assemblies the email names",
    "items_merged": "read from lines that may be separate items: check and split",
    # extraction flags that inform
    "alternates_offered": "the customer offers alternatives",
    "equivalent_accepted": "the customer accepts an equivalent",
    "form_inferred": "form read from the sizes, not written",
    "grade_not_in_catalog": "a grade we don't stock",
    "grade_other_standard": "grade written in another standard",
    "grade_from_context": "grade taken from elsewhere in the email",
    "item_from_row_above": "item or grade taken from the row above (a blank cell of a pasted sheet)",
    "revised_in_thread": "changed earlier in the thread",
    "lines_combined": "the same part and length on several lines: their counts added",
    "shared_size": "one size given for several grades",
    "heavier_ok": "heavier is acceptable",
    "multiple_ship_to": "more than one ship-to address",
    "unreadable_attachment": "an attachment could not be read",
    "finish_refused": "a finish the customer said no to",
}

# Product forms as a desk names them (``pipeline.catalog.schema.FORMS``).
FORMS: dict[str, str] = {
    "sheet": "sheet",
    "plate": "plate",
    "bar_round": "round bar",
    "bar_square": "square bar",
    "bar_rectangular": "flat bar",
    "bar_hex": "hex bar",
    "tube_round": "round tube",
    "tube_square": "square tube",
    "tube_rectangular": "rectangular tube",
    "angle": "angle",
    "channel": "channel",
    "beam_i": "I-beam",
    "wire": "wire",
    "foil": "foil",
}

# Units of a quantity: what the catalog sells by, and what a customer may write.
UNITS: dict[str, str] = {
    "EA": "pieces",
    "FT": "feet",
    "LB": "pounds",
    "KG": "kilograms",
    "M": "metres",
    "MM": "millimetres",
    "IN": "inches",
}

# Kinds of document (``pipeline.models.OrderKind``).
KINDS: dict[str, str] = {"order": "order", "quote": "request for quote"}


def _plain(code: str) -> str:
    return code.replace("_", " ")


def reason_words(code: str) -> str:
    """What a review reason or a flag means, in a desk's words (an unknown code, spelled out)."""
    return REASONS.get(code, _plain(code))


def form_words(form: str | None) -> str:
    """``bar_rectangular`` → ``flat bar``; an empty string for no form."""
    return FORMS.get(form, _plain(form)) if form else ""


def unit_words(uom: str | None) -> str:
    """``FT`` → ``feet``."""
    return UNITS.get(uom.upper(), uom.lower()) if uom else ""


def kind_words(kind: str | None) -> str:
    return KINDS.get(kind or "order", _plain(kind or "order"))
