"""A real MapServer 8 (WFS 2.0 + OGC API – Features) on loopback, serving staged real data.

The test data are the staged real files (the data mirror: ``DIKAS_DATA_DIR`` or
``../shared/data``, see its SOURCES.md), re-expressed in each producer's own service schema so that the clients are tested against
the layer and property names they meet in production:

``postialue`` map (Statistics Finland, geo.stat.fi GeoServer ``postialue`` workspace)
    ``postialue:pno_tilasto_2020`` … ``_2023``: the 84 Helsinki Paavo areas of each staged
    year with their English PxWeb labels turned back into Paavo's short codes
    (``paavo_variables.csv``), plus ``postinumeroalue``, ``nimi``, ``namn`` (Swedish name
    from ``r4c/hki_po_clipped.json``), ``kunta``, ``vuosi``, ``pinta_ala``, ``euref_x`` and
    ``euref_y`` as on the real service. **Derived test data:** the other capital-region
    areas (the non-Helsinki rows of ``r4c/hsy_po.json``) are added with ``kunta`` from its
    ``kunta_nro``, ``namn`` from ``nimi_ru``, ``he_vakiy`` = the sum of the HSY 2021 grid's
    inhabitants over the cells whose centre lies inside the area (the same grid for every
    year) and every other variable ``-1`` (Statistics Finland's "protected" marker). One
    row of that file (01800 Klaukkala) says ``kunta: Vantaa`` but ``kunta_nro: 543``; 543
    is the official code of Nurmijärvi, where Klaukkala lies, so the code is kept and a
    filter on the capital-region codes leaves that row out, as the real service would.
``asuminen_ja_maankaytto`` map (HSY, kartta.hsy.fi GeoServer)
    ``Vaestotietoruudukko_2021``: the staged HSY 2021 grid (EPSG:3879) under HSY's field
    names ``index``, ``asukkaita``, ``asvaljyys``; the age bands ``ika0_9`` … ``ika_yli80``
    come from ``r4c/hsy_populationgrid.json`` for the cells present in both (same cell
    centre), and are 99 (HSY's suppression value) elsewhere — derived test data.
``avoindata`` map (City of Helsinki, kartta.hel.fi GeoServer)
    ``Piirijako_suurpiiri``: the 8 real major districts of ``autogis/…districts_2021.gpkg``
    in EPSG:3879 with ``tunnus``, ``nimi_fi``, ``nimi_se``.
    ``Rakennukset_alue_rekisteritiedot``: **derived test data** — the 84 buildings of the two
    staged CityGML tiles as register footprints (``vtj_prt``, ``i_kerrlkm``,
    ``i_kerrosala``, ``c_valmpvm``, ``c_kayttark``, ``kayttotarkoitus``,
    ``katunimi_suomi``, ``osoitenumero``).
``inspire_nz`` map (SYKE, paikkatiedot.ymparisto.fi GeoServer)
    ``NZ.Tulvavaaravyohykkeet_Meritulva_1_100a`` / ``_1_1000a``: **derived test data** —
    the areas of the real Lapinlahti elevation model (``r5py_sampledata/…lapinlahti.tif``)
    below 2 m and below 3 m, polygonized. They are not SYKE's hazard zones; they only give
    the flood client and reader a real-shaped layer with SYKE's layer names.

Each map has a server-side feature cap (``wfs_maxfeatures``) smaller than its data, so a
client must page. Known limits of Debian's MapServer 8.0.0 that the tests work with: its
OGC API has no Part 2 (``crs`` is ignored, ``bbox-crs`` rejected, answers are CRS84), its
``next`` links drop ``bbox``, and its OGC API GeoJSON writer repeats every ring of a
multipolygon inside each of its polygons (WFS output is correct). The data go to FlatGeobuf files (MapServer 8.0's OGR/GeoPackage path
ignores the OGC API ``offset``; its native FlatGeobuf driver pages correctly).

:class:`MapServer` is a small threaded HTTP→CGI gateway on 127.0.0.1 that runs the real
``mapserv`` binary per request. ``tamper`` lets a test rewrite an answer (a proxy in
front of mapserv) to inject faults; ``requests`` logs every request path and query.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from dikas.settings import Settings
from dikas.sources.http import HttpClient

MAPSERV_CANDIDATES = ("/usr/lib/cgi-bin/mapserv", "/usr/bin/mapserv")
PAAVO_YEARS = (2020, 2021, 2022, 2023)
FEATURE_CAP = 50
"""``wfs_maxfeatures`` of every map: smaller than each layer, so clients must page."""

Tamper = Callable[
    [str, dict[str, str], int, dict[str, str], bytes], tuple[int, dict[str, str], bytes] | None
]
"""``tamper(path, query, status, headers, body)`` → a replacement answer or ``None``."""


def mapserv_binary() -> str | None:
    """The ``mapserv`` CGI binary, or ``None`` when MapServer is not installed."""
    for candidate in MAPSERV_CANDIDATES:
        if os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("mapserv")


@dataclass(frozen=True)
class LayerSpec:
    """One served layer: its name (without the map's namespace prefix) and data file."""

    name: str
    path: Path
    epsg: int
    geometry: str = "POLYGON"
    id_field: str | None = None


# --------------------------------------------------------------------------- data


def _paavo_codes(data_dir: Path) -> dict[str, str]:
    import csv

    from dikas.sources import paavo

    text = (Path(paavo.__file__).parent / "paavo_variables.csv").read_text("utf-8")
    return {row["label"]: row["code"] for row in csv.DictReader(text.splitlines())}


def _grid_2021(data_dir: Path) -> gpd.GeoDataFrame:
    return gpd.read_file(data_dir / "pythongis_book" / "Population_grid_2021_HSY.gpkg")


KAUNIAINEN_POSTAL_CODE = "02700"
"""Statistics Finland's Paavo places postal area 02700 in Kauniainen (235); the HSY file the
fixture takes the region's polygons from files it under Espoo (049)."""


def capital_region_postal_areas(data_dir: Path) -> gpd.GeoDataFrame:
    """The capital region's postal areas (EPSG:3067) with Paavo's municipality codes."""
    region = gpd.read_file(data_dir / "r4c" / "hsy_po.json").to_crs(3067)
    kauniainen = region["posno"].astype(str) == KAUNIAINEN_POSTAL_CODE
    region.loc[kauniainen, ["kunta_nro", "kunta"]] = ["235", "Kauniainen"]
    return region


def paavo_service_frame(data_dir: Path, year: int) -> gpd.GeoDataFrame:
    """One year of ``postialue:pno_tilasto_YYYY`` as served (EPSG:3067), see module doc."""
    labels = _paavo_codes(data_dir)
    source = gpd.read_file(data_dir / "paavo_helsinki" / f"paavo_12f7_helsinki_{year}.geojson")
    swedish = gpd.read_file(data_dir / "r4c" / "hki_po_clipped.json")
    namn = dict(zip(swedish["posno"].astype(str), swedish["namn"], strict=True))
    codes = [c for label, c in labels.items() if label in source.columns]
    helsinki = source.rename(columns={k: v for k, v in labels.items() if k in source.columns})
    helsinki = gpd.GeoDataFrame(
        {
            "postinumeroalue": helsinki["postal_code"].astype(str).str.zfill(5),
            "nimi": helsinki["name"],
            "namn": helsinki["postal_code"].astype(str).map(namn),
            "kunta": "091",
            "vuosi": year,
            **{c: helsinki[c].astype(float) for c in codes},
        },
        geometry=helsinki.geometry.values,
        crs=source.crs,
    )
    region = capital_region_postal_areas(data_dir)
    region = region[region["kunta_nro"] != "091"].reset_index(drop=True)
    grid = _grid_2021(data_dir).to_crs(3067)
    centres = gpd.GeoDataFrame(
        {"inhabitants": grid["inhabitants"].astype(float)},
        geometry=grid.geometry.centroid,
        crs=grid.crs,
    )
    joined = gpd.sjoin(centres, region[["posno", "geometry"]], predicate="within")
    population = joined.groupby("posno")["inhabitants"].sum()
    others = gpd.GeoDataFrame(
        {
            "postinumeroalue": region["posno"].astype(str),
            "nimi": region["nimi"],
            "namn": region["nimi_ru"],
            "kunta": region["kunta_nro"].astype(str),
            "vuosi": year,
            **{c: -1.0 for c in codes},
        },
        geometry=region.geometry.values,
        crs=region.crs,
    )
    others["he_vakiy"] = region["posno"].map(population).fillna(0.0).to_numpy()
    others["pinta_ala"] = region.geometry.area.round(0).to_numpy()
    others["euref_x"] = region.geometry.representative_point().x.round(0).to_numpy()
    others["euref_y"] = region.geometry.representative_point().y.round(0).to_numpy()
    frame = pd.concat([helsinki, others], ignore_index=True)
    return gpd.GeoDataFrame(frame, geometry="geometry", crs="EPSG:3067")


def hsy_grid_service_frame(data_dir: Path) -> gpd.GeoDataFrame:
    """``asuminen_ja_maankaytto:Vaestotietoruudukko_2021`` as served (EPSG:3879)."""
    grid = _grid_2021(data_dir)
    ages = gpd.read_file(data_dir / "r4c" / "hsy_populationgrid.json").to_crs(grid.crs)
    age_fields = [c for c in ages.columns if c.startswith("ika")]

    def key(g: gpd.GeoDataFrame) -> pd.Series:
        return (
            np.round(g.centroid.x / 10).astype("int64").astype(str)
            + "_"
            + np.round(g.centroid.y / 10).astype("int64").astype(str)
        )

    by_centre = ages.assign(_k=key(ages.geometry)).drop_duplicates("_k").set_index("_k")
    k = key(grid.geometry)
    frame = gpd.GeoDataFrame(
        {
            "index": grid["id"].str.rsplit(".", n=1).str[-1].astype(int),
            "asukkaita": grid["inhabitants"].astype(int),
            "asvaljyys": grid["occupancy_rate"].astype(float),
            **{c: k.map(by_centre[c]).fillna(99).astype(int).to_numpy() for c in age_fields},
        },
        geometry=grid.geometry.values,
        crs=grid.crs,
    )
    return frame


SUURPIIRI_SV = {
    "Eteläinen": ("1", "Södra"),
    "Läntinen": ("2", "Västra"),
    "Keskinen": ("3", "Mellersta"),
    "Pohjoinen": ("4", "Norra"),
    "Koillinen": ("5", "Nordöstra"),
    "Kaakkoinen": ("6", "Sydöstra"),
    "Itäinen": ("7", "Östra"),
    "Östersundom": ("8", "Östersundom"),
}
"""The City of Helsinki's major-district numbers and Swedish names."""


def districts_service_frame(data_dir: Path) -> gpd.GeoDataFrame:
    """``avoindata:Piirijako_suurpiiri`` as served (EPSG:3879)."""
    source = gpd.read_file(data_dir / "autogis" / "helsinki_city_districts_2021.gpkg")
    return gpd.GeoDataFrame(
        {
            "tunnus": source["name"].map(lambda n: SUURPIIRI_SV[n][0]),
            "nimi_fi": source["name"],
            "nimi_se": source["name"].map(lambda n: SUURPIIRI_SV[n][1]),
        },
        geometry=source.geometry.values,
        crs=source.crs,
    ).to_crs(3879)


def flood_service_frame(data_dir: Path, max_elevation_m: float) -> gpd.GeoDataFrame:
    """Areas of the Lapinlahti DEM below ``max_elevation_m`` (derived test data, EPSG:3067)."""
    import rasterio
    import rasterio.features
    import shapely.geometry

    with rasterio.open(data_dir / "r5py_sampledata" / "elevation_model_2021_lapinlahti.tif") as src:
        band = src.read(1)
        valid = np.isfinite(band) & (band != src.nodata if src.nodata is not None else True)
        mask = (valid & (band < max_elevation_m)).astype("uint8")
        shapes = [
            shapely.geometry.shape(g)
            for g, v in rasterio.features.shapes(
                mask, mask=mask.astype(bool), transform=src.transform
            )
            if v == 1
        ]
        crs = src.crs
    frame = gpd.GeoDataFrame({"geometry": shapes}, crs=crs).to_crs(3067)
    frame = frame[frame.geometry.area >= 1.0].reset_index(drop=True)
    frame.insert(0, "id", np.arange(1, len(frame) + 1))
    return frame


def building_register_service_frame(data_dir: Path) -> gpd.GeoDataFrame:
    """``avoindata:Rakennukset_alue_rekisteritiedot`` as served (EPSG:3879), derived test data.

    The footprints and register attributes of the two staged CityGML tiles (read with
    :func:`dikas.sources.citygml.read_citygml`) under the register's field names;
    ``c_valmpvm`` is ``YYYY-01-01`` (the model keeps the completion year only here).
    """
    from dikas.sources.citygml import read_citygml

    tiles = [
        read_citygml(data_dir / "helsinki_citygml" / name)
        for name in ("2549_6674.gml", "viikintiedepuisto.gml")
    ]
    frame = pd.concat(tiles, ignore_index=True)
    year = frame["year_built"].astype("Int64")
    address = frame["address"].astype("string").str.extract(r"^(.*?)\s*(\d[\w-]*)?$")
    return gpd.GeoDataFrame(
        {
            "vtj_prt": frame["permanent_id"].astype("string").fillna(frame["building_id"]),
            "i_kerrlkm": frame["floors"].astype("float").fillna(0).astype(int),
            "i_kerrosala": frame["floor_area_m2"].astype("float").fillna(0.0),
            "c_valmpvm": [f"{y}-01-01" if pd.notna(y) else None for y in year],
            "c_kayttark": frame["use_code"].astype("string"),
            "kayttotarkoitus": frame["use"].astype("string"),
            "katunimi_suomi": address[0].astype("string"),
            "osoitenumero": address[1].astype("string"),
        },
        geometry=frame.geometry.values,
        crs=frame.crs,
    ).to_crs(3879)


def write_service_data(data_dir: Path, folder: Path) -> dict[str, list[LayerSpec]]:
    """Write every served layer as FlatGeobuf under ``folder``; map name → its layers."""
    folder.mkdir(parents=True, exist_ok=True)

    def layer(
        name: str, make: Callable[[], gpd.GeoDataFrame], epsg: int, id_field: str
    ) -> LayerSpec:
        path = folder / f"{name}.fgb"
        if not path.exists():
            make().to_file(path, driver="FlatGeobuf")
        return LayerSpec(name, path, epsg, id_field=id_field)

    maps: dict[str, list[LayerSpec]] = {
        "postialue": [
            layer(
                f"pno_tilasto_{y}",
                lambda y=y: paavo_service_frame(data_dir, y),
                3067,
                "postinumeroalue",
            )
            for y in PAAVO_YEARS
        ],
        "asuminen_ja_maankaytto": [
            layer(
                "Vaestotietoruudukko_2021", lambda: hsy_grid_service_frame(data_dir), 3879, "index"
            )
        ],
        "avoindata": [
            layer("Piirijako_suurpiiri", lambda: districts_service_frame(data_dir), 3879, "tunnus"),
            layer(
                "Rakennukset_alue_rekisteritiedot",
                lambda: building_register_service_frame(data_dir),
                3879,
                "vtj_prt",
            ),
        ],
        "inspire_nz": [
            layer(
                f"NZ.Tulvavaaravyohykkeet_Meritulva_1_{period}a",
                lambda level=level: flood_service_frame(data_dir, level),
                3067,
                "id",
            )
            for period, level in ((100, 2.0), (1000, 3.0))
        ],
    }
    return maps


# --------------------------------------------------------------------------- mapfiles


def mapfile_text(
    map_name: str, layers: list[LayerSpec], *, base_url: str, max_features: int = FEATURE_CAP
) -> str:
    """A MapServer 8 mapfile serving ``layers`` over WFS 2.0 and OGC API – Features."""
    blocks = []
    for layer in layers:
        id_line = f'      "gml_featureid" "{layer.id_field}"\n' if layer.id_field else ""
        blocks.append(f"""  LAYER
    NAME "{layer.name}"
    TYPE {layer.geometry}
    STATUS ON
    TEMPLATE "void"
    CONNECTIONTYPE FLATGEOBUF
    DATA "{layer.path}"
    PROJECTION "init=epsg:{layer.epsg}" END
    METADATA
      "ows_title" "{layer.name}"
      "gml_include_items" "all"
      "gml_types" "auto"
{id_line}      "wfs_enable_request" "*"
      "oga_enable_request" "*"
    END
  END
""")
    return f"""MAP
  NAME "{map_name}"
  EXTENT -1000000 5000000 30000000 9000000
  PROJECTION "init=epsg:3067" END
  OUTPUTFORMAT
    NAME "geojson"
    DRIVER "OGR/GEOJSON"
    MIMETYPE "application/json; subtype=geojson"
    FORMATOPTION "STORAGE=stream"
    FORMATOPTION "FORM=SIMPLE"
  END
  WEB
    METADATA
      "ows_title" "{map_name} (DikaS test service)"
      "ows_onlineresource" "{base_url}/{map_name}/wfs?"
      "oga_onlineresource" "{base_url}/{map_name}/ogcapi"
      "ows_enable_request" "*"
      "oga_enable_request" "*"
      "ows_srs" "EPSG:3067 EPSG:3879 EPSG:4326"
      "ows_namespace_prefix" "{map_name}"
      "ows_namespace_uri" "http://dikas.test/{map_name}"
      "wfs_getfeature_formatlist" "geojson"
      "wfs_maxfeatures" "{max_features}"
      "wfs_compute_number_matched" "true"
      "oga_max_limit" "{max_features}"
      "oga_default_limit" "{max_features}"
    END
  END
{"".join(blocks)}END
"""


# --------------------------------------------------------------------------- server


@dataclass
class MapServer:
    """The real ``mapserv`` behind a threaded HTTP→CGI gateway on 127.0.0.1.

    URLs: ``{url}/{map}/wfs?SERVICE=WFS&…`` (WFS 2.0) and ``{url}/{map}/ogcapi/…``
    (OGC API – Features; PATH_INFO is passed through to mapserv).
    """

    folder: Path
    maps: dict[str, list[LayerSpec]]
    max_features: int = FEATURE_CAP
    tamper: Tamper | None = None
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    _server: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def wfs_url(self, map_name: str) -> str:
        """The WFS endpoint of one map (what a catalog's ``source.url`` would be)."""
        return f"{self.url}/{map_name}/wfs"

    def ogcapi_url(self, map_name: str) -> str:
        """The OGC API – Features landing page of one map."""
        return f"{self.url}/{map_name}/ogcapi"

    def start(self) -> MapServer:
        binary = mapserv_binary()
        if binary is None:
            raise RuntimeError("mapserv is not installed")
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                gateway._answer(self, binary)

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        config_maps = []
        for name, layers in self.maps.items():
            mapfile = self.folder / f"{name}.map"
            mapfile.write_text(
                mapfile_text(name, layers, base_url=self.url, max_features=self.max_features),
                "utf-8",
            )
            config_maps.append(f'    {name} "{mapfile}"')
        (self.folder / "mapserver.conf").write_text(
            f'CONFIG\n  ENV\n    MS_MAP_PATTERN "^{re.escape(str(self.folder))}/"\n  END\n  MAPS\n'
            + "\n".join(config_maps)
            + "\n  END\nEND\n",
            "utf-8",
        )
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def _answer(self, handler: BaseHTTPRequestHandler, binary: str) -> None:
        parts = urllib.parse.urlsplit(handler.path)
        query = dict(urllib.parse.parse_qsl(parts.query, keep_blank_values=True))
        self.requests.append((parts.path, query))
        segments = parts.path.strip("/").split("/")
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "MAPSERVER_CONFIG_FILE": str(self.folder / "mapserver.conf"),
            "REQUEST_METHOD": "GET",
            "QUERY_STRING": parts.query,
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": str(self._server.server_address[1]) if self._server else "0",
            "SCRIPT_NAME": "",
            "GATEWAY_INTERFACE": "CGI/1.1",
        }
        if not segments or segments[0] not in self.maps or len(segments) < 2:
            self._send(
                handler, parts.path, query, 404, {"Content-Type": "text/plain"}, b"no such map\n"
            )
            return
        if segments[1] == "wfs":
            env["MS_MAPFILE"] = str(self.folder / f"{segments[0]}.map")
        elif segments[1] == "ogcapi":
            env["PATH_INFO"] = parts.path
        else:
            self._send(
                handler, parts.path, query, 404, {"Content-Type": "text/plain"}, b"unknown path\n"
            )
            return
        done = subprocess.run([binary], env=env, capture_output=True, timeout=60, check=False)
        status, headers, body = _parse_cgi(done.stdout)
        self._send(handler, parts.path, query, status, headers, body)

    def _send(
        self,
        handler: BaseHTTPRequestHandler,
        path: str,
        query: dict[str, str],
        status: int,
        headers: dict[str, str],
        body: bytes,
    ) -> None:
        if self.tamper is not None:
            replaced = self.tamper(path, query, status, headers, body)
            if replaced is not None:
                status, headers, body = replaced
        handler.send_response(status)
        for key, value in headers.items():
            if key.lower() not in ("content-length", "status"):
                handler.send_header(key, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)


