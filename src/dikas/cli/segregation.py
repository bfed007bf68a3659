"""``dikas segregation``: global indices, inference, local measures and pictures.

Units come from a twin (``--twin FILE --level areas|grid [--year Y]``) or from any polygon
file (``--input FILE``, reprojected to EPSG:3067). Results computed from a twin are also
written to its ``indicators`` table.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from pathlib import Path
from typing import cast

import click
import geopandas as gpd
import pandas as pd
from pyogrio.errors import DataLayerError, DataSourceError

import dikas
from dikas.cli.options import dask_option
from dikas.errors import DataError, ParameterError
from dikas.progress import step
from dikas.segregation.indices import IndexSuite, compute_indices
from dikas.segregation.inference import DEFAULT_CHUNK_SIZE as DEFAULT_DRAWS_PER_CHUNK
from dikas.segregation.inference import NullModel, NullTest, compare_periods, null_tests
from dikas.segregation.local import local_measures
from dikas.segregation.plots import lisa_map, trend_chart
from dikas.segregation.profile import multiscalar_profile
from dikas.segregation.records import global_indicator_rows, local_indicator_rows
from dikas.segregation.units import (
    MultiGroupCounts,
    TwoGroupCounts,
    multigroup_counts,
    two_group_counts,
)
from dikas.settings import TWIN_CRS, load_settings
from dikas.sources.paavo import resolve_column

UNIT_IDS = {"areas": "postal_code", "districts": "district_id", "grid": "cell_id"}


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
                raise ParameterError(f"{self.input} has no column(s) {', '.join(map(repr, missing))}")
            if self.year is not None and "year" in frame.columns:
                frame = frame[frame["year"] == self.year]
            return frame, next((c for c in ("postal_code", "cell_id", "id") if c in frame), None)
        id_column = UNIT_IDS.get(self.level)
        with dikas.open(str(self.twin)) as twin:
            frame = twin.read(self.level, year=self.year if self.level == "areas" else None,
                              columns=[id_column, *columns])
        # Paavo codes (hr_pi_tul) come back under their twin names; keep the user's names.
        aliases = {resolve_column(c): c for c in columns if resolve_column(c) != c}
        return frame.rename(columns=aliases), id_column

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
        click.option("--twin", type=click.Path(dir_okay=False, path_type=Path),
                     help="Twin file to read units from (results are stored in it)."),
        click.option("--level", type=click.Choice(list(UNIT_IDS)), default="areas",
                     show_default=True,
                     help="Units in the twin: postal areas, the city's statistical districts "
                          "(where the catalog has them) or 250 m cells."),
        click.option("--year", type=int, default=None,
                     help="Year of the postal-area data (default: the latest)."),
        click.option("--input", "input_path", type=click.Path(dir_okay=False, path_type=Path),
                     help="Any polygon file instead of a twin."),
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


def _population_group(group: str | None, total: str | None, groups: list[str]) -> str:
    return f"{group}/{total}" if group else ",".join(groups)


@click.group(invoke_without_command=True)
@_source_options
@click.option("--groups", help="Comma-separated group columns for the multigroup indices.")
@click.option("--index", "names", default=None,
              help="Comma-separated index names instead of the whole suite (e.g. "
                   "relative_clustering_corrected).")
@click.option("--permutations", type=int, default=0, show_default=True,
              help="Also test every index against this many simulated data sets.")
@click.option("--null", type=click.Choice(["permutation", "systematic", "evenness"]),
              default="permutation", show_default=True, help="Null model of the test.")
@click.option("--seed", type=int, default=None, help="Random seed of the inference.")
@click.option("--chunk-size", "draws_per_chunk", type=click.IntRange(1),
              default=DEFAULT_DRAWS_PER_CHUNK, show_default=True,
              help="Simulated data sets per chunk (one task each on Dask); with --seed, "
                   "results depend on it, not on where chunks run.")
@dask_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object on stdout.")
@click.pass_context
def segregation(ctx: click.Context, twin: Path | None, level: str, year: int | None,
                input_path: Path | None, group: str | None, total: str | None,
                groups: str | None, names: str | None, permutations: int, null: str,
                seed: int | None, draws_per_chunk: int, dask_address: str | None,
                as_json: bool) -> None:
    """Global segregation indices of one group (--group/--total) or several (--groups).

    Prints every applicable index with PySAL segregation's default parameters; with --json
    one object {"indices": {...}, "n_units": N, "excluded": [...], ...}.
    """
    if ctx.invoked_subcommand is not None:
        return
    source = _source(twin, level, year, input_path)
    group_list = [g.strip() for g in groups.split(",")] if groups else []
    if bool(group_list) == bool(group or total):
        raise ParameterError("give either --group and --total, or --groups COL1,COL2,...")
    counts: TwoGroupCounts | MultiGroupCounts
    if group_list:
        frame, id_column = source.read(group_list)
        counts = multigroup_counts(frame, groups=group_list, id_column=id_column)
    elif group and total:
        frame, id_column = source.read([group, total])
        counts = two_group_counts(frame, group=group, total=total, id_column=id_column)
    else:
        raise ParameterError("--group needs --total")
    with step(f"segregation indices for {counts.n_units} units", enabled=not as_json):
        suite = compute_indices(counts, _names(names))
        tests = null_tests(counts, list(suite.results), null=cast(NullModel, null),
                           iterations=permutations, seed=seed, chunk_size=draws_per_chunk,
                           dask_address=dask_address) if permutations > 0 else {}
    population = _population_group(group, total, group_list)
    if source.twin is not None:
        rows = global_indicator_rows(suite, population_group=population, year=source.year,
                                     source_layers=[source.level], unit_level=source.level,
                                     tests=tests)
        with dikas.open(str(source.twin), read_only=False) as writable:
            writable.write_indicators(rows)
    _print_suite(suite, tests, source, population, as_json)


def _print_suite(suite: IndexSuite, tests: dict[str, NullTest], source: Source,
                 population: str, as_json: bool) -> None:
    if as_json:
        payload = {
            "indices": {n: _json_number(v) for n, v in suite.statistics().items()},
            "n_units": suite.n_units,
            "excluded": [{"unit_id": e.unit_id, "reason": e.reason} for e in suite.excluded],
            "notes": {n: r.note for n, r in suite.results.items() if r.note},
            "parameters": {n: dict(r.parameters) for n, r in suite.results.items()},
            "source": source.label, "year": source.year, "population_group": population,
        }
        if tests:
            payload["p_values"] = {n: _json_number(t.p_value) for n, t in tests.items()}
            payload["null"] = next(iter(tests.values())).null
        click.echo(json.dumps(payload, indent=2))
        return
    click.echo(f"{population} — {source.label}" + (f", {source.year}" if source.year else ""))
    click.echo(f"{suite.n_units} units" + (
        f"; excluded: {', '.join(f'{e.unit_id} ({e.reason})' for e in suite.excluded)}"
        if suite.excluded else ""))
    for name, result in suite.results.items():
        p = f"   p = {tests[name].p_value:.3f}" if name in tests else ""
        click.echo(f"  {name:<44} {result.statistic: .6f}{p}")
        if result.note:
            click.echo(f"    ({result.note})")


def _json_number(value: float) -> float | None:
    return value if math.isfinite(value) else None


@segregation.command("local")
@_source_options
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Layer to write (.gpkg, .geojson, .parquet ...).")
@click.option("--map", "map_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also draw the LISA clusters (.png or .svg).")
@click.option("--permutations", type=int, default=999, show_default=True,
              help="Conditional permutations for local Moran's I.")
@click.option("--significance", type=float, default=0.05, show_default=True)
@click.option("--seed", type=int, default=None, help="Random seed of the permutations.")
def local(twin: Path | None, level: str, year: int | None, input_path: Path | None,
          group: str | None, total: str | None, output: Path, map_path: Path | None,
          permutations: int, significance: float, seed: int | None) -> None:
    """Location quotient, local entropy, local Moran's I (LISA) and Gi* of group/total."""
    if not (group and total):
        raise ParameterError("local measures need --group and --total")
    source = _source(twin, level, year, input_path)
    frame, id_column = source.read([group, total])
    with step(f"local measures for {len(frame)} units"):
        measures = local_measures(frame, group=group, total=total, id_column=id_column,
                                  permutations=permutations, significance=significance,
                                  seed=seed)
    layer = _suppress_small(measures.layer, frame, total, id_column, source.level)
    if output.suffix == ".parquet":
        layer.to_parquet(output)
    else:
        layer.to_file(output)
    click.echo(f"wrote {len(layer)} units to {output}")
    if map_path is not None:
        lisa_map(layer, map_path, title=f"LISA clusters of {group} / {total}",
                 credit=source.credit())
        click.echo(f"wrote {map_path}")
    if source.twin is not None:
        rows = local_indicator_rows(replace(measures, layer=layer), level=source.level, year=source.year,
                                    population_group=f"{group}/{total}",
                                    source_layers=[source.level])
        with dikas.open(str(source.twin), read_only=False) as writable:
            writable.write_indicators(rows)


