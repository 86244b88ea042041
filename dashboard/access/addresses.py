"""Who is at the other end of a request: the peer, or behind a trusted proxy the client it names.

Behind a reverse proxy (the TLS proxy README recommends) every request comes from the proxy's
address; the client's is in ``X-Forwarded-For``, which anyone can write. So the header is read
only when the peer is one of ``ORDERDESK_TRUSTED_PROXIES`` (addresses or networks), from the
right, past the trusted proxies, to the first address no trusted proxy vouches beyond.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

from tornado.httputil import HTTPServerRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def trusted_networks(raw: str) -> tuple[Network, ...]:
    """``10.0.0.5, 192.168.1.0/24`` as networks; ``ValueError`` naming a bad entry."""
    entries = filter(None, (entry.strip() for entry in raw.split(",")))
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def _trusted(address: str, proxies: Sequence[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in proxies)


def client_address(request: HTTPServerRequest, proxies: Sequence[Network]) -> str:
    """The client's address: the peer's, or the one a trusted proxy forwarded for."""
    address = request.remote_ip or ""
    if not _trusted(address, proxies):
        return address
    for hop in reversed(request.headers.get("X-Forwarded-For", "").split(",")):
        address = hop.strip()
        if not _trusted(address, proxies):
            break
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:  # a garbled header: the proxy's own address, never a made-up one
        return request.remote_ip or ""


def client_protocol(request: HTTPServerRequest, proxies: Sequence[Network]) -> str:
    """``https`` or ``http`` as the client used it (a trusted proxy's ``X-Forwarded-Proto``)."""
    forwarded = request.headers.get("X-Forwarded-Proto", "").split(",")[0].strip().lower()
    if forwarded in ("http", "https") and _trusted(request.remote_ip or "", proxies):
        return forwarded
    return request.protocol
