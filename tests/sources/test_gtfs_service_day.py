"""One service day of a GTFS feed: calendar + calendar_dates rules, and the next weekday."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from dikas.errors import DataError
from dikas.sources.gtfs import active_services, next_weekday, read_gtfs, restrict_to_service_date

FEED = "r5py_docs/hsl_gtfs_20220222_inner_helsinki.zip"


def _write_feed(folder: Path) -> Path:
    """A tiny feed: weekday service WK, weekend service WE, and exceptions on 2024-05-01/04."""
    files = {
        "stops.txt": "stop_id,stop_name,stop_lat,stop_lon\nA,a,60.17,24.94\nB,b,60.18,24.95\n",
        "routes.txt": "route_id,route_type\nR,3\n",
        "trips.txt": "route_id,service_id,trip_id\nR,WK,t1\nR,WK,t2\nR,WE,t3\nR,HOL,t4\n",
        "stop_times.txt": (
            "trip_id,arrival_time,departure_time,stop_id,stop_sequence\n"
            + "".join(
                f"{t},08:00:00,08:00:00,A,1\n{t},08:10:00,08:10:00,B,2\n"
                for t in ("t1", "t2", "t3", "t4")
            )
        ),
        "calendar.txt": (
            "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,"
            "start_date,end_date\nWK,1,1,1,1,1,0,0,20240429,20240512\n"
            "WE,0,0,0,0,0,1,1,20240429,20240512\n"
        ),
        # 1 May (Wednesday) is a holiday: no weekday service, the holiday service instead;
        # Saturday 4 May has its weekend service removed.
        "calendar_dates.txt": (
            "service_id,date,exception_type\nWK,20240501,2\nHOL,20240501,1\nWE,20240504,2\n"
        ),
        "frequencies.txt": "trip_id,start_time,end_time,headway_secs\nt1,08:00:00,09:00:00,600\n",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("day", "services", "trips"),
    [
        (dt.date(2024, 4, 30), {"WK"}, {"t1", "t2"}),  # Tuesday
        (dt.date(2024, 5, 1), {"HOL"}, {"t4"}),  # holiday exception
        (dt.date(2024, 5, 5), {"WE"}, {"t3"}),  # Sunday
    ],
)
def test_calendar_and_exceptions_pick_the_days_trips(
    tmp_path: Path, day: dt.date, services: set[str], trips: set[str]
) -> None:
    feed = read_gtfs(_write_feed(tmp_path))
    assert active_services(feed, day) == services
    day_feed = restrict_to_service_date(feed, day)
    assert set(day_feed.tables["trips"]["trip_id"]) == trips
    assert set(day_feed.tables["stop_times"]["trip_id"]) == trips
    assert len(day_feed.tables["stop_times"]) == 2 * len(trips)
    assert set(day_feed.tables["frequencies"]["trip_id"]) == trips & {"t1"}
    assert len(day_feed.stops) == 2  # stops kept whole
    assert len(feed.tables["trips"]) == 4  # the input feed is untouched


@pytest.mark.parametrize("day", [dt.date(2024, 5, 4), dt.date(2024, 6, 3)])
def test_a_day_without_trips_is_one_error_naming_the_period(tmp_path: Path, day: dt.date) -> None:
    feed = read_gtfs(_write_feed(tmp_path))
    with pytest.raises(DataError) as caught:
        restrict_to_service_date(feed, day, dataset="gtfs")
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("dataset 'gtfs': ")
    assert day.isoformat() in message and "2024-04-29 … 2024-05-12" in message


def _raw(path: Path, name: str) -> pd.DataFrame:
    with zipfile.ZipFile(path) as archive:
        return pd.read_csv(io.BytesIO(archive.read(name)), dtype=str)


@pytest.mark.integration
def test_staged_hsl_feed_service_day(data_dir: Path) -> None:
    path = data_dir / FEED
    feed = read_gtfs(path)
    # independent computation from the raw files: services whose calendar row covers the day
    calendar = _raw(path, "calendar.txt")
    trips = _raw(path, "trips.txt")
    stop_times = _raw(path, "stop_times.txt")
    frequencies = _raw(path, "frequencies.txt")
    running = calendar[
        (calendar["start_date"] <= "20220222")
        & (calendar["end_date"] >= "20220222")
        & (calendar["tuesday"] == "1")
    ]["service_id"]
    expected_trips = set(trips.loc[trips["service_id"].isin(running), "trip_id"])
    assert len(expected_trips) == 3195

    day = restrict_to_service_date(feed, dt.date(2022, 2, 22))
    assert set(day.tables["trips"]["trip_id"]) == expected_trips
    assert len(day.tables["stop_times"]) == stop_times["trip_id"].isin(expected_trips).sum()
    assert len(day.tables["frequencies"]) == frequencies["trip_id"].isin(expected_trips).sum()
    assert len(day.stops) == len(feed.stops) == 1388

    with pytest.raises(DataError, match=r"2022-02-23 .*2022-02-22 … 2022-02-22"):
        restrict_to_service_date(feed, dt.date(2022, 2, 23))

    # the same feed with 2022-02-22 removed by an exception and half of its trips moved to a
    # service added on 2022-02-23
    moved = sorted(expected_trips)[::2]
    service = calendar["service_id"].iloc[0]
    trips_table = feed.tables["trips"].copy()
    trips_table.loc[trips_table["trip_id"].isin(moved), "service_id"] = "EXTRA"
    exceptions = pd.DataFrame(
        {
            "service_id": [service, "EXTRA"],
            "date": pd.to_datetime(["2022-02-22", "2022-02-23"]),
            "exception_type": pd.array([2, 1], dtype="Int64"),
        }
    )
    edited = replace(
        feed, tables={**feed.tables, "trips": trips_table, "calendar_dates": exceptions}
    )
    wednesday = restrict_to_service_date(edited, dt.date(2022, 2, 23))
    assert set(wednesday.tables["trips"]["trip_id"]) == set(moved)
    assert len(wednesday.tables["stop_times"]) == stop_times["trip_id"].isin(moved).sum()
    with pytest.raises(DataError, match="2022-02-22 … 2022-02-23"):
        restrict_to_service_date(edited, dt.date(2022, 2, 22))


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 12, 3), dt.date(2026, 12, 4)),  # Thursday → Friday
        (dt.date(2026, 12, 4), dt.date(2026, 12, 7)),  # Friday → Monday
        (dt.date(2026, 12, 5), dt.date(2026, 12, 7)),  # Saturday → Monday
        (dt.date(2026, 12, 6), dt.date(2026, 12, 7)),  # Sunday → Monday
        (dt.date(2026, 12, 31), dt.date(2027, 1, 1)),  # across the year
    ],
)
def test_next_weekday(today: dt.date, expected: dt.date) -> None:
    assert next_weekday(today) == expected
