"""Access to services: street routing, travel-time matrices, measures and equity.

``network`` routes walk and bike trips on the twin's street network, ``matrix`` splits
matrices into origin chunks (optionally on Dask), ``measures`` turns travel times into
accessibility per origin, ``equity`` summarizes it by population group, and ``transit``
routes public transport.
"""

from dikas.accessibility.matrix import compute_matrix
from dikas.accessibility.network import Snapped, StreetNetwork

__all__ = ["Snapped", "StreetNetwork", "compute_matrix"]
