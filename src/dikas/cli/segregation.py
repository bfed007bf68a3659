"""``dikas segregation``: global indices, inference, local measures and pictures.

Units come from a twin (``--twin FILE --level areas|grid [--year Y]``) or from any polygon
file (``--input FILE``, reprojected to EPSG:3067). Results computed from a twin are also
written to its ``indicators`` table.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import click
import geopandas as gpd
import pandas as pd
from pyogrio.errors import DataLayerError, DataSourceError

import dikas
from dikas.cli.options import dask_option, store_option
from dikas.errors import DataError, ParameterError
from dikas.progress import step
from dikas.segregation.compute import (
    LEVELS,
    TREND_INDICES,
    LocalSegregationParams,
    SegregationParams,
    TrendParams,
    compute_local_segregation,
    compute_segregation,
    compute_segregation_trend,
    local_segregation_of_units,
    segregation_of_units,
)
from dikas.segregation.inference import DEFAULT_CHUNK_SIZE as DEFAULT_DRAWS_PER_CHUNK
from dikas.segregation.inference import PeriodComparison
from dikas.segregation.plots import lisa_map, trend_chart
from dikas.segregation.profile import multiscalar_profile
from dikas.segregation.units import two_group_counts
from dikas.settings import TWIN_CRS
from dikas.twin.indicator_batch import IndicatorBatch
from dikas.twin.schema import unit_key


@dataclass(frozen=True)
class Source:
    """Where the units come from."""

    twin: Path | None
    level: str
    year: int | None
    input: Path | None

    @property
    def label(self) -> str:
        return str(self.input) if self.input else f"{self.twin}:{self.level}"

    def read(self, columns: list[str]) -> tuple[gpd.GeoDataFrame, str | None]:
        """The units with ``columns`` and the id column (``None``: row numbers)."""
        if self.input is not None:
            frame = _read_file(self.input)
            missing = [c for c in columns if c not in frame.columns]
            if missing:
                raise ParameterError(
                    f"{self.input} has no column(s) {', '.join(map(repr, missing))}"
                )
            if self.year is not None and "year" in frame.columns:
                frame = frame[frame["year"] == self.year]
            return frame, next((c for c in ("postal_code", "cell_id", "id") if c in frame), None)
        id_column = unit_key(self.level)
        with dikas.open(str(self.twin)) as twin:
            frame = twin.read(
                self.level,
                year=self.year if self.level == "areas" else None,
                columns=[id_column, *columns],
            )
        return frame, id_column

    def credit(self) -> str:
        """The data producers' attribution of the units (empty for a user's file)."""
        if self.twin is None:
            return ""
        with dikas.open(str(self.twin)) as twin:
            return twin.attribution([self.level])


def _read_file(path: Path) -> gpd.GeoDataFrame:
    if not path.exists():
        raise DataError("no such file", path=path)
    try:
        frame = gpd.read_file(path)
    except (DataSourceError, DataLayerError) as error:
        raise DataError(f"cannot read polygons: {error}", path=path) from None
    if frame.crs is None:
        raise DataError("the file has no CRS", path=path)
    return frame.to_crs(TWIN_CRS)


def _source_options(function):
    options = [
        click.option(
            "--twin",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Twin file to read units from (results are stored in it).",
        ),
        click.option(
            "--level",
            type=click.Choice(list(LEVELS)),
            default="areas",
            show_default=True,
            help="Units in the twin: postal areas, the city's statistical districts "
            "(where the catalog has them) or 250 m cells.",
        ),
        click.option(
            "--year",
            type=int,
            default=None,
            help="Year of the postal-area data (default: the latest).",
        ),
        click.option(
            "--input",
            "input_path",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Any polygon file instead of a twin.",
        ),
        click.option("--group", help="Column with the focal group's count."),
        click.option("--total", help="Column with the unit's total population."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _source(twin: Path | None, level: str, year: int | None, input_path: Path | None) -> Source:
    if (twin is None) == (input_path is None):
        raise ParameterError("give exactly one of --twin FILE or --input FILE")
    if twin is not None and level == "areas" and year is None:
        with dikas.open(str(twin)) as opened:
            years = opened.years("areas")
        year = max(years) if years else None
    return Source(twin, level, year, input_path)


def _names(names: str | None) -> list[str] | None:
    return [n.strip() for n in names.split(",") if n.strip()] if names else None


@click.group(invoke_without_command=True)
@_source_options
@click.option("--groups", help="Comma-separated group columns for the multigroup indices.")
@click.option(
    "--index",
    "names",
    default=None,
    help="Comma-separated index names instead of the whole suite (e.g. "
    "relative_clustering_corrected).",
)
@click.option(
    "--permutations",
    type=int,
    default=0,
    show_default=True,
    help="Also test every index against this many simulated data sets.",
)
@click.option(
    "--null",
    type=click.Choice(["permutation", "systematic", "evenness"]),
    default="permutation",
    show_default=True,
    help="Null model of the test.",
)
@click.option("--seed", type=int, default=None, help="Random seed of the inference.")
@click.option(
    "--chunk-size",
    "draws_per_chunk",
    type=click.IntRange(1),
    default=DEFAULT_DRAWS_PER_CHUNK,
    show_default=True,
    help="Simulated data sets per chunk (one task each on Dask); with --seed, "
    "results depend on it, not on where chunks run.",
)
@dask_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object on stdout.")
@store_option
@click.pass_context
def segregation(
    ctx: click.Context,
    twin: Path | None,
    level: str,
    year: int | None,
    input_path: Path | None,
    group: str | None,
    total: str | None,
    groups: str | None,
    names: str | None,
    permutations: int,
    null: str,
    seed: int | None,
    draws_per_chunk: int,
    dask_address: str | None,
    as_json: bool,
    store: bool,
) -> None:
    """Global segregation indices of one group (--group/--total) or several (--groups).

    Prints every applicable index with PySAL segregation's default parameters; with --json
    one object {"indices": {...}, "n_units": N, "excluded": [...], ...}. Python:
    dikas.compute_segregation.
    """
    if ctx.invoked_subcommand is not None:
        return
    source = _source(twin, level, year, input_path)
    group_list = [g.strip() for g in groups.split(",")] if groups else []
    if bool(group_list) == bool(group or total):
        raise ParameterError("give either --group and --total, or --groups COL1,COL2,...")
    if not group_list and not (group and total):
        raise ParameterError("--group needs --total")
    params = SegregationParams(
        group=group,
        total=total,
        groups=tuple(group_list),
        level=level,
        year=source.year,
        indices=_index_names(names),
        permutations=permutations,
        null=null,  # type: ignore[arg-type]
        seed=seed,
        chunk_size=draws_per_chunk,
        dask_address=dask_address,
    )
    with step("segregation indices", enabled=not as_json):
        if source.twin is not None:
            with dikas.open(str(source.twin)) as opened:
                batch = compute_segregation(opened, params)
        else:
            frame, id_column = source.read(group_list or [group or "", total or ""])
            batch = segregation_of_units(frame, params, id_column=id_column, year=source.year)
    if source.twin is not None and store:
        _store(source.twin, batch)
    _print_suite(batch, source, as_json)


def _index_names(names: str | None) -> tuple[str, ...] | None:
    listed = _names(names)
    return tuple(listed) if listed else None


def _store(twin: Path, batch: IndicatorBatch) -> None:
    with dikas.open(str(twin), read_only=False) as writable:
        batch.store(writable)


def suite_payload(batch: IndicatorBatch, *, source: str, year: int | None) -> dict[str, object]:
    """What ``dikas segregation --json`` prints for a :func:`compute_segregation` batch."""
    summary = batch.summary
    payload = {
        "indices": summary["indices"],
        "n_units": summary["n_units"],
        "excluded": summary["excluded"],
        "notes": summary["notes"],
        "parameters": summary["parameters"],
        "source": source,
        "year": year,
        "population_group": summary["population_group"],
    }
    if summary.get("p_values"):
        payload["p_values"] = summary["p_values"]
        payload["null"] = summary["null"]
    return payload


def _print_suite(batch: IndicatorBatch, source: Source, as_json: bool) -> None:
    summary = batch.summary
    if as_json:
        click.echo(
            json.dumps(suite_payload(batch, source=source.label, year=source.year), indent=2)
        )
        return
    indices: dict[str, float | None] = summary["indices"]  # type: ignore[assignment]
    excluded: list[dict[str, str]] = summary["excluded"]  # type: ignore[assignment]
    notes: dict[str, str] = summary["notes"]  # type: ignore[assignment]
    p_values: dict[str, float | None] = summary.get("p_values", {})  # type: ignore[assignment]
    population = summary["population_group"]
    click.echo(f"{population} — {source.label}" + (f", {source.year}" if source.year else ""))
    click.echo(
        f"{summary['n_units']} units"
        + (
            "; excluded: " + ", ".join(f"{e['unit_id']} ({e['reason']})" for e in excluded)
            if excluded
            else ""
        )
    )
    for name, value in indices.items():
        p = f"   p = {_float(p_values[name]):.3f}" if name in p_values else ""
        click.echo(f"  {name:<44} {_float(value): .6f}{p}")
        if name in notes:
            click.echo(f"    ({notes[name]})")


def _float(value: float | None) -> float:
    return float("nan") if value is None else value


def _json_number(value: float) -> float | None:
    return value if math.isfinite(value) else None


@segregation.command("local")
@_source_options
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Layer to write (.gpkg, .geojson, .parquet ...).",
)
@click.option(
    "--map",
    "map_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also draw the LISA clusters (.png or .svg).",
)
@click.option(
    "--permutations",
    type=int,
    default=999,
    show_default=True,
    help="Conditional permutations for local Moran's I.",
)
@click.option("--significance", type=float, default=0.05, show_default=True)
@click.option("--seed", type=int, default=None, help="Random seed of the permutations.")
@store_option
def local(
    twin: Path | None,
    level: str,
    year: int | None,
    input_path: Path | None,
    group: str | None,
    total: str | None,
    output: Path,
    map_path: Path | None,
    permutations: int,
    significance: float,
    seed: int | None,
    store: bool,
) -> None:
    """Location quotient, local entropy, local Moran's I (LISA) and Gi* of group/total.

    Python: dikas.compute_local_segregation.
    """
    if not (group and total):
        raise ParameterError("local measures need --group and --total")
    source = _source(twin, level, year, input_path)
    params = LocalSegregationParams(
        group=group,
        total=total,
        level=level,
        year=source.year,
        permutations=permutations,
        significance=significance,
        seed=seed,
    )
    with step("local measures"):
        if source.twin is not None:
            with dikas.open(str(source.twin)) as opened:
                batch = compute_local_segregation(opened, params)
        else:
            frame, id_column = source.read([group, total])
            batch = local_segregation_of_units(frame, params, id_column=id_column, year=source.year)
    write_local_layer(batch, output, map_path, credit=source.credit())
    if source.twin is not None and store:
        _store(source.twin, batch)


def write_local_layer(
    batch: IndicatorBatch, output: Path, map_path: Path | None, *, credit: str
) -> None:
    """Write a local-segregation batch's layer (and, with ``map_path``, its LISA map)."""
    layer = gpd.GeoDataFrame(
        batch.units.drop(columns="reason").reset_index(drop=True),
        geometry="geometry",
        crs=batch.units.crs,
    )
    if output.suffix == ".parquet":
        layer.to_parquet(output)
    else:
        layer.to_file(output)
    click.echo(f"wrote {len(layer)} units to {output}")
    if map_path is not None:
        parameters = batch.parameters
        lisa_map(
            layer,
            map_path,
            title=f"LISA clusters of {parameters['group']} / {parameters['total']}",
            credit=credit,
        )
        click.echo(f"wrote {map_path}")


