"""``dikas optimize``: propose the best sites for new services and write them as a scenario."""

from __future__ import annotations

import json
from pathlib import Path

import click

from dikas.scenarios.proposal import propose_sites, sites_table

_FILE = click.Path(dir_okay=False, path_type=Path)


@click.command("optimize")
@click.option("--twin", type=_FILE, required=True, help="The twin to plan on.")
@click.option("--service-type", required=True, help="Service type to add (e.g. health_station).")
@click.option(
    "--add",
    "add",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Number of new sites.",
)
@click.option(
    "--objective",
    type=click.Choice(["coverage", "p-median", "equity"]),
    default="coverage",
    show_default=True,
    help="coverage: most residents newly within --threshold; p-median: least total "
    "walking time; equity: most low-income and 75+ residents newly covered.",
)
@click.option(
    "--candidates",
    type=_FILE,
    help="Candidate sites (any vector file; optional "
    "'candidate_id' column). Default: populated grid cells on the network.",
)
@click.option(
    "--threshold",
    "threshold_min",
    type=float,
    default=15.0,
    show_default=True,
    help="Coverage threshold in walking minutes.",
)
@click.option("--out", type=_FILE, required=True, help="Proposal scenario YAML to write.")
@click.option("--json", "as_json", is_flag=True, help="Print the proposal as JSON.")
def optimize(
    twin: Path,
    service_type: str,
    add: int,
    objective: str,
    candidates: Path | None,
    threshold_min: float,
    out: Path,
    as_json: bool,
) -> None:
    """Propose sites for new services and write them as a scenario `scenario run` accepts.

    Small problems are solved exactly (spopt + CBC), large ones greedily; the objective
    before and after is reported.
    """
    proposal = propose_sites(
        twin,
        service_type=service_type,
        add=add,
        objective=objective,  # type: ignore[arg-type]
        candidates=candidates,
        threshold_min=threshold_min,
    )
    proposal.write(out)
    table = sites_table(proposal)
    solution = proposal.solution
    if as_json:
        click.echo(
            json.dumps(
                {
                    "objective": objective,
                    "before": solution.before,
                    "after": solution.after,
                    "method": solution.method,
                    "palma_income_minutes": list(proposal.palma or []),
                    "sites": table.to_dict("records"),
                    "scenario": str(out),
                },
                indent=2,
            )
        )
        return
    click.echo(f"{objective}: {solution.before:.1f} → {solution.after:.1f} ({solution.method})")
    if proposal.palma:
        click.echo(
            f"Palma ratio of walking time by income: {proposal.palma[0]:.3f} → "
            f"{proposal.palma[1]:.3f}"
        )
    click.echo(table.to_string(index=False))
    click.echo(f"proposal written to {out}")
