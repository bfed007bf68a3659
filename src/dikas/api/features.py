"""OGC API – Features queries on the served layers: parsing bbox/datetime/limits, paging,
property filters, and GeoJSON feature collections in WGS84 (CRS84 axis order: lon, lat).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import duckdb
import numpy as np
import pandas as pd
import shapely

from dikas.api.errors import NotFoundError
from dikas.errors import ParameterError

RESERVED_PARAMETERS = frozenset({"bbox", "limit", "offset", "datetime", "f"})
"""Query parameters of ``/items`` that are not property filters."""

_DATE = re.compile(r"^(\d{4})(-\d{2}(-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$")


@dataclass(frozen=True)
class ItemsQuery:
    """A validated ``/items`` request.

    ``years`` is an inclusive year range (``None`` ends are open); ``properties`` maps a column
    to the value it must equal, already converted to the column's type.
    """

    limit: int
    offset: int = 0
    bbox: tuple[float, float, float, float] | None = None
    years: tuple[int | None, int | None] | None = None
    properties: dict[str, Any] = field(default_factory=dict)


def parse_limit(value: str | None, *, default: int, maximum: int) -> int:
    """The page size: an integer in ``1..maximum`` (larger is an error, not clamped)."""
    if value is None:
        return default
    number = _integer(value, "limit")
    if not 1 <= number <= maximum:
        raise ParameterError(f"limit must be between 1 and {maximum}, not {number}")
    return number


def parse_offset(value: str | None) -> int:
    """The number of matching features to skip (≥ 0)."""
    if value is None:
        return 0
    number = _integer(value, "offset")
    if number < 0:
        raise ParameterError(f"offset must be 0 or more, not {number}")
    return number


def _integer(value: str, name: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise ParameterError(f"{name} must be an integer, not {value!r}") from None


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """``minlon,minlat,maxlon,maxlat`` in CRS84 (the twin is 2D: OGC's 6-number 3D form is
    refused, as the OpenAPI declares exactly 4 numbers)."""
    parts = value.split(",")
    if len(parts) != 4:
        raise ParameterError("bbox must be 4 numbers: minlon,minlat,maxlon,maxlat")
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        raise ParameterError(f"bbox must be numbers, not {value!r}") from None
    if not all(math.isfinite(n) for n in numbers):
        raise ParameterError("bbox must be finite numbers")
    minlon, minlat, maxlon, maxlat = numbers
    if not (-180 <= minlon <= 180 and -180 <= maxlon <= 180 and -90 <= minlat <= maxlat <= 90):
        raise ParameterError(
            "bbox must lie within -180..180 (lon) and -90..90 (lat), with minlat <= maxlat"
        )
    if minlon > maxlon:
        raise ParameterError("bbox crossing the antimeridian is not supported (minlon > maxlon)")
    return minlon, minlat, maxlon, maxlat


def _valid_instant(text: str) -> bool:
    """Whether a year, year-month, date or date-time names a real instant (no month 13,
    no 31 February, no hour 25)."""
    if len(text) == 4:
        return True
    if len(text) == 7:
        return 1 <= int(text[5:7]) <= 12
    try:
        if len(text) == 10:
            date.fromisoformat(text)
        else:
            datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def parse_datetime(value: str) -> tuple[int | None, int | None]:
    """An RFC 3339 instant or interval (``2023``, ``2023-06-01``, ``2020/2022``, ``../2022``)
    as an inclusive year range; yearly layers hold one value per calendar year."""
    ends = value.split("/")
    if len(ends) > 2:
        raise ParameterError(f"datetime must be an instant or an interval a/b, not {value!r}")
    years: list[int | None] = []
    for end in ends:
        if end in ("..", "") and len(ends) == 2:
            years.append(None)
            continue
        match = _DATE.match(end)
        if match is None or not _valid_instant(end):
            raise ParameterError(f"datetime {end!r} is not an RFC 3339 date or year")
        years.append(int(match.group(1)))
    if len(years) == 1:
        return years[0], years[0]
    start, stop = years
    if start is not None and stop is not None and start > stop:
        raise ParameterError(f"datetime interval {value!r} ends before it starts")
    if start is None and stop is None:
        return None, None
    return start, stop


def parse_property(column: str, value: str, duckdb_type: str) -> Any:
    """Convert a property filter's text to its column's type."""
    kind = duckdb_type.upper()
    try:
        if kind in ("BOOLEAN", "BOOL"):
            lowered = value.lower()
            if lowered not in ("true", "false", "1", "0"):
                raise ValueError(value)
            return lowered in ("true", "1")
        if any(t in kind for t in ("INT", "HUGEINT")):
            return int(value)
        if any(t in kind for t in ("DOUBLE", "FLOAT", "DECIMAL", "REAL")):
            return float(value)
    except ValueError:
        raise ParameterError(
            f"property {column!r} takes {kind.lower()} values, not {value!r}"
        ) from None
    return value


def feature_id(key_value: Any, year: Any | None) -> str:
    """A feature's id: its key, suffixed with ``-YYYY`` in yearly layers."""
    key = _plain(key_value)
    return f"{key}-{int(year)}" if year is not None and not pd.isna(year) else str(key)


