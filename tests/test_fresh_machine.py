"""`make test` sets up what pip cannot: tools/ensure-system-packages finds, installs or asks for
Chromium, dovecot and openssl."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "tools" / "ensure-system-packages"


def _run(env: dict[str, str], as_user: str | None = None) -> subprocess.CompletedProcess[str]:
    prefix = ["runuser", "-u", as_user, "--"] if as_user else []
    with tempfile.TemporaryDirectory() as folder:
        script = SCRIPT
        if as_user:  # the clone may sit in a folder only root can read (mktemp -d): a readable copy
            os.chmod(folder, 0o755)
            script = Path(shutil.copy(SCRIPT, folder))
            os.chmod(script, 0o755)
        return subprocess.run(
            [*prefix, "sh", str(script)], capture_output=True, text=True, env=os.environ | env, timeout=60
        )


def test_a_machine_with_chromium_needs_nothing_more() -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("this machine has no chromium to find")
    done = _run({"CHROMIUM": chromium})
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_without_chromium_and_root_it_says_in_one_line_what_to_run() -> None:
    as_user = "nobody" if os.geteuid() == 0 else None
    if as_user and shutil.which("runuser") is None:
        pytest.skip("needs runuser to run the script as someone other than root")
    done = _run({"CHROMIUM": "no-such-chromium"}, as_user)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert "apt-get install -y chromium" in done.stderr


def test_make_test_and_ci_go_through_it() -> None:
    makefile = (ROOT / "Makefile").read_text()
    assert "\ntest: setup catalog browser lint\n" in makefile
    assert "\tsh tools/ensure-system-packages" in makefile.replace("@sh", "sh")
    ci = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if line and line[0] != "#"]
    assert ci[-1] == "make test"
