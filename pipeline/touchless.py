"""Touchless: the one definition behind every touchless rate (metrics page, ``orders report``, batch).

An order is touchless when the pipeline's own review approved it — its review status as the
pipeline left it is ``auto_approved`` — whatever a person did with it afterwards. Each order
counts once, as its latest processing left it; the rate is touchless orders over orders.
"""

from __future__ import annotations

TOUCHLESS_STATUS = "auto_approved"


def is_touchless(review_status: str) -> bool:
    """``review_status``: the pipeline's own verdict on the order, not a reviewer's later one."""
    return review_status == TOUCHLESS_STATUS


def touchless_rate(touchless: int, orders: int) -> float:
    return touchless / orders if orders else 0.0