def _plain(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, pd.Timestamp | datetime):
        return value.isoformat()
    return value


def _where(query: ItemsQuery, *, yearly: bool) -> tuple[str, list[Any]]:
    clauses = ["__geom4326 IS NOT NULL"]
    params: list[Any] = []
    if query.bbox is not None:
        minlon, minlat, maxlon, maxlat = query.bbox
        clauses.append(
            "__lon1 >= ? AND __lon0 <= ? AND __lat1 >= ? AND __lat0 <= ? AND "
            "ST_Intersects(__geom4326, ST_MakeEnvelope(?, ?, ?, ?))"
        )
        params += [minlon, maxlon, minlat, maxlat, minlon, minlat, maxlon, maxlat]
    if query.years is not None and yearly:
        start, stop = query.years
        if start is not None:
            clauses.append("year >= ?")
            params.append(start)
        if stop is not None:
            clauses.append("year <= ?")
            params.append(stop)
    for column, value in query.properties.items():
        clauses.append(f'"{column}" = ?')
        params.append(value)
    return " AND ".join(clauses), params


def select_features(
    cursor: duckdb.DuckDBPyConnection,
    layer: str,
    columns: list[str],
    *,
    key: str,
    query: ItemsQuery,
) -> tuple[int, list[str]]:
    """``(numberMatched, features as GeoJSON text)`` of one page of a served layer."""
    yearly = "year" in columns
    where, params = _where(query, yearly=yearly)
    order = f'"{key}"' + (", year" if yearly else "")
    rows = cursor.execute(
        f'SELECT __feature, count(*) OVER () FROM "{layer}" WHERE {where} '
        f"ORDER BY {order} LIMIT ? OFFSET ?",
        [*params, query.limit, query.offset],
    ).fetchall()
    if rows:
        return int(rows[0][1]), [row[0] for row in rows]
    if query.offset == 0:
        return 0, []  # nothing matched at all: no need to count
    matched = cursor.execute(f'SELECT count(*) FROM "{layer}" WHERE {where}', params).fetchone()
    return int(matched[0]) if matched else 0, []


def select_feature(
    cursor: duckdb.DuckDBPyConnection,
    layer: str,
    columns: list[str],
    *,
    key: str,
    identifier: str,
    latest_year: int | None,
) -> str:
    """One feature by id (``key`` or ``key-YYYY`` in yearly layers; bare keys → latest year)."""
    yearly = "year" in columns
    clauses: list[str] = [f'CAST("{key}" AS VARCHAR) = ?']
    params: list[Any] = [identifier]
    if yearly:
        head, _, tail = identifier.rpartition("-")
        if head and tail.isdigit() and len(tail) == 4:
            params = [head]
            clauses.append("year = ?")
            params.append(int(tail))
        elif latest_year is not None:
            clauses.append("year = ?")
            params.append(latest_year)
    row = cursor.execute(
        f'SELECT __feature FROM "{layer}" WHERE {" AND ".join(clauses)} LIMIT 1', params
    ).fetchone()
    if row is None:
        raise NotFoundError(f"collection {layer!r} has no feature {identifier!r}")
    return str(row[0])


def geojson_texts(geometries: np.ndarray, valid: np.ndarray) -> list[str | None]:
    """GeoJSON text of each (WGS84) geometry; ``None`` where ``valid`` is false."""
    texts = shapely.to_geojson(np.where(valid, geometries, None))  # type: ignore[call-overload]
    return [t if ok else None for ok, t in zip(valid, texts, strict=True)]


def feature_texts(frame: pd.DataFrame, geometries: list[str | None], *, key: str) -> list[str]:
    """GeoJSON Feature texts from property rows and geometry texts; ids per
    :func:`feature_id`."""
    yearly = "year" in frame.columns
    records = frame.to_dict("records")
    out = []
    for record, geometry in zip(records, geometries, strict=True):
        properties = {k: _plain(v) for k, v in record.items()}
        identifier = feature_id(record[key], record.get("year") if yearly else None)
        out.append(
            '{"type":"Feature","id":'
            + json.dumps(identifier)
            + ',"geometry":'
            + (geometry or "null")
            + ',"properties":'
            + json.dumps(properties, default=str)
            + "}"
        )
    return out


def now_stamp() -> str:
    """The response time stamp (RFC 3339, UTC)."""
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
