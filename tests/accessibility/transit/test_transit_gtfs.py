"""The GTFS reader: parsing, validation errors and the twin round trip."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pyproj import Transformer

from dikas.accessibility.transit.schedule import services_on, stop_events
from dikas.accessibility.transit.timetable import Timetable
from dikas.errors import DataError, MissingColumnError
from dikas.sources.gtfs import GtfsFeed, read_gtfs
from dikas.twin.store import Twin

from .conftest import small_tables, write_feed


def _zip(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        for file in sorted(folder.glob("*.txt")):
            archive.write(file, file.name)
    return target


def test_reads_zip_and_folder_alike(tmp_path: Path) -> None:
    folder = write_feed(tmp_path / "feed", small_tables())
    from_zip = read_gtfs(_zip(folder, tmp_path / "feed.zip"))
    from_folder = read_gtfs(folder)
    pd.testing.assert_frame_equal(from_zip.tables["stop_times"], from_folder.tables["stop_times"])
    assert from_zip.stops.crs == "EPSG:3067"
    assert list(from_zip.stops.columns) == [
        "stop_id",
        "stop_name",
        "stop_code",
        "location_type",
        "parent_station",
        "geometry",
    ]
    x, y = Transformer.from_crs(4326, 3067, always_xy=True).transform(24.90, 60.20)
    a = from_zip.stops.set_index("stop_id").geometry["A"]
    assert (a.x, a.y) == pytest.approx((x, y), abs=0.01)
    assert from_zip.tables["transfers"].empty
    assert "min_transfer_time" in from_zip.tables["transfers"].columns


def test_times_after_midnight_and_blank_times_are_interpolated(tmp_path: Path) -> None:
    tables = small_tables()
    tables["stop_times"] = pd.DataFrame(
        {
            "trip_id": ["R1_T"] * 4,
            "stop_id": ["A", "B", "C", "D"],
            "stop_sequence": [1, 2, 3, 4],
            "arrival_time": ["23:58:00", "", "", "24:07:30"],
            "departure_time": ["23:58:00", "", "", "24:07:30"],
        }
    )
    stop_times = read_gtfs(write_feed(tmp_path / "feed", tables)).tables["stop_times"]
    # 23:58 = 86 280 s, 24:07:30 = 86 850 s; the two blank stops split the 570 s evenly
    assert stop_times["arrival_s"].tolist() == [86_280, 86_470, 86_660, 86_850]
    assert stop_times["departure_s"].tolist() == stop_times["arrival_s"].tolist()


def test_truncated_zip_is_a_data_error(tmp_path: Path) -> None:
    archive = _zip(write_feed(tmp_path / "feed", small_tables()), tmp_path / "feed.zip")
    broken = tmp_path / "broken.zip"
    broken.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    with pytest.raises(DataError, match="not a readable GTFS zip") as error:
        read_gtfs(broken, dataset="hsl_gtfs")
    assert "hsl_gtfs" in str(error.value) and "\n" not in str(error.value)


def test_missing_stop_times_is_a_data_error(tmp_path: Path) -> None:
    tables = small_tables()
    del tables["stop_times"]
    with pytest.raises(DataError, match=r"required file stop_times\.txt is missing"):
        read_gtfs(write_feed(tmp_path / "feed", tables), dataset="x")


def test_missing_column_is_named(tmp_path: Path) -> None:
    tables = small_tables()
    tables["trips"] = tables["trips"].drop(columns="service_id")
    with pytest.raises(MissingColumnError, match=r"trips\.txt lacks required column"):
        read_gtfs(write_feed(tmp_path / "feed", tables))


@pytest.mark.parametrize(
    ("table", "column", "value", "message"),
    [
        ("frequencies", "headway_secs", "often", "frequencies.headway_secs must be an integer"),
        ("stop_times", "arrival_time", "8 o'clock", "stop_times.arrival_time must be a time"),
        ("stop_times", "stop_sequence", "first", "stop_times.stop_sequence must be an integer"),
        ("calendar", "start_date", "2022-01-01", "calendar.start_date must be a YYYYMMDD date"),
        ("stops", "stop_lat", "north", "has no valid stop_lat"),
    ],
)
def test_text_in_numeric_fields_is_a_data_error(
    tmp_path: Path, table: str, column: str, value: str, message: str
) -> None:
    tables = small_tables()
    frame = tables[table].astype({column: object})
    frame.loc[0, column] = value
    tables[table] = frame
    with pytest.raises(DataError, match=message):
        read_gtfs(write_feed(tmp_path / "feed", tables), dataset="x")


def test_services_on_weekdays_and_exceptions(small_feed: GtfsFeed) -> None:
    assert services_on(small_feed, dt.date(2022, 2, 22)) == {"WD"}  # Tuesday
    assert services_on(small_feed, dt.date(2022, 2, 23)) == set()  # WD removed
    assert services_on(small_feed, dt.date(2022, 2, 24)) == {"WD", "WE"}  # WE added
    assert services_on(small_feed, dt.date(2022, 2, 26)) == {"WE"}  # Saturday
    assert services_on(small_feed, dt.date(2023, 2, 21)) == set()  # after end_date


def test_frequency_expansion_end_time_is_exclusive(small_feed: GtfsFeed) -> None:
    events = stop_events(small_feed, dt.date(2022, 2, 22), start_s=0, end_s=30 * 3600)
    tram = events[events["trip_id"] == "R1_T"]
    starts = tram.groupby("trip")["departure_s"].min().sort_values().tolist()
    assert starts == [8 * 3600, 8 * 3600 + 600, 8 * 3600 + 1200]
    first = tram[tram["departure_s"].isin([8 * 3600]) | (tram["trip"] == tram["trip"].iloc[0])]
    assert first["arrival_s"].tolist() == [28_800, 29_100, 29_400]  # 08:00, 08:05, 08:10
    # the template's own times (06:00) are not a trip; the weekend bus does not run
    assert events["departure_s"].min() >= 8 * 3600
    assert "R4_a" not in set(events["trip_id"])


def test_feed_round_trips_through_a_twin(tmp_path: Path, small_feed: GtfsFeed) -> None:
    twin = Twin.create(tmp_path / "twin.duckdb", city="test", build_id="t")
    with twin:
        twin.write_layer("stops", small_feed.stops)
        for name, frame in small_feed.tables.items():  # empty ones too, as the build does
            twin.write_layer(f"gtfs_{name}", frame)
    with Twin.open(tmp_path / "twin.duckdb") as twin:
        feed = GtfsFeed.from_twin(twin)
    assert feed.stops["stop_id"].tolist() == small_feed.stops["stop_id"].tolist()
    np.testing.assert_allclose(feed.stops.geometry.x, small_feed.stops.geometry.x)
    assert (
        feed.tables["stop_times"]["arrival_s"].tolist()
        == small_feed.tables["stop_times"]["arrival_s"].tolist()
    )
    assert services_on(feed, dt.date(2022, 2, 24)) == {"WD", "WE"}
    assert feed.tables["transfers"].empty
    # the router sees the same timetable
    before, after = (
        Timetable.from_feed(f, dt.date(2022, 2, 24), start_s=0, end_s=86_400)
        for f in (small_feed, feed)
    )
    np.testing.assert_array_equal(before.arrivals, after.arrivals)
    np.testing.assert_array_equal(before.pattern_stops, after.pattern_stops)


def test_from_twin_without_gtfs_is_a_data_error(tmp_path: Path) -> None:
    with Twin.create(tmp_path / "twin.duckdb", city="test", build_id="t"):
        pass
    with Twin.open(tmp_path / "twin.duckdb") as twin, pytest.raises(DataError, match="stops"):
        GtfsFeed.from_twin(twin)


@pytest.mark.integration
def test_hsl_feed(data_dir: Path) -> None:
    feed = read_gtfs(
        data_dir / "r5py_docs" / "hsl_gtfs_20220222_inner_helsinki.zip", dataset="hsl_gtfs"
    )
    assert len(feed.stops) == 1388
    assert len(feed.tables["stop_times"]) == 62_485
    assert len(feed.tables["frequencies"]) == 3226
    assert feed.tables["stop_times"]["arrival_s"].max() == 26 * 3600 + 31 * 60  # 26:31:00
    assert services_on(feed, dt.date(2022, 2, 22)) == {"1006H6_20220204_20220320_Ti"}
    assert services_on(feed, dt.date(2022, 2, 23)) == set()
    xmin, ymin, xmax, ymax = feed.stops.total_bounds  # inner Helsinki in EPSG:3067
    assert 375_000 < xmin < xmax < 395_000 and 6_670_000 < ymin < ymax < 6_685_000


def test_stop_times_with_unknown_stop_is_a_data_error(tmp_path: Path) -> None:
    tables = small_tables()
    tables["stop_times"].loc[0, "stop_id"] = "nowhere"
    feed = read_gtfs(write_feed(tmp_path / "feed", tables))
    with pytest.raises(DataError, match="'nowhere'"):
        Timetable.from_feed(feed, dt.date(2022, 2, 22), start_s=0, end_s=86_400)
