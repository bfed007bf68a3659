"""``dikas run``: the main job — build the twin, compute every indicator, serve the map.

The job is a Python pipeline over the ``compute_*`` functions (:mod:`dikas.accessibility.compute`,
:mod:`dikas.segregation.compute`, :mod:`dikas.climate.compute`): each step computes in
process, stores its batch in the twin and writes its files, and prints the ``dikas …``
command that does the same by hand. Results go to ``--out``: the twin file, JSON summaries,
maps and charts.
"""

from __future__ import annotations

import json
import shlex
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import click
import pandas as pd

from dikas.cli.options import city_option, data_dir_option, resolve_city
from dikas.errors import ConfigError
from dikas.settings import load_settings
from dikas.twin.indicator_batch import IndicatorBatch
from dikas.twin.store import Twin


@dataclass(frozen=True)
class Step:
    """One step of the main job: what it does, the equivalent command line, and the
    computation (``run(twin_path, out)``); ``stdout`` names the file the command's output
    goes to."""

    description: str
    args: tuple[str, ...]
    run: Callable[[Path, Path], None]
    stdout: str | None = None


def segregation_groups(city: str) -> list[tuple[str, str, str]]:
    """``(id, group column, total column)`` of the catalog's groups used for segregation
    (``uses: [segregation]``), in catalog order; the first one also gets the trend and the
    local hot spots."""
    from dikas.sources.catalog import load_catalog
    from dikas.twin.groups import used_for

    groups = used_for(load_catalog(city).population_groups, "segregation", level="areas")
    chosen: list[tuple[str, str, str]] = [
        (g.id, g.columns[0], g.total) for g in groups if len(g.columns) == 1 and g.total is not None
    ]
    if not chosen:
        raise ConfigError(
            f"catalog {city!r}: no population group with uses: [segregation] "
            "(one column and a total) for the main job's segregation steps"
        )
    return chosen


SEED = 1
PERMUTATIONS = 199


def _store(twin_path: Path, batch: IndicatorBatch) -> None:
    if not batch.rows.empty:
        with Twin.open(twin_path, read_only=False) as twin:
            batch.store(twin)


def _write_text(target: Path, text: str) -> None:
    """Write ``text`` (and a newline, as the command prints it) via a temporary file."""
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_text(text + "\n", encoding="utf-8")
    tmp.replace(target)


def _segregation(group: str, total: str, stdout: str) -> Callable[[Path, Path], None]:
    def run(twin_path: Path, out: Path) -> None:
        from dikas.cli.segregation import suite_payload
        from dikas.segregation.compute import SegregationParams, compute_segregation

        params = SegregationParams(
            group=group, total=total, level="areas", permutations=PERMUTATIONS, seed=SEED
        )
        with Twin.open(twin_path) as twin:
            batch = compute_segregation(twin, params)
        _store(twin_path, batch)
        payload = suite_payload(batch, source=f"{twin_path}:areas", year=batch.year)
        _write_text(out / stdout, json.dumps(payload, indent=2))

    return run


def _trend(group: str, total: str, stdout: str) -> Callable[[Path, Path], None]:
    def run(twin_path: Path, out: Path) -> None:
        from dikas.cli.segregation import trend_payload
        from dikas.segregation.compute import TrendParams, compute_segregation_trend
        from dikas.segregation.plots import trend_chart

        params = TrendParams(group=group, total=total, permutations=PERMUTATIONS, seed=SEED)
        with Twin.open(twin_path) as twin:
            batch = compute_segregation_trend(twin, params)
            credit = twin.attribution(["areas"])
        values: pd.DataFrame = batch.summary["values"]
        trend_chart(
            values,
            out / "segregation_trend.png",
            title=f"Segregation of {group} / {total}",
            credit=credit,
        )
        _write_text(out / stdout, json.dumps(trend_payload(batch), indent=2))

    return run


def _local(group: str, total: str, label: str) -> Callable[[Path, Path], None]:
    def run(twin_path: Path, out: Path) -> None:
        from dikas.cli.segregation import write_local_layer
        from dikas.segregation.compute import LocalSegregationParams, compute_local_segregation

        params = LocalSegregationParams(group=group, total=total, level="areas", seed=SEED)
        with Twin.open(twin_path) as twin:
            batch = compute_local_segregation(twin, params)
            credit = twin.attribution(["areas"])
        write_local_layer(
            batch, out / f"lisa_{label}.gpkg", out / f"lisa_{label}.png", credit=credit
        )
        _store(twin_path, batch)

    return run