@segregation.command("trend")
@click.option(
    "--twin",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Twin with several years of postal-area data.",
)
@click.option("--group", required=True, help="Column with the focal group's count.")
@click.option("--total", required=True, help="Column with the unit's total population.")
@click.option(
    "--index",
    "names",
    default=",".join(TREND_INDICES),
    show_default=True,
    help="Comma-separated indices to follow.",
)
@click.option(
    "--chart",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Draw the trend (.png or .svg).",
)
@click.option(
    "--permutations",
    type=int,
    default=999,
    show_default=True,
    help="Random-label permutations of the first-vs-last-year test.",
)
@click.option("--seed", type=int, default=None)
@dask_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object on stdout.")
def trend(
    twin: Path,
    group: str,
    total: str,
    names: str,
    chart: Path | None,
    permutations: int,
    seed: int | None,
    dask_address: str | None,
    as_json: bool,
) -> None:
    """Indices for every year of the twin's postal areas, and whether first → last changed.

    Python: dikas.compute_segregation_trend.
    """
    params = TrendParams(
        group=group,
        total=total,
        indices=tuple(_names(names) or ()),
        permutations=permutations,
        seed=seed,
        dask_address=dask_address,
    )
    with dikas.open(str(twin)) as opened:
        batch = compute_segregation_trend(opened, params)
        credit = opened.attribution(["areas"])
    years: list[int] = batch.summary["years"]  # type: ignore[assignment]
    values: pd.DataFrame = batch.summary["values"]
    changes: dict[str, PeriodComparison] = batch.summary["changes"]  # type: ignore[assignment]
    if chart is not None:
        trend_chart(values, chart, title=f"Segregation of {group} / {total}", credit=credit)
    if as_json:
        click.echo(json.dumps(trend_payload(batch), indent=2))
        return
    click.echo(values.to_string(float_format=lambda v: f"{v:.6f}"))
    for name, change in changes.items():
        verdict = "significant" if change.significant() else "not significant"
        click.echo(
            f"{name}: {years[0]}→{years[-1]} change {change.difference:+.6f}, "
            f"p = {change.p_value:.3f} ({verdict} at 5 %)"
        )
    if chart is not None:
        click.echo(f"wrote {chart}")


