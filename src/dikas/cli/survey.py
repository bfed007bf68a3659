"""``dikas survey``: load, list, close, export and report map surveys of a twin, and copy
their answers into the twin as layers."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

import click

from dikas.cli.options import json_option, twin_argument
from dikas.errors import DikasError, ParameterError

if TYPE_CHECKING:
    from dikas.surveys.store import StoredSurvey, SurveyStore

community_option = click.option(
    "--comments",
    "community",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="SQLite community file (default: TWIN.community.sqlite; $DIKAS_COMMUNITY_DB for "
    "PostgreSQL).",
)


def _store(twin: Path, community: Path | None) -> SurveyStore:
    from dikas.api.community_store import open_store
    from dikas.api.settings import community_path_for
    from dikas.surveys.store import SurveyStore

    return SurveyStore(
        open_store(
            community or community_path_for(twin),
            database=os.environ.get("DIKAS_COMMUNITY_DB") or None,
        )
    )


def _stored(store: SurveyStore, survey_id: str) -> StoredSurvey:
    stored = store.get(survey_id)
    if stored is None:
        raise ParameterError(f"no survey {survey_id!r} (dikas survey list shows them)")
    return stored


@click.group()
def survey() -> None:
    """Map surveys: residents answer without an account; organisers see who answered and
    how the answers line up with the twin."""


@survey.command("create")
@twin_argument
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@community_option
def create(twin: Path, file: Path, community: Path | None) -> None:
    """Load survey FILE (YAML) for TWIN, or a newer version of it."""
    from dikas.surveys.definition import load_survey

    definition = load_survey(file)
    _store(twin, community).save(definition)
    click.echo(
        f"survey {definition.id!r} version {definition.version} saved: /surveys/{definition.id}"
    )


@survey.command("list")
@twin_argument
@community_option
@json_option
def list_surveys(twin: Path, community: Path | None, as_json: bool) -> None:
    """List the surveys, whether they are open and how many have answered."""
    from dikas.surveys.store import now_utc

    store = _store(twin, community)
    rows = [
        {
            "id": s.survey.id,
            "version": s.survey.version,
            "open": s.is_open(now_utc()),
            "responses": store.count(s.survey.id),
            "title": s.survey.title["en"],
        }
        for s in store.all()
    ]
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        click.echo(
            f"{row['id']}\tv{row['version']}\t{'open' if row['open'] else 'closed'}\t"
            f"{row['responses']} responses\t{row['title']}"
        )


@survey.command("close")
@twin_argument
@click.argument("survey_id")
@community_option
def close(twin: Path, survey_id: str, community: Path | None) -> None:
    """Stop taking answers to SURVEY_ID."""
    if not _store(twin, community).close(survey_id):
        raise ParameterError(f"no survey {survey_id!r} (dikas survey list shows them)")
    click.echo(f"survey {survey_id!r} closed")


@survey.command("export")
@twin_argument
@click.argument("survey_id")
@click.option(
    "--format", "fmt", type=click.Choice(["gpkg", "csv", "xlsx"]), default="gpkg", show_default=True
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@community_option
def export(twin: Path, survey_id: str, fmt: str, out: Path, community: Path | None) -> None:
    """Write every raw answer of SURVEY_ID (places, units, attribution, licence) to OUT,
    and copy the answers into TWIN's survey layers (skipped with a warning while a server
    holds the twin: DuckDB has one writer)."""
    from dikas.surveys.export import write_export
    from dikas.surveys.layers import sync as sync_layers

    store = _store(twin, community)
    rows = write_export(_stored(store, survey_id), store, out, fmt)
    click.echo(f"{rows} answers written to {out}")
    try:
        sync_layers(twin, store)
    except DikasError as error:
        click.echo(
            f"dikas: warning: the twin's survey layers were not updated ({error}); "
            "run dikas survey sync when the twin is not served",
            err=True,
        )


@survey.command("sync")
@twin_argument
@community_option
def sync(twin: Path, community: Path | None) -> None:
    """Copy every survey's responses and answers into TWIN as the layers survey_responses
    and survey_answers (linked to cells, areas and districts; no raw places)."""
    from dikas.surveys.layers import sync as sync_layers

    responses, answers = sync_layers(twin, _store(twin, community))
    click.echo(f"{responses} responses and {answers} answers in the twin")


@survey.command("report")
@twin_argument
@click.argument("survey_id")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--lang", type=click.Choice(["fi", "sv", "en"]), default="en", show_default=True)
@community_option
def report(twin: Path, survey_id: str, out: Path, lang: str, community: Path | None) -> None:
    """Write the survey report (who answered, representativeness, answers against the
    twin's indicators) as self-contained HTML."""
    from dikas.settings import load_settings
    from dikas.surveys.report import survey_report
    from dikas.twin.store import Twin

    store = _store(twin, community)
    stored = _stored(store, survey_id)
    with Twin.open(twin) as opened:
        html = survey_report(
            stored, store, opened, language=lang, min_count=load_settings().min_count
        )
    out.write_text(html, encoding="utf-8")
    click.echo(f"report written to {out}")