def _access(mode: str) -> Callable[[Path, Path], None]:
    def run(twin_path: Path, out: Path) -> None:
        from dikas.accessibility.compute import compute_access

        with Twin.open(twin_path) as twin:
            batch = compute_access(twin, {"mode": mode})
        for note in batch.summary["notes"]:  # type: ignore[attr-defined]
            click.echo(f"· {note}", err=True)
        summary: pd.DataFrame = batch.summary["by_service_type"]
        click.echo(summary.to_string(index=False, float_format="{:.2f}".format))
        _store(twin_path, batch)

    return run


def _equity(stdout: str) -> Callable[[Path, Path], None]:
    def run(twin_path: Path, out: Path) -> None:
        from dikas.accessibility.compute import EquityParams, compute_equity
        from dikas.cli.equity import equity_chart, equity_json

        params = EquityParams(modes=("walk", "bike"))
        with Twin.open(twin_path) as twin:
            batch = compute_equity(twin, params)
            credit = twin.attribution(["areas", "grid", "services", "network_edges", "stops"])
        table: pd.DataFrame = batch.summary["groups"]
        city: pd.DataFrame = batch.summary["city"]
        equity_chart(table, out / "equity.png", params.threshold_min, credit=credit)
        _write_text(out / stdout, equity_json(table, city))

    return run


def _climate(
    family: str, level: str, stdout: str | None = None, map_name: str | None = None
) -> Callable[[Path, Path], None]:
    def run(twin_path: Path, out: Path) -> None:
        from dikas.cli.climate import records_json
        from dikas.climate import compute

        function = getattr(compute, f"compute_{family}")
        with Twin.open(twin_path) as twin:
            batch: IndicatorBatch = function(twin, {"level": level})
            if map_name is not None:
                compute.vulnerability_map(twin, batch, out / map_name)
        _store(twin_path, batch)
        if stdout is not None:
            _write_text(out / stdout, records_json(batch))
        else:
            for line in batch.summary["lines"]:  # type: ignore[attr-defined]
                click.echo(line)

    return run


def indicator_steps(twin: Path, out: Path, groups: list[tuple[str, str, str]]) -> list[Step]:
    """The indicator steps of the main job, in order; ``groups`` from
    :func:`segregation_groups`."""
    t = str(twin)
    steps: list[Step] = []
    for label, group, total in groups:
        stdout = f"segregation_{label}.json"
        steps.append(
            Step(
                f"segregation of {label} across postal areas",
                (
                    "segregation",
                    "--twin",
                    t,
                    "--level",
                    "areas",
                    "--group",
                    group,
                    "--total",
                    total,
                    "--permutations",
                    str(PERMUTATIONS),
                    "--seed",
                    str(SEED),
                    "--json",
                ),
                _segregation(group, total, stdout),
                stdout=stdout,
            )
        )
    label, group, total = groups[0]
    steps += [
        Step(
            f"segregation trend over the years ({label})",
            (
                "segregation",
                "trend",
                "--twin",
                t,
                "--group",
                group,
                "--total",
                total,
                "--permutations",
                str(PERMUTATIONS),
                "--seed",
                str(SEED),
                "--chart",
                str(out / "segregation_trend.png"),
                "--json",
            ),
            _trend(group, total, "segregation_trend.json"),
            stdout="segregation_trend.json",
        ),
        Step(
            f"local segregation hot spots (LISA, {label})",
            (
                "segregation",
                "local",
                "--twin",
                t,
                "--level",
                "areas",
                "--group",
                group,
                "--total",
                total,
                "--seed",
                str(SEED),
                "--output",
                str(out / f"lisa_{label}.gpkg"),
                "--map",
                str(out / f"lisa_{label}.png"),
            ),
            _local(group, total, label),
        ),
        Step(
            "walk accessibility to services per 250 m cell",
            ("access", "measures", "--twin", t, "--mode", "walk"),
            _access("walk"),
        ),
        Step(
            "bike accessibility to services per 250 m cell",
            ("access", "measures", "--twin", t, "--mode", "bike"),
            _access("bike"),
        ),
        Step(
            "public-transport accessibility (08:00–09:00 window)",
            ("access", "measures", "--twin", t, "--mode", "transit"),
            _access("transit"),
        ),
        Step(
            "equity of walk and bike access by population group",
            (
                "equity",
                "--twin",
                t,
                "--mode",
                "walk",
                "--mode",
                "bike",
                "--chart",
                str(out / "equity.png"),
                "--json",
            ),
            _equity("equity.json"),
            stdout="equity.json",
        ),
        Step(
            "heat exposure per postal area",
            ("climate", "heat", "--twin", t, "--level", "areas", "--json"),
            _climate("heat", "areas", "heat_areas.json"),
            stdout="heat_areas.json",
        ),
        Step(
            "heat exposure per cell",
            ("climate", "heat", "--twin", t, "--level", "grid"),
            _climate("heat", "grid"),
        ),
        Step(
            "social vulnerability per cell (with rank robustness)",
            (
                "climate",
                "vulnerability",
                "--twin",
                t,
                "--level",
                "grid",
                "--map",
                str(out / "heat_vulnerability.png"),
            ),
            _climate("vulnerability", "grid", map_name="heat_vulnerability.png"),
        ),
        Step(
            "social vulnerability per postal area",
            ("climate", "vulnerability", "--twin", t, "--level", "areas", "--json"),
            _climate("vulnerability", "areas", "vulnerability_areas.json"),
            stdout="vulnerability_areas.json",
        ),
        Step(
            "green infrastructure per cell",
            ("climate", "green", "--twin", t, "--level", "grid"),
            _climate("green", "grid"),
        ),
    ]
    return steps


