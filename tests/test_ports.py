"""The ports tests give their servers: free when handed out, and never handed out twice."""

from __future__ import annotations

import socket

from tests.ports import free_port


def test_each_port_goes_to_one_server_and_is_free_to_bind() -> None:
    ports = [free_port() for _ in range(200)]
    assert len(set(ports)) == len(ports)
    with socket.socket() as server:
        server.bind(("127.0.0.1", ports[-1]))
        server.listen()
        assert free_port() != ports[-1]
