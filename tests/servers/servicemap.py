"""A loopback Service Map API v2 ``unit`` endpoint, for the service-register tests.

It answers like the City of Helsinki's Service Map backend (smbackend, Django REST
framework ``PageNumberPagination`` with ``page_size_query_param = "page_size"`` and
``max_page_size = 1000``): ``GET /servicemap/v2/unit/?page=N&page_size=M`` gives
``{"count", "next", "previous", "results"}`` with absolute ``next``/``previous`` URLs, an
invalid page gives 404 ``{"detail": "Invalid page."}``, and ``service_node=`` /
``municipality=`` (comma-separated) filter the units.

``GET /servicemap/v2/service_node/`` serves the service tree the same way (``id``,
``parent``, ``children``, ``name``).

The units are DERIVED TEST DATA, not register data: :func:`units_from_osm` re-expresses the
real OpenStreetMap services of a staged PBF (read with ``read_osm_services``) as Service Map
units — their OSM names, points and address tags, and the first service-node id that
:data:`SERVICE_TYPES` lists for their DikaS type; the municipality comes from the caller.
With ``child_nodes=True`` every second unit carries instead a synthetic child of that node
(id + :data:`CHILD_OFFSET`), as real units carry nodes below the listed ones; the tree
(:func:`service_tree`) has the listed nodes as roots and one such child each.

Fault switches (``server.fault``) make page 2 misbehave: ``not_json``, ``no_results``,
``repeat_page`` (page 1's items again), ``loop`` (its ``next`` is itself), ``count_mismatch``
(``count`` one too high on every page), ``http_500``, ``http_404``, ``foreign_next`` (a
``next`` link to another host).
"""

from __future__ import annotations

import json
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

PATH = "/servicemap/v2/unit/"
NODE_PATH = "/servicemap/v2/service_node/"
CHILD_OFFSET = 100_000
MAX_PAGE_SIZE = 1000
DEFAULT_PAGE_SIZE = 20

SERVICE_TYPES: dict[str, list[int]] = {
    # Service Map service-tree node ids, as used by public code reading api.hel.fi/servicemap/v2:
    # alltheplaces/alltheplaces locations/spiders/government/helsinki_servicemap_fi.py
    # (SERVICE_NODES, "IDs as of Oct 2026") and City-of-Helsinki/smbackend settings LEVELS
    # (991 health stations, 1097 basic education, 2125 pre-school education, 869 municipal
    # day care).
    "swimming_hall": [693],  # Uimahalli
    "school": [1097, 1257],  # Perusopetus, Lukiokoulutus
    "daycare": [868, 869, 871, 2125],  # Lasten päivähoito, kunnallinen päivähoito, ...
    "health_station": [991],  # Terveysasemat
    "hospital": [1009, 1010, 1012],  # Sairaalat, yliopistolliset, kaupunginsairaalat
    "library": [324, 345],  # Kirjastot
    "pharmacy": [990],  # Apteekki
    "sports_centre": [614],  # Liikuntahallit
    "playground": [68, 499],  # Leikkipuistot
    "elderly_service": [825, 826, 823, 2376],  # Iäkkäiden palveluasuminen, laitos, keskus...
}
FAULTS = (
    "not_json",
    "no_results",
    "repeat_page",
    "loop",
    "count_mismatch",
    "http_500",
    "http_404",
    "foreign_next",
)


def units_from_osm(
    path: Path,
    *,
    municipality: Callable[[float, float], str],
    service_types: dict[str, list[int]] | None = None,
    child_nodes: bool = False,
) -> list[dict[str, Any]]:
    """Service Map units re-expressed from the OSM services of ``path`` (derived test data)."""
    from dikas.sources.osm_features import read_osm_services

    types = SERVICE_TYPES if service_types is None else service_types
    services = read_osm_services(path)
    services = services[services["service_type"].isin(list(types))]
    services = services.sort_values("service_id").reset_index(drop=True)
    points = services.geometry.to_crs("EPSG:4326")
    units = []
    for position, row in services.iterrows():
        tags = json.loads(row["tags"])
        lon, lat = round(points.iloc[position].x, 7), round(points.iloc[position].y, 7)
        street = " ".join(filter(None, (tags.get("addr:street"), tags.get("addr:housenumber"))))
        unit: dict[str, Any] = {
            "id": 1000 + position,
            "name": {
                lang: tags[key]
                for lang, key in (("fi", "name"), ("sv", "name:sv"), ("en", "name:en"))
                if tags.get(key)
            },
            "location": {"type": "Point", "coordinates": [lon, lat]},
            "municipality": municipality(lon, lat),
            "service_nodes": [
                types[row["service_type"]][0]
                + (CHILD_OFFSET if child_nodes and position % 2 else 0)
            ],
            "services": [],
            "street_address": {"fi": street} if street else None,
            "address_zip": tags.get("addr:postcode"),
            "www": {"fi": tags["website"]} if tags.get("website") else None,
        }
        units.append(unit)
    return units