def build_step(city: str, twin: Path, data_dir: Path | None) -> Step:
    """Build the city's twin into ``twin`` (as ``dikas build`` does)."""
    args: tuple[str, ...] = ("build", "--city", city, "--out", str(twin))
    if data_dir is not None:
        args += ("--data-dir", str(data_dir))

    def run(twin_path: Path, out: Path) -> None:
        from dikas.sources.catalog import load_catalog
        from dikas.twin.build import build_twin

        summary = build_twin(load_catalog(city), load_settings(data_dir=data_dir), twin_path)
        click.echo(
            f"Built {summary.path} (build {summary.build_id}) in {summary.seconds:.1f} s", err=True
        )

    return Step(f"build the {city} twin", args, run)


def run_step(step: Step, twin: Path, out: Path) -> float:
    """Run one step in-process; errors propagate as they would from the CLI."""
    click.echo(
        f"\n▶ {step.description}\n  $ dikas {shlex.join(step.args)}"
        + (f" > {out / step.stdout}" if step.stdout else ""),
        err=True,
    )
    started = time.perf_counter()
    step.run(twin, out)
    return time.perf_counter() - started


@click.command()
@city_option
@data_dir_option
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default="out",
    show_default=True,
    help="Folder for the twin, indicator files, maps and charts.",
)
@click.option(
    "--rebuild/--reuse",
    default=True,
    show_default=True,
    help="Rebuild the twin, or reuse an existing one in --out.",
)
@click.option(
    "--serve/--no-serve",
    default=True,
    show_default=True,
    help="Serve the API and the map when the indicators are done.",
)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8000, show_default=True)
def run(
    city: str | None,
    data_dir: Path | None,
    out: Path,
    rebuild: bool,
    serve: bool,
    host: str,
    port: int,
) -> None:
    """Build the city's twin, compute every indicator, then serve the map."""
    city = resolve_city(city, load_settings(data_dir=data_dir))
    out.mkdir(parents=True, exist_ok=True)
    twin = out / f"{city}.duckdb"
    steps = indicator_steps(twin, out, segregation_groups(city))
    if rebuild or not twin.exists():
        steps.insert(0, build_step(city, twin, data_dir))
    started = time.perf_counter()
    for number, step in enumerate(steps, 1):
        seconds = run_step(step, twin, out)
        click.echo(f"  [{number}/{len(steps)}] {step.description}: {seconds:.1f} s", err=True)
    click.echo(f"\nDone in {time.perf_counter() - started:.0f} s. Results in {out}/:")
    for path in sorted(out.iterdir()):
        if not path.name.startswith("."):
            click.echo(f"  {path}")
    click.echo(f"Inspect: dikas info {twin}")
    if serve:
        from dikas.cli.main import cli

        sys.stdout.flush()
        click.echo(
            f"\n▶ serve the API and the map\n  $ dikas serve {twin} --host {host} --port {port}",
            err=True,
        )
        cli.main(
            args=["serve", str(twin), "--host", host, "--port", str(port)],
            prog_name="dikas",
            standalone_mode=False,
        )
