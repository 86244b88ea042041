"""A real IMAP server for the mailbox tests: Debian's dovecot, configured in a temporary folder
(plaintext login on 127.0.0.1, a passwd-file, Maildirs under the folder, a free port), started
with ``dovecot -F -c`` and stopped by the fixture. ``.ci/run`` installs ``dovecot-imapd``.

Run as root, dovecot wants its login processes unprivileged and refuses mail access as UID 0:
then they run as the package's ``dovenull``/``dovecot`` users and the mail as ``nobody``.
"""

from __future__ import annotations

import contextlib
import grp
import imaplib
import os
import pwd
import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from email import policy
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

import psutil
import pytest

from pipeline.config import InboxSettings
from tests.ports import free_port
from tests.ui.emails import ITEMS

USER, PASSWORD = "desk", "s3cret-for-tests"
START_S = 30  # the longest dovecot may take to answer, so a broken install cannot hang the run

CONFIG = """
base_dir = {root}/run
state_dir = {root}/state
instance_name = orderdesk-test-{port}
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
{ssl}
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = {internal}
default_internal_group = {internal_group}
default_login_user = {login}
mail_location = maildir:{root}/mail/%u
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/mail/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tls_port}
  }}
}}
service anvil {{
  chroot =
}}
"""


@dataclass
class Dovecot:
    root: Path
    port: int
    process: subprocess.Popen
    tls_port: int = 0  # IMAP over TLS (and STARTTLS on ``port``) when started with ``tls``

    def client(self) -> imaplib.IMAP4:
        client = imaplib.IMAP4("127.0.0.1", self.port, timeout=30)
        try:
            client.login(USER, PASSWORD)
        except imaplib.IMAP4.error:
            client.shutdown()
            raise
        return client

    def settings(self, **changes: object) -> InboxSettings:
        base = InboxSettings(host="127.0.0.1", port=self.port, security="none", user=USER, poll_s=2.0)
        return replace(base, **changes)

    def env(self) -> dict[str, str]:
        """The same mailbox for a ``python -m pipeline inbox`` process."""
        return {
            "ORDERDESK_INBOX_HOST": "127.0.0.1",
            "ORDERDESK_INBOX_PORT": str(self.port),
            "ORDERDESK_INBOX_SECURITY": "none",
            "ORDERDESK_INBOX_USER": USER,
            "ORDERDESK_INBOX_PASSWORD": PASSWORD,
            "ORDERDESK_INBOX_POLL_S": "2",
        }

    def append(self, folder: str, data: bytes) -> None:
        with self.client() as client:
            client.create(f'"{folder}"')  # NO when it exists
            status, answer = client.append(f'"{folder}"', None, None, data)
            assert status == "OK", answer

    def uids(self, folder: str, *criteria: str) -> list[str]:
        """UIDs in ``folder`` matching ``criteria`` (default ALL)."""
        with self.client() as client:
            status, _ = client.select(f'"{folder}"', readonly=True)
            if status != "OK":
                return []
            _, found = client.uid("SEARCH", *(criteria or ("ALL",)))
            return found[0].decode().split() if found and found[0] else []

    def messages(self, folder: str) -> list[bytes]:
        with self.client() as client:
            client.select(f'"{folder}"', readonly=True)
            _, found = client.uid("SEARCH", "ALL")
            uids = found[0].decode().split() if found and found[0] else []
            bodies = []
            for uid in uids:
                _, data = client.uid("FETCH", uid, "(BODY.PEEK[])")
                bodies.append(bytes(data[0][1]))
            return bodies


