"""The customer's recent orders beside the open order, from a real ledger: listed, linked, escaped."""

from __future__ import annotations

from dashboard.components.customer_orders import CustomerOrders
from dashboard.review_store import ReviewStore
from pipeline.orders.history import recent_orders
from tests.conftest import SAMPLES, Desk

RUSH = (SAMPLES / "urgent_rush_order.txt").read_text()


def rush_from(company: str, domain: str, po: str) -> str:
    """The rush sample as another customer (a new prospect, named by its company) wrote it."""
    text = RUSH.replace("industrialrepair.com", domain).replace("Industrial Repair Solutions", company)
    return text.replace("ER-2024-0209", po)


def test_recent_orders_are_the_customers_others_newest_first(desk: Desk) -> None:
    first = desk.process("a.txt", rush_from("Bolt Works", "boltworks.example", "ER-2024-0301"))
    second = desk.process("b.txt", rush_from("Bolt Works", "boltworks.example", "ER-2024-0302"))
    third = desk.process("c.txt", rush_from("Bolt Works", "boltworks.example", "ER-2024-0303"))
    desk.process("other.txt", rush_from("Nut Works", "nutworks.example", "NW-2024-0909"))
    customer_id = desk.service.get(third).order.account.customer_id

    history = recent_orders(desk.ledger, customer_id, exclude=third)
    assert [order.order_id for order in history.orders] == [second, first]
    assert [order.po_number for order in history.orders] == ["ER-2024-0302", "ER-2024-0301"]
    assert history.total_count == 2
    stored = desk.service.get(second)
    assert history.orders[0].line_count == len(stored.order.lines)
    assert history.orders[0].total == stored.order.totals.total
    limited = recent_orders(desk.ledger, customer_id, limit=1)
    assert [order.order_id for order in limited.orders] == [third] and limited.total_count == 3


def test_the_panel_lists_them_as_links_escaped_and_says_so_when_there_are_none(desk: Desk) -> None:
    company = "Bolt &amp; <b>Nut</b> Works"
    first = desk.process("a.txt", rush_from(company, "boltnut.example", "ER-2024-0301"))
    second = desk.process("b.txt", rush_from(company, "boltnut.example", "ER-2024-0302"))
    alone = desk.process("c.txt", rush_from("Lone Shop", "lone.example", "LS-2024-0101"))
    store = ReviewStore(orders=desk.service, order_id=second)
    shown = CustomerOrders(store=store).pane

    html = shown.object
    assert f'<a href="/review?order={first}">{first}</a>' in html
    assert f'data-order="{second}"' not in html  # the open order is not its own history
    assert "<td>ER-2024-0301</td>" in html and "needs review" in html
    assert "Bolt &amp;amp; &lt;b&gt;Nut&lt;/b&gt; Works" in html and "<b>" not in html

    store.order_id = alone
    assert "No other orders from this customer" in shown.object
    store.order_id = None
    assert not shown.visible
