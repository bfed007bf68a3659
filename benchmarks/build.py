"""Wall time and peak memory of a full Helsinki twin build, step by step.

Usage: ``python benchmarks/build.py [--data-dir DIR]`` (default: $DIKAS_DATA_DIR or
../shared/data). Peak memory is the process's maximum resident set size (ru_maxrss).
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

from dikas.settings import Settings
from dikas.sources.catalog import load_catalog
from dikas.twin.build import build_twin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    default = os.environ.get("DIKAS_DATA_DIR") or str(
        Path(__file__).resolve().parents[2] / "shared" / "data"
    )
    parser.add_argument("--data-dir", default=default)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(args.data_dir), cache_dir=Path(tmp) / "cache")
        started = time.perf_counter()
        summary = build_twin(
            load_catalog("helsinki-demo"), settings, Path(tmp) / "twin.duckdb", show_progress=True
        )
        wall = time.perf_counter() - started
        size_mb = (Path(tmp) / "twin.duckdb").stat().st_size / 1e6
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"full Helsinki build: {wall:.1f} s wall, peak RSS {peak_mb:.0f} MB, "
        f"twin file {size_mb:.1f} MB, {sum(summary.rows.values()):,} rows in "
        f"{len(summary.rows)} layers"
    )


if __name__ == "__main__":
    main()
