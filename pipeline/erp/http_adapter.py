"""An ERP adapter that POSTs the order JSON to a URL, retrying with exponential backoff.

Retries only what may succeed later (connection errors, timeouts, HTTP 408/429/5xx, an answer
cut short or with a bad status line); a 4xx refusal is final. An answer that cannot be read is
an ``ErpError`` like any other, so the exporter records a failed, retryable submission. Each
attempt carries the same ``Idempotency-Key`` header, so an ERP that received an attempt whose
answer was lost does not create the order twice.
"""

from __future__ import annotations

import http.client
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any

from pipeline.erp.adapter import ErpError, ErpReceipt

RETRYABLE_STATUS = frozenset({408, 429, 500, 502, 503, 504})


class HttpAdapter:
    name = "http"

    def __init__(
        self,
        url: str,
        *,
        retries: int = 3,
        backoff_s: float = 0.5,
        timeout_s: float = 10.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if not url.startswith(("http://", "https://")):
            raise ErpError(f"ERP URL {url!r} must start with http:// or https:// (set ORDERDESK_ERP_URL)")
        self.url, self.retries, self.backoff_s, self.timeout_s = url, retries, backoff_s, timeout_s
        self._sleep = sleep

    def submit(self, payload: dict[str, Any], idempotency_key: str) -> ErpReceipt:
        body = json.dumps(payload, allow_nan=False).encode()
        problem = ""
        for attempt in range(self.retries + 1):
            if attempt:
                self._sleep(self.backoff_s * 2 ** (attempt - 1))
            try:
                return self._post(body, idempotency_key)
            except urllib.error.HTTPError as error:
                detail = error.read().decode(errors="replace")[:200]
                if error.code not in RETRYABLE_STATUS:
                    raise ErpError(
                        f"{self.url} refused {idempotency_key}: HTTP {error.code} {detail}"
                    ) from error
                problem = f"HTTP {error.code} {detail}".strip()
            except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
                problem = str(getattr(error, "reason", error))
            except http.client.HTTPException as error:  # a bad status line, a body cut short
                problem = f"its answer could not be read ({type(error).__name__})"
        attempts = self.retries + 1
        raise ErpError(f"{self.url} did not take {idempotency_key} after {attempts} attempts: {problem}")

    def _post(self, body: bytes, idempotency_key: str) -> ErpReceipt:
        request = urllib.request.Request(
            self.url,
            data=body,
            method="POST",
            headers={"Content-Type": "application/json", "Idempotency-Key": idempotency_key},
        )
        with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
            body = response.read()
        try:
            answer = json.loads(body or b"{}")
        except ValueError:
            answer = None
        if not isinstance(answer, dict):  # the ERP may or may not have booked it: retry with the key
            raise ErpError(
                f"{self.url} answered {idempotency_key} with HTTP {response.status} but its answer could"
                f" not be read (not a JSON object: {body[:80]!r}); export again to retry"
            )
        erp_id = str(answer.get("erp_id") or answer.get("id") or idempotency_key)
        status = "duplicate" if answer.get("status") == "duplicate" else "accepted"
        return ErpReceipt(erp_id, status, self.url)
