"""Orders to JSON and back, losslessly, for the ledger.

``Order.to_dict`` is the public contract and drops what a script does not need (spans, document
text); the ledger must keep everything so a reviewer's edit can re-price and re-check the order.
The codec walks the dataclasses' type hints, so fields added to ``pipeline.models`` are stored
without touching this module, and fields missing from an older record take their defaults.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import datetime
from functools import cache
from typing import Any, Union

from pipeline.bounds import loads_finite
from pipeline.models import Order


def to_plain(value: Any) -> Any:
    """Dataclasses, tuples and datetimes as JSON-ready dicts, lists and ISO strings."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [to_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: to_plain(item) for key, item in value.items()}
    return value


@cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)


@cache
def _shape(kind: Any) -> tuple[Any, tuple[Any, ...]]:
    return typing.get_origin(kind), typing.get_args(kind)


def from_plain(kind: Any, data: Any) -> Any:
    """Rebuild a value of type ``kind`` from ``to_plain`` output."""
    if data is None:
        return None
    origin, args = _shape(kind)
    if origin in (Union, types.UnionType):
        return from_plain(next(arg for arg in args if arg is not type(None)), data)
    if dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        known = {f.name for f in dataclasses.fields(kind) if f.init}
        return kind(**{name: from_plain(hints[name], value) for name, value in data.items() if name in known})
    if origin is list:
        return [from_plain(args[0], item) for item in data]
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_plain(args[0], item) for item in data)
        return tuple(from_plain(arg, item) for arg, item in zip(args, data, strict=True))
    if origin is dict:
        return {key: from_plain(args[1], item) for key, item in data.items()}
    if kind is datetime:
        return datetime.fromisoformat(data)
    if kind is float:
        return float(data)
    return data


def order_to_json(order: Order) -> str:
    return json.dumps(to_plain(order), sort_keys=True, allow_nan=False)


def order_from_json(text: str) -> Order:
    return from_plain(Order, loads_finite(text))
