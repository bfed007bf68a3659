"""How build time, memory and the main commands grow with the size of the city.

Usage::

    nice -n 10 python benchmarks/scale.py [--sizes 1,4,16,64 | --quick] [--skip STEP,...]
        [--work DIR] [--chart scale.png] [--data-dir DIR]

For every size ``k`` the staged demo data is tiled ``√k×√k`` (``benchmarks/scale_data.py``:
OSM PBF, GTFS, population and attribute grids, Paavo areas; written once into
``--work/<k>x`` with a catalog YAML of their sha256s). Each step then runs in its own child
process (``python benchmarks/scale.py --child …``), which reports its wall time and its own
peak RSS (``ru_maxrss`` of ``RUSAGE_SELF``), so one step's memory never hides another's:

* ``build``: ``dikas build --catalog … --data-dir …`` (also the twin's size on disk);
* ``segregation``: ``dikas segregation --level grid`` (two groups from the grid's ages);
* ``walk``/``bike``/``transit``: ``dikas access measures --mode …`` for every populated cell;
* ``vulnerability``: ``dikas climate vulnerability --level grid --draws 200``;
* ``scenario``: ``dikas scenario run`` adding one health station;
* ``api``: p95 of items pages and tiles with 8 clients (``benchmarks/web_api.py``).

It prints a table, the log-log growth exponent of every figure (least-squares slope of
log(figure) on log(size)) and writes a PNG chart. ``--skip`` leaves steps out (reported as
``skipped``); a step that fails is reported with its error and the run goes on; a step
whose process tree passes ``--limit-mb`` RSS (default 6000) is killed and reported so.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

STEPS = ("build", "segregation", "walk", "bike", "transit", "vulnerability", "scenario", "api")
SCENARIO = """name: one more health station
edits:
  - add_service:
      service_type: health_station
      name: scale benchmark station
      x: {x}
      y: {y}
