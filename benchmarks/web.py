"""Benchmark: time to the first rendered map in headless Chromium, DikaS app vs plain GeoJSON.

Serves a twin with ``dikas.api`` on 127.0.0.1 and opens the map app in Debian's Chromium
(WebGL through SwiftShader, so the numbers are CPU-bound and pessimistic) with a cold browser
cache, once the server is ready as ``dikas serve`` makes it (layers loaded, the opening area's
tiles seeded):

* ``app 3D``: the app's first rendered map (``window.dikasTimings.firstMapMs``: navigation
  start → map idle with the chosen indicator drawn), in a view that holds every building of
  the twin (zoom from the buildings' extent, unpitched, at least the buildings' tile zoom 12,
  so the default 1600 × 1200 viewport is needed to hold all of the demo twin's buildings);
* ``app opening``: the app as a visitor opens it (no view in the URL): pitched 3D view on the
  mass of the buildings (``/api/meta`` ``focus_bbox``), same signal;
* ``app grid``: the same page, switched to a 250 m grid indicator in a view of the whole
  grid: time from the switch to the map idle again;
* ``peer``: the naive way, a plain MapLibre page that pages every building and cell out of the
  OGC API – Features endpoint as GeoJSON and draws them (same browser, same server);
* ``floor``: the least any MapLibre map with the app's kinds of layers needs in this browser:
  one polygon, drawn as background, fill, line, 3D extrusion and circle layers. Under software
  WebGL each kind of layer costs a shader compile on the first frame, whatever the data.

It prints the median of ``--repeat`` cold loads, how many buildings/cells the map holds, and
the ratio peer / app. The aim is a first map under 2 s.

    python benchmarks/web.py --twin twin.duckdb [--repeat 3] [--width 1600 --height 1200]

Needs ``/usr/bin/chromium``; the peer page needs ``src/dikas/web/app/node_modules`` (run
``npm ci`` there) for MapLibre's UMD build.
"""

from __future__ import annotations

import argparse
import math
import shutil
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn
from fastapi.responses import FileResponse, HTMLResponse

from dikas.api.app import create_app
from dikas.api.settings import ApiSettings

