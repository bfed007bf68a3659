"""Read access for the server: the twin read-only, one DuckDB cursor per thread, and an
in-memory copy of each served layer with its geometry already in WGS84 and Web Mercator.

Reprojecting polygons costs far more than finding them, so each layer is reprojected once
(on first use, with PROJ through GeoPandas) and then served from memory: items pages and
vector tiles filter on precomputed bounding boxes and never transform geometry per request.
Small person counts, and the counts that would reveal them, are blanked on whole rows when the
copy is made, so nothing served from it can leak them, whichever columns a request selects
(:func:`dikas.twin.privacy.publish`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from dikas.api.feature_index import FeatureIndex
from dikas.api.features import ItemsQuery, feature_texts, geojson_texts, select_features
from dikas.twin.database import connect
from dikas.twin.privacy import publish
from dikas.twin.store import Twin

Loader = Callable[[], gpd.GeoDataFrame]

GEOMETRY_COLUMNS = (
    "__geom4326",
    "__geom3857",
    "__lon0",
    "__lat0",
    "__lon1",
    "__lat1",
    "__x0",
    "__y0",
    "__x1",
    "__y1",
    "__feature",
)
"""Internal columns of a served layer (never shown as properties)."""


class TwinStore:
    """The twin opened read-only, with a :class:`Twin` per thread on one shared database.

    DuckDB connections are not safe to share between threads; cursors of one connection are,
    each thread using its own. ``path`` is the file opened (the server's private snapshot,
    :mod:`dikas.twin.snapshot`); ``label`` the twin it is a copy of, which messages name.
    """

    def __init__(self, path: Path, *, label: Path | None = None) -> None:
        self.file = Path(path)
        self.path = Path(label) if label is not None else self.file
        Twin.open(self.file, read_only=True).close()  # fails clearly when it is not a twin
        self._connection = connect(self.file, read_only=True)
        self._connection.execute("SET enable_progress_bar = false")
        self._local = threading.local()

    def twin(self) -> Twin:
        """This thread's view of the twin."""
        twin = getattr(self._local, "twin", None)
        if twin is None:
            twin = Twin(self._connection.cursor(), self.path, read_only=True)
            self._local.twin = twin
        return twin

    def close(self) -> None:
        """Close the shared connection."""
        self._connection.close()


