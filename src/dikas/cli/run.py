"""``dikas run``: the main job — build the twin, compute every indicator, serve the map.

The job is a fixed sequence of the other commands, so each step is exactly what a user
would run by hand (and prints that command line). Results go to ``--out``: the twin file,
JSON summaries, maps and charts.
"""

from __future__ import annotations

import contextlib
import shlex
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import click

from dikas.cli.options import city_option, data_dir_option, resolve_city
from dikas.settings import load_settings


@dataclass(frozen=True)
class Step:
    """One command of the main job; ``stdout`` (if set) captures its output to a file."""

    description: str
    args: tuple[str, ...]
    stdout: str | None = None


POPULATION_GROUPS = (
    # (label, group column, total column) — Paavo names; see sources/paavo_variables.csv
    ("low_income", "lowest_income_inhabitants", "adults_income_total"),
    ("renters", "rented_households", "households_total"),
    ("unemployed", "unemployed", "inhabitants_activity_total"),
)


def indicator_steps(twin: Path, out: Path) -> list[Step]:
    """The indicator commands of the main job, in order."""
    t = str(twin)
    steps: list[Step] = []
    for label, group, total in POPULATION_GROUPS:
        steps.append(Step(f"segregation of {label} across postal areas",
                          ("segregation", "--twin", t, "--level", "areas", "--group", group,
                           "--total", total, "--permutations", "199", "--seed", "1", "--json"),
                          stdout=f"segregation_{label}.json"))
    label, group, total = POPULATION_GROUPS[0]
    steps += [
        Step("segregation trend 2020–2023 (low income)",
             ("segregation", "trend", "--twin", t, "--group", group, "--total", total,
              "--permutations", "199", "--seed", "1", "--chart",
              str(out / "segregation_trend.png"), "--json"),
             stdout="segregation_trend.json"),
        Step("local segregation hot spots (LISA, low income)",
             ("segregation", "local", "--twin", t, "--level", "areas", "--group", group,
              "--total", total, "--seed", "1", "--output", str(out / "lisa_low_income.gpkg"),
              "--map", str(out / "lisa_low_income.png"))),
        Step("walk accessibility to services per 250 m cell",
             ("access", "measures", "--twin", t, "--mode", "walk")),
        Step("bike accessibility to services per 250 m cell",
             ("access", "measures", "--twin", t, "--mode", "bike")),
        Step("public-transport accessibility (08:00–09:00 window)",
             ("access", "measures", "--twin", t, "--mode", "transit")),
        Step("equity of walk and bike access by population group",
             ("equity", "--twin", t, "--mode", "walk", "--mode", "bike", "--chart",
              str(out / "equity.png"), "--json"), stdout="equity.json"),
        Step("heat exposure per postal area", ("climate", "heat", "--twin", t, "--level",
                                               "areas", "--json"), stdout="heat_areas.json"),
        Step("heat exposure per cell", ("climate", "heat", "--twin", t, "--level", "grid")),
        Step("social vulnerability per cell (with rank robustness)",
             ("climate", "vulnerability", "--twin", t, "--level", "grid", "--map",
              str(out / "heat_vulnerability.png"))),
        Step("social vulnerability per postal area",
             ("climate", "vulnerability", "--twin", t, "--level", "areas", "--json"),
             stdout="vulnerability_areas.json"),
        Step("green infrastructure per cell", ("climate", "green", "--twin", t, "--level",
                                               "grid")),
    ]
    return steps


def run_step(step: Step, out: Path) -> float:
    """Run one CLI step in-process; errors propagate as they would from the CLI."""
    from dikas.cli.main import cli

    click.echo(f"\n▶ {step.description}\n  $ dikas {shlex.join(step.args)}"
               + (f" > {out / step.stdout}" if step.stdout else ""), err=True)
    started = time.perf_counter()
    if step.stdout is None:
        cli.main(args=list(step.args), prog_name="dikas", standalone_mode=False)
    else:
        target = out / step.stdout
        tmp = target.with_name(f".{target.name}.tmp")
        with open(tmp, "w", encoding="utf-8") as handle, contextlib.redirect_stdout(handle):
            cli.main(args=list(step.args), prog_name="dikas", standalone_mode=False)
        tmp.replace(target)
    return time.perf_counter() - started


@click.command()
@city_option
@data_dir_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default="out",
              show_default=True, help="Folder for the twin, indicator files, maps and charts.")
@click.option("--rebuild/--reuse", default=True, show_default=True,
              help="Rebuild the twin, or reuse an existing one in --out.")
@click.option("--serve/--no-serve", default=True, show_default=True,
              help="Serve the API and the map when the indicators are done.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8000, show_default=True)
def run(city: str | None, data_dir: Path | None, out: Path, rebuild: bool, serve: bool,
        host: str, port: int) -> None:
    """Build the city's twin, compute every indicator, then serve the map."""
    city = resolve_city(city, load_settings(data_dir=data_dir))
    out.mkdir(parents=True, exist_ok=True)
    twin = out / f"{city}.duckdb"
    steps = indicator_steps(twin, out)
    if rebuild or not twin.exists():
        build_args = ("build", "--city", city, "--out", str(twin))
        if data_dir is not None:
            build_args += ("--data-dir", str(data_dir))
        steps.insert(0, Step(f"build the {city} twin", build_args))
    started = time.perf_counter()
    for number, step in enumerate(steps, 1):
        seconds = run_step(step, out)
        click.echo(f"  [{number}/{len(steps)}] {step.description}: {seconds:.1f} s", err=True)
    click.echo(f"\nDone in {time.perf_counter() - started:.0f} s. Results in {out}/:")
    for path in sorted(out.iterdir()):
        if not path.name.startswith("."):
            click.echo(f"  {path}")
    click.echo(f"Inspect: dikas info {twin}")
    if serve:
        sys.stdout.flush()
        run_step(Step("serve the API and the map", ("serve", str(twin), "--host", host,
                                                   "--port", str(port))), out)
