"""The bad-input corpus: every kind of hostile or broken file issue 8 lists, and what each must give.

Small files are committed under ``tests/data/bad`` (``python -m tests.bad_inputs`` writes them
again; the encrypted PDF gets a new random id each time). Large ones — over the size limit, bombs,
500 attachments, a 10,000-item line — are made by ``write_large`` into a test's folder, from a fixed
seed, so the repository holds no blobs and every run sees the same bytes.

``EXPECTED`` says what each file must come to, whichever way it enters (CLI, batch, HTTP upload):
``failed`` with a reason containing the words given, or ``done`` (handled: an order a person can
review). Either way the job's error or order names the file.
"""

from __future__ import annotations

import io
import random
import zipfile
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path
from typing import Literal

from tests.fixture_files import email_with, encrypted_pdf, image_only_pdf, text_pdf

BAD = Path(__file__).resolve().parent / "data" / "bad"
ORDER_LINE = "10 pcs 304 stainless sheet 1/8 x 48 x 96"
HEADERS = {"From": "Ann Lee <ann@example.com>", "To": "orders@example.com", "Subject": "order"}
# Names a shell or a path join would misread; each holds an ordinary order.
HOSTILE_NAMES = (
    "../../escaped-order.txt",
    "order; rm -rf ~.txt",
    "$(touch pwned).txt",
    "`id` & echo |x>y.txt",
)
INJECTION = (
    "From: <script>alert('od-from')</script> <ann@example.com>\n"
    "Subject: **PO** <img src=x onerror=alert('od-subject')>\n\n"
    "PO: <b>4471</b><script>alert('od-po')</script>\n"
    f"1. {ORDER_LINE} <script>alert('od-line')</script>\n"
    "2. 5 pcs 6061 round bar 2\" x 12 ft [click](javascript:alert('od-md')) <iframe src=//x.invalid>\n"
    "Notes: </textarea><svg onload=alert('od-svg')> ${7*7} {{7*7}} | --- | # heading\n"
)
SQL = (
    "PO: 1'; DROP TABLE parts; --\n"
    f"1. {ORDER_LINE}'; DELETE FROM jobs; --\n"
    '2. 5 pcs 304" OR "1"="1 round bar 1" x 12 ft\n'
    "3. 2 pcs %' UNION SELECT * FROM inputs -- sheet\n"
)


@dataclass(frozen=True)
class Expect:
    status: Literal["done", "failed"]
    reason: str = ""  # words the job's error holds (failed), or a warning of its order (done)


EXPECTED: dict[str, Expect] = {
    "empty.txt": Expect("failed", "the file is empty"),
    "binary.txt": Expect("failed", "binary file"),
    "binary.eml": Expect("failed", "binary file"),
    "truncated.pdf": Expect("failed", "not a readable PDF"),
    "truncated.eml": Expect("done"),  # the body before the cut is read; the cut attachment is skipped
    "undecodable.txt": Expect("failed", "neither UTF-8 nor Windows-1252"),
    "malformed_mime.eml": Expect("failed", "malformed MIME message"),
    "encrypted.pdf": Expect("failed", "password-protected"),
    "no_text_layer.pdf": Expect("failed", "no text layer"),
    "unsupported.docx": Expect("failed", "unsupported file type .docx"),
    "injection.txt": Expect("done"),
    "injection_html.eml": Expect("done"),
    "sql_syntax.txt": Expect("done"),
    # made by write_large
    "huge.txt": Expect("failed", "the limit is 25 MiB"),
    "multipart_bomb.eml": Expect("failed", "nest too deeply; the limit is 20 levels"),
    "deep_multipart_bomb.eml": Expect("failed", "about 2,000 MIME parts; the limit is 100 attachments"),
    "wide_multipart_bomb.eml": Expect("failed", "about 100,001 MIME parts; the limit is 100 attachments"),
    "forward_bomb.eml": Expect("failed", "nest too deeply to parse"),
    "zip_bomb.eml": Expect("done", "would unpack to"),
    "attachments_500.eml": Expect("failed", "500 attachments; the limit is 100"),
    "line_10000_items.txt": Expect("failed", "line 3 is"),
    "lines_2000.txt": Expect("failed", "2,000 item lines; the limit is 1,000"),
}


