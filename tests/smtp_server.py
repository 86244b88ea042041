"""A real SMTP server (aiosmtpd) on 127.0.0.1 receiving the acknowledgements in the tests."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from pipeline.config import AcknowledgeSettings
from tests.ports import free_port

FROM = "ACME Metals Sales Desk <orders@desk.example>"


@dataclass
class Received:
    """What the server took: each email's recipients and bytes."""

    mails: list[tuple[list[str], bytes]] = field(default_factory=list)
    arrived: threading.Event = field(default_factory=threading.Event)

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.mails.append((list(envelope.rcpt_tos), bytes(envelope.original_content or envelope.content)))
        self.arrived.set()
        return "250 OK"


@dataclass
class SmtpServer:
    port: int
    received: Received
    controller: Controller | None = None

    def settings(self) -> AcknowledgeSettings:
        return AcknowledgeSettings(
            smtp_host="127.0.0.1",
            smtp_port=self.port,
            security="none",
            from_address=FROM,
            contact="Dana Lee, +1 555 0100",
        )

    def start(self) -> None:
        self.controller = Controller(self.received, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer(port=free_port(), received=Received())
    server.start()
    yield server
    server.stop()
