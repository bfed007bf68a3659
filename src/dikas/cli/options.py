"""Options shared by several commands."""

from __future__ import annotations

from pathlib import Path

import click

city_option = click.option("--city", default="helsinki-demo", show_default=True,
                           help="City whose data catalog to use.")
data_dir_option = click.option(
    "--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Local mirror of the data files (default: $DIKAS_DATA_DIR); replaces downloading.")
twin_argument = click.argument("twin", type=click.Path(dir_okay=False, path_type=Path))
json_option = click.option("--json", "as_json", is_flag=True,
                           help="Print machine-readable JSON on stdout.")
