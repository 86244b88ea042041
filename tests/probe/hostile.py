"""Hypothesis strategies for what a hostile or careless sender puts in front of the desk."""

from __future__ import annotations

import json
import os
from typing import Any
from urllib.parse import quote

from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("ORDERDESK_PROBE_EXAMPLES", "40"))  # per HTTP property
CLI_EXAMPLES = max(3, EXAMPLES // 8)  # each one a fresh ``python -m pipeline`` process
# Mostly what the desk reads, so the drawn emails reach extraction; the rest are refused by type.
SUFFIXES = [".txt", ".txt", ".eml", ".pdf", ".xlsx", ""]

ODD_NUMBERS = [
    "9" * 400,
    "1e309",
    "-1e309",
    "1e-330",
    "nan",
    "NaN",
    "inf",
    "-Infinity",
    "∞",
    "-0",
    "0",
    "0.0",
    "1/0",
    "0/0",
    "3/0",
    "½",
    "1 ½",
    "١٢",
    "１２",
    "²",
    "0x1F",
    "1_000",
    "1,000,000",
    "1.000.000,5",
    "1 200",
    "--5",
    "+-3",
    "10^30",
    "1e30",
    "4.",
    ".5",
    "000000000000007",
    "2**64",
    "18446744073709551617",
]


def numbers() -> st.SearchStrategy[str]:
    """A number as someone might type it, or as nobody should."""
    return st.one_of(
        st.sampled_from(ODD_NUMBERS),
        st.integers(min_value=-(10**40), max_value=10**40).map(str),
        st.floats().map(repr),
        st.text(alphabet="0123456789.,/-+eE ½¼", min_size=1, max_size=24),
        st.text(st.characters(categories=["Nd", "No"]), min_size=1, max_size=4),  # ٣, ３, ², ①
    )


@st.composite
def emails(draw: st.DrawFn) -> str:
    """An order email whose counts, sizes, lengths and prices are drawn numbers."""
    n = [draw(numbers()) for _ in range(7)]
    return (
        "From: buyer@acme-manufacturing.com\nSubject: PO " + n[0] + "\n\nPlease send:\n\n"
        f"1. {n[1]} pcs 304 stainless sheet {n[2]} x 48 x {n[3]}\n"
        f'2. {n[4]} ea 1018 round bar {n[5]}" x 12 ft @ ${n[6]}/ft\n'
        f"{draw(st.text(max_size=40))}\n\nThanks,\nJohn Smith\n"
    )


def file_names() -> st.SearchStrategy[str]:
    """What a file name can say: any text, paths, shell, header and Windows names."""
    return st.one_of(
        st.text(max_size=120),
        st.sampled_from(
            [
                "",
                ".",
                "..",
                "../../escaped.txt",
                "/etc/passwd",
                "CON",
                "a\x00b.txt",
                "\r\nX-Injected: 1",
                'a"; filename="b.txt',
                "$(touch pwned).txt",
                "%00.txt",
                "x" * 300,
                "order.txt\u202egpj.exe",
            ]
        ),
    )


def disk_names() -> st.SearchStrategy[str]:
    """File names this file system can hold: no slash or NUL, at most 200 bytes, not . or .."""
    text = st.text(st.characters(exclude_characters="/\x00", codec="utf-8"), min_size=1, max_size=60)
    return text.filter(lambda name: name not in (".", "..") and len(name.encode()) <= 200)


def part(boundary: bytes, name: bytes, data: bytes) -> bytes:
    head = (
        b'Content-Disposition: form-data; name="file"; filename="' + name + b'"\r\nContent-Type: text/plain'
    )
    return b"--" + boundary + b"\r\n" + head + b"\r\n\r\n" + data + b"\r\n"


@st.composite
def multipart_bodies(draw: st.DrawFn) -> tuple[bytes, bytes]:
    """(Content-Type, body) of an upload of 1-4 files with hostile names and contents; one in three
    also has a broken frame: another or no boundary, a cut body, no final boundary, another type."""
    readable = st.text(st.characters(exclude_categories=("Cc", "Cs"), exclude_characters='"'), min_size=1)
    hostile = [file_names().map(lambda text: text.encode(errors="surrogatepass")), st.binary(max_size=40)]
    stems = st.sampled_from([0, 0, 1, 2]).flatmap(lambda k: [readable.map(str.encode), *hostile][k])
    names = st.tuples(stems, st.sampled_from(SUFFIXES)).map(lambda name: name[0] + name[1].encode())
    contents = st.one_of(emails().map(str.encode), st.binary(max_size=200))
    files = draw(st.lists(st.tuples(names, contents), min_size=1, max_size=4))
    if draw(st.integers(0, 2)) < 2:
        body = b"".join(part(b"odprobe", *file) for file in files) + b"--odprobe--\r\n"
        return b"multipart/form-data; boundary=odprobe", body
    boundary = draw(st.sampled_from([b"-", b"x" * 80, b"a b", b""]))
    body = b"".join(part(boundary, *file) for file in files)
    body += draw(st.sampled_from([b"--" + boundary + b"--\r\n", b""]))
    body = body[: draw(st.integers(min_value=0, max_value=len(body)))]
    declared = draw(st.sampled_from([boundary, b"other", b'"' + boundary + b'"', b""]))
    kinds = [b"multipart/form-data; boundary=", b"multipart/mixed; boundary=", b"text/plain; x="]
    return draw(st.sampled_from(kinds)) + declared, body


def query_values() -> st.SearchStrategy[str]:
    """A query value, URL-encoded, or raw with escapes that decode to nothing sensible."""
    return st.one_of(
        numbers().map(lambda text: quote(text, safe="")),
        st.text(max_size=40).map(lambda text: quote(text, safe="")),
        st.sampled_from(["%", "%zz", "%00", "%ff%fe", "%C0%AF", "1&after=2", "%2F..%2F"]),
    )


def path_ids() -> st.SearchStrategy[str]:
    """An id in a URL path: any text, URL-encoded (a slash too, so the route still matches)."""
    return st.one_of(st.text(min_size=1, max_size=60), numbers()).map(lambda text: quote(text, safe=""))


def json_values() -> st.SearchStrategy[Any]:
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=40),
        numbers(),
    )
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
        max_leaves=6,
    )


def decision_bodies() -> st.SearchStrategy[bytes]:
    """The body of an approve or export: a JSON object with hostile fields, other JSON, or bytes."""
    version = st.one_of(numbers(), st.integers(), json_values())
    fields = st.fixed_dictionaries({}, optional={"comment": json_values(), "expected_version": version})
    return st.one_of(
        st.fixed_dictionaries({"expected_version": version}).map(lambda body: json.dumps(body).encode()),
        fields.map(lambda body: json.dumps(body).encode()),
        json_values().map(lambda body: json.dumps(body).encode()),
        st.sampled_from([b"NaN", b'{"expected_version": Infinity}', b'{"expected_version": 1e999}', b"{"]),
        st.binary(max_size=60),
    )
