"""The twin store: one DuckDB file with every layer in EPSG:3067.

A :class:`Twin` is the only way indicator, scenario and output code touches the database:
layers come out as (Geo)DataFrames, indicators go in as long tables with provenance.
Geometry columns are named ``geometry`` and stored as DuckDB ``GEOMETRY``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import geopandas as gpd
import pandas as pd
import rasterio
import shapely

from dikas.code_version import code_version
from dikas.errors import ParameterError, TwinDamagedError, TwinError
from dikas.settings import TWIN_CRS
from dikas.sources.paavo import resolve_column
from dikas.sources.raster import RasterFile, open_raster_bytes
from dikas.twin.database import connect
from dikas.twin.locking import TwinBusyError
from dikas.twin.pending import save_pending

INDICATOR_COLUMNS = (
    "indicator",
    "level",
    "unit_id",
    "year",
    "population_group",
    "value",
    "method",
    "parameters",
    "source_layers",
    "computed_at",
    "code_version",
)
INTERNAL_TABLES = frozenset({"build_info", "provenance", "rasters", "population_groups"})
"""Tables that describe the twin rather than the city."""


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


_NUMERIC_TYPES = ("INT", "DOUBLE", "FLOAT", "DECIMAL", "REAL")
"""Words of DuckDB type names that mean a number."""

DAMAGE_MARKERS = ("Corrupt database file", "checksum", "INTERNAL Error", "Could not read")
"""Words of DuckDB errors that mean the file's pages are damaged (not a wrong query)."""


