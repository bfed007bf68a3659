"""Public-transport edits of a GTFS feed and the transit service level they change.

Edits (each returns a new :class:`~dikas.sources.gtfs.GtfsFeed`; the input is not changed):

* :func:`remove_route` drops a route, its trips, stop times and frequencies;
* :func:`change_frequency` runs a route ``factor`` times as often: frequency-based trips get
  ``headway_secs / factor``; each timetabled trip gets ``factor − 1`` copies spread evenly
  over the gap to the next trip of the same service, direction and first stop (the last trip
  of a series reuses the previous gap); timetabled routes need an integer factor;
* :func:`add_stop` inserts a stop after ``after_stop_id`` on every trip of a route that
  continues past it, timed by linear interpolation of straight-line distance between its
  neighbours (no extra dwell time; other stops keep their times).

Indicator (:func:`transit_service_rows`): the number of departures per hour, in a morning
window, at the stops within a 5-minute walk of each grid cell — a public-transport
availability measure in the spirit of London's PTAL (TfL 2015). Per population group the
group-weighted mean and the share of residents with at least 4 departures an hour (a
15-minute service) are reported.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from dikas.accessibility.network import StreetNetwork
from dikas.accessibility.transit.schedule import services_on, stop_events
from dikas.errors import ConfigError
from dikas.scenarios.evaluate import CITY_COLUMNS, long_rows
from dikas.scenarios.nearest import MAX_SNAP_DISTANCE_M, MS_PER_MIN
from dikas.sources.gtfs import GtfsFeed

WINDOW = (7 * 3600, 9 * 3600)
"""Morning window (seconds after midnight) in which departures are counted."""
WALK_MIN = 5.0
"""Stops within this walk count for a cell."""
FREQUENT_PER_HOUR = 4.0
"""Departures per hour that make a cell well served."""


def _route_trips(feed: GtfsFeed, route_id: str) -> pd.Series:
    trips = feed.tables["trips"]
    on_route = trips["route_id"].astype(str) == route_id
    if not on_route.any():
        raise ConfigError(f"no trips of route_id {route_id!r} in the twin's GTFS feed")
    return trips.loc[on_route, "trip_id"].astype(str)


def _with_tables(feed: GtfsFeed, **tables: pd.DataFrame) -> GtfsFeed:
    return GtfsFeed(stops=feed.stops, tables={**feed.tables, **tables})


def remove_route(feed: GtfsFeed, route_id: str) -> GtfsFeed:
    """The feed without ``route_id``."""
    trips = set(_route_trips(feed, route_id))
    t = feed.tables
    return _with_tables(
        feed,
        routes=t["routes"][t["routes"]["route_id"].astype(str) != route_id],
        trips=t["trips"][~t["trips"]["trip_id"].astype(str).isin(trips)],
        stop_times=t["stop_times"][~t["stop_times"]["trip_id"].astype(str).isin(trips)],
        frequencies=t["frequencies"][~t["frequencies"]["trip_id"].astype(str).isin(trips)],
    )


def change_frequency(feed: GtfsFeed, route_id: str, factor: float) -> GtfsFeed:
    """The feed with ``route_id`` running ``factor`` times as often."""
    trips = set(_route_trips(feed, route_id))
    t = feed.tables
    frequencies = t["frequencies"].copy()
    templated = frequencies["trip_id"].astype(str).isin(trips)
    frequencies.loc[templated, "headway_secs"] = np.maximum(
        1, np.rint(frequencies.loc[templated, "headway_secs"].astype(float) / factor)
    ).astype("int64")
    scheduled = trips - set(frequencies["trip_id"].astype(str))
    if not scheduled:
        return _with_tables(feed, frequencies=frequencies)
    if factor != int(factor):
        raise ConfigError(f"route {route_id!r} has timetabled trips: use an integer factor")
    stop_times, trip_rows = _copies(t["stop_times"], t["trips"], scheduled, int(factor))
    return _with_tables(feed, frequencies=frequencies, stop_times=stop_times, trips=trip_rows)


def _copies(
    stop_times: pd.DataFrame, trips: pd.DataFrame, scheduled: set[str], factor: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    times = stop_times[stop_times["trip_id"].astype(str).isin(scheduled)]
    first = times.sort_values("stop_sequence").groupby("trip_id", sort=False).first()
    series = trips.set_index(trips["trip_id"].astype(str)).loc[first.index.astype(str)]
    keys = pd.DataFrame(
        {
            "trip_id": first.index.astype(str),
            "start": first["departure_s"],
            "stop": first["stop_id"].astype(str),
            "service": series["service_id"].astype(str).to_numpy(),
            "direction": series.get("direction_id", pd.Series(0, index=series.index))
            .astype(str)
            .to_numpy(),
        }
    )
    keys = keys.sort_values(["service", "direction", "stop", "start"])
    gap = keys.groupby(["service", "direction", "stop"])["start"].diff(-1).abs()
    gap = gap.fillna(keys.groupby(["service", "direction", "stop"])["start"].diff())
    new_times, new_trips = [stop_times], [trips]
    for trip_id, trip_gap in zip(keys["trip_id"], gap, strict=True):
        if pd.isna(trip_gap) or trip_gap <= 0:
            continue
        template = times[times["trip_id"].astype(str) == trip_id]
        trip_row = trips[trips["trip_id"].astype(str) == trip_id]
        for j in range(1, factor):
            shift = round(j * trip_gap / factor)
            copy_id = f"{trip_id}_x{j}"
            shifted = template.assign(
                trip_id=copy_id,
                arrival_s=template["arrival_s"] + shift,
                departure_s=template["departure_s"] + shift,
            )
            new_times.append(shifted)
            new_trips.append(trip_row.assign(trip_id=copy_id))
    return pd.concat(new_times, ignore_index=True), pd.concat(new_trips, ignore_index=True)


def add_stop(
    feed: GtfsFeed,
    route_id: str,
    *,
    after_stop_id: str,
    point: object,
    stop_id: str,
    stop_name: str,
) -> GtfsFeed:
    """The feed with a new stop served by ``route_id`` after ``after_stop_id``."""
    if (feed.stops["stop_id"].astype(str) == stop_id).any():
        raise ConfigError(f"stop_id {stop_id!r} already exists")
    trips = set(_route_trips(feed, route_id))
    stop_times = feed.tables["stop_times"].copy()
    stop_times["stop_sequence"] = stop_times["stop_sequence"].astype("int64")
    on_route = stop_times[stop_times["trip_id"].astype(str).isin(trips)].sort_values(
        ["trip_id", "stop_sequence"]
    )
    nxt = on_route.groupby("trip_id").shift(-1)
    hit = (on_route["stop_id"].astype(str) == after_stop_id) & nxt["stop_id"].notna()
    if not hit.any():
        raise ConfigError(
            f"stop {after_stop_id!r} is not followed by another stop on route {route_id!r}"
        )
    located = feed.stops.set_index(feed.stops["stop_id"].astype(str)).geometry
    before = located.reindex(on_route.loc[hit, "stop_id"].astype(str)).to_numpy()
    after = located.reindex(nxt.loc[hit, "stop_id"].astype(str)).to_numpy()
    d1 = np.array([point.distance(b) for b in before])  # type: ignore[attr-defined]
    d2 = np.array([point.distance(a) for a in after])  # type: ignore[attr-defined]
    share = np.divide(d1, d1 + d2, out=np.full(len(d1), 0.5), where=(d1 + d2) > 0)
    leave = on_route.loc[hit, "departure_s"].to_numpy(float)
    arrive = nxt.loc[hit, "arrival_s"].to_numpy(float)
    at = np.rint(leave + share * (arrive - leave)).astype("int64")
    affected = stop_times["trip_id"].astype(str).isin(set(on_route.loc[hit, "trip_id"]))
    stop_times.loc[affected, "stop_sequence"] *= 2
    new = on_route.loc[hit].copy()
    new["stop_id"] = stop_id
    new["stop_sequence"] = new["stop_sequence"] * 2 + 1
    new["arrival_s"] = at
    new["departure_s"] = at
    for column in ("arrival_time", "departure_time"):
        if column in new:
            new[column] = [f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}" for s in at]
    for column in ("pickup_type", "drop_off_type"):
        if column in new:
            new[column] = pd.NA
    stops = feed.stops
    row: dict[str, Any] = {c: None for c in stops.columns if c != "geometry"}
    row.update({"stop_id": stop_id, "stop_name": stop_name, "location_type": 0})
    new_stop = gpd.GeoDataFrame([row], geometry=[point], crs=stops.crs)
    stops = pd.concat([stops, new_stop[stops.columns]], ignore_index=True)
    return GtfsFeed(
        stops=stops,
        tables={
            **feed.tables,
            "stop_times": pd.concat([stop_times, new], ignore_index=True).sort_values(
                ["trip_id", "stop_sequence"]
            ),
        },
    )


def service_day(feed: GtfsFeed) -> dt.date:
    """The first day on which the feed runs any service (checked over its calendar)."""
    candidates = []
    for table, columns in (("calendar", ("start_date", "end_date")), ("calendar_dates", ("date",))):
        frame = feed.tables[table]
        for column in columns:
            if column in frame and not frame.empty:
                candidates += list(pd.to_datetime(frame[column]).dt.date)
    if not candidates:
        raise ConfigError("the GTFS feed has no calendar")
    day = min(candidates)
    for _ in range(366):
        if services_on(feed, day):
            return day
        day += dt.timedelta(days=1)
    raise ConfigError("the GTFS feed runs no service within a year of its start")


def departures_per_hour(
    feed: GtfsFeed, day: dt.date, *, window: tuple[int, int] = WINDOW
) -> pd.Series:
    """Boardable departures per hour at each stop in ``window`` of ``day``."""
    events = stop_events(feed, day, start_s=window[0], end_s=window[1])
    counted = events[events["can_board"] & events["departure_s"].between(window[0], window[1] - 1)]
    hours = (window[1] - window[0]) / 3600.0
    return counted.groupby("stop_id").size().astype(float) / hours


def stops_within_walk(
    network: StreetNetwork, origins: object, stops: gpd.GeoDataFrame, *, walk_min: float = WALK_MIN
) -> pd.DataFrame:
    """Pairs (origin position, ``stop_id``) within ``walk_min`` of walking."""
    points = stops[stops["location_type"].fillna(0).astype("int64") == 0]
    snapped = network.snap(
        points.geometry.reset_index(drop=True), max_distance_m=MAX_SNAP_DISTANCE_M
    )
    if len(snapped) == 0:
        return pd.DataFrame({"origin": [], "stop_id": []})
    times = network.travel_times_ms(origins, snapped, limit_ms=walk_min * MS_PER_MIN)  # type: ignore[arg-type]
    o, s = np.nonzero(np.isfinite(times))
    ids = points["stop_id"].astype(str).to_numpy()[snapped.index.to_numpy()]
    return pd.DataFrame({"origin": o, "stop_id": ids[s]})


def transit_service_rows(
    per_cell: pd.Series, groups: pd.DataFrame, postal_code: pd.Series
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """City and area rows of departures per hour near home, by population group."""
    counts = groups.fillna(0.0)
    level = per_cell.reindex(counts.index).fillna(0.0)
    weights = counts.sum().replace(0.0, np.nan)
    mean = counts.mul(level, axis=0).sum() / weights
    frequent = counts.mul((level >= FREQUENT_PER_HOUR).astype(float), axis=0).sum() / weights
    city = [("transit", "departures_per_hour", g, float(mean[g])) for g in counts.columns]
    city += [
        ("transit", f"share_{FREQUENT_PER_HOUR:g}_per_hour", g, float(frequent[g]))
        for g in counts.columns
    ]
    area = postal_code.reindex(counts.index)
    totals = counts.groupby(area).sum().replace(0.0, np.nan)
    area_mean = counts.mul(level, axis=0).groupby(area).sum() / totals
    area_frequent = (
        counts.mul((level >= FREQUENT_PER_HOUR).astype(float), axis=0).groupby(area).sum() / totals
    )
    areas = pd.concat(
        [
            long_rows(area_mean, indicator="transit", measure="departures_per_hour"),
            long_rows(
                area_frequent, indicator="transit", measure=f"share_{FREQUENT_PER_HOUR:g}_per_hour"
            ),
        ],
        ignore_index=True,
    )
    return pd.DataFrame(city, columns=CITY_COLUMNS), areas


def cell_departures(
    network: StreetNetwork, origins: object, feed: GtfsFeed, day: dt.date
) -> np.ndarray:
    """Departures per hour within a 5-minute walk of each snapped origin."""
    pairs = stops_within_walk(network, origins, feed.stops)
    rate = departures_per_hour(feed, day)
    values = pairs["stop_id"].map(rate).fillna(0.0).to_numpy()
    return np.bincount(pairs["origin"].to_numpy(np.int64), weights=values, minlength=len(origins))  # type: ignore[arg-type]
