"""The ``dikas`` command line: one group, one subcommand per capability.

Subcommands are imported only when invoked, so ``dikas --help`` and quick commands stay fast.
User errors (:class:`dikas.errors.DikasError`) print as one line on stderr with exit code 1;
``--debug`` shows the traceback. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import importlib
import sys

import click

from dikas import __version__
from dikas.errors import DikasError

COMMANDS: dict[str, tuple[str, str, str]] = {
    "run": (
        "dikas.cli.run",
        "run",
        "The main job: build the twin, compute every indicator, serve the map.",
    ),
    "data": ("dikas.cli.data", "data", "List and fetch the data catalog's datasets."),
    "build": ("dikas.cli.twin", "build", "Build a city's social digital twin."),
    "info": ("dikas.cli.twin", "info", "Print a twin's layers, counts, years and provenance."),
    "export": ("dikas.cli.twin", "export", "Export a layer to GeoPackage/GeoJSON/Parquet/CSV."),
    "load-indicators": (
        "dikas.cli.twin",
        "load_indicators",
        "Store indicator values kept in a side file while the twin was busy.",
    ),
    "segregation": (
        "dikas.cli.segregation",
        "segregation",
        "Global, local and trend segregation indices (PySAL definitions).",
    ),
    "access": (
        "dikas.cli.access",
        "access",
        "Walk/bike/transit travel-time matrices and accessibility measures.",
    ),
    "equity": (
        "dikas.cli.equity",
        "equity",
        "Accessibility by population group: coverage, Gini, Theil, Palma.",
    ),
    "climate": (
        "dikas.cli.climate",
        "climate",
        "Heat and flood exposure joined with social vulnerability.",
    ),
    "index": (
        "dikas.cli.index",
        "index",
        "Composite indices (vulnerability, SVI, need) and budgets shared by need.",
    ),
    "scenario": (
        "dikas.cli.scenario",
        "scenario",
        "What-if edits to a copy of the twin, and their diffs.",
    ),
    "optimize": (
        "dikas.cli.optimize",
        "optimize",
        "Propose sites for new services (coverage, p-median, equity).",
    ),
    "serve": ("dikas.cli.serve", "serve", "Serve the web API (OGC API – Features) and the map."),
    "report": ("dikas.cli.report", "report", "Write a self-contained city or area report."),
    "users": ("dikas.cli.users", "users", "Manage stakeholder and moderator accounts."),
    "survey": ("dikas.cli.survey", "survey", "Map surveys: create, list, close, export, report."),
}
"""Command name → (module, attribute, one-line help)."""


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, attribute, _ = COMMANDS[cmd_name]
        return getattr(importlib.import_module(module), attribute)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dikas")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """DikaS — the social dimension of a city's digital twin."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def main(argv: list[str] | None = None) -> None:
    """Console entry point: run the CLI and turn user errors into one line."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    try:
        cli.main(args=args, prog_name="dikas", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("dikas: aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except DikasError as exc:
        if debug:
            raise
        click.echo(f"dikas: error: {exc}", err=True)
        sys.exit(1)
    sys.exit(0)
