"""One review session's acknowledgement (or quotation, for a request for quote): the email that
will answer the open order's customer.

Read and written through the same ``Acknowledger`` as ``inbox acknowledge`` and the mailbox
watcher (preview, edit, hold, release, send: one claim, so it goes once however many pages,
watchers or scripts press). It follows the review store's open order: a new order is previewed;
the open order turning approved (a request for quote: quoted) while shown sends its answer
(unless held). The ledger
and SMTP work runs in a thread, never on the session's event loop; what it found is applied back
on the loop, the newest action winning.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import panel as pn
import param

from dashboard.review_store import ReviewStore
from dashboard.session import session_scheduler
from pipeline.acknowledge.compose import answer_kind
from pipeline.acknowledge.sender import Acknowledgement, Acknowledger
from pipeline.errors import OrderDeskError
from pipeline.orders.store import StoredOrder


@dataclass(frozen=True)
class Outcome:
    """What an action found: the acknowledgement as it stands, and what to tell the desk."""

    order_id: str | None
    record: Acknowledgement | None = None
    text: str = ""
    message: str = ""
    kind: str = "info"
    changed_order: bool = False  # the action wrote the order's audit trail (a new version)


class AcknowledgementStore(param.Parameterized):
    """The open order's acknowledgement; ``shown`` only for an order that came by email."""

    review = param.ClassSelector(class_=ReviewStore, constant=True, doc="The session's review state.")
    acknowledger = param.ClassSelector(
        class_=Acknowledger, default=None, allow_None=True, constant=True, doc="None: no SMTP server."
    )
    shown = param.Boolean(default=False, doc="The open order came by email and answers are set up.")
    order_id = param.String(default=None, allow_None=True, doc="The order the acknowledgement answers.")
    record = param.ClassSelector(class_=Acknowledgement, default=None, allow_None=True)
    text = param.String(default="", doc="Its text as it will go.")
    order_approved = param.Boolean(
        default=False, doc="The open order is approved, or the open request for quote quoted (it may go)."
    )
    message = param.String(default="", doc="The outcome of the last action.")
    message_kind = param.Selector(default="info", objects=["info", "success", "warning", "danger"])

    def __init__(self, **params: Any) -> None:
        super().__init__(**params)
        self._served = session_scheduler() is not None
        self._count = itertools.count(1)
        self._latest = 0
        self._seen: tuple[str | None, bool] = (None, False)  # the open order; whether its answer is due
        self._updating_review = False  # our own action's new order version: nothing to follow
        self.review.param.watch(self._order_changed, "stored")
        self._order_changed()

    # -- the desk's actions ------------------------------------------------------------------
    def save_text(self, text: str) -> None:
        self._act(lambda ack, order_id: ack.edit(order_id, text, actor=self.review.actor), "Text saved.")

    def hold(self) -> None:
        self._act(
            lambda ack, order_id: ack.hold(order_id, actor=self.review.actor),
            "Held: it will not go until released.",
        )

    def release(self) -> None:
        """Let it go: now if the order is approved (the quote quoted), else once it is."""
        approved, actor = self.order_approved, self.review.actor
        stored = self.review.stored
        awaits = answer_kind(stored.order.header.kind if stored else None).awaits

        def release(ack: Acknowledger, order_id: str) -> Acknowledgement:
            record = ack.release(order_id, actor=actor)
            return ack.send(order_id, actor=actor) if approved else record

        self._act(release, "" if approved else f"Released: it goes once {awaits}.")

    def send(self) -> None:
        """Send it now (the open order must be approved); a second send is a no-op."""
        self._act(lambda ack, order_id: ack.send(order_id, actor=self.review.actor), "")

    # -- following the review ----------------------------------------------------------------
    def _order_changed(self, *_: param.parameterized.Event) -> None:
        if self._updating_review:
            return
        stored = self.review.stored
        seen = (stored.order_id, _due(stored)) if stored else (None, False)
        before, self._seen = self._seen, seen
        approved = seen[1]
        self.order_approved = approved
        if seen[0] == before[0] and approved and not before[1]:
            # approved while shown (here, in another tab, by a script), even before its preview came
            self._act(lambda ack, order_id: ack.send(order_id, actor=self.review.actor), "", seen[0])
        else:
            self._run(seen[0], self._preview)

    def _preview(self, order_id: str) -> Outcome:
        if self.acknowledger is None or not self.acknowledger.from_mailbox(order_id):
            return Outcome(None)
        record, text = self.acknowledger.preview(order_id)
        return Outcome(order_id, record, text)

    def _act(
        self,
        action: Callable[[Acknowledger, str], Acknowledgement],
        done: str,
        order_id: str | None = None,
    ) -> None:
        """Run ``action`` on the shown acknowledgement (or ``order_id``'s) off the loop; say how it went."""
        order_id = order_id or self.order_id
        if self.acknowledger is None or order_id is None:
            return

        def run(order_id: str) -> Outcome:
            assert self.acknowledger is not None
            if not self.acknowledger.from_mailbox(order_id):
                return Outcome(None)  # an upload: nobody to answer
            try:
                record = action(self.acknowledger, order_id)
            except OrderDeskError as error:
                return replace_message(self._preview(order_id), str(error), "warning")
            _, text = self.acknowledger.preview(order_id)
            said = done or _sent_words(record)
            return Outcome(order_id, record, text, said, "success", changed_order=True)

        self._run(order_id, run)

    # -- off the loop and back ---------------------------------------------------------------
    def _run(self, order_id: str | None, work: Callable[[str], Outcome]) -> None:
        number = self._latest = next(self._count)
        if order_id is None:
            self._apply(number, Outcome(None))
        elif self._served:

            async def off_loop() -> None:
                self._apply(number, await asyncio.to_thread(_safely, work, order_id))

            pn.state.execute(off_loop)
        else:
            self._apply(number, _safely(work, order_id))

    def _apply(self, number: int, outcome: Outcome) -> None:
        if number != self._latest:
            return  # a newer action's result is due
        self.param.update(
            shown=outcome.order_id is not None,
            order_id=outcome.order_id,
            record=outcome.record,
            text=outcome.text,
            message=outcome.message,
            message_kind=outcome.kind,
        )
        stored = self.review.stored
        if outcome.changed_order and stored is not None and stored.order_id == outcome.order_id:
            orders = self.review.orders
            self._updating_review = True
            try:
                self.review.param.update(
                    stored=orders.get(stored.order_id), audit=orders.audit_log(stored.order_id)
                )
            finally:
                self._updating_review = False


def _due(stored: StoredOrder) -> bool:
    """Whether the order's answer may go: an order approved, a request for quote quoted."""
    return stored.status in answer_kind(stored.order.header.kind).due


def _safely(work: Callable[[str], Outcome], order_id: str) -> Outcome:
    try:
        return work(order_id)
    except OrderDeskError as error:  # e.g. an email that names no sender to answer
        return Outcome(order_id, message=str(error), kind="danger")


def replace_message(outcome: Outcome, message: str, kind: str) -> Outcome:
    return Outcome(outcome.order_id, outcome.record, outcome.text, message, kind)


def _sent_words(record: Acknowledgement) -> str:
    return f"Sent to {record.recipient}." if record.status == "sent" else f"It is {record.status}."
