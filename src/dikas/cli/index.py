"""``dikas index``: composite indices from shipped or own configurations, and budgets shared
by need.

``list`` shows the shipped configurations; ``compute`` runs one on a twin
(:func:`dikas.indices.compute.compute_index`); ``allocate`` shares a budget in proportion to
need and reports each area's share with its Monte Carlo 5th–95th percentile interval
(:func:`dikas.indices.compute.allocate_budget`). Results are stored in the twin unless
``--no-store``. Tables are written in ``--lang`` (fi, sv, en).
"""

from __future__ import annotations

import json
from pathlib import Path

import click
import pandas as pd

from dikas.cli.options import store_option, twin_option
from dikas.i18n import LANGUAGES, format_number
from dikas.indices.text import (
    HEADERS,
    NO_DATA,
    SUMMARY_ALLOCATION,
    SUMMARY_INDEX,
    SUMMARY_ROBUSTNESS,
    SUMMARY_STORED,
    text,
)
from dikas.twin.indicator_batch import IndicatorBatch
from dikas.twin.store import Twin

config_option = click.option(
    "--config",
    "config",
    default="climate-just",
    show_default=True,
    help="A shipped configuration (see `dikas index list`) or a YAML file.",
)
year_option = click.option(
    "--year",
    type=int,
    default=None,
    help="Year of the postal-area statistics (default: the latest).",
)
draws_option = click.option(
    "--draws",
    type=click.IntRange(0, 10_000),
    default=500,
    show_default=True,
    help="Monte Carlo runs (0: none).",
)
seed_option = click.option(
    "--seed", type=int, default=0, show_default=True, help="Monte Carlo seed."
)
json_option = click.option(
    "--json", "as_json", is_flag=True, help="Print a JSON list of records keyed by the unit id."
)
lang_option = click.option(
    "--lang",
    "language",
    type=click.Choice(LANGUAGES),
    default="en",
    show_default=True,
    help="Language of the table.",
)


@click.group()
def index() -> None:
    """Composite indices (vulnerability, SVI, need) and budgets shared by need."""


@index.command("list")
@json_option
@lang_option
def list_configs(as_json: bool, language: str) -> None:
    """The shipped index configurations."""
    from dikas.indices.config import load_index_config, shipped_configs

    rows = []
    for name in shipped_configs():
        config = load_index_config(name)
        rows.append(
            {
                "name": name,
                "title": config.title(language),
                "indices": list(config.index_names),
                "indicators": [i.name for i in config.indicators],
                "left_out": [x for x, _ in config.left_out],
                "sources": [url for _, url in config.sources],
            }
        )
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    for row in rows:
        click.echo(f"{row['name']}: {row['title']}")
        click.echo(
            f"  {text(HEADERS['indicators'], language)}: {len(row['indicators'])}; "
            f"{text(HEADERS['left_out'], language)}: {len(row['left_out'])}"
        )


def _store(twin_path: Path, batch: IndicatorBatch, store: bool) -> int:
    if not store or batch.rows.empty:
        return 0
    with Twin.open(twin_path, read_only=False) as twin:
        return batch.store(twin)


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    return json.loads(frame.reset_index().to_json(orient="records"))


def _number(value: object, language: str, *, decimals: int = 0) -> str:
    return format_number(
        float(value) if pd.notna(value) else None,  # type: ignore[arg-type]
        language,
        decimals=decimals,
    )


def _title(batch: IndicatorBatch, language: str) -> str:
    titles = batch.summary["titles"]
    assert isinstance(titles, dict)
    return str(titles[language])


