"""The trips a GTFS feed runs on one service day, as timed stop events.

Two steps turn a feed into the vehicle movements of a day:

* **Service-day filtering.** A service runs on day *d* when ``calendar.txt`` has it on *d*'s
  weekday within ``[start_date, end_date]`` and ``calendar_dates.txt`` does not remove it
  (``exception_type`` 2), or when ``calendar_dates.txt`` adds it (``exception_type`` 1).
* **Frequency expansion.** A trip listed in ``frequencies.txt`` is a template: its stop times
  give the running times, and one trip instance starts at ``start_time + n·headway_secs``
  for every ``n ≥ 0`` with a start before ``end_time`` (end exclusive, as the GTFS reference
  specifies for ``exact_times=1``). Entries with ``exact_times=0`` ("headway-based",
  unscheduled) are expanded the same way, i.e. as if the vehicles kept the headway exactly
  from ``start_time`` on — R5 instead draws random offsets; with departures every minute over
  a window the median is insensitive to this phase. The template's own stop times are not a
  trip of their own.

Trips of the previous service day that run past midnight (GTFS times ≥ 24:00) are included,
shifted by −24 h, so an early-morning window sees them.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from dikas.errors import ParameterError
from dikas.sources.gtfs import GtfsFeed

SECONDS_PER_DAY = 86_400
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def services_on(feed: GtfsFeed, day: dt.date) -> frozenset[str]:
    """The ``service_id`` values that run on ``day`` (see the module docstring)."""
    day_stamp = pd.Timestamp(day)
    calendar = feed.tables["calendar"]
    running: set[str] = set()
    if not calendar.empty:
        weekday = _WEEKDAYS[day.weekday()]
        on_day = (
            (calendar[weekday].fillna(0).astype("int64") == 1)
            & (pd.to_datetime(calendar["start_date"]) <= day_stamp)
            & (pd.to_datetime(calendar["end_date"]) >= day_stamp)
        )
        running = set(calendar.loc[on_day, "service_id"].astype(str))
    exceptions = feed.tables["calendar_dates"]
    if not exceptions.empty:
        today = exceptions[pd.to_datetime(exceptions["date"]) == day_stamp]
        kind = today["exception_type"].astype("int64")
        running |= set(today.loc[kind == 1, "service_id"].astype(str))
        running -= set(today.loc[kind == 2, "service_id"].astype(str))
    return frozenset(running)


DEFAULT_DEPARTURE = dt.time(8, 0)
"""Start of the default departure window: the morning peak, as in r5py's examples."""


def typical_departure(feed: GtfsFeed, *, search_days: int = 28) -> dt.datetime:
    """08:00 on the feed's busiest weekday (Monday–Friday) among its first ``search_days``.

    Used when a user asks for transit accessibility without naming a departure: the
    feed's own calendar decides, so the default is right for any city's GTFS.
    """
    dates = []
    for table, columns in (("calendar", ("start_date", "end_date")), ("calendar_dates", ("date",))):
        frame = feed.tables.get(table, pd.DataFrame())
        for column in columns:
            if column in frame and len(frame):
                dates.extend(pd.to_datetime(frame[column]).dt.date)
    if not dates:
        raise ParameterError("the GTFS feed has no calendar; give --departure")
    trips = feed.tables["trips"]
    first = min(dates)
    best_day, best_trips = None, 0
    for offset in range(search_days):
        day = first + dt.timedelta(days=offset)
        if day > max(dates) or day.weekday() > 4:
            continue
        running = int(trips["service_id"].astype(str).isin(services_on(feed, day)).sum())
        if running > best_trips:
            best_day, best_trips = day, running
    if best_day is None:
        raise ParameterError("no weekday service in the GTFS feed's calendar; give --departure")
    return dt.datetime.combine(best_day, DEFAULT_DEPARTURE)