class _Guarded:
    """A DuckDB connection whose damaged-page errors become one-line :class:`TwinError`s
    naming the twin (DuckDB only checks a block's checksum when it reads it, so damage
    shows up in whichever query first touches it, while executing or fetching)."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, path: Path) -> None:
        self._con = connection
        self._path = path

    def _guard(self, call: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return call(*args, **kwargs)
        except duckdb.Error as exc:
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            if isinstance(exc, duckdb.IOException | duckdb.InternalException) and any(
                marker in first for marker in DAMAGE_MARKERS
            ):
                raise TwinDamagedError(
                    f"twin {str(self._path)!r} is damaged ({first}); rebuild it with `dikas build`"
                ) from exc
            raise

    def execute(self, *args: Any, **kwargs: Any) -> _Guarded:
        self._guard(self._con.execute, *args, **kwargs)
        return self

    def df(self) -> pd.DataFrame:
        return self._guard(self._con.df)

    def fetchall(self) -> list[Any]:
        return self._guard(self._con.fetchall)

    def fetchone(self) -> Any:
        return self._guard(self._con.fetchone)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


class Twin:
    """A social digital twin stored in one DuckDB file.

    Open with :func:`dikas.open` (read-only) or ``Twin.open(path, read_only=False)`` to
    write indicators. Use as a context manager to close the connection.
    """

    def __init__(
        self, connection: duckdb.DuckDBPyConnection | None, path: Path, *, read_only: bool
    ) -> None:
        self._guarded = None if connection is None else _Guarded(connection, path)
        self._closed = False
        self.path = path
        self.read_only = read_only

    # -- lifecycle ---------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = True) -> Twin:
        """Open an existing twin; a missing file or a non-twin database is a :class:`TwinError`.

        A twin another process holds is waited for (:mod:`dikas.twin.locking`). Opened for
        writing, the file is locked only when first used, so a command holds the twin
        for as short a time as its writes take; results that cannot be stored before the
        wait runs out are kept in a side file (:meth:`write_indicators`).
        """
        path = Path(path)
        if not path.is_file():
            raise TwinError(f"twin {str(path)!r}: file not found (build one with `dikas build`)")
        twin = cls(None, path, read_only=read_only)
        if read_only:
            twin._con  # noqa: B018 - readers connect (and check the file) now
        return twin

    @property
    def _con(self) -> _Guarded:
        """The connection, opened (waiting for other processes) on first use."""
        if self._guarded is None:
            if self._closed:
                raise TwinError(f"twin {str(self.path)!r}: already closed")
            guarded = _Guarded(connect(self.path, read_only=self.read_only), self.path)
            self._guarded = guarded
            if "build_info" not in self._tables():
                self.close()
                raise TwinError(f"twin {str(self.path)!r}: not a DikaS twin (no build_info table)")
        return self._guarded

    @classmethod
    def create(cls, path: Path | str, *, city: str, build_id: str) -> Twin:
        """Create a new, empty twin file (the builder writes to a temporary path)."""
        path = Path(path)
        if path.exists():
            raise TwinError(f"twin {str(path)!r}: already exists")
        twin = cls(connect(path), path, read_only=False)
        info = pd.DataFrame(
            [
                {
                    "build_id": build_id,
                    "city": city,
                    "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
                    "code_version": code_version(),
                    "crs": TWIN_CRS,
                }
            ]
        )
        twin._con.register("_info", info)
        twin._con.execute("CREATE TABLE build_info AS SELECT * FROM _info")
        twin._con.unregister("_info")
        return twin

    def close(self) -> None:
        """Close the database connection (a twin opened for writing and never used has none)."""
        if self._guarded is not None:
            self._guarded.close()
        self._guarded = None
        self._closed = True

    def __enter__(self) -> Twin:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- inspection --------------------------------------------------------------------------
    def verify(self) -> None:
        """Read every value of every table once, so that damaged pages show up now as a
        :class:`~dikas.errors.TwinDamagedError` (DuckDB checks a block's checksum only when
        it reads the block) rather than later, in the middle of serving."""
        for table in self._tables():
            self._con.execute(f"SELECT bit_xor(hash(COLUMNS(*))) FROM {_quote(table)}").fetchall()

    def _tables(self) -> list[str]:
        rows = self._con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
            "ORDER BY table_name"
        ).fetchall()
        return [r[0] for r in rows]

    def layers(self) -> list[str]:
        """Names of the city layers (tables other than :data:`INTERNAL_TABLES`)."""
        return [t for t in self._tables() if t not in INTERNAL_TABLES]

    def has_layer(self, name: str) -> bool:
        """Whether the twin holds a table of that name."""
        return name in self._tables()

    def columns(self, layer: str) -> list[str]:
        """Column names of a layer."""
        self._require(layer)
        return [r[0] for r in self._con.execute(f"DESCRIBE {_quote(layer)}").fetchall()]

    def count(self, layer: str) -> int:
        """Number of rows in a layer."""
        self._require(layer)
        return int(self._con.execute(f"SELECT count(*) FROM {_quote(layer)}").fetchone()[0])

    def years(self, layer: str) -> list[int]:
        """Distinct years of a yearly layer (empty for layers without a ``year`` column)."""
        if "year" not in self.columns(layer):
            return []
        rows = self._con.execute(
            f"SELECT DISTINCT year FROM {_quote(layer)} WHERE year IS NOT NULL ORDER BY 1"
        )
        return [int(r[0]) for r in rows.fetchall()]

    def extent(self, layer: str) -> tuple[float, float, float, float] | None:
        """Bounding box (minx, miny, maxx, maxy) of a layer's geometries in EPSG:3067."""
        if "geometry" not in self.columns(layer):
            return None
        row = self._con.execute(
            f"SELECT min(ST_XMin(geometry)), min(ST_YMin(geometry)), max(ST_XMax(geometry)), "
            f"max(ST_YMax(geometry)) FROM {_quote(layer)}"
        ).fetchone()
        return None if row[0] is None else tuple(float(v) for v in row)  # type: ignore[return-value]

    def build_info(self) -> dict[str, Any]:
        """The twin's build id, city, build time, code version and CRS."""
        frame = self._con.execute("SELECT * FROM build_info").df()
        return frame.iloc[0].to_dict()

    def attribution(self, layers: Iterable[str] | None = None) -> str:
        """The producers' attribution lines of ``layers`` (default: every layer), deduplicated."""
        provenance = self.provenance()
        if provenance.empty:
            return ""
        if layers is not None:
            provenance = provenance[provenance["layer"].isin(list(layers))]
        pieces = [
            piece for text in provenance["attribution"] for piece in str(text).split("; ") if piece
        ]
        return "; ".join(dict.fromkeys(pieces))

    def provenance(self) -> pd.DataFrame:
        """One row per layer: sources, licences, sha256, build time, code version, rows."""
        if not self.has_layer("provenance"):
            return pd.DataFrame()
        return self._con.execute("SELECT * FROM provenance ORDER BY layer").df()

    # -- reading -----------------------------------------------------------------------------
    def _require(self, layer: str) -> None:
        if not self.has_layer(layer):
            raise TwinError(
                f"twin {str(self.path)!r}: no layer {layer!r}; layers: {', '.join(self.layers())}"
            )

    def read(
        self,
        layer: str,
        *,
        year: int | None = None,
        columns: Sequence[str] | None = None,
        where: Mapping[str, Any] | None = None,
        bbox: tuple[float, float, float, float] | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> pd.DataFrame:
        """Read a layer as a GeoDataFrame (EPSG:3067) or, without geometry, a DataFrame.

        ``columns`` may use Paavo codes (``he_vakiy``) for snake_case names; ``geometry``
        is always returned when the layer has one. ``where`` filters on equality,
        ``bbox`` (EPSG:3067) on intersection.
        """
        self._require(layer)
        available = self.columns(layer)
        has_geometry = "geometry" in available
        if columns is None:
            selected = [c for c in available if c != "geometry"]
        else:
            selected = [resolve_column(c) for c in columns if c != "geometry"]
            unknown = [
                c
                for c, r in zip([c for c in columns if c != "geometry"], selected, strict=True)
                if r not in available
            ]
            if unknown:
                raise ParameterError(
                    f"layer {layer!r} has no column(s) {', '.join(map(repr, unknown))}"
                )
        parts = [_quote(c) for c in dict.fromkeys(selected)]
        if has_geometry:
            parts.append("ST_AsWKB(geometry) AS geometry")
        clauses, params = self._filters(layer, available, year=year, where=where, bbox=bbox)
        sql = f"SELECT {', '.join(parts) or '*'} FROM {_quote(layer)}"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        frame = self._con.execute(sql, params).df()
        if not has_geometry:
            return frame
        geometry = shapely.from_wkb(frame.pop("geometry").map(bytes).to_numpy())
        return gpd.GeoDataFrame(frame, geometry=geometry, crs=TWIN_CRS)

    def _filters(
        self,
        layer: str,
        available: list[str],
        *,
        year: int | None,
        where: Mapping[str, Any] | None,
        bbox: tuple[float, float, float, float] | None,
    ) -> tuple[list[str], list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if year is not None:
            if "year" not in available:
                raise ParameterError(f"layer {layer!r} has no years")
            if year not in self.years(layer):
                raise ParameterError(
                    f"layer {layer!r} has no year {year}; years: {self.years(layer)}"
                )
            clauses.append("year = ?")
            params.append(int(year))
        for column, value in (where or {}).items():
            name = resolve_column(column)
            if name not in available:
                raise ParameterError(f"layer {layer!r} has no column {column!r}")
            clauses.append(f"{_quote(name)} = ?")
            params.append(value)
        if bbox is not None:
            clauses.append("ST_Intersects(geometry, ST_MakeEnvelope(?, ?, ?, ?))")
            params.extend(float(v) for v in bbox)
        return clauses, params

    # -- named reads: what outputs ask of a layer, so that they run no SQL of their own ----
    def numeric_columns(self, layer: str) -> list[str]:
        """Columns of ``layer`` holding numbers (integers, floats, decimals), in order."""
        self._require(layer)
        rows = self._con.execute(f"DESCRIBE {_quote(layer)}").fetchall()
        return [
            str(r[0]) for r in rows if any(kind in str(r[1]).upper() for kind in _NUMERIC_TYPES)
        ]

    def distinct_values(self, layer: str, column: str) -> list[Any]:
        """The distinct non-NULL values of one column, sorted."""
        self._require(layer)
        if column not in self.columns(layer):
            raise ParameterError(f"layer {layer!r} has no column {column!r}")
        rows = self._con.execute(
            f"SELECT DISTINCT {_quote(column)} FROM {_quote(layer)} "
            f"WHERE {_quote(column)} IS NOT NULL ORDER BY 1"
        ).fetchall()
        return [r[0] for r in rows]

    def unit_containing(self, layer: str, key: str, x: float, y: float) -> Any | None:
        """``key`` of the unit of ``layer`` whose geometry contains the point (EPSG:3067),
        in the layer's latest year for a yearly layer; ``None`` outside every unit."""
        self._require(layer)
        latest = (
            f" AND year = (SELECT max(year) FROM {_quote(layer)})"
            if "year" in self.columns(layer)
            else ""
        )
        row = self._con.execute(
            f"SELECT {_quote(key)} FROM {_quote(layer)} WHERE ST_Contains(geometry, "
            f"ST_Point(?, ?)){latest} LIMIT 1",
            [float(x), float(y)],
        ).fetchone()
        return None if row is None else row[0]

    def point_on_unit(self, layer: str, key: str, value: Any) -> tuple[float, float] | None:
        """A point inside the unit ``key = value`` (EPSG:3067; its latest year for a yearly
        layer), ``None`` when there is no such unit."""
        self._require(layer)
        order = " ORDER BY year DESC" if "year" in self.columns(layer) else ""
        row = self._con.execute(
            f"SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geometry) AS p FROM "
            f"{_quote(layer)} WHERE {_quote(key)} = ?{order} LIMIT 1)",
            [value],
        ).fetchone()
        return None if row is None else (float(row[0]), float(row[1]))

    def centroids(self, layer: str) -> pd.DataFrame:
        """Columns ``x`` and ``y`` (EPSG:3067): the centroid of each geometry of ``layer``."""
        self._require(layer)
        return self._con.execute(
            f"SELECT ST_X(c) AS x, ST_Y(c) AS y FROM (SELECT ST_Centroid(geometry) AS c FROM "
            f"{_quote(layer)} WHERE geometry IS NOT NULL)"
        ).df()

    def layer_disk_bytes(self) -> dict[str, int]:
        """Bytes of the twin file each layer's stored column data occupies.

        DuckDB stores a table's column segments in fixed-size blocks (``PRAGMA database_size``'s
        ``block_size``, 256 KiB by default); ``pragma_storage_info`` names the block(s) of every
        persistent segment. A layer's size is its blocks × the block size, a block shared by
        several layers (DuckDB packs small segments together) counted in equal parts, so the
        sizes add up to the blocks the layers use. Metadata, free blocks, the WAL and rasters
        are not in any layer. Uncheckpointed changes (none after ``dikas build``) are not counted.
        """
        block_size = int(
            self.sql("SELECT block_size FROM pragma_database_size()")["block_size"].iloc[0]
        )
        owners: dict[int, set[str]] = {}
        for layer in self.layers():
            quoted = layer.replace("'", "''")
            blocks = self.sql(
                f"SELECT DISTINCT b FROM (SELECT block_id AS b FROM pragma_storage_info('{quoted}') "
                f"WHERE persistent UNION ALL SELECT unnest(additional_block_ids) FROM "
                f"pragma_storage_info('{quoted}') WHERE persistent) WHERE b >= 0"
            )["b"]
            for block in blocks.tolist():
                owners.setdefault(int(block), set()).add(layer)
        sizes = dict.fromkeys(self.layers(), 0.0)
        for layers in owners.values():
            for layer in layers:
                sizes[layer] += block_size / len(layers)
        return {layer: round(size) for layer, size in sizes.items()}

    def sql(self, query: str, params: Sequence[Any] | None = None) -> pd.DataFrame:
        """Run a read query against the twin (spatial functions available)."""
        return self._con.execute(query, params or []).df()

    @contextmanager
    def raster(self, name: str) -> Iterator[rasterio.io.DatasetReader]:
        """Open a raster stored in the twin as a rasterio dataset."""
        row = None
        if self.has_layer("rasters"):
            row = self._con.execute("SELECT content FROM rasters WHERE name = ?", [name]).fetchone()
        if row is None:
            raise TwinError(f"twin {str(self.path)!r}: no raster {name!r}")
        with open_raster_bytes(bytes(row[0])) as dataset:
            yield dataset

    def indicators(
        self, *, indicator: str | None = None, level: str | None = None, year: int | None = None
    ) -> pd.DataFrame:
        """Stored indicator values (long format), optionally filtered."""
        if not self.has_layer("indicators"):
            return pd.DataFrame(columns=list(INDICATOR_COLUMNS))
        clauses, params = [], []
        for column, value in (("indicator", indicator), ("level", level), ("year", year)):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        sql = "SELECT * FROM indicators" + (" WHERE " + " AND ".join(clauses) if clauses else "")
        return self._con.execute(sql, params).df()

    def unit_indicators(
        self, level: str, unit_id: str | None = None, *, population_group: str = "all"
    ) -> pd.DataFrame:
        """Stored ``indicator, unit_id, year, value`` rows of one level (of one unit when
        ``unit_id`` is given) and population group (``all`` also matches NULL)."""
        if not self.has_layer("indicators"):
            return pd.DataFrame(columns=["indicator", "unit_id", "year", "value"])
        sql = (
            "SELECT indicator, unit_id, year, value FROM indicators WHERE level = ? "
            "AND coalesce(population_group, 'all') = ?"
        )
        params: list[Any] = [level, population_group]
        if unit_id is not None:
            sql += " AND unit_id = ?"
            params.append(unit_id)
        return self._con.execute(sql + " ORDER BY indicator, year", params).df()

    def indicator_levels(self, prefix: str) -> set[str]:
        """Levels at which indicators whose name starts with ``prefix`` are stored."""
        if not self.has_layer("indicators"):
            return set()
        rows = self._con.execute(
            "SELECT DISTINCT level FROM indicators WHERE starts_with(indicator, ?)", [prefix]
        ).fetchall()
        return {str(r[0]) for r in rows}

    def service_types(self) -> list[str]:
        """The service types of the ``services`` layer, sorted (empty without the layer)."""
        if not self.has_layer("services"):
            return []
        rows = self._con.execute(
            "SELECT DISTINCT service_type FROM services WHERE service_type IS NOT NULL ORDER BY 1"
        ).fetchall()
        return [str(r[0]) for r in rows]

    def greenery_of(self, level: str, unit_id: str) -> pd.DataFrame:
        """The ``greenery`` rows of one unit, by year."""
        if not self.has_layer("greenery"):
            return pd.DataFrame()
        return self._con.execute(
            "SELECT * EXCLUDE (unit_level, unit_id) FROM greenery "
            "WHERE unit_level = ? AND unit_id = ? ORDER BY year",
            [level, unit_id],
        ).df()

    def access_reach(self, postal_code: str) -> tuple[dict[str, float], float | None]:
        """Per travel mode, the inhabitants of an area's cells that have a stored nearest-
        service time, and the area's grid inhabitants in total."""
        if not (
            self.has_layer("indicators")
            and self.has_layer("grid")
            and "postal_code" in self.columns("grid")
        ):
            return {}, None
        rows = self._con.execute(
            "SELECT mode, sum(inhabitants) AS covered FROM (SELECT DISTINCT "
            "split_part(indicator, '_', 2) AS mode, unit_id FROM indicators "
            "WHERE level = 'grid' AND starts_with(indicator, 'access_') "
            "AND contains(indicator, '_nearest_1_') AND value IS NOT NULL) AS valued "
            "JOIN grid ON grid.cell_id = valued.unit_id WHERE grid.postal_code = ? "
            "GROUP BY mode",
            [postal_code],
        ).fetchall()
        total = self._con.execute(
            "SELECT sum(inhabitants) FROM grid WHERE postal_code = ?", [postal_code]
        ).fetchone()
        covered = {str(mode): float(value) for mode, value in rows if value is not None}
        return covered, None if total is None or total[0] is None else float(total[0])

    def largest_overlap(
        self, layer: str, key: str, parent: str, parent_key: str, *, year: int | None = None
    ) -> dict[str, str]:
        """Each unit of ``layer`` → the unit of ``parent`` covering most of it (``year``
        selects a yearly layer's rows); units overlapping no parent are left out."""
        for name in (layer, parent):
            self._require(name)
        where = "WHERE c.year = ?" if year is not None else ""
        rows = self._con.execute(
            f"SELECT child, parent FROM (SELECT c.{_quote(key)} AS child, "
            f"p.{_quote(parent_key)} AS parent, row_number() OVER (PARTITION BY "
            f"c.{_quote(key)} ORDER BY ST_Area(ST_Intersection(c.geometry, p.geometry)) DESC, "
            f"p.{_quote(parent_key)}) AS k FROM {_quote(layer)} c JOIN {_quote(parent)} p "
            f"ON ST_Intersects(c.geometry, p.geometry) {where}) WHERE k = 1",
            [year] if year is not None else [],
        ).fetchall()
        return {str(child): str(parent_id) for child, parent_id in rows}

    # -- writing -----------------------------------------------------------------------------
    def _writable(self) -> None:
        if self.read_only:
            raise TwinError(f"twin {str(self.path)!r}: opened read-only")

    def write_layer(self, name: str, frame: pd.DataFrame, *, append: bool = False) -> None:
        """Create or replace a layer from a (Geo)DataFrame; geometries go to EPSG:3067.

        ``append=True`` adds the rows to the existing layer instead (same columns), so a
        large layer can be written in batches.
        """
        self._writable()
        data = pd.DataFrame(frame).copy()
        geometry_sql = ""
        if isinstance(frame, gpd.GeoDataFrame):
            geoms = frame.geometry
            if frame.crs is None:
                raise TwinError(f"layer {name!r}: geometries have no CRS")
            if frame.crs != TWIN_CRS:
                geoms = geoms.to_crs(TWIN_CRS)
            data = data.drop(columns=[frame.geometry.name])
            data["geometry"] = shapely.to_wkb(geoms.values, output_dimension=2)
            geometry_sql = ", ST_GeomFromWKB(geometry) AS geometry"
        for column in data.columns:
            if data[column].dtype == object and column != "geometry":
                data[column] = data[column].map(
                    lambda v: json.dumps(v) if isinstance(v, dict | list) else v
                )
        view = f"_incoming_{name}"
        self._con.register(view, data)
        exclude = " EXCLUDE (geometry)" if geometry_sql else ""
        verb = (
            f"INSERT INTO {_quote(name)} BY NAME"
            if append
            else f"CREATE OR REPLACE TABLE {_quote(name)} AS"
        )
        self._con.execute(f"{verb} SELECT *{exclude}{geometry_sql} FROM {_quote(view)}")
        self._con.unregister(view)

    def write_raster(self, name: str, raster: RasterFile, *, source: str) -> None:
        """Store a raster file's bytes in the ``rasters`` table."""
        self._writable()
        self._con.execute(
            "CREATE TABLE IF NOT EXISTS rasters (name VARCHAR PRIMARY KEY, "
            "crs VARCHAR, width INTEGER, height INTEGER, valid_pixels BIGINT, "
            "source VARCHAR, content BLOB)"
        )
        self._con.execute(
            "INSERT OR REPLACE INTO rasters VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                name,
                raster.crs,
                raster.width,
                raster.height,
                raster.valid_pixels,
                source,
                raster.content,
            ],
        )

    def write_provenance(
        self,
        layer: str,
        *,
        datasets: Iterable[Mapping[str, Any]],
        row_count: int,
        repaired_geometries: int = 0,
        notes: str = "",
        fetches: Sequence[Mapping[str, Any]] = (),
    ) -> None:
        """Record where a layer came from (catalog entries, checksums, licences).

        ``fetches`` are the lock-file entries of live datasets (URL, request, time, bytes,
        sha256, ETag / Last-Modified), so a layer built from a service can be traced to the
        exact response it was built from.
        """
        self._writable()
        entries = list(datasets)
        info = self.build_info()
        record = pd.DataFrame(
            [
                {
                    "layer": layer,
                    "datasets": json.dumps([e["name"] for e in entries]),
                    "sha256": json.dumps(
                        {
                            e["name"]: e.get("sha256")
                            or {
                                f["part"]: f["sha256"] for f in fetches if f["dataset"] == e["name"]
                            }
                            or None
                            for e in entries
                        }
                    ),
                    "licence": "; ".join(sorted({e["licence"] for e in entries})),
                    "attribution": "; ".join(dict.fromkeys(e["attribution"] for e in entries)),
                    "build_id": info["build_id"],
                    "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
                    "code_version": code_version(),
                    "row_count": int(row_count),
                    "repaired_geometries": int(repaired_geometries),
                    "notes": notes,
                    "fetches": json.dumps(list(fetches), default=str),
                }
            ]
        )
        self._con.execute(
            "CREATE TABLE IF NOT EXISTS provenance (layer VARCHAR PRIMARY KEY, "
            "datasets VARCHAR, sha256 VARCHAR, licence VARCHAR, "
            "attribution VARCHAR, build_id VARCHAR, built_at VARCHAR, "
            "code_version VARCHAR, row_count BIGINT, repaired_geometries BIGINT, "
            "notes VARCHAR, fetches VARCHAR)"
        )
        self._con.register("_prov", record)
        self._con.execute("INSERT OR REPLACE INTO provenance SELECT * FROM _prov")
        self._con.unregister("_prov")

    def write_indicators(self, frame: pd.DataFrame) -> int:
        """Append indicator values, replacing earlier values with the same key.

        ``frame`` needs ``indicator, level, unit_id, year, value, method`` and may carry
        ``population_group``, ``parameters`` (dict or JSON) and ``source_layers`` (list or
        JSON). Returns the number of rows written.
        """
        self._writable()
        required = ["indicator", "level", "unit_id", "year", "value", "method"]
        missing = [c for c in required if c not in frame.columns]
        if missing:
            raise ParameterError(f"indicator frame lacks column(s) {missing}")
        data = frame.copy()
        data["unit_id"] = data["unit_id"].astype(str)
        data["year"] = pd.to_numeric(data["year"]).astype("Int64")
        data["value"] = pd.to_numeric(data["value"]).astype("float64")
        data["population_group"] = data.get("population_group", "all")
        data["population_group"] = data["population_group"].fillna("all").astype(str)
        for column in ("parameters", "source_layers"):
            values = data[column] if column in data else pd.Series([{}] * len(data))
            data[column] = [
                v if isinstance(v, str) else json.dumps(v, sort_keys=True) for v in values
            ]
        # rows loaded from a side file (dikas.twin.pending) keep when and by what they were made
        if "computed_at" not in data:
            data["computed_at"] = datetime.now(UTC).isoformat(timespec="seconds")
        if "code_version" not in data:
            data["code_version"] = code_version()
        data = data[list(INDICATOR_COLUMNS)]
        try:
            self._con  # noqa: B018 - waits for other processes holding the twin
        except TwinBusyError as exc:
            side = save_pending(self.path, data)
            raise TwinBusyError(
                f"{exc}; the {len(data):,} computed indicator values are kept "
                f"in {side}: store them with `dikas load-indicators "
                f"{self.path} {side}`",
                holder=exc.holder,
            ) from None
        self._con.execute(
            "CREATE TABLE IF NOT EXISTS indicators (indicator VARCHAR, level VARCHAR, "
            "unit_id VARCHAR, year INTEGER, population_group VARCHAR, value DOUBLE, "
            "method VARCHAR, parameters VARCHAR, source_layers VARCHAR, computed_at VARCHAR, "
            "code_version VARCHAR)"
        )
        self._con.register("_ind", data)
        self._con.execute(
            "DELETE FROM indicators AS i USING (SELECT DISTINCT indicator, level, unit_id, year, "
            "population_group FROM _ind) AS n WHERE i.indicator = n.indicator AND "
            "i.level = n.level AND i.unit_id = n.unit_id AND i.year IS NOT DISTINCT FROM n.year "
            "AND i.population_group = n.population_group"
        )
        self._con.execute("INSERT INTO indicators SELECT * FROM _ind")
        self._con.unregister("_ind")
        return len(data)
