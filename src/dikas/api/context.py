"""Everything a request handler needs, built once per app: settings, the twin, the served
layers, the community database and the street networks for isochrones."""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer

from dikas.api.community import Community
from dikas.api.errors import NotFoundError
from dikas.api.layers import BASEMAP_LAYERS, KNOWN_LAYERS, TILE_LAYERS, LayerSpec, spec_for
from dikas.api.limits import ClientRate, RunSlots
from dikas.api.settings import ApiSettings
from dikas.api.store import Loader, ServedLayers, TwinStore
from dikas.api.throttle import SignInThrottle
from dikas.api.tilecache import TileCache, seed
from dikas.api.tiles import render_tile
from dikas.settings import TWIN_CRS
from dikas.twin.store import Twin

COMMENTS = "comments"
TILE_CACHE_BYTES = 256 * 2**20
"""Memory for rendered tiles (a snapshot never changes, so neither does a tile)."""
MEMO_ENTRIES = 512
"""Computed results (indicator tables, profiles, reports) kept by :meth:`ApiContext.memo`."""
SEED_MAX_ZOOM = 16
"""Seeding renders the opening area's tiles up to this zoom (street level)."""
CELL_AREA_SHARE = 0.5
"""Grid cells at least this share water (or vegetation) form the derived base-map layers."""
OPENING_TRIM = 0.02
"""Share of building centroids left out on each side of the opening view's box."""


class Retired(Exception):
    """A context's twin snapshot was replaced: background work on it stops."""


