"""Business rules come from defaults, a TOML settings file and environment variables, in that order."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import (
    ErpSettings,
    GateSettings,
    InboxSettings,
    IntakeSettings,
    PricingSettings,
    Settings,
)
from pipeline.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("ORDERDESK_SETTINGS", "ORDERDESK_GATES_MIN_CONFIDENCE", "ORDERDESK_ERP_ADAPTER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ORDERDESK_DATA_DIR", str(tmp_path))


def test_without_a_file_the_rules_are_the_defaults() -> None:
    settings = Settings.from_env()
    assert settings.settings_file is None
    assert (settings.gates, settings.pricing, settings.erp, settings.intake) == (
        GateSettings(),
        PricingSettings(),
        ErpSettings(),
        IntakeSettings(),
    )
    assert settings.outbox_dir == settings.data_dir / "outbox"


def test_the_shipped_settings_file_states_exactly_the_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORDERDESK_SETTINGS", str(ROOT / "data" / "settings.toml"))
    settings = Settings.from_env()
    assert settings.settings_file == ROOT / "data" / "settings.toml"
    assert (settings.gates, settings.pricing, settings.erp, settings.intake) == (
        GateSettings(),
        PricingSettings(),
        ErpSettings(),
        IntakeSettings(),
    )
    assert settings.inbox == InboxSettings()


def test_a_file_in_the_data_dir_sets_rules_and_the_environment_overrides_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "settings.toml").write_text(
        '[gates]\nmin_confidence = 0.8\nblocking_flags = ["missing_quantity"]\n'
        '[pricing]\ntax_rate = 0.07\n[erp]\nadapter = "http"\nurl = "http://127.0.0.1:9/orders"\n'
    )
    monkeypatch.setenv("ORDERDESK_GATES_MIN_CONFIDENCE", "0.95")
    monkeypatch.setenv("ORDERDESK_GATES_REQUIRE_IN_STOCK", "no")
    settings = Settings.from_env()
    assert settings.gates.min_confidence == 0.95  # environment beats the file
    assert settings.gates.require_in_stock is False
    assert settings.gates.blocking_flags == ("missing_quantity",)  # file beats the default
    assert settings.pricing.tax_rate == 0.07
    assert (settings.erp.adapter, settings.erp.url) == ("http", "http://127.0.0.1:9/orders")
    assert settings.pricing.small_order_charge == PricingSettings().small_order_charge


def test_a_misspelt_setting_is_refused_with_a_suggestion(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text("[gates]\nmin_confidance = 0.8\n")
    with pytest.raises(ConfigError, match=r"gates\.min_confidance; did you mean min_confidence\?"):
        Settings.from_env()


def test_a_moved_setting_says_where_it_went(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "settings.toml").write_text("[limits]\nmax_file_mb = 10\n")
    with pytest.raises(ConfigError, match=r"settings.toml: limits.max_file_mb: this setting is now intake"):
        Settings.from_env()
    (tmp_path / "settings.toml").write_text("[limits]\nmax_request_mb = 10\n")
    monkeypatch.setenv("ORDERDESK_LIMITS_MAX_FILE_MB", "10")
    with pytest.raises(ConfigError, match=r"^ORDERDESK_LIMITS_MAX_FILE_MB: this setting is now intake"):
        Settings.from_env()


def test_an_unknown_section_is_refused(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text("[gate]\nmin_confidence = 0.8\n")
    with pytest.raises(ConfigError, match=r"unknown section\(s\) \['gate'\]"):
        Settings.from_env()


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("ORDERDESK_GATES_MIN_CONFIDENCE", "high", "ORDERDESK_GATES_MIN_CONFIDENCE: cannot use 'high'"),
        ("ORDERDESK_GATES_REQUIRE_IN_STOCK", "maybe", "expected true or false"),
        ("ORDERDESK_ERP_RETRIES", "2.5", "ORDERDESK_ERP_RETRIES: cannot use '2.5'"),
    ],
)
def test_a_bad_environment_value_names_the_variable(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, message: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigError, match=message):
        Settings.from_env()


def test_a_wrongly_typed_file_value_names_the_file_and_key(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text("[erp]\nretries = 1.5\n")
    with pytest.raises(ConfigError, match=r"settings.toml: erp.retries: cannot use 1.5"):
        Settings.from_env()


def test_a_named_settings_file_must_exist(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ORDERDESK_SETTINGS", str(tmp_path / "missing.toml"))
    with pytest.raises(ConfigError, match="which is not a file"):
        Settings.from_env()


def test_a_broken_toml_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text("[gates\n")
    with pytest.raises(ConfigError, match="cannot read settings file"):
        Settings.from_env()
