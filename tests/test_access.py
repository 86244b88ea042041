"""Login configuration, password hashes, roles and upload limits, without a server (``dashboard.access``)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from dashboard.access import LOCAL, Access, AccessDeniedError, User, hash_password, verify_password
from dashboard.access.login import HashedAuthProvider, serve_options
from dashboard.access.passwords import check_login, same_secret
from dashboard.review_store import ReviewStore
from dashboard.uploads import request_too_big, within_limits
from pipeline.config import AccessSettings, IntakeSettings, LimitsSettings
from pipeline.errors import ConfigError
from pipeline.orders import OrderService
from tests.conftest import Desk

ROOT = Path(__file__).resolve().parents[1]
SECRET = "s" * 40
PYTHONPATH = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))


def test_a_password_hash_verifies_only_its_password() -> None:
    stored = hash_password("correct horse")
    assert stored.startswith("scrypt$") and "correct horse" not in stored
    assert verify_password("correct horse", stored)
    assert not verify_password("correct horsE", stored)
    assert hash_password("correct horse") != stored  # salted
    assert not verify_password("correct horse", stored[:-8] + "AAAAAAA=")  # a corrupted entry
    assert not verify_password("plain", "plain")  # a plain password is never accepted as a hash
    users = {"ann": stored}
    assert check_login(users, "ann", "correct horse")
    assert not check_login(users, "bob", "correct horse") and not check_login(users, "ann", "")
    assert same_secret("token-1", "token-1") and not same_secret("token-1", "token-12")


def test_login_is_off_unless_configured_and_off_only_on_loopback() -> None:
    access = Access.from_env({})
    assert not access.login and serve_options(access) == {}
    for address in ("127.0.0.1", "localhost", "::1", "127.0.0.2"):
        access.refuse_open_bind(address)
    for address in ("0.0.0.0", "192.168.1.10", "desk.example.com", "::"):
        with pytest.raises(ConfigError) as refused:
            access.refuse_open_bind(address)
        for variable in ("ORDERDESK_USERS_FILE", "ORDERDESK_OAUTH_PROVIDER", "ORDERDESK_COOKIE_SECRET"):
            assert variable in str(refused.value)


def test_a_users_file_with_a_cookie_secret_turns_login_on(tmp_path: Path) -> None:
    users = tmp_path / "users"
    users.write_text(f"# desk staff\nann:{hash_password('pw-ann')}\n\nbob:{hash_password('pw-bob')}\n")
    env = {"ORDERDESK_USERS_FILE": str(users), "ORDERDESK_COOKIE_SECRET": SECRET}
    access = Access.from_env(env | {"ORDERDESK_API_TOKENS": "nightly:tok-1, report:tok-2"})
    assert access.login and set(access.users) == {"ann", "bob"}
    assert access.tokens == {"nightly": "tok-1", "report": "tok-2"}
    access.refuse_open_bind("0.0.0.0")
    options = serve_options(access)
    assert options["cookie_secret"] == SECRET and isinstance(options["auth_provider"], HashedAuthProvider)
    assert options["auth_provider"].login_handler.users == access.users
    shown = f"{access!r} {access.describe()}"
    assert SECRET not in shown and "tok-1" not in shown and "scrypt" not in shown
    assert access.describe() == "login on: 2 users, 2 API tokens"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"ORDERDESK_USERS": "ann:hunter2"}, "password of user 'ann' is not hashed"),
        ({"ORDERDESK_USERS": "ann"}, "entry 1 is not name:hash"),
        ({"ORDERDESK_USERS_FILE": "/no/such/users"}, "cannot read /no/such/users"),
        ({"ORDERDESK_OAUTH_PROVIDER": "github"}, "also needs ORDERDESK_OAUTH_KEY and ORDERDESK_OAUTH_SECRET"),
        ({"ORDERDESK_API_TOKENS": "nightly:tok"}, "needs a login for the pages too"),
    ],
)
def test_a_login_setting_that_cannot_work_is_refused_clearly(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message) as refused:
        Access.from_env(env | {"ORDERDESK_COOKIE_SECRET": SECRET})
    assert "hunter2" not in str(refused.value)  # the message never repeats a password


def test_login_needs_a_long_cookie_secret() -> None:
    users = {"ORDERDESK_USERS": f"ann:{hash_password('pw')}"}
    for secret in ({}, {"ORDERDESK_COOKIE_SECRET": "short"}):
        with pytest.raises(ConfigError, match="ORDERDESK_COOKIE_SECRET of at least 32"):
            Access.from_env(users | secret)


def test_oauth_is_handed_to_panel() -> None:
    env = {"ORDERDESK_OAUTH_PROVIDER": "github", "ORDERDESK_OAUTH_KEY": "k", "ORDERDESK_OAUTH_SECRET": "v"}
    env |= {"ORDERDESK_COOKIE_SECRET": SECRET, "ORDERDESK_OAUTH_EXTRA_PARAMS": '{"scope": "read:user"}'}
    options = serve_options(Access.from_env(env))
    assert options == {
        "cookie_secret": SECRET,
        "oauth_provider": "github",
        "oauth_key": "k",
        "oauth_secret": "v",
        "oauth_extra_params": {"scope": "read:user"},
    }


def test_only_approvers_decide_once_login_is_on() -> None:
    approvers = AccessSettings(approvers=("ann",))
    assert User("ann", signed_in=True).may_approve(approvers)
    assert not User("bob", signed_in=True).may_approve(approvers)
    assert LOCAL.may_approve(approvers)  # login off: loopback only, whoever opened the page
    with pytest.raises(AccessDeniedError, match="bob may not export orders"):
        User("bob", signed_in=True).require_approver(approvers, "export")


def test_files_over_the_limit_are_refused_by_name_and_the_rest_go_on() -> None:
    limits = LimitsSettings(max_request_mb=2)
    files = [("a.txt", b"a" * 100), ("big.pdf", b"b" * (1024 * 1024 + 1)), ("c.txt", b"c")]
    fitting, refused = within_limits(files, IntakeSettings(max_file_mb=1))
    assert [name for name, _ in fitting] == ["a.txt", "c.txt"]
    assert refused == [{"filename": "big.pdf", "error": refused[0]["error"]}]
    assert refused[0]["error"].startswith("big.pdf is 1 MB; files may be at most 1 MB")
    assert refused[0]["error"].endswith("(setting intake.max_file_mb)")
    assert request_too_big(2 * 1024 * 1024, limits) is None
    assert "at most 2 MB" in request_too_big(3 * 1024 * 1024, limits)


def test_hash_password_prints_a_users_file_line() -> None:
    env = os.environ | {
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    }
    command = [sys.executable, "-m", "dashboard", "hash-password", "ann"]
    done = subprocess.run(command, input="s3cret pw\n", capture_output=True, text=True, env=env, check=True)
    name, stored = done.stdout.strip().split(":", 1)
    assert name == "ann" and verify_password("s3cret pw", stored) and "s3cret" not in done.stdout


def test_serving_beyond_loopback_without_login_refuses_to_start(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ORDERDESK_")}
    env |= {"PYTHONPATH": PYTHONPATH, "ORDERDESK_DATA_DIR": str(tmp_path)}
    command = [sys.executable, "-m", "dashboard", "serve", "--address", "0.0.0.0", "--port", "1"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr.startswith("error: refusing to serve on 0.0.0.0 without login")
    assert "ORDERDESK_USERS_FILE" in done.stderr and "Traceback" not in done.stderr
    assert not list(tmp_path.iterdir())  # refused before opening anything


def test_on_the_review_page_only_an_approver_decides_and_the_audit_names_them(desk: Desk) -> None:
    """The review page's store asks the same rule as the HTTP API before approve, reject or reopen."""
    order_id = desk.process("sample_order_1.txt")
    settings = replace(desk.settings, access=AccessSettings(approvers=("ann",)))
    orders = OrderService(desk.ledger, desk.runner.catalog, settings)
    bob = ReviewStore(orders=orders, user=User("bob", signed_in=True), actor="bob", order_id=order_id)
    assert not bob.approve("looks fine") and "bob may not approve orders" in bob.message
    assert not bob.reject("no stock") and desk.service.get(order_id).status == "needs_review"
    ann = ReviewStore(orders=orders, user=User("ann", signed_in=True), actor="ann", order_id=order_id)
    assert ann.approve("checked"), ann.message
    assert not bob.reopen("wrong part") and desk.service.get(order_id).status == "approved"
    audit = [(entry.action, entry.actor) for entry in desk.service.audit_log(order_id)]
    assert audit[-1] == ("approve", "ann") and "bob" not in {actor for _, actor in audit}
