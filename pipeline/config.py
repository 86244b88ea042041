"""Where Order Desk keeps its files and which business rules it applies, read once per call.

``ORDERDESK_DATA_DIR`` (default ``./data``) holds the catalog and the ledger;
``ORDERDESK_CATALOG`` and ``ORDERDESK_LEDGER`` override each file on its own.

Business rules (quality gates, pricing, ERP export, upload limits, input limits, approvers, the mailbox,
the customer's acknowledgement)
have defaults here, may be set in a TOML settings file (``ORDERDESK_SETTINGS``, else
``$ORDERDESK_DATA_DIR/settings.toml`` when it exists) and are overridden by
``ORDERDESK_<SECTION>_<KEY>`` variables, e.g. ``ORDERDESK_GATES_MIN_CONFIDENCE=0.95``.
Precedence: environment > file > defaults.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import tomllib
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import ConfigError

DEFAULT_BLOCKING_FLAGS = (
    "missing_quantity",
    "missing_grade",
    "missing_form",
    "missing_dimensions",
    "not_catalog_product",
    # the customer was unsure or gave a range: extraction kept a value, a person must confirm it
    "ambiguous_grade",
    "quantity_range",
    "approximate_quantity",
    # a number no order can mean (a part number read as the quantity): see extract/plausible.py
    "implausible_quantity",
    "implausible_size",
    # "sixty five wall" read as .065: the shop's thousandths, a person confirms
    "size_in_thousandths",
    # the newest message changes the quoted order in words no line shows applied
    "thread_change_unread",
    # a quantity written in a unit the catalog does not sell (kg, t, lb, m): read as pounds or
    # feet, a person confirms
    "unit_not_sold",
    # a quantity per assembly ("per trailer") multiplied by the assemblies named: a person confirms
    "quantity_per_assembly",
    # lines that each name a sized form read as one item: a person splits them
    "items_merged",
)


@dataclass(frozen=True)
class GateSettings:
    """When an order may go straight through (see ``pipeline.review``)."""

    min_confidence: float = 0.9  # a matched line below this needs a person
    # A substitution the trade rules allow (316L for 316, T651 for T6) passes on its confidence
    # once accepted; it stays flagged on the line and in the ERP export. False: a person decides.
    allow_trade_substitutions: bool = True
    require_in_stock: bool = True  # a partial or backordered line needs a person
    blocking_flags: tuple[str, ...] = DEFAULT_BLOCKING_FLAGS
    max_auto_total: float = 0.0  # orders above this total need a person; 0 = no cap
    max_auto_discount_pct: float = 10.0  # a customer discount above this needs a person


@dataclass(frozen=True)
class PricingSettings:
    """How line prices become order totals (see ``pipeline.assemble.totals``)."""

    currency: str = "USD"
    tax_rate: float = 0.0  # fraction, e.g. 0.0825; metals sold for manufacturing are usually exempt
    minimum_order_value: float = 50.0  # orders below this merchandise value pay a small-order charge
    small_order_charge: float = 25.0
    prospect_terms: str = "PREPAY"  # terms given to a customer created from an unknown sender


@dataclass(frozen=True)
class ErpSettings:
    """Where approved orders go (see ``pipeline.erp``)."""

    adapter: str = "outbox"  # outbox | http
    outbox_dir: str = ""  # default: $ORDERDESK_DATA_DIR/outbox
    url: str = ""  # for the http adapter
    retries: int = 3  # attempts after the first
    backoff_s: float = 0.5  # wait before retry n is backoff_s * 2**(n-1)
    timeout_s: float = 10.0


@dataclass(frozen=True)
class IntakeSettings:
    """How much one input may hold and how long its job may run (see ``pipeline.ingest``).

    Each limit bounds the work one email can cause, so a hostile or broken file gets a clear
    error in seconds instead of holding a worker for minutes or filling its memory.
    """

    max_file_mb: float = 25.0  # one input file, as sent; a mailbox's usual attachment cap
    max_attachments: int = 100  # attachments of one email (forwarded emails included)
    max_mime_depth: int = 20  # multipart parts nested in one another
    max_unpacked_mb: float = 50.0  # what a zipped attachment (.xlsx) may expand to
    max_text_chars: int = 1_000_000  # the document's text (body plus attachments)
    max_line_chars: int = 20_000  # one line of text; an order line is a few hundred at most
    max_order_lines: int = 1_000  # item lines found in one order
    max_job_seconds: float = 300.0  # a job still running after this stops at its next step

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 2**20)

    @property
    def max_unpacked_bytes(self) -> int:
        return int(self.max_unpacked_mb * 2**20)


@dataclass(frozen=True)
class LimitsSettings:
    """How much one upload may carry in all (see ``dashboard.api`` and the dashboard's file input);
    each of its files is held to ``intake.max_file_mb``, as every other input is."""

    max_request_mb: float = 100.0  # every file of one upload together

    @property
    def max_request_bytes(self) -> int:
        return int(self.max_request_mb * 1024 * 1024)


@dataclass(frozen=True)
class AccessSettings:
    """Who may do what once login is on (see ``dashboard.access``); secrets never live here."""

    approvers: tuple[str, ...] = ()  # user names allowed to approve and export orders


@dataclass(frozen=True)
class InboxSettings:
    """The mailbox orders arrive in (see ``pipeline.inbox``). The password never lives here: it
    comes from ``ORDERDESK_INBOX_PASSWORD`` or the file ``password_file`` names."""

    host: str = ""  # the IMAP server; empty: no IMAP mailbox is read
    port: int = 0  # 0: 993 with tls, 143 otherwise
    security: str = "tls"  # tls | starttls | none (none only to a server on this machine)
    ca_file: str = ""  # the CA certificate(s) a private server's certificate is checked against
    user: str = ""
    password_file: str = ""  # a file holding the password (else ORDERDESK_INBOX_PASSWORD)
    folders: tuple[str, ...] = ("INBOX",)  # the IMAP folders watched
    maildir: str = ""  # a local Maildir read instead of IMAP (mail delivered on this machine)
    after: str = "flag"  # what marks a message taken: flag (the keyword below) | move (to done_folder)
    flag: str = "$OrderDesk"
    done_folder: str = "Order Desk"
    needs_person_folder: str = "Needs a person"  # where a message that cannot be processed goes
    idle: bool = True  # use IMAP IDLE where the server offers it; else poll
    poll_s: float = 60.0  # polling interval; with IDLE, how long one IDLE lasts before it is renewed
    timeout_s: float = 30.0  # one IMAP command


@dataclass(frozen=True)
class AcknowledgeSettings:
    """The email that answers an approved order (or a quoted request for quote) taken from the
    mailbox (see ``pipeline.acknowledge``).
    The SMTP password comes from ``ORDERDESK_ACKNOWLEDGE_PASSWORD`` or ``password_file``, never here."""

    smtp_host: str = ""  # empty: no acknowledgements are sent
    smtp_port: int = 0  # 0: 465 with tls, 587 with starttls, 25 with none
    security: str = "starttls"  # tls | starttls | none (none only to a server on this machine)
    user: str = ""  # empty: the server takes mail without a login
    password_file: str = ""
    from_address: str = ""  # e.g. "ACME Metals Sales Desk <orders@example.com>"
    contact: str = ""  # the desk's contact line, e.g. "Dana Lee, +1 555 0100, orders@example.com"
    template_file: str = ""  # a text template ($placeholders, see pipeline.acknowledge); empty: built in
    quotation_template_file: str = ""  # the same for the quotation answering a request for quote
    quote_validity_days: int = 30  # how long a quotation's prices hold (its text says until when)
    timeout_s: float = 30.0


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    catalog_path: Path
    ledger_path: Path
    gates: GateSettings = field(default_factory=GateSettings)
    pricing: PricingSettings = field(default_factory=PricingSettings)
    erp: ErpSettings = field(default_factory=ErpSettings)
    intake: IntakeSettings = field(default_factory=IntakeSettings)
    limits: LimitsSettings = field(default_factory=LimitsSettings)
    access: AccessSettings = field(default_factory=AccessSettings)
    inbox: InboxSettings = field(default_factory=InboxSettings)
    acknowledge: AcknowledgeSettings = field(default_factory=AcknowledgeSettings)
    settings_file: Path | None = None  # the TOML file the rules came from, if any

    @classmethod
    def from_env(cls) -> Settings:
        data_dir = Path(os.environ.get("ORDERDESK_DATA_DIR", "data"))
        catalog = Path(os.environ.get("ORDERDESK_CATALOG", data_dir / "catalog.duckdb"))
        ledger = Path(os.environ.get("ORDERDESK_LEDGER", data_dir / "ledger.sqlite"))
        settings_file = _settings_file(data_dir)
        sections = _read_toml(settings_file) if settings_file else {}
        rules = {
            name: _section(name, kind, sections.pop(name, {}), settings_file)
            for name, kind in _SECTIONS.items()
        }
        if sections:
            raise ConfigError(
                f"{settings_file}: unknown section(s) {sorted(sections)}; use {list(_SECTIONS)}"
            )
        return cls(
            data_dir=data_dir, catalog_path=catalog, ledger_path=ledger, settings_file=settings_file, **rules
        )

    @property
    def outbox_dir(self) -> Path:
        return Path(self.erp.outbox_dir) if self.erp.outbox_dir else self.data_dir / "outbox"


_SECTIONS: dict[str, type] = {
    "gates": GateSettings,
    "pricing": PricingSettings,
    "erp": ErpSettings,
    "intake": IntakeSettings,
    "limits": LimitsSettings,
    "access": AccessSettings,
    "inbox": InboxSettings,
    "acknowledge": AcknowledgeSettings,
}


def _settings_file(data_dir: Path) -> Path | None:
    named = os.environ.get("ORDERDESK_SETTINGS")
    if named:
        if not Path(named).is_file():
            raise ConfigError(f"ORDERDESK_SETTINGS names {named}, which is not a file")
        return Path(named)
    default = data_dir / "settings.toml"
    return default if default.is_file() else None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"cannot read settings file {path}: {error}") from error


# Settings that moved: an old settings file (or variable) is told where to, not "unknown".
MOVED = {"limits.max_file_mb": "intake.max_file_mb, the limit of every input file however it arrives"}


def _section(name: str, kind: type, values: dict[str, Any], source: Path | None) -> Any:
    """One rules section: file values, then ``ORDERDESK_<NAME>_<KEY>`` variables, each checked."""
    hints = typing.get_type_hints(kind)
    known = [f.name for f in dataclasses.fields(kind)]
    for setting, now in MOVED.items():
        section, key = setting.split(".")
        variable = f"ORDERDESK_{setting.replace('.', '_')}".upper()
        if section == name and (key in values or variable in os.environ):
            where = f"{source}: {setting}" if key in values else variable
            raise ConfigError(f"{where}: this setting is now {now}")
    for key in values:
        if key not in known:
            hint = difflib.get_close_matches(key, known, n=1)
            suggestion = f"; did you mean {hint[0]}?" if hint else f"; known: {', '.join(known)}"
            raise ConfigError(f"{source}: unknown setting {name}.{key}{suggestion}")
    chosen: dict[str, Any] = {}
    for key in known:
        variable = f"ORDERDESK_{name}_{key}".upper()
        if variable in os.environ:
            chosen[key] = _coerce(hints[key], os.environ[variable], variable)
        elif key in values:
            chosen[key] = _coerce(hints[key], values[key], f"{source}: {name}.{key}")
    return kind(**chosen)


def _coerce(kind: Any, raw: Any, where: str) -> Any:
    """``raw`` (a TOML value or an environment string) as ``kind``, or a ConfigError naming ``where``."""
    try:
        if kind is bool:
            if isinstance(raw, bool):
                return raw
            if str(raw).strip().lower() in ("1", "true", "yes", "on", "0", "false", "no", "off"):
                return str(raw).strip().lower() in ("1", "true", "yes", "on")
            raise ValueError("expected true or false")
        if typing.get_origin(kind) is tuple:
            items = raw if isinstance(raw, list) else [part for part in str(raw).split(",") if part.strip()]
            return tuple(str(item).strip() for item in items)
        if kind in (int, float) and isinstance(raw, bool):
            raise ValueError("expected a number")
        if kind is int and isinstance(raw, float) and not raw.is_integer():
            raise ValueError("expected a whole number")
        return kind(raw)
    except (TypeError, ValueError) as error:
        raise ConfigError(f"{where}: cannot use {raw!r}: {error}") from error
