"""The project's own promises about its layout and packaging."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# conda-forge names that differ from PyPI names
CONDA_TO_PYPI = {"python-duckdb": "duckdb"}


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement.strip(), maxsplit=1)[0].lower()


def test_environment_yml_lists_the_pyproject_dependencies() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_name(r) for r in project["dependencies"]}
    wanted |= {_name(r) for group in project["optional-dependencies"].values() for r in group}
    wanted.discard(project["name"])  # an extra that pulls in another extra of the project
    listed = set()
    text = (ROOT / "environment.yml").read_text()
    for line in text[text.index("dependencies:") :].splitlines():
        item = re.match(r"^\s*-\s+([A-Za-z][\w.-]*)", line)
        if item and item.group(1) not in ("python", "pip"):
            listed.add(CONDA_TO_PYPI.get(item.group(1), item.group(1)).lower())
    assert listed == wanted


def test_importing_the_pipeline_loads_no_ui_library() -> None:
    code = (
        "import sys, pipeline.runner, pipeline.stages, pipeline.cli;"
        "print(sorted(m for m in ('panel', 'bokeh', 'dashboard') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"