class ServedLayers:
    """In-memory, reprojected, privacy-filtered copies of the layers the API serves."""

    def __init__(self, *, min_count: int) -> None:
        self.min_count = min_count
        self._connection = connect(None)
        self._connection.execute("SET enable_progress_bar = false")
        # Requests run side by side; one thread per query spends less on coordination.
        self._connection.execute("SET threads = 1")
        self._local = threading.local()
        self._lock = threading.Lock()
        self._columns: dict[str, dict[str, str]] = {}
        self._indexes: dict[str, FeatureIndex] = {}

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """This thread's cursor on the in-memory layers."""
        cursor = getattr(self._local, "cursor", None)
        if cursor is None:
            cursor = self._connection.cursor()
            self._local.cursor = cursor
        return cursor

    def columns(self, name: str, loader: Loader, *, level: str, key: str) -> dict[str, str]:
        """Property columns → DuckDB type of a served layer, loading it on first use."""
        if name not in self._columns:
            with self._lock:
                if name not in self._columns:
                    self._store(name, loader(), level=level, key=key)
        return self._columns[name]

    def replace(self, name: str, frame: gpd.GeoDataFrame, *, level: str, key: str) -> None:
        """Load (or reload) a layer, e.g. after a comment was written."""
        with self._lock:
            self._store(name, frame, level=level, key=key)

    def append(self, name: str, frame: gpd.GeoDataFrame, *, level: str, key: str) -> None:
        """Add rows to a loaded layer (e.g. a new comment) without reloading the others;
        their keys must sort after the layer's. A layer not loaded yet is left alone: it
        reads every row when first used."""
        with self._lock:
            if name not in self._columns:
                return
            data, index = self._prepare(frame, level=level, key=key)
            view = f"_incoming_{name}"
            self._connection.register(view, data)
            self._connection.execute(f'INSERT INTO "{name}" BY NAME {self._select(data, view)}')
            self._connection.unregister(view)
            self._indexes[name] = self._indexes[name].extended(index)

    def remove(self, name: str, *, key: str, values: list[object]) -> None:
        """Drop the rows whose ``key`` is one of ``values`` from a loaded layer (e.g. a
        hidden comment)."""
        with self._lock:
            if name not in self._columns or not values:
                return
            marks = ", ".join("?" * len(values))
            self._connection.execute(
                f'DELETE FROM "{name}" WHERE "{key}" IN ({marks})', list(values)
            )
            self._indexes[name] = self._indexes[name].without(values)

    def _prepare(
        self, frame: gpd.GeoDataFrame, *, level: str, key: str
    ) -> tuple[pd.DataFrame, FeatureIndex]:
        """The rows as stored (properties, both projections, their bounding boxes and each
        row's finished GeoJSON Feature text) and their :class:`FeatureIndex`."""
        frame = publish(frame, level=level, min_count=self.min_count)
        data = pd.DataFrame(frame.drop(columns=frame.geometry.name))
        geometry = frame.geometry
        wgs84, mercator = geometry.to_crs(4326), geometry.to_crs(3857)
        valid = ~(geometry.isna().to_numpy() | geometry.is_empty.to_numpy())
        shapes: np.ndarray = np.asarray(np.where(valid, wgs84.to_numpy(), None))
        features = feature_texts(data, geojson_texts(shapes, valid), key=key)
        index = FeatureIndex.build(data, shapes, features, key=key)
        for column in data.columns:
            if data[column].dtype == object:
                data[column] = data[column].astype("string")
        for prefix, series, names in (
            ("__geom4326", wgs84, ("__lon0", "__lat0", "__lon1", "__lat1")),
            ("__geom3857", mercator, ("__x0", "__y0", "__x1", "__y1")),
        ):
            data[prefix] = np.where(
                valid, shapely.to_wkb(series.to_numpy(), output_dimension=2), None
            )
            bounds = shapely.bounds(series.to_numpy())
            for i, column in enumerate(names):
                data[column] = bounds[:, i]
        data["__feature"] = features
        return data, index

    @staticmethod
    def _select(data: pd.DataFrame, view: str) -> str:
        props = [f'"{c}"' for c in data.columns if c not in GEOMETRY_COLUMNS]
        return (
            f"SELECT {', '.join([*props, ''])}"
            "ST_GeomFromWKB(__geom4326) AS __geom4326, ST_GeomFromWKB(__geom3857) AS "
            "__geom3857, __lon0, __lat0, __lon1, __lat1, __x0, __y0, __x1, __y1, __feature "
            f'FROM "{view}"'
        )

    def _store(self, name: str, frame: gpd.GeoDataFrame, *, level: str, key: str) -> None:
        """Keep the layer (:meth:`_prepare`) and the :class:`FeatureIndex` that answers
        items pages (properties never change while the server runs)."""
        data, index = self._prepare(frame, level=level, key=key)
        view = f"_incoming_{name}"
        self._connection.register(view, data)
        self._connection.execute(f'CREATE OR REPLACE TABLE "{name}" AS {self._select(data, view)}')
        self._connection.unregister(view)
        self._indexes[name] = index
        described = self._connection.execute(f'DESCRIBE "{name}"').fetchall()
        self._columns[name] = {
            row[0]: str(row[1]) for row in described if row[0] not in GEOMETRY_COLUMNS
        }

    def close(self) -> None:
        """Drop the in-memory layers."""
        self._connection.close()

    def loaded(self, name: str) -> bool:
        """Whether a layer has been loaded."""
        return name in self._columns

    def keys(self, name: str, *, key: str) -> list[Any]:
        """The ``key`` values of a loaded layer's rows, ascending."""
        with self._lock:
            rows = (
                self._connection.cursor()
                .execute(f'SELECT "{key}" FROM "{name}" ORDER BY "{key}"')
                .fetchall()
            )
        return [row[0] for row in rows]

    def index(self, name: str) -> FeatureIndex:
        """The feature index of a loaded layer."""
        return self._indexes[name]

    def select(self, name: str, query: ItemsQuery, *, key: str) -> tuple[int, list[str]]:
        """``(numberMatched, GeoJSON texts)`` of one items page of a loaded layer: from its
        :class:`FeatureIndex`, or from DuckDB when the page filters on properties."""
        if query.properties:
            return select_features(
                self.cursor(), name, list(self._columns[name]), key=key, query=query
            )
        return self.index(name).select(query)