"""


def child(result_path: str, args: list[str]) -> None:
    """Run one command in this process; write ``{"seconds", "peak_mb", "rc"}`` as JSON."""
    started = time.perf_counter()
    rc = 0
    if args[0] == "api":
        from web_api import start_server as start
        from web_api import timed_concurrently, urls, wait_until_ready, workload

        from dikas.twin.store import Twin

        twin_path = Path(args[1])
        with Twin.open(twin_path) as twin:
            item_urls, tile_urls = urls(twin, *workload(twin, 200))
        server, base = start(twin_path, 0)
        try:
            wait_until_ready(base)
            timed_concurrently(item_urls[:40] + tile_urls[:40], base, 8)  # warm-up
            items = timed_concurrently(item_urls, base, 8)
            tiles = timed_concurrently(tile_urls, base, 8)
        finally:
            server.terminate()
            server.wait(timeout=30)
        extra = {
            "items_p95_ms": float(np.percentile(items, 95)),
            "tiles_p95_ms": float(np.percentile(tiles, 95)),
        }
    else:
        _report_peak_per_step()
        from dikas.cli.main import main as dikas_main

        extra = {}
        try:
            dikas_main(args)
        except SystemExit as stop:
            rc = int(stop.code or 0)
        except Exception as error:
            print(f"dikas {' '.join(args[:2])}: {type(error).__name__}: {error}", file=sys.stderr)
            rc = 1
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    Path(result_path).write_text(
        json.dumps({"seconds": time.perf_counter() - started, "peak_mb": peak, "rc": rc, **extra})
    )


def _report_peak_per_step() -> None:
    """Make every ``dikas.progress.step`` also log the process's peak RSS when it ends
    (before any module imports ``step``), so the log shows which step set the peak."""
    import contextlib

    import dikas.progress as progress

    original = progress.step

    @contextlib.contextmanager
    def step(description: str, *, enabled: bool = True):  # type: ignore[no-untyped-def]
        with original(description, enabled=enabled):
            yield
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  peak RSS so far {peak:.0f} MB ({description})", file=sys.stderr, flush=True)

    progress.step = step


def _watch(process: subprocess.Popen, limit_mb: float) -> float:
    """Wait for ``process``; kill it (and report its RSS) once its tree's RSS passes
    ``limit_mb``, so a step that grows out of hand cannot exhaust a shared machine."""
    import psutil

    watched = psutil.Process(process.pid)
    while process.poll() is None:
        try:
            tree = [watched, *watched.children(recursive=True)]
            rss = sum(p.memory_info().rss for p in tree) / 2**20
        except psutil.Error:
            rss = 0.0
        if rss > limit_mb:
            process.kill()
            process.wait()
            return rss
        time.sleep(0.5)
    return 0.0


def run_child(
    args: list[str], *, env: dict[str, str], log: Path, limit_mb: float = 6000
) -> dict[str, float]:
    result_path = log.with_suffix(".result.json")
    result_path.unlink(missing_ok=True)
    command = [sys.executable, str(HERE / "scale.py"), "--child", str(result_path), *args]
    with open(log, "a") as handle:
        handle.write(f"$ {' '.join(args)}\n")
        handle.flush()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=handle, env=env)
        killed = _watch(process, limit_mb)
    if killed:
        return {"rc": 1, "killed_mb": killed}
    if not result_path.exists():
        return {"rc": process.returncode or 1}
    result = json.loads(result_path.read_text())
    if process.returncode:
        result["rc"] = process.returncode
    return result


def scenario_file(twin_path: Path, out: Path) -> Path:
    from dikas.twin.store import Twin

    with Twin.open(twin_path) as twin:
        nodes = twin.read("network_nodes")
    point = nodes.geometry.iloc[len(nodes) // 2]  # on the street network, inside tile 0
    out.write_text(SCENARIO.format(x=round(point.x, 1), y=round(point.y, 1)))
    return out


def measure(
    size: int, *, data_dir: Path, work: Path, skip: set[str], gtfs_cap: int, limit_mb: float = 6000
) -> dict[str, dict[str, float]]:
    from scale_data import enlarge

    mirror = work / f"{size}x"
    started = time.perf_counter()
    catalog, counts = enlarge(data_dir, mirror, size, gtfs_cap=gtfs_cap)
    print(
        f"[{size}x] mirror ready ({time.perf_counter() - started:.0f} s): "
        f"{counts['osm']['nodes']:,} OSM nodes, {counts['gtfs']['stop_times.txt']:,} "
        f"stop_times, {counts['hsy_population_grid_2021']:,} cells",
        flush=True,
    )
    env = {
        **os.environ,
        "DIKAS_DATA_DIR": str(mirror),
        "PYTHONPATH": os.pathsep.join([str(HERE.parent / "src"), str(HERE)]),
    }
    twin = work / f"twin-{size}x.duckdb"
    log = work / f"scale-{size}x.log"
    results: dict[str, dict[str, float]] = {}
    commands = {
        "build": [
            "build",
            "--catalog",
            str(catalog),
            "--data-dir",
            str(mirror),
            "--out",
            str(twin),
            "--frozen",
        ],
        "segregation": [
            "segregation",
            "--twin",
            str(twin),
            "--level",
            "grid",
            "--group",
            "age_70_79",
            "--total",
            "attribute_grid_inhabitants",
            "--json",
        ],
        "walk": ["access", "measures", "--twin", str(twin), "--mode", "walk", "--no-write"],
        "bike": ["access", "measures", "--twin", str(twin), "--mode", "bike", "--no-write"],
        "transit": ["access", "measures", "--twin", str(twin), "--mode", "transit", "--no-write"],
        "vulnerability": [
            "climate",
            "vulnerability",
            "--twin",
            str(twin),
            "--level",
            "grid",
            "--draws",
            "200",
            "--no-store",
        ],
    }
    for step in STEPS:
        if step in skip:
            results[step] = {"skipped": 1}
            continue
        if step != "build" and (results["build"].get("rc") or not twin.exists()):
            results[step] = {"rc": 1}
            continue
        if step == "scenario":
            spec = scenario_file(twin, work / f"scenario-{size}x.yaml")
            args = ["scenario", "run", str(twin), str(spec), "--json"]
        elif step == "api":
            args = ["api", str(twin)]
        else:
            args = commands[step]
        results[step] = run_child(args, env=env, log=log, limit_mb=limit_mb)
        if step == "build" and twin.exists():
            results[step]["twin_mb"] = twin.stat().st_size / 1e6
        print(f"[{size}x] {step}: {_describe(results[step])}", flush=True)
    return results


def _describe(result: dict[str, float]) -> str:
    if result.get("skipped"):
        return "skipped"
    if result.get("killed_mb"):
        return f"KILLED at {result['killed_mb']:.0f} MB RSS (over the --limit-mb)"
    if result.get("rc"):
        return "FAILED (see the log)"
    text = f"{result['seconds']:.1f} s, peak {result['peak_mb']:.0f} MB"
    for key in ("twin_mb", "items_p95_ms", "tiles_p95_ms"):
        if key in result:
            text += f", {key} {result[key]:.1f}"
    return text


def growth_exponent(sizes: list[int], values: list[float]) -> float:
    """Least-squares slope of log(value) on log(size); NaN with fewer than two points."""
    points = [
        (math.log(s), math.log(v))
        for s, v in zip(sizes, values, strict=True)
        if v and v > 0 and math.isfinite(v)
    ]
    if len(points) < 2:
        return float("nan")
    x, y = np.array(points).T
    return float(np.polyfit(x, y, 1)[0])


def figures(results: dict[int, dict[str, dict[str, float]]]) -> dict[str, list[float]]:
    table: dict[str, list[float]] = {}
    for step in STEPS:
        for key, label in (
            ("seconds", "s"),
            ("peak_mb", "peak MB"),
            ("twin_mb", "twin MB"),
            ("items_p95_ms", "items p95 ms"),
            ("tiles_p95_ms", "tiles p95 ms"),
        ):
            row = [
                results[size][step].get(key, float("nan"))
                if not results[size][step].get("rc")
                else float("nan")
                for size in results
            ]
            if any(math.isfinite(v) for v in row):
                table[f"{step} {label}"] = row
    return table


def report(results: dict[int, dict[str, dict[str, float]]], chart: Path | None) -> None:
    sizes = list(results)
    table = figures(results)
    print()
    print(f"{'figure':<24}" + "".join(f"{f'{s}x':>10}" for s in sizes) + f"{'exponent':>10}")
    for name, row in table.items():
        cells = "".join(f"{v:>10.1f}" if math.isfinite(v) else f"{'-':>10}" for v in row)
        print(f"{name:<24}{cells}{growth_exponent(sizes, row):>10.2f}")
    skipped = sorted({step for r in results.values() for step, v in r.items() if v.get("skipped")})
    failed = sorted(
        {
            f"{step}@{size}x" + (" (killed over the memory limit)" if v.get("killed_mb") else "")
            for size, r in results.items()
            for step, v in r.items()
            if v.get("rc")
        }
    )
    if skipped:
        print("skipped: " + ", ".join(skipped))
    if failed:
        print("failed: " + ", ".join(failed))
    if chart is not None:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.5))
        for name, row in table.items():
            axis = left if name.endswith(" s") else right if name.endswith("peak MB") else None
            if axis is not None:
                axis.plot(
                    sizes,
                    row,
                    marker="o",
                    label=name.rsplit(" ", 1)[0] if axis is left else name.rsplit(" ", 2)[0],
                )
        for axis, title in ((left, "wall time (s)"), (right, "peak RSS (MB)")):
            axis.set_xscale("log")
            axis.set_yscale("log")
            axis.set_xlabel("size (× the demo)")
            axis.set_title(title)
            axis.legend(fontsize=7)
        fig.tight_layout()
        fig.savefig(chart, dpi=120)
        print(f"chart: {chart}")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3:])
        return
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1,4,16,64")
    parser.add_argument("--quick", action="store_true", help="sizes 1,4")
    parser.add_argument("--skip", default="", help=f"steps to leave out ({','.join(STEPS)})")
    parser.add_argument(
        "--work",
        type=Path,
        default=Path(tempfile.gettempdir()) / "dikas-scale",
        help="Where the enlarged data are kept between runs.",
    )
    parser.add_argument("--chart", type=Path, default=Path("scale.png"))
    parser.add_argument(
        "--gtfs-cap",
        type=int,
        default=16,
        help="most GTFS copies (the full HSL weekday feed is ≈ this many)",
    )
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument(
        "--limit-mb",
        type=float,
        default=6000,
        help="kill a step whose RSS passes this (reported as killed)",
    )
    default = os.environ.get("DIKAS_DATA_DIR") or str(HERE.parents[1] / "shared" / "data")
    parser.add_argument("--data-dir", type=Path, default=Path(default))
    args = parser.parse_args()
    sizes = [1, 4] if args.quick else [int(s) for s in args.sizes.split(",") if s]
    skip = {s for s in args.skip.split(",") if s}
    unknown = skip - set(STEPS)
    if unknown:
        parser.error(f"unknown --skip step(s): {', '.join(sorted(unknown))}")
    args.work.mkdir(parents=True, exist_ok=True)
    results = {
        size: measure(
            size,
            data_dir=args.data_dir,
            work=args.work,
            skip=skip,
            gtfs_cap=args.gtfs_cap,
            limit_mb=args.limit_mb,
        )
        for size in sizes
    }
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    report(results, args.chart)


if __name__ == "__main__":
    main()
