"""The default ERP adapter: one file per order in an outbox folder, for an ERP that picks files up.

Exactly once, even with two processes exporting at the same moment: the file is written under a
temporary name and then hard-linked to its final name, which fails if that name exists — so the
first complete file wins and no reader ever sees half a file.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Any, Literal

from pipeline.erp.adapter import ErpError, ErpReceipt
from pipeline.erp.csv_export import order_csv


class OutboxAdapter:
    """Writes ``<idempotency key>.json`` (or ``.csv``) into ``folder``."""

    def __init__(self, folder: str | Path, fmt: Literal["json", "csv"] = "json") -> None:
        self.folder = Path(folder)
        self.fmt = fmt
        self.name = "outbox" if fmt == "json" else "outbox_csv"

    def path_for(self, idempotency_key: str) -> Path:
        return self.folder / f"{idempotency_key}.{self.fmt}"

    def submit(self, payload: dict[str, Any], idempotency_key: str) -> ErpReceipt:
        final = self.path_for(idempotency_key)
        erp_id = f"OUTBOX-{payload['order_id']}"
        if final.exists():
            return ErpReceipt(erp_id, "duplicate", str(final))
        text = (
            json.dumps(payload, indent=2, sort_keys=True) + "\n" if self.fmt == "json" else order_csv(payload)
        )
        temporary = self.folder / f".{idempotency_key}.{uuid.uuid4().hex}.tmp"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with open(temporary, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.link(temporary, final)
        except FileExistsError:
            return ErpReceipt(erp_id, "duplicate", str(final))
        except OSError as error:
            raise ErpError(f"cannot write {final}: {error.strerror}") from error
        finally:
            temporary.unlink(missing_ok=True)
        _sync_folder(self.folder)
        return ErpReceipt(erp_id, "accepted", str(final))


def _sync_folder(folder: Path) -> None:
    """Make the new directory entry durable (a crash right after must not lose the file)."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