def trend_payload(batch: IndicatorBatch) -> dict[str, object]:
    """What ``dikas segregation trend --json`` prints for a trend batch."""
    years: list[int] = batch.summary["years"]  # type: ignore[assignment]
    values: pd.DataFrame = batch.summary["values"]
    changes: dict[str, PeriodComparison] = batch.summary["changes"]  # type: ignore[assignment]
    return {
        "years": years,
        "indices": {
            n: {str(y): _json_number(values.loc[y, n]) for y in years} for n in values.columns
        },
        "change": {
            n: {
                "from": years[0],
                "to": years[-1],
                "difference": _json_number(c.difference),
                "p_value": _json_number(c.p_value),
            }
            for n, c in changes.items()
        },
    }


@segregation.command("profile")
@_source_options
@click.option(
    "--index", "name", default="dissimilarity", show_default=True, help="Aspatial index to profile."
)
@click.option(
    "--distances",
    default="250,500,1000,2000,4000",
    show_default=True,
    help="Comma-separated bandwidths in metres.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object on stdout.")
def profile(
    twin: Path | None,
    level: str,
    year: int | None,
    input_path: Path | None,
    group: str | None,
    total: str | None,
    name: str,
    distances: str,
    as_json: bool,
) -> None:
    """Multiscalar profile: the index of distance-smoothed counts for each bandwidth."""
    if not (group and total):
        raise ParameterError("a profile needs --group and --total")
    try:
        bands = [float(d) for d in distances.split(",")]
    except ValueError:
        raise ParameterError(f"--distances must be numbers, got {distances!r}") from None
    source = _source(twin, level, year, input_path)
    frame, id_column = source.read([group, total])
    counts = two_group_counts(frame, group=group, total=total, id_column=id_column)
    values = multiscalar_profile(name, counts, bands)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "index": name,
                    "profile": {str(d): _json_number(v) for d, v in values.items()},
                    "n_units": counts.n_units,
                    "source": source.label,
                },
                indent=2,
            )
        )
        return
    click.echo(values.to_string(float_format=lambda v: f"{v:.6f}"))
