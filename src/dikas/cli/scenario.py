"""``dikas scenario``: run what-if scenarios on a twin and compare them.

``dikas scenario run TWIN SCENARIO.yaml [--out FILE] [--json] [--maps DIR]`` applies the
edits to a copy of TWIN (never to TWIN itself) and prints before, after and change of every
affected indicator; ``dikas scenario compare`` puts several scenarios side by side.
"""

from __future__ import annotations

import json
from pathlib import Path

import click
import pandas as pd

from dikas.cli.options import dask_option
from dikas.errors import ParameterError
from dikas.scenarios.batch import run_scenarios
from dikas.scenarios.compare import compare_results, result_from_twin
from dikas.scenarios.maps import difference_maps
from dikas.scenarios.run import ScenarioResult, run_scenario
from dikas.twin.store import Twin

_FILE = click.Path(dir_okay=False, path_type=Path)


def _table(frame: pd.DataFrame) -> str:
    with pd.option_context(
        "display.width",
        160,
        "display.max_rows",
        None,
        "display.max_columns",
        None,
        "display.float_format",
        "{:.4g}".format,
    ):
        return frame.to_string(index=False)


def _draw(result: ScenarioResult, twin: Path, directory: Path) -> list[Path]:
    with Twin.open(twin) as opened:
        areas = opened.read("areas", columns=["postal_code", "geometry"])
        credit = opened.attribution()
    return difference_maps(result, areas, directory, credit=credit)


@click.group("scenario")
def scenario() -> None:
    """What-if scenarios: edit services, housing, greenery and transit; see indicators move."""


@scenario.command("run")
@click.argument("twin", type=_FILE)
@click.argument("scenario_file", type=_FILE)
@click.option(
    "--out", type=_FILE, help="Write the scenario twin (a copy with the edits and the diff) here."
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON on stdout.")
@click.option(
    "--maps",
    "maps_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Draw per-postal-area difference maps (PNG) into this directory.",
)
@click.option("--all-rows", is_flag=True, help="Table: also list indicators that did not move.")
def run(
    twin: Path,
    scenario_file: Path,
    out: Path | None,
    as_json: bool,
    maps_dir: Path | None,
    all_rows: bool,
) -> None:
    """Apply SCENARIO_FILE to a copy of TWIN and report the change of every indicator.

    The table lists the city-level rows (before, after, change); --json prints
    {"name", "provenance", "edits", "recomputed", "diff": {"city": [...], "areas": [...]}}.
    """
    result = run_scenario(twin, scenario_file, out=out)
    maps = _draw(result, twin, maps_dir) if maps_dir else []
    if as_json:
        payload = result.to_dict()
        payload["maps"] = [str(p) for p in maps]
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    city = result.city_frame()
    if not all_rows and not city.empty:
        city = city[city["change"].fillna(0) != 0]
    click.echo(
        f"{result.name}  (base build {result.provenance['base_build_id']}, scenario "
        f"sha256 {result.provenance['scenario_sha256'][:12]}, code "
        f"{result.provenance['code_version']})"
    )
    for edit in result.edits:
        click.echo("  " + ", ".join(f"{k}={v}" for k, v in edit.items() if k != "groups"))
    click.echo(_table(city) if not city.empty else "no indicator changed")
    for path in maps:
        click.echo(f"map: {path}")
    if result.out:
        click.echo(f"scenario twin: {result.out}")


@scenario.command("batch")
@click.argument("twin", type=_FILE)
@click.argument("scenario_files", nargs=-1, required=True, type=_FILE)
@dask_option
@click.option("--json", "as_json", is_flag=True, help="Print the results as a JSON list.")
def batch(
    twin: Path, scenario_files: tuple[Path, ...], dask_address: str | None, as_json: bool
) -> None:
    """Run several scenarios on TWIN, one task each (on a Dask cluster with --dask).

    Prints, per scenario, how many city-level indicator rows moved; --json prints every
    result as `dikas scenario run --json` does.
    """
    results = run_scenarios(twin, list(scenario_files), dask_address=dask_address)
    if as_json:
        click.echo(json.dumps(results, indent=2, ensure_ascii=False))
        return
    for path, result in zip(scenario_files, results, strict=True):
        moved = [row for row in result["diff"]["city"] if (row.get("change") or 0) != 0]
        click.echo(
            f"{result['name']} ({path.name}): {len(result['edits'])} edits, "
            f"{len(moved)} city indicator rows changed"
        )


@scenario.command("compare")
@click.argument("scenarios", nargs=-1, required=True, type=_FILE)
@click.option("--twin", type=_FILE, help="Base twin, when SCENARIOS are YAML files.")
@click.option("--json", "as_json", is_flag=True, help="Print the comparison as JSON.")
def compare(scenarios: tuple[Path, ...], twin: Path | None, as_json: bool) -> None:
    """Put several scenarios side by side: each one's change of every indicator.

    SCENARIOS are scenario twins written by `scenario run --out` or, with --twin, scenario
    YAML files run on that twin.
    """
    results = []
    for path in scenarios:
        if path.suffix == ".duckdb":
            results.append(result_from_twin(path))
        elif twin is None:
            raise ParameterError(
                f"{path}: give --twin to run scenario files, or pass scenario twins (.duckdb)"
            )
        else:
            results.append(run_scenario(twin, path))
    table = compare_results(results)
    if as_json:
        records = table.astype(object).where(table.notna(), None).to_dict("records")
        click.echo(
            json.dumps(
                {"scenarios": [r.name for r in results], "rows": records},
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    changed = table.drop(columns=["indicator", "measure", "population_group", "before"])
    click.echo(_table(table[changed.fillna(0).ne(0).any(axis=1)]))