def _print_table(headers: list[str], rows: list[list[str]]) -> None:
    widths = [
        max(len(h), *(len(r[k]) for r in rows)) if rows else len(h) for k, h in enumerate(headers)
    ]
    click.echo("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    for row in rows:
        click.echo(
            "  ".join(
                c.rjust(w) if k else c.ljust(w)
                for k, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )


@index.command()
@twin_option
@config_option
@click.option(
    "--level",
    type=click.Choice(["areas", "grid"]),
    default="areas",
    show_default=True,
    help="Postal areas or 250 m grid cells.",
)
@year_option
@click.option(
    "--index",
    "index_name",
    default=None,
    help="Which index of a configuration with several (e.g. heat, flood).",
)
@draws_option
@seed_option
@json_option
@store_option
@lang_option
def compute(
    twin_path: Path,
    config: str,
    level: str,
    year: int | None,
    index_name: str | None,
    draws: int,
    seed: int,
    as_json: bool,
    store: bool,
    language: str,
) -> None:
    """One composite index per unit, with the robustness of its ranks."""
    from dikas.indices.compute import IndexParams, compute_index

    params = IndexParams(
        config=config, level=level, year=year, index=index_name, draws=draws, seed=seed
    )
    with Twin.open(twin_path) as twin:
        batch = compute_index(twin, params)
    stored = _store(twin_path, batch, store)
    units = batch.units
    if as_json:
        click.echo(
            json.dumps(
                _records(units.drop(columns="geometry", errors="ignore")), ensure_ascii=False
            )
        )
        return
    ranked = units.sort_values("rank", na_position="last")
    headers = [text(HEADERS[k], language) for k in ("unit", "index", "rank")]
    if draws:
        headers.append(text(HEADERS["rank_interval"], language))
    rows = []
    for unit, row in ranked.iterrows():
        if pd.isna(row["index"]):
            rows.append([str(unit), text(NO_DATA, language), "", *([""] if draws else [])])
            continue
        line = [
            str(unit),
            _number(row["index"], language, decimals=3),
            _number(row["rank"], language),
        ]
        if draws:
            line.append(
                f"{_number(row['rank_p05'], language)}–{_number(row['rank_p95'], language)}"
            )
        rows.append(line)
    _print_table(headers, rows)
    count = int(units["index"].notna().sum())
    click.echo(
        text(SUMMARY_INDEX, language).format(
            count=format_number(count, language), title=_title(batch, language)
        )
    )
    if draws:
        click.echo(
            text(SUMMARY_ROBUSTNESS, language).format(
                draws=format_number(draws, language), seed=seed
            )
        )
    if stored:
        click.echo(text(SUMMARY_STORED, language).format(rows=format_number(stored, language)))


@index.command()
@twin_option
@click.option(
    "--config",
    "config",
    default="need-allocation",
    show_default=True,
    help="A shipped configuration or a YAML file; its index must be non-negative.",
)
@click.option("--budget", type=float, required=True, help="The amount to share (e.g. euros).")
@year_option
@draws_option
@seed_option
@json_option
@store_option
@lang_option
def allocate(
    twin_path: Path,
    config: str,
    budget: float,
    year: int | None,
    draws: int,
    seed: int,
    as_json: bool,
    store: bool,
    language: str,
) -> None:
    """Share a budget over postal areas in proportion to need."""
    from dikas.indices.compute import IndexParams, allocate_budget

    params = IndexParams(config=config, level="areas", year=year, draws=draws, seed=seed)
    with Twin.open(twin_path) as twin:
        batch, _allocation = allocate_budget(twin, params, budget)
    stored = _store(twin_path, batch, store)
    units = batch.units
    if as_json:
        click.echo(json.dumps(_records(units), ensure_ascii=False))
        return
    ranked = units.sort_values("amount", ascending=False, na_position="last")
    keys = ["unit", "inhabitants", "index", "share", "amount"]
    headers = [text(HEADERS[k], language) for k in keys]
    if draws:
        headers.append(text(HEADERS["amount_interval"], language))
    rows = []
    for unit, row in ranked.iterrows():
        if pd.isna(row["amount"]):
            rows.append(
                [
                    str(unit),
                    _number(row["inhabitants"], language),
                    text(NO_DATA, language),
                    "",
                    "",
                    *([""] if draws else []),
                ]
            )
            continue
        line = [
            str(unit),
            _number(row["inhabitants"], language),
            _number(row["index"], language, decimals=3),
            format_number(float(row["share"]), language, decimals=1, percent=True),
            _number(row["amount"], language),
        ]
        if draws:
            line.append(
                f"{_number(row['amount_p05'], language)}–{_number(row['amount_p95'], language)}"
            )
        rows.append(line)
    _print_table(headers, rows)
    click.echo(
        text(SUMMARY_ALLOCATION, language).format(
            budget=format_number(budget, language),
            count=format_number(int(units["amount"].notna().sum()), language),
            title=_title(batch, language),
        )
    )
    if draws:
        click.echo(
            text(SUMMARY_ROBUSTNESS, language).format(
                draws=format_number(draws, language), seed=seed
            )
        )
    if stored:
        click.echo(text(SUMMARY_STORED, language).format(rows=format_number(stored, language)))