class ApiContext:
    """Shared, thread-safe state of one running API on one snapshot of the twin.

    ``twin_file`` is the file opened (the server's private copy of the twin, see
    :mod:`dikas.api.switch`; default the twin itself). Everything read from it (layers in
    memory, tiles, memoized results, networks) belongs to this context; a server that
    switches to a newer snapshot builds a new context with ``previous`` set, which keeps the
    state that outlives a snapshot: the community database and the request limits.
    """

    def __init__(
        self,
        settings: ApiSettings,
        *,
        twin_file: Path | None = None,
        previous: ApiContext | None = None,
    ) -> None:
        self.settings = settings
        self.store = TwinStore(twin_file or settings.twin_path, label=settings.twin_path)
        self.served = ServedLayers(min_count=settings.min_count)
        self.users = 0
        """Requests and background tasks using this context (see :mod:`dikas.api.switch`)."""
        self.retired = False
        """Set when a newer snapshot is served: background work stops, the context closes
        once its last request ends."""
        self.community: Community
        self.sign_ins: SignInThrottle
        self.scenario_slots: RunSlots
        self.scenario_runs: ClientRate
        self.isochrone_rate: ClientRate
        self.report_rate: ClientRate
        if previous is not None:
            self.community = previous.community
            self.sign_ins = previous.sign_ins
            self.scenario_slots = previous.scenario_slots
            self.scenario_runs = previous.scenario_runs
            self.isochrone_rate = previous.isochrone_rate
            self.report_rate = previous.report_rate
        else:
            self.community = Community(
                settings.community_file, secret=settings.auth_secret, database=settings.community_db
            )
            self.sign_ins = SignInThrottle(settings.sign_in_attempts, settings.sign_in_window_s)
            self.scenario_slots = RunSlots(settings.scenario_slots)
            self.scenario_runs = ClientRate(
                "scenario runs", settings.scenario_runs_per_window, settings.scenario_window_s
            )
            self.isochrone_rate = ClientRate("isochrones", settings.isochrones_per_minute, 60.0)
            self.report_rate = ClientRate("reports", settings.reports_per_minute, 60.0)
        self._lock = threading.Lock()
        self._comments_lock = threading.Lock()
        self._comments_version: tuple[int, int, int] | None = None
        self._networks: dict[str, Any] = {}
        self._years: dict[str, list[int]] = {}
        self._specs: dict[str, LayerSpec] = {}
        self._memo: OrderedDict[tuple[object, ...], Any] = OrderedDict()
        self.tiles = TileCache(TILE_CACHE_BYTES)
        # seeding is pending from the start, so readiness checks never see a gap
        self.status: dict[str, Any] = {
            "layers_loaded": False,
            "tiles_seeded": 0,
            "seeding": bool(settings.preload and settings.seed_tiles),
        }

    def memo(self, key: tuple[object, ...], compute: Callable[[], Any]) -> Any:
        """A cached result (a snapshot never changes, so results never go stale; a newer
        snapshot comes with a new context and an empty memo).

        At most :data:`MEMO_ENTRIES` results are kept, least recently used dropped first:
        requests can name endless variants (indicator formulas, area × year reports).
        """
        with self._lock:
            if key in self._memo:
                self._memo.move_to_end(key)
                return self._memo[key]
        value = compute()
        with self._lock:
            self._memo[key] = value
            while len(self._memo) > MEMO_ENTRIES:
                self._memo.popitem(last=False)
        return value

    @cached_property
    def attribution(self) -> str:
        """Sources and licences of every layer, de-duplicated."""
        provenance = self.twin().provenance()
        if provenance.empty:
            return ""
        parts = [
            p.strip() for text in provenance["attribution"].dropna() for p in str(text).split(";")
        ]
        return "; ".join(dict.fromkeys(p for p in parts if p))

    def twin(self) -> Twin:
        """This thread's read-only twin."""
        return self.store.twin()

    # -- collections -----------------------------------------------------------------------
    @cached_property
    def collection_names(self) -> list[str]:
        """Twin layers with geometry, plus the stakeholder comments."""
        twin = self.twin()
        names = [layer for layer in twin.layers() if "geometry" in twin.columns(layer)]
        return [*names, COMMENTS]

    @cached_property
    def tile_layers(self) -> list[str]:
        """Tile layers this twin can serve: the base map and the map layers it has."""
        return [
            name for name in TILE_LAYERS if name in BASEMAP_LAYERS or name in self.collection_names
        ]

    def spec(self, name: str) -> LayerSpec:
        """How a collection or tile layer is published (cached per layer)."""
        if name not in self._specs:
            columns = (
                []
                if name in KNOWN_LAYERS or name in BASEMAP_LAYERS
                else [c for c in self.twin().columns(name) if c != "geometry"]
            )
            self._specs[name] = spec_for(name, columns)
        return self._specs[name]

    def years(self, name: str) -> list[int]:
        """Years of a yearly twin layer (cached: a snapshot never changes)."""
        if name not in self._years:
            self._years[name] = (
                [] if name == COMMENTS or name in BASEMAP_LAYERS else self.twin().years(name)
            )
        return self._years[name]

    def require_collection(self, name: str) -> None:
        """Raise 404 for names that are not collections."""
        if name not in self.collection_names:
            raise NotFoundError(
                f"no collection {name!r}; collections: {', '.join(self.collection_names)}"
            )

    def columns(self, name: str) -> dict[str, str]:
        """Property columns (→ DuckDB type) of a served layer, loading it on first use (the
        comments layer brought up to date with the database first)."""
        if name == COMMENTS and self.served.loaded(COMMENTS):
            self.sync_comments()
        return self.served.columns(
            name, self._loader(name), level=self._level(name), key=self.spec(name).key
        )

    def preload(self) -> None:
        """Load every tile layer the twin has, then seed the tile cache with up to
        ``settings.seed_tiles`` tiles of where the map's buildings are (server start-up).

        A failure (e.g. damaged twin pages) is kept in ``status["error"]``: ``/api/status``
        then answers 503 with it instead of the server pretending to be still starting."""
        try:
            self.load_layers()
            self.seed_tiles()
        except Retired:
            return  # a newer snapshot is served; its context seeds its own tiles
        except Exception as exc:
            self.status["error"] = " ".join(str(exc).split()) or type(exc).__name__
            logging.getLogger(__name__).exception("preloading the twin failed")
        finally:
            self.status["seeding"] = False

    def load_layers(self) -> None:
        """Load (reproject, filter for privacy) every tile layer the twin has."""
        for name in self.tile_layers:
            self.columns(name)
        self.status["layers_loaded"] = True

    def seed_tiles(self) -> None:
        """Render up to ``settings.seed_tiles`` tiles of the opening area (stops with
        :class:`Retired` once a newer snapshot is served)."""
        bbox = self.map_extent()
        if self.settings.seed_tiles and bbox is not None:
            _lower_thread_priority()  # requests go first

            def render(layer: str, z: int, x: int, y: int) -> bytes:
                if self.retired:
                    raise Retired
                return self.tile(layer, z, x, y)

            seed(
                render,
                {name: self.spec(name).min_zoom for name in self.tile_layers},
                bbox,
                max_zoom=SEED_MAX_ZOOM,
                budget=self.settings.seed_tiles,
                progress=lambda n: self.status.update(tiles_seeded=n),
            )

    @property
    def twin_file(self) -> Path:
        """The file this context reads (give it, not the served twin, to child processes:
        it never changes and holds no lock on the twin)."""
        return self.store.file

    def build_id(self) -> str:
        """The build id of the snapshot served."""
        return str(self.twin().build_info().get("build_id", ""))

    def close(self) -> None:
        """Close the snapshot's database connections."""
        self.store.close()
        self.served.close()

    def map_extent(self) -> list[float] | None:
        """The extent (CRS84) of the 3D buildings, else of the whole city."""
        twin = self.twin()
        layer = next(
            (name for name in ("buildings", "areas", "grid") if twin.has_layer(name)), None
        )
        return self.extent_wgs84(layer) if layer else None

    def opening_bbox(self) -> list[float] | None:
        """Where the map opens (CRS84): where the mass of the 3D buildings is.

        The buildings' box leaves out the outer 2 % of their centroids on each side: a few
        outlying buildings would otherwise pull the opening view off the mass of them.
        """
        twin = self.twin()
        if twin.has_layer("buildings"):
            points = twin.centroids("buildings").dropna()
            if len(points):
                low = points.quantile(OPENING_TRIM).to_numpy()
                high = points.quantile(1 - OPENING_TRIM).to_numpy()
                return [float(v) for v in self.to_wgs84.transform_bounds(*low, *high)]
        return self.map_extent()

    def _level(self, name: str) -> str:
        return "grid" if name == "basemap_water" or name == "basemap_green" else name

    def _loader(self, name: str) -> Loader:
        if name == COMMENTS:
            return self.community.comments
        if name == "basemap_streets":
            return lambda: self.twin().read("network_edges", columns=["edge_id", "highway", "name"])
        if name in ("basemap_water", "basemap_green"):
            return lambda: self._basemap_polygons(name)
        return lambda: self.twin().read(name)

    def refresh_comments(self) -> None:
        """Reload the served comments layer (every comment: for changes made elsewhere)."""
        self.served.replace(
            COMMENTS, self.community.comments(), level=COMMENTS, key=self.spec(COMMENTS).key
        )

    def sync_comments(self) -> None:
        """Bring the served comments layer up to date with the community database, which
        other server processes may write too (PostgreSQL): nothing when the counts of
        comments and of visible comments are unchanged (one query); else the new rows are
        appended and hidden ones dropped; ids arriving out of order (a slower concurrent
        transaction) and the first comments of a layer loaded empty reload it."""
        key = self.spec(COMMENTS).key
        with self._comments_lock:
            if not self.served.loaded(COMMENTS):
                return
            version = self.community.comments_version()
            if version == self._comments_version:
                return
            stored = self.community.visible_comment_ids()
            served = self.served.keys(COMMENTS, key=key)
            gone = sorted(set(served) - set(stored))
            if gone:
                self.served.remove(COMMENTS, key=key, values=gone)
            newest = max(set(served) - set(gone), default=0)
            missing = sorted(set(stored) - set(served))
            if missing and (not served or missing[0] < newest):
                self.refresh_comments()  # a layer loaded empty has no column types yet
            elif missing:
                self.served.append(
                    COMMENTS, self.community.comments_after(newest), level=COMMENTS, key=key
                )
            self._comments_version = version

    def comment_added(self, comment_id: int) -> None:
        """Add a new comment to the served comments layer (the new rows only)."""
        self.sync_comments()

    def comment_hidden(self, comment_id: int) -> None:
        """Drop a hidden comment from the served comments layer."""
        self.sync_comments()

    def _basemap_polygons(self, name: str) -> gpd.GeoDataFrame:
        """Water or green polygons: the twin's OSM ``landcover`` layer when it has one,
        otherwise the union of grid cells that are mostly water (``water_m2``) or vegetation
        (``vegetation_m2``)."""
        twin = self.twin()
        kind = "water" if name == "basemap_water" else "green"
        if twin.has_layer("landcover"):
            frame = twin.read("landcover", columns=[], where={"kind": kind})
        else:
            column = "water_m2" if kind == "water" else "vegetation_m2"
            if not twin.has_layer("grid") or column not in twin.columns("grid"):
                return gpd.GeoDataFrame({"part_id": [], "kind": []}, geometry=[], crs=TWIN_CRS)
            grid = twin.read("grid", columns=[column])
            share = pd.to_numeric(grid[column], errors="coerce") / grid.geometry.area
            union = shapely.union_all(grid.geometry[share >= CELL_AREA_SHARE].to_numpy())
            parts = shapely.get_parts(union) if not union.is_empty else np.array([])
            frame = gpd.GeoDataFrame(geometry=list(parts), crs=TWIN_CRS)
        frame = frame[[frame.geometry.name]].reset_index(drop=True)
        frame.insert(0, "part_id", np.arange(len(frame)))
        frame.insert(1, "kind", kind)
        return frame

    def tile(self, layer: str, z: int, x: int, y: int) -> bytes:
        """MVT bytes of one tile of a tile layer (empty below the layer's minimum zoom),
        rendered once and then served from :attr:`tiles`."""
        cached = self.tiles.get((layer, z, x, y))
        if cached is not None:
            return cached
        spec = self.spec(layer)
        tile = b""
        if z >= spec.min_zoom:
            columns = self.columns(layer)
            properties = [p for p in spec.tile_properties if p in columns]
            years = self.years(layer) if "year" in columns else []
            only = spec.overview_filter(z)
            tile = render_tile(
                self.served.cursor(),
                layer,
                properties,
                z=z,
                x=x,
                y=y,
                year=years[-1] if years else None,
                only=only,
            )
        self.tiles.put((layer, z, x, y), tile)
        return tile

    # -- geography ---------------------------------------------------------------------------
    @cached_property
    def to_wgs84(self) -> Transformer:
        """EPSG:3067 → lon/lat."""
        return Transformer.from_crs(TWIN_CRS, "EPSG:4326", always_xy=True)

    @cached_property
    def from_wgs84(self) -> Transformer:
        """lon/lat → EPSG:3067."""
        return Transformer.from_crs("EPSG:4326", TWIN_CRS, always_xy=True)

    def extent_wgs84(self, layer: str) -> list[float] | None:
        """A twin layer's bounding box in CRS84."""
        if layer == COMMENTS:
            bounds = self.community.comment_bounds()
            return None if bounds is None else [float(v) for v in bounds]
        box = self.twin().extent(layer)
        if box is None:
            return None
        return [float(v) for v in self.to_wgs84.transform_bounds(*box)]

    # -- street networks -------------------------------------------------------------------
    def network(self, mode: str) -> Any:
        """The cached street network of a mode, built from the twin on first use."""
        from dikas.accessibility.network import StreetNetwork

        with self._lock:
            if mode not in self._networks:
                self._networks[mode] = StreetNetwork.from_twin(self.twin(), mode)  # type: ignore[arg-type]
            return self._networks[mode]


def _lower_thread_priority() -> None:
    """Run the calling thread at a lower CPU priority (Linux gives threads their own)."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
    except (AttributeError, OSError):
        return  # other systems: the thread keeps the process's priority