def small_files() -> dict[str, bytes]:
    """The committed files, by name."""
    rng = random.Random(8)
    binary = [bytes(rng.randrange(256) for _ in range(4096)) + b"\x00" for _ in range(2)]
    order_pdf = text_pdf(["PURCHASE ORDER 4471", ORDER_LINE])
    order_eml = email_with(HEADERS, ORDER_LINE, [("po.pdf", "application/pdf", order_pdf)])
    html = EmailMessage()
    for name, value in HEADERS.items():
        html[name] = value
    html.set_content(
        f"<p>{ORDER_LINE}</p><script>alert('od-html')</script><img src=x onerror=alert(1)>", "html"
    )
    return {
        "empty.txt": b"",
        "binary.txt": binary[0],
        "binary.eml": binary[1],  # other bytes: the same bytes again would be the same job
        "truncated.pdf": order_pdf[: len(order_pdf) // 3],
        "truncated.eml": order_eml[: len(order_eml) * 2 // 3],
        "undecodable.txt": f"{ORDER_LINE}\n".encode() + b"\x81\x8d\x8f\x90\x9d" * 4,
        "malformed_mime.eml": b"From: a@example.com\nContent-Type: multipart/mixed\n\n--x\n\n"
        + ORDER_LINE.encode(),
        "encrypted.pdf": encrypted_pdf(["PURCHASE ORDER 4471", ORDER_LINE]),
        "no_text_layer.pdf": image_only_pdf(),
        "unsupported.docx": b"PK\x03\x04 not really a word file",
        "injection.txt": INJECTION.encode(),
        "injection_html.eml": html.as_bytes(policy=SMTP),
        "sql_syntax.txt": SQL.encode(),
    }


def _nested(depth: int) -> bytes:
    part = f"Content-Type: text/plain\n\n{ORDER_LINE}\n"
    for level in range(depth):
        part = f'Content-Type: multipart/mixed; boundary="b{level}"\n\n--b{level}\n{part}\n--b{level}--\n'
    return f"From: a@example.com\nSubject: nested\nMIME-Version: 1.0\n{part}".encode()


def _forwarded(depth: int) -> bytes:
    """An email forwarding an email forwarding … ``depth`` times (no boundaries to count)."""
    message = f"From: a@example.com\nSubject: order\n\n{ORDER_LINE}\n"
    for _ in range(depth):
        message = (
            f"From: a@example.com\nSubject: fw\nMIME-Version: 1.0\nContent-Type: message/rfc822\n\n{message}"
        )
    return message.encode()


def _wide(parts: int) -> bytes:
    """One multipart of ``parts`` empty parts: 3 MB that the email parser would chew on for minutes."""
    body = "".join("--b\nContent-Type: text/plain\n\nx\n" for _ in range(parts))
    head = (
        'From: a@example.com\nSubject: wide\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"'
    )
    return f"{head}\n\n{body}--b--\n".encode()


def _zip_bomb(unpacked_mb: int) -> bytes:
    """An .xlsx-shaped zip whose one sheet expands ~1000-fold."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            for _ in range(unpacked_mb):
                sheet.write(b"0" * 2**20)
    return out.getvalue()


def large_files() -> dict[str, bytes]:
    """The generated files, by name (about 27 MB together; made in well under a second)."""
    rng = random.Random(42)
    items = ", ".join(
        f"{rng.randint(1, 50)} pcs 304 sheet 1/8 x 48 x {rng.randint(6, 96)}" for _ in range(10_000)
    )
    many = "\n".join(
        f"{rng.randint(1, 50)} pcs 304 sheet 1/8 x 48 x {rng.randint(6, 96)}" for _ in range(2_000)
    )
    attachments = [
        (f"part-{n:03d}.txt", "text/plain", f"{n} pcs 316 round bar 1 x 12".encode()) for n in range(500)
    ]
    return {
        "huge.txt": (ORDER_LINE + "\n").encode() * (26 * 2**20 // (len(ORDER_LINE) + 1)),
        "multipart_bomb.eml": _nested(60),
        "deep_multipart_bomb.eml": _nested(2_000),
        "wide_multipart_bomb.eml": _wide(100_000),
        "forward_bomb.eml": _forwarded(3_000),
        "zip_bomb.eml": email_with(
            HEADERS,
            ORDER_LINE,
            [
                ("sheet.xlsx", "application/vnd.ms-excel", _zip_bomb(200)),
                ("bomb.zip", "application/zip", _zip_bomb(200)),
            ],
        ),
        "attachments_500.eml": email_with(HEADERS, ORDER_LINE, attachments),
        "line_10000_items.txt": f"Hello,\n\nPlease quote: {items}\n".encode(),
        "lines_2000.txt": many.encode(),
    }


def write_large(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in large_files().items():
        paths.append(folder / name)
        paths[-1].write_bytes(data)
    return paths


def corpus(folder: Path) -> list[Path]:
    """Every bad file (the committed ones copied, the large ones made) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for source in sorted(BAD.iterdir()):
        paths.append(folder / source.name)
        paths[-1].write_bytes(source.read_bytes())
    return paths + write_large(folder)


if __name__ == "__main__":
    BAD.mkdir(parents=True, exist_ok=True)
    for name, data in small_files().items():
        (BAD / name).write_bytes(data)
