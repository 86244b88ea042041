"""Secrets (mailbox and SMTP passwords) come from the environment or a file, never from settings."""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.errors import ConfigError


def read_secret(variable: str, path: str, setting: str) -> str:
    """The environment ``variable`` if set, else the first line of the file ``path`` (the value of
    ``setting``); a ``ConfigError`` naming both when neither gives one. The secret is never in it."""
    if variable in os.environ:
        return os.environ[variable]
    if not path:
        raise ConfigError(f"no password: set {variable} or {setting}")
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()[0]
    except (OSError, IndexError) as error:
        raise ConfigError(f"{setting} {path}: no password could be read from it") from error