CHROMIUM_ARGS = [
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MAPLIBRE_UMD = (
    Path(__file__).resolve().parents[1]
    / "src"
    / "dikas"
    / "web"
    / "app"
    / "node_modules"
    / "maplibre-gl"
    / "dist"
    / "maplibre-gl.js"
)
BUILDINGS_MIN_ZOOM = 12
SEED_TILES = 10_000
"""``dikas serve``'s default ``--seed-tiles``."""

FLOOR_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<script src="/bench/maplibre-gl.js"></script>
<style>html,body,#map{margin:0;height:100%}</style></head><body><div id="map"></div><script>
const view = JSON.parse(decodeURIComponent(location.hash.slice(1)));
const [x, y] = view.center, d = 0.002;
const block = {type: "Feature", properties: {kind: "a", h: 20}, geometry: {type: "Polygon",
  coordinates: [[[x - d, y - d], [x + d, y - d], [x + d, y + d], [x - d, y + d], [x - d, y - d]]]}};
const colour = ["match", ["get", "kind"], "a", "#b10026", "#ffffb2"];
const map = new maplibregl.Map({container: "map", center: view.center, zoom: view.zoom,
  attributionControl: false, style: {version: 8, sources: {block: {type: "geojson", data: block}},
  layers: [{id: "bg", type: "background", paint: {"background-color": "#f2efe9"}},
    {id: "fill", type: "fill", source: "block", paint: {"fill-color": colour, "fill-antialias": false}},
    {id: "line", type: "line", source: "block", paint: {"line-color": "#555555"}},
    {id: "extrusion", type: "fill-extrusion", source: "block", paint: {
      "fill-extrusion-color": colour, "fill-extrusion-height": ["get", "h"]}},
    {id: "circle", type: "circle", source: "block", paint: {"circle-color": colour}}]}});
map.once("idle", () => { window.peerMs = performance.now(); });
</script></body></html>"""

PEER_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<script src="/bench/maplibre-gl.js"></script>
<style>html,body,#map{margin:0;height:100%}</style></head><body><div id="map"></div><script>
async function all(collection) {
  const features = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await (await fetch(`/ogc/collections/${collection}/items?limit=1000&offset=${offset}`)).json();
    features.push(...page.features);
    if (page.features.length < 1000) break;
  }
  return {type: "FeatureCollection", features};
}
const view = JSON.parse(decodeURIComponent(location.hash.slice(1)));
Promise.all([all("buildings"), all("grid")]).then(([buildings, grid]) => {
  const map = new maplibregl.Map({container: "map", center: view.center, zoom: view.zoom,
    attributionControl: false, style: {version: 8, sources: {
      buildings: {type: "geojson", data: buildings}, grid: {type: "geojson", data: grid}},
    layers: [{id: "bg", type: "background", paint: {"background-color": "#f2efe9"}},
      {id: "grid", type: "fill", source: "grid", paint: {"fill-color": ["interpolate", ["linear"],
        ["coalesce", ["get", "heat_exposure_index"], 0], 0, "#ffffb2", 1, "#b10026"], "fill-opacity": 0.7}},
      {id: "buildings", type: "fill-extrusion", source: "buildings", paint: {
        "fill-extrusion-color": "#d9d4cc", "fill-extrusion-height": ["coalesce", ["get", "height_m"], 6]}}]}});
  map.once("idle", () => { window.peerMs = performance.now();
    window.peerCounts = [buildings.features.length, grid.features.length]; });
});
</script></body></html>"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _fit_zoom(bbox: list[float], width: int, height: int) -> float:
    """Web Mercator zoom at which ``bbox`` (lon/lat) fills ``width`` × ``height`` pixels."""
    lat = math.radians((bbox[1] + bbox[3]) / 2)
    metres_per_px_z0 = 78271.517 * math.cos(lat)  # MapLibre zoom 0: the world is 512 px wide
    dx = math.radians(bbox[2] - bbox[0]) * 6378137 * math.cos(lat)
    dy = math.radians(bbox[3] - bbox[1]) * 6378137
    return math.log2(min(width * metres_per_px_z0 / dx, height * metres_per_px_z0 / dy))


def _serve(twin: Path, workdir: Path) -> tuple[str, uvicorn.Server, threading.Thread]:
    # as `dikas serve` runs it: layers preloaded and the opening area's tiles seeded
    app = create_app(
        ApiSettings(
            twin_path=twin,
            community_path=workdir / "community.sqlite",
            preload=True,
            seed_tiles=SEED_TILES,
        )
    )

    @app.get("/bench/maplibre-gl.js", include_in_schema=False)
    def maplibre() -> FileResponse:
        return FileResponse(MAPLIBRE_UMD, media_type="text/javascript")

    @app.get("/bench/peer.html", include_in_schema=False)
    def peer() -> HTMLResponse:
        return HTMLResponse(PEER_PAGE)

    @app.get("/bench/floor.html", include_in_schema=False)
    def floor() -> HTMLResponse:
        return HTMLResponse(FLOOR_PAGE)

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    for _ in range(3000):
        try:
            status = httpx.get(f"{url}/api/status", timeout=60).json()
            if status["layers_loaded"] and not status["seeding"]:
                return url, server, thread
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not get ready")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--twin", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=1200)
    args = parser.parse_args()
    if not Path("/usr/bin/chromium").is_file():
        raise SystemExit("needs /usr/bin/chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        twin = Path(tmp) / "twin.duckdb"
        shutil.copy(args.twin, twin)  # the server opens it read-only; keep the original untouched
        started = time.perf_counter()
        url, server, thread = _serve(twin, Path(tmp))
        ready_s = time.perf_counter() - started
        meta = httpx.get(f"{url}/api/meta", timeout=60).json()
        buildings = httpx.get(f"{url}/ogc/collections/buildings", timeout=60).json()
        bbox = buildings["extent"]["spatial"]["bbox"][0]
        n_buildings = httpx.get(
            f"{url}/ogc/collections/buildings/items", params={"limit": 1}, timeout=60
        ).json()["numberMatched"]
        n_cells = httpx.get(
            f"{url}/ogc/collections/grid/items", params={"limit": 1}, timeout=60
        ).json()["numberMatched"]
        zoom = max(_fit_zoom(bbox, args.width - 300, args.height - 36), BUILDINGS_MIN_ZOOM)
        centre = [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2]
        grid_zoom = _fit_zoom(meta["bbox"], args.width - 300, args.height - 36)
        grid_indicator = next(
            (
                i
                for i in meta["indicators"]
                if i["level"] == "grid" and i["name"] == "heat_exposure_index"
            ),
            None,
        )
        app_ms, opening_ms, grid_ms, peer_ms, floor_ms = [], [], [], [], []
        shown_buildings = shown_cells = 0
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            viewport = {"width": args.width, "height": args.height}
            for _ in range(args.repeat):
                context = browser.new_context(viewport=viewport)
                page = context.new_page()
                page.goto(f"{url}/#map={zoom:.3f}/{centre[1]:.6f}/{centre[0]:.6f}/0/0")
                page.wait_for_function("window.dikasReady === true", timeout=300_000)
                app_ms.append(page.evaluate("window.dikasTimings.firstMapMs"))
                shown_buildings = page.evaluate(
                    "new Set(dikas.map.querySourceFeatures('twin', {sourceLayer: 'buildings'})"
                    ".map(f => f.properties.building_id)).size"
                )
                if grid_indicator:
                    page.evaluate(
                        f"dikas.map.jumpTo({{center: {meta['center']}, zoom: {grid_zoom}}})"
                    )
                    page.wait_for_function("dikas.map.loaded()", timeout=300_000)
                    before = page.evaluate("Number(document.body.dataset.renders)")
                    start = page.evaluate("performance.now()")
                    page.select_option("#indicator", "grid|heat_exposure_index")
                    page.wait_for_function(
                        f"Number(document.body.dataset.renders) > {before}", timeout=300_000
                    )
                    grid_ms.append(page.evaluate("performance.now()") - start)
                    shown_cells = page.evaluate(
                        "new Set(dikas.map.querySourceFeatures('grid', {sourceLayer: 'grid'})"
                        ".map(f => f.properties.cell_id)).size"
                    )
                context.close()
                context = browser.new_context(viewport=viewport)
                page = context.new_page()
                page.goto(f"{url}/")
                page.wait_for_function("window.dikasReady === true", timeout=300_000)
                opening_ms.append(page.evaluate("window.dikasTimings.firstMapMs"))
                opening_view = page.evaluate("[dikas.map.getZoom(), dikas.map.getPitch()]")
                context.close()
                if MAPLIBRE_UMD.is_file():
                    view = f'{{"center": {centre}, "zoom": {zoom}}}'
                    for page_name, times in (("peer", peer_ms), ("floor", floor_ms)):
                        context = browser.new_context(viewport=viewport)
                        page = context.new_page()
                        page.goto(f"{url}/bench/{page_name}.html#{view}")
                        page.wait_for_function("window.peerMs !== undefined", timeout=600_000)
                        times.append(page.evaluate("window.peerMs"))
                        context.close()
            browser.close()
        server.should_exit = True
        thread.join(timeout=10)

    app_median = statistics.median(app_ms)
    print(
        f"twin: {args.twin} ({n_buildings} buildings); viewport {args.width}x{args.height}; "
        f"{args.repeat} cold loads; Chromium + SwiftShader; server ready (layers loaded, "
        f"tiles seeded) after {ready_s:.0f} s"
    )
    print(
        f"app 3D first map      : median {app_median:8.0f} ms  (all: "
        f"{', '.join(f'{t:.0f}' for t in app_ms)}); buildings in the map: {shown_buildings}"
        f" / {n_buildings} at zoom {zoom:.2f}"
    )
    print(
        f"app opening view      : median {statistics.median(opening_ms):8.0f} ms  (all: "
        f"{', '.join(f'{t:.0f}' for t in opening_ms)}); zoom {opening_view[0]:.2f}, pitch "
        f"{opening_view[1]:.0f} (what a visitor opening the URL sees)"
    )
    if grid_ms:
        print(
            f"app grid indicator    : median {statistics.median(grid_ms):8.0f} ms after the "
            f"switch; cells in the map: {shown_cells} / {n_cells} (the grid covers the region)"
        )
    if peer_ms:
        peer_median = statistics.median(peer_ms)
        print(
            f"peer GeoJSON MapLibre : median {peer_median:8.0f} ms  (all: "
            f"{', '.join(f'{t:.0f}' for t in peer_ms)})"
        )
        print(f"ratio peer / app      : {peer_median / app_median:.2f}x")
        print(
            f"floor: one polygon    : median {statistics.median(floor_ms):8.0f} ms  (all: "
            f"{', '.join(f'{t:.0f}' for t in floor_ms)}) — MapLibre with the app's kinds of "
            "layers and next to no data"
        )
    else:
        print(f"peer skipped: {MAPLIBRE_UMD} missing (npm ci in src/dikas/web/app)")
    print(f"aim: first map under 2000 ms -> {'met' if app_median < 2000 else 'not met'}")


if __name__ == "__main__":
    main()
