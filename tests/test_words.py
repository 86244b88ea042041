"""Every code a desk can be shown has words (``pipeline.words``): walked from the source, then seen
in real orders; and the API carries the words beside the codes, never instead of them."""

from __future__ import annotations

import ast
import typing
from pathlib import Path

import pytest

from pipeline.bounds import ALWAYS_BLOCKING
from pipeline.catalog.schema import FORMS, UOMS
from pipeline.config import DEFAULT_BLOCKING_FLAGS
from pipeline.models import StockStatus
from pipeline.words import REASONS, UNITS, form_words, reason_words, unit_words
from tests.conftest import SAMPLES, Desk

PIPELINE = Path(__file__).resolve().parents[1] / "pipeline"


def _module_constants(trees: list[ast.Module]) -> dict[str, str]:
    """Module-level ``NAME = "text"`` of every pipeline module (flags are often named so)."""
    found = {}
    for tree in trees:
        for node in tree.body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                for target in node.targets:
                    if isinstance(target, ast.Name) and isinstance(node.value.value, str):
                        found[target.id] = node.value.value
    return found


def _strings(node: ast.AST, constants: dict[str, str]) -> set[str]:
    """The strings an expression can be: a literal, a named constant, either branch of an ``if``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.Name) and node.id in constants:
        return {constants[node.id]}
    if isinstance(node, ast.IfExp):
        return _strings(node.body, constants) | _strings(node.orelse, constants)
    if isinstance(node, ast.Tuple | ast.List):
        return set().union(*(_strings(element, constants) for element in node.elts))
    return set()


def emitted_codes() -> set[str]:
    """Codes the source can emit: each ``GateReason`` code, each flag appended to or listed in a
    line's or header's flags, each stock status a gate reports, and every blocking flag."""
    trees = [ast.parse(path.read_text()) for path in PIPELINE.rglob("*.py")]
    constants = _module_constants(trees)
    codes = set(DEFAULT_BLOCKING_FLAGS) | set(ALWAYS_BLOCKING)
    codes |= {status for status in typing.get_args(StockStatus)}
    for tree in trees:
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            function = node.func
            if isinstance(function, ast.Name) and function.id == "GateReason" and node.args:
                codes |= _strings(node.args[0], constants)
            if (
                isinstance(function, ast.Attribute)
                and function.attr == "append"
                and isinstance(function.value, ast.Attribute)
                and function.value.attr == "flags"
            ):
                codes |= _strings(node.args[0], constants)
        for node in ast.walk(tree):  # item.flags = [..., *("missing_quantity", "shared_size") ...]
            if isinstance(node, ast.Assign) and any(
                isinstance(target, ast.Attribute) and target.attr == "flags" for target in node.targets
            ):
                for inner in ast.walk(node.value):
                    codes |= _strings(inner, constants) if isinstance(inner, ast.Tuple) else set()
    return codes


def test_the_walk_finds_the_codes_it_should() -> None:
    codes = emitted_codes()
    # a gate's literal, a stock status, a flag named by a constant, one from a conditional, one from a tuple
    assert {"no_match", "backorder", "grade_from_context", "ambiguous_grade", "shared_size"} <= codes
    assert {"quote_requested", "new_customer", "unit_not_sold", "multiple_ship_to"} <= codes


def test_every_code_the_pipeline_can_emit_has_words() -> None:
    missing = sorted(code for code in emitted_codes() if code not in REASONS)
    assert not missing, f"codes without words in pipeline/words.py: {missing}"
    assert all(words and "_" not in words for words in REASONS.values())


def test_every_form_and_unit_has_words() -> None:
    assert [form_words(form) for form in FORMS] == [form_words(form) for form in FORMS]
    assert all("_" not in form_words(form) for form in FORMS)
    assert form_words("bar_rectangular") == "flat bar" and form_words("tube_round") == "round tube"
    assert {*UOMS, "LB"} <= set(UNITS) and unit_words("FT") == "feet" and unit_words("EA") == "pieces"
    assert reason_words("ambiguous_grade") == "grade unclear: more than one named"


@pytest.mark.parametrize("sample", sorted(path.name for path in SAMPLES.glob("*.txt")))
def test_real_orders_show_only_codes_with_words_and_keep_the_codes(desk: Desk, sample: str) -> None:
    order = desk.service.get(desk.process(sample)).to_dict()
    for detail in order["review"]["details"]:
        assert detail["code"] in REASONS and detail["words"] == REASONS[detail["code"]]
    for line in order["lines"]:
        assert line["review"]["words"] == [REASONS[code] for code in line["review"]["codes"]]
        assert line["flag_words"] == [REASONS[flag] for flag in line["flags"]]
        assert line["form_words"] == form_words(line["form"]) and "_" not in line["form_words"]
        assert line["uom_words"] == unit_words(line["uom"])
        for candidate in [line["match"], *(line["match"] or {}).get("alternatives", [])]:
            if candidate:
                assert candidate["form_words"] == form_words(candidate["form"])
                assert not any(
                    form in reason for form in FORMS if "_" in form for reason in candidate["reasons"]
                )