def service_tree(service_types: dict[str, list[int]] | None = None) -> list[dict[str, Any]]:
    """Service nodes: each listed node a root with one synthetic child (derived test data)."""
    types = SERVICE_TYPES if service_types is None else service_types
    nodes = []
    for service_type, ids in types.items():
        for ident in ids:
            nodes.append(
                {
                    "id": ident,
                    "parent": None,
                    "children": [ident + CHILD_OFFSET],
                    "name": {"fi": service_type},
                    "level": 0,
                }
            )
            nodes.append(
                {
                    "id": ident + CHILD_OFFSET,
                    "parent": ident,
                    "children": [],
                    "name": {"fi": f"{service_type} (child)"},
                    "level": 1,
                }
            )
    return nodes


class ServiceMapServer(ThreadingHTTPServer):
    """The loopback server: ``units`` to serve, ``fault`` to inject, ``requests`` seen."""

    daemon_threads = True

    def __init__(
        self, units: list[dict[str, Any]], nodes: list[dict[str, Any]] | None = None
    ) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.units = units
        self.nodes = service_tree() if nodes is None else nodes
        self.fault: str | None = None
        self.requests: list[str] = []

    @property
    def url(self) -> str:
        """The unit endpoint's URL."""
        host, port = self.server_address[:2]
        return f"http://{host}:{port}{PATH}"

    @property
    def node_url(self) -> str:
        """The service-node endpoint's URL."""
        host, port = self.server_address[:2]
        return f"http://{host}:{port}{NODE_PATH}"


class _Handler(BaseHTTPRequestHandler):
    server: ServiceMapServer

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        self.server.requests.append(self.path)
        parts = urllib.parse.urlsplit(self.path)
        if parts.path not in (PATH, NODE_PATH):
            return self._json(404, {"detail": "Not found."})
        query = dict(urllib.parse.parse_qsl(parts.query))
        try:
            page = int(query.get("page", "1"))
            size = min(int(query.get("page_size", DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE)
        except ValueError:
            return self._json(404, {"detail": "Invalid page."})
        units = self.server.units if parts.path == PATH else self.server.nodes
        if query.get("service_node"):
            wanted = {int(v) for v in query["service_node"].split(",")}
            units = [u for u in units if wanted & set(u["service_nodes"])]
        if query.get("municipality"):
            places = set(query["municipality"].split(","))
            units = [u for u in units if u["municipality"] in places]
        pages = max(1, -(-len(units) // size))
        if page < 1 or page > pages or size < 1:
            return self._json(404, {"detail": "Invalid page."})
        fault = self.server.fault if page == 2 else None
        if fault == "http_500":
            return self._json(500, {"detail": "Server error."})
        if fault == "http_404":
            return self._json(404, {"detail": "Invalid page."})
        if fault == "not_json":
            return self._send(200, b"<html><body>Service unavailable</body></html>", "text/html")
        results = units[(page - 1) * size : page * size]
        if fault == "repeat_page":
            results = units[:size]
        body = {
            "count": len(units) + (self.server.fault == "count_mismatch"),
            "next": self._page_url(parts.path, query, page + 1) if page < pages else None,
            "previous": self._page_url(parts.path, query, page - 1) if page > 1 else None,
            "results": results,
        }
        if fault == "loop":
            body["next"] = self._page_url(parts.path, query, page)
        if fault == "foreign_next" and body["next"]:
            body["next"] = body["next"].replace("127.0.0.1", "example.invalid")
        if fault == "no_results":
            del body["results"]
        self._json(200, body)

    def _page_url(self, path: str, query: dict[str, str], page: int) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}{path}?" + urllib.parse.urlencode({**query, "page": page})

    def _json(self, status: int, body: object) -> None:
        self._send(status, json.dumps(body, ensure_ascii=False).encode("utf-8"), "application/json")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def running(
    units: list[dict[str, Any]], nodes: list[dict[str, Any]] | None = None
) -> Iterator[ServiceMapServer]:
    """A started :class:`ServiceMapServer`, shut down on exit."""
    server = ServiceMapServer(units, nodes)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
