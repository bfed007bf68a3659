"""Reader of GTFS public-transport feeds (a zip file or a folder of ``.txt`` files).

The reader validates what a router needs (required files, required columns, numeric
fields), parses GTFS times into integer seconds after midnight of the service day
(``25:10:00`` → ``90600``: a trip that runs past midnight stays on its service day), fills
blank intermediate stop times by linear interpolation between timepoints, and projects the
stops to EPSG:3067. Optional files that are absent become empty frames with their standard
columns, so downstream code never has to test for their existence.

Reference: GTFS Schedule reference, https://gtfs.org/schedule/reference/
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import geopandas as gpd
import numpy as np
import pandas as pd

from dikas.errors import DataError, MissingColumnError

if TYPE_CHECKING:
    from collections.abc import Sequence

CRS = "EPSG:3067"


@dataclass(frozen=True)
class _TableSpec:
    """How to validate a GTFS file other than ``stops.txt``.

    Whether the file must exist, the columns it must have, and the standard columns an
    absent optional file gets as an empty frame.
    """

    file_required: bool
    required: tuple[str, ...]
    columns: tuple[str, ...]


_WEEK = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_TABLES: dict[str, _TableSpec] = {
    "agency": _TableSpec(False, (), ("agency_id", "agency_name", "agency_url", "agency_timezone")),
    "routes": _TableSpec(
        True,
        ("route_id", "route_type"),
        ("route_id", "agency_id", "route_short_name", "route_long_name", "route_type"),
    ),
    "trips": _TableSpec(
        True,
        ("route_id", "service_id", "trip_id"),
        ("route_id", "service_id", "trip_id", "direction_id"),
    ),
    "stop_times": _TableSpec(
        True,
        ("trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence"),
        ("trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence"),
    ),
    "calendar": _TableSpec(
        False,
        ("service_id", *_WEEK, "start_date", "end_date"),
        ("service_id", *_WEEK, "start_date", "end_date"),
    ),
    "calendar_dates": _TableSpec(
        False, ("service_id", "date", "exception_type"), ("service_id", "date", "exception_type")
    ),
    "frequencies": _TableSpec(
        False,
        ("trip_id", "start_time", "end_time", "headway_secs"),
        ("trip_id", "start_time", "end_time", "headway_secs", "exact_times"),
    ),
    "transfers": _TableSpec(
        False,
        ("from_stop_id", "to_stop_id", "transfer_type"),
        ("from_stop_id", "to_stop_id", "transfer_type", "min_transfer_time"),
    ),
    "feed_info": _TableSpec(
        False, (), ("feed_publisher_name", "feed_start_date", "feed_end_date", "feed_version")
    ),
}

#: Integer columns per table; a blank optional value becomes ``<NA>`` (pandas ``Int64``).
_INTEGER_COLUMNS: dict[str, tuple[str, ...]] = {
    "routes": ("route_type",),
    "trips": ("direction_id",),
    "stop_times": ("stop_sequence", "pickup_type", "drop_off_type", "timepoint"),
    "calendar": _WEEK,
    "calendar_dates": ("exception_type",),
    "frequencies": ("headway_secs", "exact_times"),
    "transfers": ("transfer_type", "min_transfer_time"),
}
_DATE_COLUMNS: dict[str, tuple[str, ...]] = {
    "calendar": ("start_date", "end_date"),
    "calendar_dates": ("date",),
    "feed_info": ("feed_start_date", "feed_end_date"),
}
_STOP_COLUMNS = ("stop_id", "stop_name", "stop_code", "location_type", "parent_station")


class _Fail(Protocol):
    """Builds the :class:`DataError` of one feed from a problem description."""

    def __call__(self, problem: str) -> DataError: ...


class _LayerSource(Protocol):
    """What :meth:`GtfsFeed.from_twin` needs of a twin: its layer names and a reader."""

    def layers(self) -> list[str]: ...

    def read(self, layer: str) -> pd.DataFrame: ...


@dataclass(frozen=True)
class GtfsFeed:
    """A validated GTFS feed.

    Attributes
    ----------
    stops
        Stops, stations and entrances in EPSG:3067: ``stop_id``, ``stop_name``, ``stop_code``,
        ``location_type`` (``Int64``, blank → 0), ``parent_station``, ``geometry``.
    tables
        The other GTFS tables by file name without ``.txt``: ``routes``, ``trips``,
        ``stop_times`` (with integer ``arrival_s`` and ``departure_s``: seconds after
        midnight of the service day, may exceed 86 400), ``calendar``, ``calendar_dates``
        (dates as ``datetime64``), ``frequencies`` (with ``start_s``, ``end_s``),
        ``transfers``, ``agency``, ``feed_info``. Identifiers are strings.
    """

    stops: gpd.GeoDataFrame
    tables: Mapping[str, pd.DataFrame]

    @classmethod
    def from_twin(cls, twin: _LayerSource) -> GtfsFeed:
        """Read a feed back from a twin: layer ``stops`` and one ``gtfs_<name>`` per table.

        Absent optional tables become empty frames, as in :func:`read_gtfs`.
        """
        layers = set(twin.layers())
        for needed in ("stops", "gtfs_routes", "gtfs_trips", "gtfs_stop_times"):
            if needed not in layers:
                raise DataError(
                    f"the twin has no layer {needed!r}; build it with a GTFS feed", dataset="gtfs"
                )
        stops = twin.read("stops")
        if not isinstance(stops, gpd.GeoDataFrame):
            stops = gpd.GeoDataFrame(stops, geometry="geometry", crs=CRS)
        tables: dict[str, pd.DataFrame] = {}
        for name, spec in _TABLES.items():
            layer = f"gtfs_{name}"
            if layer in layers:
                tables[name] = pd.DataFrame(twin.read(layer))
            else:
                tables[name] = pd.DataFrame(columns=list(spec.columns))
        for name, columns in _DATE_COLUMNS.items():
            for column in columns:
                if column in tables[name].columns:
                    tables[name][column] = pd.to_datetime(tables[name][column])
        return cls(stops=stops, tables=tables)


def read_gtfs(path: str | Path, *, dataset: str | None = None) -> GtfsFeed:
    """Read and validate a GTFS feed.

    Parameters
    ----------
    path
        A GTFS zip file or a folder holding the ``.txt`` files.
    dataset
        Catalog name used in error messages.

    Returns
    -------
    GtfsFeed
        Stops in EPSG:3067 and the other tables, with times in integer seconds.

    Raises
    ------
    DataError
        The file is missing, not a zip, truncated; a required file or column is missing;
        a numeric, time or date field holds text; a trip has no first or last time.
    """
    path = Path(path)
    files = _read_files(path, dataset=dataset)

    def fail(problem: str) -> DataError:
        return DataError(problem, dataset=dataset, path=path)

    if "stops" not in files:
        raise fail("required file stops.txt is missing")
    tables: dict[str, pd.DataFrame] = {}
    for name, spec in _TABLES.items():
        frame = files.get(name)
        if frame is None:
            if spec.file_required:
                raise fail(f"required file {name}.txt is missing")
            frame = pd.DataFrame(columns=list(spec.columns))
        _require_columns(frame, spec.required, name, dataset=dataset, path=path)
        tables[name] = frame
    if tables["calendar"].empty and tables["calendar_dates"].empty:
        raise fail("neither calendar.txt nor calendar_dates.txt defines any service")

    for name, columns in _INTEGER_COLUMNS.items():
        for column in columns:
            if column in tables[name].columns:
                tables[name][column] = _integers(tables[name][column], f"{name}.{column}", fail)
    for name, columns in _DATE_COLUMNS.items():
        for column in columns:
            if column in tables[name].columns:
                tables[name][column] = _dates(tables[name][column], f"{name}.{column}", fail)

    tables["stop_times"] = _timed_stop_times(tables["stop_times"], fail)
    frequencies = tables["frequencies"]
    frequencies["start_s"] = _seconds(frequencies["start_time"], "frequencies.start_time", fail)
    frequencies["end_s"] = _seconds(frequencies["end_time"], "frequencies.end_time", fail)
    if frequencies["headway_secs"].isna().any() or (frequencies["headway_secs"] <= 0).any():
        raise fail("frequencies.headway_secs must be a positive number of seconds")

    stops = _stops(files["stops"], fail, dataset=dataset, path=path)
    return GtfsFeed(stops=stops, tables=tables)


def _read_files(path: Path, *, dataset: str | None) -> dict[str, pd.DataFrame]:
    """Every ``.txt`` file of the feed as a frame of strings (blank → ``NaN``)."""
    if not path.exists():
        raise DataError("GTFS feed not found", dataset=dataset, path=path)
    wanted = {*_TABLES, "stops"}
    frames: dict[str, pd.DataFrame] = {}
    try:
        if path.is_dir():
            for name in wanted:
                file = path / f"{name}.txt"
                if file.exists():
                    frames[name] = _csv(file.read_bytes())
            return frames
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                name = Path(member).name.removesuffix(".txt")
                if member.endswith(".txt") and name in wanted:
                    frames[name] = _csv(archive.read(member))
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile) as error:
        raise DataError(f"not a readable GTFS zip ({error})", dataset=dataset, path=path) from error
    except (pd.errors.ParserError, UnicodeDecodeError) as error:
        raise DataError(
            f"malformed CSV in the feed ({error})".replace("\n", " "), dataset=dataset, path=path
        ) from error
    return frames


def _csv(content: bytes) -> pd.DataFrame:
    """One GTFS file as strings, with a possible byte-order mark and column padding removed."""
    if not content.strip():
        return pd.DataFrame()
    frame = pd.read_csv(
        io.BytesIO(content), dtype=str, encoding="utf-8-sig", keep_default_na=False, na_values=[""]
    )
    frame.columns = [str(column).strip() for column in frame.columns]
    return frame


def _require_columns(
    frame: pd.DataFrame, required: Sequence[str], table: str, *, dataset: str | None, path: Path
) -> None:
    missing = [column for column in required if column not in frame.columns]
    if missing:
        raise MissingColumnError(
            f"{table}.txt lacks required column(s) {', '.join(missing)}", dataset=dataset, path=path
        )


def _integers(values: pd.Series, label: str, fail: _Fail) -> pd.Series:
    numbers = pd.to_numeric(values.str.strip(), errors="coerce")
    bad = numbers.isna() & values.notna()
    if bad.any() or (numbers.dropna() % 1 != 0).any():
        example = values[bad].iloc[0] if bad.any() else numbers[numbers % 1 != 0].iloc[0]
        raise fail(f"{label} must be an integer, found {example!r}")
    return numbers.astype("Int64")


def _dates(values: pd.Series, label: str, fail: _Fail) -> pd.Series:
    parsed = pd.to_datetime(values.str.strip(), format="%Y%m%d", errors="coerce")
    bad = parsed.isna() & values.notna()
    if bad.any():
        raise fail(f"{label} must be a YYYYMMDD date, found {values[bad].iloc[0]!r}")
    return parsed


def _seconds(values: pd.Series, label: str, fail: _Fail) -> pd.Series:
    """``H:MM:SS`` / ``HH:MM:SS`` (hours may exceed 24) → seconds after midnight (``Int64``)."""
    parts = values.str.strip().str.extract(r"^(\d{1,3}):([0-5]\d):([0-5]\d)$")
    bad = parts[0].isna() & values.notna()
    if bad.any():
        raise fail(f"{label} must be a time HH:MM:SS, found {values[bad].iloc[0]!r}")
    numbers = parts.astype("float64")
    seconds = numbers[0] * 3600 + numbers[1] * 60 + numbers[2]
    return seconds.round().astype("Int64")


def _timed_stop_times(stop_times: pd.DataFrame, fail: _Fail) -> pd.DataFrame:
    """Add ``arrival_s``/``departure_s``, interpolating blank times between timepoints.

    A blank arrival takes the departure of the same row and vice versa; rows blank in both
    get times linearly interpolated by position between the surrounding timed stops of the
    trip (GTFS allows this for non-timepoints). First and last stops must be timed.
    """
    if stop_times["stop_sequence"].isna().any():
        raise fail("stop_times.stop_sequence has blank values")
    frame = stop_times.sort_values(["trip_id", "stop_sequence"], kind="stable")
    frame = frame.reset_index(drop=True)
    arrival = _seconds(frame["arrival_time"], "stop_times.arrival_time", fail)
    departure = _seconds(frame["departure_time"], "stop_times.departure_time", fail)
    arrival = arrival.fillna(departure)
    departure = departure.fillna(arrival)
    if arrival.isna().any():
        trip = frame["trip_id"]
        first = ~trip.duplicated(keep="first")
        last = ~trip.duplicated(keep="last")
        untimed_end = arrival.isna() & (first | last)
        if untimed_end.any():
            raise fail(f"trip {trip[untimed_end].iloc[0]!r} has no time at its first or last stop")
        position = pd.Series(np.arange(len(frame), dtype="float64"))
        known = arrival.notna()
        filled = np.interp(position, position[known], arrival[known].astype("float64"))
        arrival = pd.Series(np.round(filled), dtype="Int64").where(~known, arrival)
        departure = departure.fillna(arrival)
    frame["arrival_s"] = arrival.astype("int64")
    frame["departure_s"] = departure.astype("int64")
    if (frame["departure_s"] < frame["arrival_s"]).any():
        raise fail("stop_times has a departure before its arrival")
    return frame


def _stops(raw: pd.DataFrame, fail: _Fail, *, dataset: str | None, path: Path) -> gpd.GeoDataFrame:
    """Stops with coordinates, projected to EPSG:3067."""
    _require_columns(raw, ("stop_id", "stop_lat", "stop_lon"), "stops", dataset=dataset, path=path)
    frame = raw.copy()
    for column in _STOP_COLUMNS:
        if column not in frame.columns:
            frame[column] = pd.NA
    frame["location_type"] = _integers(frame["location_type"], "stops.location_type", fail).fillna(
        0
    )
    lat = pd.to_numeric(frame["stop_lat"], errors="coerce")
    lon = pd.to_numeric(frame["stop_lon"], errors="coerce")
    bad = (lat.isna() | lon.isna()) & frame["location_type"].isin([0, 1, 2])
    if bad.any():
        stop = frame.loc[bad, "stop_id"].iloc[0]
        raise fail(f"stop {stop!r} has no valid stop_lat/stop_lon")
    if frame["stop_id"].duplicated().any():
        raise fail(
            f"stop_id {frame['stop_id'][frame['stop_id'].duplicated()].iloc[0]!r} is not unique"
        )
    keep = lat.notna() & lon.notna()
    points = gpd.points_from_xy(lon[keep], lat[keep], crs="EPSG:4326")
    stops = gpd.GeoDataFrame(
        frame.loc[keep, list(_STOP_COLUMNS)].reset_index(drop=True),
        geometry=points,
        crs="EPSG:4326",
    )
    return stops.to_crs(CRS)


def active_services(feed: GtfsFeed, date: dt.date) -> set[str]:
    """The ``service_id`` values that run on ``date``.

    A service runs when ``calendar.txt`` gives it that weekday within its start and end dates
    (both inclusive) and ``calendar_dates.txt`` does not remove it that day
    (``exception_type`` 2), or when ``calendar_dates.txt`` adds it that day (type 1).
    """
    day = pd.Timestamp(date)
    calendar = feed.tables["calendar"]
    weekday = _WEEK[date.weekday()]
    running = calendar[
        (calendar["start_date"] <= day) & (calendar["end_date"] >= day) & (calendar[weekday] == 1)
    ]
    services = set(running["service_id"].astype(str))
    exceptions = feed.tables["calendar_dates"]
    today = exceptions[exceptions["date"] == day]
    services |= set(today.loc[today["exception_type"] == 1, "service_id"].astype(str))
    services -= set(today.loc[today["exception_type"] == 2, "service_id"].astype(str))
    return services


def service_period(feed: GtfsFeed) -> tuple[dt.date, dt.date] | None:
    """The first and last day any service of the feed is defined for, or ``None``."""
    days = pd.concat(
        [
            feed.tables["calendar"]["start_date"],
            feed.tables["calendar"]["end_date"],
            feed.tables["calendar_dates"]["date"],
        ]
    ).dropna()
    if days.empty:
        return None
    return pd.Timestamp(days.min()).date(), pd.Timestamp(days.max()).date()


def restrict_to_service_date(
    feed: GtfsFeed, date: dt.date, *, dataset: str | None = None
) -> GtfsFeed:
    """The feed with only the trips that run on ``date`` (one service day).

    Trips whose service does not run that day (see :func:`active_services`) are dropped
    with their ``stop_times`` and ``frequencies``; ``calendar`` and ``calendar_dates`` keep
    the rows of the services that run. Stops, routes, transfers and the other tables are
    kept whole, so stop ids stay valid for a matrix built on any day.

    Raises
    ------
    DataError
        No trip runs on ``date``; the message gives the feed's service period.
    """
    services = active_services(feed, date)
    trips = feed.tables["trips"]
    trips = trips[trips["service_id"].astype(str).isin(services)].reset_index(drop=True)
    if trips.empty:
        period = service_period(feed)
        known = (
            f"its services run {period[0].isoformat()} … {period[1].isoformat()}"
            if period
            else "it defines no service days"
        )
        raise DataError(
            f"GTFS feed has no trip on {date.isoformat()} ({date:%A}); {known}", dataset=dataset
        )
    trip_ids = set(trips["trip_id"].astype(str))
    tables = dict(feed.tables)
    tables["trips"] = trips
    for name in ("stop_times", "frequencies"):
        frame = tables[name]
        tables[name] = frame[frame["trip_id"].astype(str).isin(trip_ids)].reset_index(drop=True)
    for name in ("calendar", "calendar_dates"):
        frame = tables[name]
        tables[name] = frame[frame["service_id"].astype(str).isin(services)].reset_index(drop=True)
    return replace(feed, tables=tables)


def next_weekday(today: dt.date) -> dt.date:
    """The first Monday–Friday after ``today`` (a Friday gives the next Monday).

    The default service day of a live GTFS feed: a typical working day that the feed,
    published for the weeks ahead, covers.
    """
    day = today + dt.timedelta(days=1)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day
