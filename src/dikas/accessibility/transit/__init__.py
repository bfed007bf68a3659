"""Public-transport accessibility: GTFS timetables, a range-RAPTOR router and matrices."""

from dikas.accessibility.transit.matrix import transit_travel_time_matrix
from dikas.accessibility.transit.timetable import Timetable
from dikas.accessibility.transit.walking import StraightLineWalk

__all__ = ["StraightLineWalk", "Timetable", "transit_travel_time_matrix"]
