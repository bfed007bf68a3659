"""``dikas report``: a self-contained HTML (and, where Chromium exists, PDF) report."""

from __future__ import annotations

import os
from pathlib import Path

import click

from dikas.cli.options import twin_argument
from dikas.i18n import LANGUAGES, normalize
from dikas.settings import load_settings


@click.command()
@twin_argument
@click.option("--area", default=None, help="Postal code of the area (default: the whole city).")
@click.option("--year", type=int, default=None, help="Paavo year (default: the latest).")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default="report.html",
    show_default=True,
    help="Report file; a .pdf name also writes the .html beside it.",
)
@click.option(
    "--pdf",
    "also_pdf",
    is_flag=True,
    help="Also print the report to PDF on A4 (needs a local Chromium).",
)
@click.option(
    "--lang",
    "language",
    type=click.Choice(LANGUAGES),
    default=None,
    help="Language of the report (default: from the environment's LANG, else en).",
)
def report(
    twin: Path, area: str | None, year: int | None, out: Path, also_pdf: bool, language: str | None
) -> None:
    """Write an A4 report of an area (or the city) of TWIN in Finnish, Swedish or English:
    a summary written from the numbers, maps, charts, indicators by challenge, trends and
    sources, all inline so the file works offline."""
    from dikas.progress import step
    from dikas.report.html import build_report
    from dikas.report.pdf import find_converter, html_to_pdf
    from dikas.twin.store import Twin

    language = language or normalize(os.environ.get("LANG"))
    want_pdf = also_pdf or out.suffix.lower() == ".pdf"
    html_path = out.with_suffix(".html") if out.suffix.lower() == ".pdf" else out
    with step(f"report on {area or 'the city'}"), Twin.open(twin) as opened:
        html = build_report(
            opened, area=area, year=year, min_count=load_settings().min_count, language=language
        )
    html_path.write_text(html, encoding="utf-8")
    click.echo(f"wrote {html_path}")
    if want_pdf:
        converter = find_converter()
        if converter is None and out.suffix.lower() != ".pdf":
            click.echo(
                "no PDF converter found (install Chromium); wrote the HTML report only", err=True
            )
            return
        pdf = html_to_pdf(html_path, html_path.with_suffix(".pdf"), browser=converter)
        click.echo(f"wrote {pdf}")