def stop_events(feed: GtfsFeed, day: dt.date, *, start_s: int, end_s: int) -> pd.DataFrame:
    """Timed stop events of every trip instance running on ``day`` within a time span.

    Parameters
    ----------
    feed
        The GTFS feed.
    day
        The service day.
    start_s, end_s
        Seconds after midnight of ``day``: a trip instance is kept when it is on the road
        at some moment of ``[start_s, end_s]`` (last arrival ≥ ``start_s`` and first
        departure ≤ ``end_s``).

    Returns
    -------
    pandas.DataFrame
        One row per stop of each kept trip instance, sorted by ``trip`` then
        ``stop_sequence``: ``trip`` (integer instance id), ``trip_id``, ``stop_id``,
        ``stop_sequence``, ``arrival_s``, ``departure_s`` (seconds after midnight of
        ``day``), ``can_board``, ``can_alight`` (from ``pickup_type``/``drop_off_type``;
        only type 1, "not available", forbids).
    """
    columns = [
        "trip_id",
        "stop_id",
        "stop_sequence",
        "arrival_s",
        "departure_s",
        "can_board",
        "can_alight",
    ]
    stop_times = feed.tables["stop_times"]
    timed = pd.DataFrame(
        {
            "trip_id": stop_times["trip_id"].astype(str).to_numpy(),
            "stop_id": stop_times["stop_id"].astype(str).to_numpy(),
            "stop_sequence": stop_times["stop_sequence"].astype("int64").to_numpy(),
            "arrival_s": stop_times["arrival_s"].astype("int64").to_numpy(),
            "departure_s": stop_times["departure_s"].astype("int64").to_numpy(),
            "can_board": _allowed(stop_times, "pickup_type"),
            "can_alight": _allowed(stop_times, "drop_off_type"),
        }
    )
    frequencies = feed.tables["frequencies"]
    templated = set(frequencies["trip_id"].astype(str))
    trips = feed.tables["trips"]
    parts: list[pd.DataFrame] = []
    for shift, service_day in ((0, day), (-SECONDS_PER_DAY, day - dt.timedelta(days=1))):
        running = services_on(feed, service_day)
        trip_ids = set(
            trips.loc[trips["service_id"].astype(str).isin(running), "trip_id"].astype(str)
        )
        day_events = timed[timed["trip_id"].isin(trip_ids)]
        scheduled = day_events[~day_events["trip_id"].isin(templated)].copy()
        scheduled["start"] = -1
        expanded = _expand_frequencies(
            day_events[day_events["trip_id"].isin(templated)],
            frequencies[frequencies["trip_id"].astype(str).isin(trip_ids)],
        )
        parts.extend(
            part.assign(
                arrival_s=part["arrival_s"] + shift,
                departure_s=part["departure_s"] + shift,
                day=shift,
            )
            for part in (scheduled, expanded)
        )
    events = pd.concat(parts, ignore_index=True)
    events["trip"] = events.groupby(["day", "trip_id", "start"], sort=False).ngroup()
    span = events.groupby("trip").agg(first=("departure_s", "min"), last=("arrival_s", "max"))
    keep = span.index[(span["last"] >= start_s) & (span["first"] <= end_s)]
    events = events[events["trip"].isin(keep)]
    events = events.sort_values(["trip", "stop_sequence"], kind="stable")
    events["trip"] = pd.factorize(events["trip"])[0]
    return events[["trip", *columns]].reset_index(drop=True)


def _allowed(stop_times: pd.DataFrame, column: str) -> np.ndarray:
    """True where ``pickup_type``/``drop_off_type`` is not 1 ("no pickup/drop-off")."""
    if column not in stop_times.columns:
        return np.ones(len(stop_times), dtype=bool)
    return (stop_times[column].fillna(0).astype("int64") != 1).to_numpy()


def _expand_frequencies(templates: pd.DataFrame, frequencies: pd.DataFrame) -> pd.DataFrame:
    """One copy of each template trip per start time of its frequency entries."""
    if templates.empty or frequencies.empty:
        return templates.assign(start=pd.Series(dtype="int64"))
    starts_s = frequencies["start_s"].astype("int64").to_numpy()
    ends_s = frequencies["end_s"].astype("int64").to_numpy()
    headways = frequencies["headway_secs"].astype("int64").to_numpy()
    counts = np.maximum(0, -(-(ends_s - starts_s) // headways))
    rows = np.repeat(np.arange(len(frequencies)), counts)
    nth = np.arange(rows.size) - np.repeat(np.cumsum(counts) - counts, counts)
    instances = pd.DataFrame(
        {
            "trip_id": frequencies["trip_id"].astype(str).to_numpy()[rows],
            "start": starts_s[rows] + nth * headways[rows],
        }
    ).drop_duplicates()
    first = templates.groupby("trip_id")["departure_s"].transform("min")
    offsets = templates.assign(
        arrival_s=templates["arrival_s"] - first, departure_s=templates["departure_s"] - first
    )
    expanded = instances.merge(offsets, on="trip_id", how="inner")
    expanded["arrival_s"] += expanded["start"]
    expanded["departure_s"] += expanded["start"]
    return expanded