def _parse_cgi(output: bytes) -> tuple[int, dict[str, str], bytes]:
    """Split a CGI answer into status, headers and body."""
    match = re.search(rb"\r?\n\r?\n", output)
    if match is None:
        return 502, {"Content-Type": "text/plain"}, b"mapserv gave no CGI headers\n"
    head, body = output[: match.start()], output[match.end() :]
    headers: dict[str, str] = {}
    status = 200
    for line in head.decode("latin-1").splitlines():
        if ":" not in line:
            continue
        key, value = (s.strip() for s in line.split(":", 1))
        if key.lower() == "status":
            status = int(value.split()[0])
        else:
            headers[key] = value
    return status, headers, body


_DATA_LOCK = threading.Lock()


def start_mapserver(data_dir: Path, folder: Path, *, max_features: int = FEATURE_CAP) -> MapServer:
    """Write the service data (once per folder) and mapfiles, and start the gateway."""
    with _DATA_LOCK:
        maps = write_service_data(data_dir, folder / "data")
    return MapServer(folder=folder, maps=maps, max_features=max_features).start()


def offline_settings(folder: Path) -> Settings:
    """Settings for a fetch test: no data mirror, a fresh cache under ``folder``."""
    return Settings(data_dir=None, cache_dir=folder / "cache")


def no_retry_client() -> HttpClient:
    """A client that reports a fault at once (no retries), for fault tests."""
    return HttpClient(timeout=20, retries=0, backoff=0.01)