def start_dovecot(root: Path, port: int = 0, tls: bool = False) -> Dovecot:
    """Dovecot on ``root`` (its mail kept between starts) and ``port`` (a free one if 0); with
    ``tls`` also IMAPS and STARTTLS, with a certificate for 127.0.0.1 made here (``root/cert.pem``,
    the CA a client needs)."""
    binary = shutil.which("dovecot") or "/usr/sbin/dovecot"
    if not Path(binary).exists():
        pytest.fail("dovecot is not installed: apt-get install -y dovecot-imapd (.ci/run does)")
    for sub in ("run", "state", "mail"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    (root / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}::::::\n")
    port = port or free_port()
    if os.geteuid() == 0:
        mail_user = pwd.getpwnam("nobody")
        uid, gid = mail_user.pw_uid, mail_user.pw_gid
        internal, internal_group, login = "dovecot", "dovecot", "dovenull"
        os.chown(root / "mail", uid, gid)
    else:
        uid, gid = os.getuid(), os.getgid()
        internal = login = pwd.getpwuid(uid).pw_name
        internal_group = grp.getgrgid(gid).gr_name
    tls_port = free_port() if tls else 0
    ssl = (
        f"ssl = yes\nssl_cert = <{self_signed(root)}/cert.pem\nssl_key = <{root}/key.pem"
        if tls
        else "ssl = no"
    )
    config = root / "dovecot.conf"
    config.write_text(
        CONFIG.format(
            root=root,
            port=port,
            tls_port=tls_port,
            ssl=ssl,
            uid=uid,
            gid=gid,
            internal=internal,
            internal_group=internal_group,
            login=login,
        )
    )
    process = subprocess.Popen(
        [binary, "-F", "-c", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    server = Dovecot(root=root, port=port, process=process, tls_port=tls_port)
    deadline = time.monotonic() + START_S
    while True:
        try:
            server.client().logout()
            return server
        except (OSError, imaplib.IMAP4.error) as error:
            if process.poll() is not None or time.monotonic() > deadline:
                stop_dovecot(server)
                log = (root / "dovecot.log").read_text() if (root / "dovecot.log").exists() else ""
                pytest.fail(f"dovecot did not start ({error}): {log[-2000:]}")
            time.sleep(0.1)


def self_signed(root: Path) -> Path:
    """A key and a self-signed certificate for 127.0.0.1 and localhost in ``root``; returns ``root``."""
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=IP:127.0.0.1,DNS:localhost",
            "-keyout",
            str(root / "key.pem"),
            "-out",
            str(root / "cert.pem"),
        ],
        check=True,
        capture_output=True,
    )
    return root


def restart_dovecot(server: Dovecot) -> None:
    """Stop the server (its connections drop), then start it again on the same port and mail."""
    stop_dovecot(server)
    server.process = start_dovecot(server.root, server.port, tls=bool(server.tls_port)).process


def stop_dovecot(server: Dovecot) -> None:
    """Stop the master and every process it started: a session's imap process outlives its master."""
    children = psutil.Process(server.process.pid).children(recursive=True)
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()
    for child in children:
        with contextlib.suppress(psutil.NoSuchProcess):
            child.terminate()
    _, alive = psutil.wait_procs(children, timeout=10)
    for child in alive:
        child.kill()


@contextlib.contextmanager
def running_dovecot(tls: bool = False) -> Iterator[Dovecot]:
    """A dovecot of its own, stopped and removed afterwards. Its folder is not under pytest's
    (private to the user running the tests): dovecot's own users must read it when run as root."""
    root = Path(tempfile.mkdtemp(prefix="orderdesk-dovecot-"))
    root.chmod(0o755)
    server = start_dovecot(root, tls=tls)
    try:
        yield server
    finally:
        stop_dovecot(server)  # the one running now, if a test restarted it
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def dovecot() -> Iterator[Dovecot]:
    with running_dovecot() as server:
        yield server


def order_email(
    number: int, *, lines: int = 3, subject: str = "", message_id: str = "", rfq: bool = False
) -> bytes:
    """An order email from a known customer, different for each ``number`` (its own PO); with
    ``rfq`` a request for quote (its own RFQ number) instead."""
    message = EmailMessage()
    message["From"] = "John Smith <buyer@acme-manufacturing.com>"
    message["To"] = "orders@desk.example"
    reference = f"{'RFQ' if rfq else 'PO'} {number:05d}"
    message["Subject"] = subject or reference
    message["Message-ID"] = message_id or make_msgid(idstring=f"po{number}-{uuid.uuid4().hex[:8]}")
    items = "\n".join(f"{n}. {ITEMS[(n + number) % len(ITEMS)].format(n=n)}" for n in range(1, lines + 1))
    asks = f"Please quote the following, our {reference}" if rfq else f"Please ship on {reference}"
    message.set_content(f"Hello,\n\n{asks}:\n\n{items}\n\nThanks,\nJohn Smith\nACME Manufacturing Co.\n")
    return message.as_bytes(policy=policy.SMTP)  # CRLF, as IMAP keeps it


# A multipart message whose boundary never appears: its parts cannot be told apart.
MALFORMED = (
    b"From: someone@example.com\r\nTo: orders@desk.example\r\nSubject: broken order\r\n"
    b"Message-ID: <broken-1@example.com>\r\nMIME-Version: 1.0\r\n"
    b'Content-Type: multipart/mixed; boundary="never-used"\r\n\r\n'
    b"1. 304 sheet 4x8 x 0.125 qty 3\r\n"
)
