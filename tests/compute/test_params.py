"""Parameters of the compute functions: dataclass, dict or defaults; unknown keys named."""

from __future__ import annotations

import subprocess
import sys

import pytest

from dikas.accessibility.compute import AccessParams
from dikas.climate.compute import VulnerabilityParams
from dikas.errors import ParameterError
from dikas.params import coerce_params


def test_dicts_become_the_dataclass_with_the_cli_defaults() -> None:
    params = coerce_params(AccessParams, {"mode": "bike", "service_types": ["school"]})
    assert params == AccessParams(mode="bike", service_types=("school",))
    assert params.threshold_min == 15.0 and params.n == 3 and params.max_time_min == 60.0
    assert coerce_params(AccessParams, None) == AccessParams()
    same = VulnerabilityParams(level="grid")
    assert coerce_params(VulnerabilityParams, same) is same
    assert VulnerabilityParams().draws == 200 and VulnerabilityParams().seed == 0


def test_unknown_keys_and_wrong_types_are_parameter_errors() -> None:
    with pytest.raises(
        ParameterError,
        match=r"unknown AccessParams parameter\(s\) 'moda', "
        r"'x'; known: mode, service_types",
    ):
        coerce_params(AccessParams, {"moda": "bike", "x": 1})
    with pytest.raises(ParameterError, match="AccessParams or a dict expected, not list"):
        coerce_params(AccessParams, ["walk"])  # type: ignore[arg-type]


def test_importing_dikas_imports_no_compute_module() -> None:
    code = (
        "import sys, dikas; assert 'dikas.climate.compute' not in sys.modules; "
        "assert 'pandas' not in sys.modules; "
        "assert dikas.compute_heat.__module__ == 'dikas.climate.compute'; "
        "assert callable(dikas.compute_access)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
