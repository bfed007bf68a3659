"""Peak memory and time of :func:`dikas.sources.osm_extract.clip_pbf` against osmium-tool.

Input: the staged inner-Helsinki extract (``greenpaths2_osm/helsinki_centre_20240815.osm.pbf``)
as it is, and an enlargement: the file tiled ``--tiles`` times (a square grid of copies side
by side, each copy's ids offset past the previous copy's, coordinates shifted by the extract's
width/height), written sorted (all nodes, then ways, then relations). The clip box covers the
middle of the enlargement, so ways cross its edges.

Each clip runs in its own process; peak memory is its maximum resident set size as GNU
``/usr/bin/time`` reports it. osmium-tool runs
``osmium extract --strategy complete_ways -b ...``; the id sets of both outputs are compared.

Usage::

    python benchmarks/osm_clip.py [--tiles 16] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import osmium

STAGED = "greenpaths2_osm/helsinki_centre_20240815.osm.pbf"


def tile(source: Path, target: Path, tiles: int) -> tuple[float, float, float, float]:
    """Write ``tiles`` shifted copies of ``source``; return the enlargement's lon/lat box."""
    header_box = osmium.io.Reader(str(source)).header().box()
    minx, miny = header_box.bottom_left.lon, header_box.bottom_left.lat
    maxx, maxy = header_box.top_right.lon, header_box.top_right.lat
    width, height = maxx - minx, maxy - miny
    side = math.ceil(math.sqrt(tiles))
    offsets = {"n": 0, "w": 0, "r": 0}
    for obj in osmium.FileProcessor(str(source)):
        kind = obj.type_str()
        offsets[kind] = max(offsets[kind], obj.id + 1)
    if target.exists():
        target.unlink()
    writer = osmium.SimpleWriter(str(target))
    try:
        for entity in (osmium.osm.NODE, osmium.osm.WAY, osmium.osm.RELATION):
            for k in range(tiles):
                dx, dy = (k % side) * width, (k // side) * height
                on, ow, orel = offsets["n"] * k, offsets["w"] * k, offsets["r"] * k
                for obj in osmium.FileProcessor(str(source), entity):
                    if isinstance(obj, osmium.osm.Node):
                        location = obj.location
                        writer.add_node(
                            obj.replace(
                                id=obj.id + on, location=(location.lon + dx, location.lat + dy)
                            )
                        )
                    elif isinstance(obj, osmium.osm.Way):
                        writer.add_way(
                            obj.replace(id=obj.id + ow, nodes=[n.ref + on for n in obj.nodes])
                        )
                    else:
                        shift = {"n": on, "w": ow, "r": orel}
                        writer.add_relation(
                            obj.replace(
                                id=obj.id + orel,
                                members=[
                                    (m.type, m.ref + shift[m.type], m.role) for m in obj.members
                                ],
                            )
                        )
    finally:
        writer.close()
    return minx, miny, minx + side * width, miny + side * height


def run(command: list[str], workdir: Path) -> tuple[float, float]:
    """Seconds and peak RSS (MB, GNU time's maximum resident set size) of one child."""
    report = workdir / "time.txt"
    start = time.perf_counter()
    subprocess.run(
        ["/usr/bin/time", "-f", "%M", "-o", str(report), *command], check=True, capture_output=True
    )
    seconds = time.perf_counter() - start
    return seconds, int(report.read_text().split()[-1]) / 1024


def ids(path: Path) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {"n": set(), "w": set(), "r": set()}
    for obj in osmium.FileProcessor(str(path)):
        found[obj.type_str()].add(obj.id)
    return found


def compare(
    label: str, source: Path, box: tuple[float, float, float, float], workdir: Path
) -> None:
    text = ",".join(f"{v:.6f}" for v in box)
    mine, theirs = workdir / f"{label}-dikas.osm.pbf", workdir / f"{label}-osmium.osm.pbf"
    code = (
        "import sys; from dikas.sources.osm_extract import clip_pbf; "
        "clip_pbf(sys.argv[1], sys.argv[2], "
        "bbox_wgs84=tuple(float(v) for v in sys.argv[3].split(',')))"
    )
    size = source.stat().st_size / 1e6
    print(f"{label}: {source.name} ({size:.1f} MB), box {text}")
    t_mine, m_mine = run([sys.executable, "-c", code, str(source), str(mine), text], workdir)
    print(f"  dikas clip_pbf   {t_mine:7.2f} s  peak RSS {m_mine:8.0f} MB")
    t_tool, m_tool = run(
        [
            "osmium",
            "extract",
            "-b",
            text,
            "--strategy",
            "complete_ways",
            "--overwrite",
            "-o",
            str(theirs),
            str(source),
        ],
        workdir,
    )
    print(f"  osmium extract   {t_tool:7.2f} s  peak RSS {m_tool:8.0f} MB")
    a, b = ids(mine), ids(theirs)
    same = all(a[k] == b[k] for k in "nwr")
    print(
        f"  kept nodes/ways/relations {len(a['n'])}/{len(a['w'])}/{len(a['r'])}; "
        f"same ids as osmium-tool: {same}; time ratio {t_mine / t_tool:.2f}, "
        f"memory ratio {m_mine / m_tool:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tiles", type=int, default=16)
    parser.add_argument(
        "--workdir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "dikas-osm-clip",
        help="Where the enlarged copies are kept between runs.",
    )
    args = parser.parse_args()
    if shutil.which("osmium") is None:
        sys.exit("osmium-tool is not installed (apt-get install osmium-tool)")
    data = Path(os.environ.get("DIKAS_DATA_DIR", "../shared/data"))
    source = data / STAGED
    args.workdir.mkdir(parents=True, exist_ok=True)
    compare("staged", source, (24.92, 60.155, 24.96, 60.17), args.workdir)
    big = args.workdir / f"tiled{args.tiles}.osm.pbf"
    start = time.perf_counter()
    minx, miny, maxx, maxy = tile(source, big, args.tiles)
    print(f"wrote {big.name} in {time.perf_counter() - start:.0f} s")
    cx, cy, w, h = (minx + maxx) / 2, (miny + maxy) / 2, (maxx - minx) / 4, (maxy - miny) / 4
    compare(f"tiled{args.tiles}", big, (cx - w, cy - h, cx + w, cy + h), args.workdir)


if __name__ == "__main__":
    main()