def _suppress_small(layer: gpd.GeoDataFrame, frame: gpd.GeoDataFrame, total: str,
                    id_column: str | None, level: str) -> gpd.GeoDataFrame:
    """Grid cells with fewer people than the privacy threshold publish no values."""
    if level != "grid":
        return layer
    ids = frame.index.astype(str) if id_column is None else frame[id_column].astype(str)
    small = set(ids[(frame[total] < load_settings().min_count).to_numpy()])
    hidden = layer["unit_id"].isin(small)
    layer = layer.copy()
    layer.loc[hidden, ["share", "location_quotient", "local_entropy", "moran_i", "moran_p",
                       "gi_star_z", "gi_star_p"]] = float("nan")
    layer.loc[hidden, "lisa"] = "suppressed"
    return layer


@segregation.command("trend")
@click.option("--twin", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Twin with several years of postal-area data.")
@click.option("--group", required=True, help="Column with the focal group's count.")
@click.option("--total", required=True, help="Column with the unit's total population.")
@click.option("--index", "names", default="dissimilarity,gini,entropy,isolation,spatial_dissimilarity",
              show_default=True, help="Comma-separated indices to follow.")
@click.option("--chart", type=click.Path(dir_okay=False, path_type=Path),
              help="Draw the trend (.png or .svg).")
@click.option("--permutations", type=int, default=999, show_default=True,
              help="Random-label permutations of the first-vs-last-year test.")
@click.option("--seed", type=int, default=None)
@dask_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object on stdout.")
def trend(twin: Path, group: str, total: str, names: str, chart: Path | None,
          permutations: int, seed: int | None, dask_address: str | None,
          as_json: bool) -> None:
    """Indices for every year of the twin's postal areas, and whether first → last changed."""
    index_names = _names(names) or []
    with dikas.open(str(twin)) as opened:
        years = sorted(opened.years("areas"))
        frames = {y: opened.read("areas", year=y, columns=["postal_code", group, total])
                  for y in years}
        credit = opened.attribution(["areas"])
    if len(years) < 2:
        raise ParameterError(f"the twin has {len(years)} year(s) of areas; a trend needs two")
    counts = {y: two_group_counts(f, group=group, total=total, id_column="postal_code")
              for y, f in frames.items()}
    values = pd.DataFrame({y: compute_indices(c, index_names).statistics()
                           for y, c in counts.items()}).T
    values.index.name = "year"
    first, last = _common_units(counts[years[0]], counts[years[-1]],
                                frames[years[0]], frames[years[-1]], group, total)
    changes = {n: compare_periods(n, last, first, iterations=permutations, seed=seed,
                                  dask_address=dask_address)
               for n in index_names}
    if chart is not None:
        trend_chart(values, chart, title=f"Segregation of {group} / {total}", credit=credit)
    if as_json:
        click.echo(json.dumps({
            "years": years,
            "indices": {n: {str(y): _json_number(values.loc[y, n]) for y in years}
                        for n in index_names},
            "change": {n: {"from": years[0], "to": years[-1],
                           "difference": _json_number(c.difference),
                           "p_value": _json_number(c.p_value)} for n, c in changes.items()},
        }, indent=2))
        return
    click.echo(values.to_string(float_format=lambda v: f"{v:.6f}"))
    for name, change in changes.items():
        verdict = "significant" if change.significant() else "not significant"
        click.echo(f"{name}: {years[0]}→{years[-1]} change {change.difference:+.6f}, "
                   f"p = {change.p_value:.3f} ({verdict} at 5 %)")
    if chart is not None:
        click.echo(f"wrote {chart}")


def _common_units(first: TwoGroupCounts, last: TwoGroupCounts, first_frame: gpd.GeoDataFrame,
                  last_frame: gpd.GeoDataFrame, group: str,
                  total: str) -> tuple[TwoGroupCounts, ...]:
    """Counts of the two years restricted to units valid in both (for the random-label test)."""
    shared = set(first.unit_ids) & set(last.unit_ids)
    return tuple(two_group_counts(frame[frame["postal_code"].astype(str).isin(shared)]
                                  .sort_values("postal_code"), group=group, total=total,
                                  id_column="postal_code")
                 for frame in (first_frame, last_frame))


@segregation.command("profile")
@_source_options
@click.option("--index", "name", default="dissimilarity", show_default=True,
              help="Aspatial index to profile.")
@click.option("--distances", default="250,500,1000,2000,4000", show_default=True,
              help="Comma-separated bandwidths in metres.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object on stdout.")
def profile(twin: Path | None, level: str, year: int | None, input_path: Path | None,
            group: str | None, total: str | None, name: str, distances: str,
            as_json: bool) -> None:
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
        click.echo(json.dumps({"index": name, "profile": {str(d): _json_number(v)
                                                          for d, v in values.items()},
                               "n_units": counts.n_units, "source": source.label}, indent=2))
        return
    click.echo(values.to_string(float_format=lambda v: f"{v:.6f}"))
