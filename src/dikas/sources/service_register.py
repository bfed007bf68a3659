"""A city's service register (schools, daycare, health stations...) as the ``services`` layer.

Reader of the units of the Service Map API v2 (``/servicemap/v2/unit/``, as cached by the
``rest`` source kind: ``{"count": N, "results": [unit, ...]}``) and of the older TPR
``palvelukarttaws/rest/v4/unit/`` list. A Service Map unit carries ``id``, ``name``
(``{fi, sv, en}``), ``location`` (GeoJSON Point, lon/lat), ``municipality`` (an id such as a
lower-case municipality name), ``service_nodes`` (ids in the service tree, or objects with an
``id`` when the request ``include``\\ s them), ``street_address`` (``{fi, sv, en}``),
``address_zip`` and ``www``; a TPR unit flat fields ``name_fi``, ``latitude``,
``longitude``, ``ontologytree_ids``, ``street_address_fi``, ``address_city_fi``... The
service-tree ids of both are the same ontology tree.

Which service-node ids make a DikaS service type is city data: the catalog declares it
(``source: service_types: {school: [1097, ...], ...}``); :func:`service_node_types` checks it.
A unit's nodes are often below the listed ones (the API's ``service_node=`` filter includes
descendants): with the service tree (:func:`read_service_tree`, the API's
``/servicemap/v2/service_node/`` with ``id``, ``parent`` and ``children``) each node counts as
its nearest listed ancestor. A unit gets the first type, in the mapping's order, that one of
its nodes maps to; units of no listed node are left out (counted in ``attrs["unmatched"]``),
as are units without a usable location (``attrs["dropped"]``).

:func:`merge_services` combines the register with OpenStreetMap services: the register
where the municipality keeps one, OSM elsewhere and for the types the register does not
cover; every row keeps its ``source``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely

from dikas.errors import ConfigError, DataError, ParameterError
from dikas.sources.service_types import load_service_mapping

TARGET_CRS = "EPSG:3067"
REGISTER_COLUMNS = (
    "service_id",
    "service_type",
    "name",
    "capacity",
    "source",
    "register_id",
    "name_fi",
    "name_sv",
    "name_en",
    "municipality",
    "address",
    "postal_code",
    "www",
    "service_nodes",
)
_LANGUAGES = ("fi", "sv", "en")


def service_node_types(raw: object, *, dataset: str | None = None) -> dict[int, str]:
    """Validate a catalog's ``service_types`` mapping; service-node id → DikaS service type.

    ``raw`` maps each service type (one of the packaged ``service_types.yaml`` types) to a
    list of service-node ids. The mapping's order is the priority: a node listed under two
    types belongs to the first.

    Raises
    ------
    ConfigError
        Not a mapping of lists of whole numbers, an unknown service type, or empty.
    """
    where = f"dataset {dataset!r}: " if dataset else ""
    if not isinstance(raw, Mapping) or not raw:
        raise ConfigError(
            f"{where}source service_types must map service types to lists of service-node ids"
        )
    known = {service_type for service_type, _ in load_service_mapping().types}
    result: dict[int, str] = {}
    for service_type, ids in raw.items():
        if service_type not in known:
            raise ConfigError(
                f"{where}unknown service type {service_type!r} in service_types; "
                f"known: {', '.join(sorted(known))}"
            )
        if (
            not isinstance(ids, list)
            or not ids
            or not all(isinstance(i, int) and not isinstance(i, bool) for i in ids)
        ):
            raise ConfigError(
                f"{where}service_types {service_type!r} must be a list of "
                "service-node ids (whole numbers)"
            )
        for node in ids:
            result.setdefault(node, str(service_type))
    return result


def read_service_tree(path: str | Path, *, dataset: str | None = None) -> dict[int, int | None]:
    """The service tree of a register: node id → parent id (``None`` for a root).

    ``path`` holds the API's service nodes (``{"results": [...]}`` as cached by ``fetch_rest``,
    or a JSON list); each has an ``id`` and a ``parent`` (or ``parent_id``), and may list its
    ``children``, which count as well.

    Raises
    ------
    DataError
        The file is missing, not JSON, a node has no whole-number ``id``, or the parent links
        form a cycle.
    """
    path = Path(path)
    parents: dict[int, int | None] = {}
    for position, node in enumerate(_units(path, dataset)):
        ident = _whole(node.get("id")) if isinstance(node, Mapping) else None
        if ident is None:
            raise DataError(
                f"service node {position} has no whole-number 'id'", dataset=dataset, path=path
            )
        parent = _whole(node.get("parent", node.get("parent_id")))
        parents[ident] = parent if parent is not None else parents.get(ident)
        for child in node.get("children") or []:
            child_id = _whole(child.get("id") if isinstance(child, Mapping) else child)
            if child_id is not None and parents.get(child_id) is None:
                parents[child_id] = ident
    for start in parents:
        seen = {start}
        node = parents[start]
        while node is not None:
            if node in seen:
                raise DataError(
                    f"the service tree has a cycle through node {node}", dataset=dataset, path=path
                )
            seen.add(node)
            node = parents.get(node)
    return parents


def read_service_register(
    path: str | Path,
    *,
    service_types: Mapping[str, Sequence[int]],
    tree: Mapping[int, int | None] | None = None,
    crs: str = "EPSG:4326",
    dataset: str | None = None,
) -> gpd.GeoDataFrame:
    """Read a service register's units as rows of the ``services`` layer.

    Parameters
    ----------
    path
        The cached JSON: ``{"results": [unit, ...]}`` (Service Map API v2 pages as
        :func:`~dikas.sources.services.rest.fetch_rest` stores them) or a JSON list of
        units (the TPR v4 ``unit`` endpoint).
    service_types
        Service type → service-node ids, as declared in the catalog.
    tree
        Node → parent (:func:`read_service_tree`): a node maps to its nearest listed
        ancestor. Without it only the listed nodes themselves count.
    crs
        CRS of the unit coordinates (the API gives lon/lat unless asked ``srid=``).
    dataset
        Catalog name, for error messages.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per unit of a mapped type: ``service_id`` (``register:<id>``),
        ``service_type``, ``name`` (Finnish, else Swedish, else English), ``capacity`` (NA:
        the register publishes none), ``source`` (``"register"``), ``register_id``,
        ``name_fi``/``name_sv``/``name_en``, ``municipality``, ``address``, ``postal_code``,
        ``www``, ``service_nodes`` (JSON list) and a Point in EPSG:3067. ``attrs``:
        ``dropped`` (units without a location), ``unmatched`` (units of no mapped node).

    Raises
    ------
    DataError
        The file is missing, not JSON, or not a list of units.
    ConfigError
        ``service_types`` is invalid.
    """
    path = Path(path)
    nodes_to_type = service_node_types(service_types, dataset=dataset)
    priority = {
        service_type: rank
        for rank, service_type in enumerate(dict.fromkeys(nodes_to_type.values()))
    }
    units = _units(path, dataset)
    rows: list[dict[str, object]] = []
    points: list[shapely.Point] = []
    dropped = unmatched = 0
    for position, unit in enumerate(units):
        if not isinstance(unit, Mapping):
            raise DataError(f"item {position} is not a unit object", dataset=dataset, path=path)
        unit_nodes = _nodes(unit)
        types = {t for t in (_mapped(n, nodes_to_type, tree) for n in unit_nodes) if t}
        if not types:
            unmatched += 1
            continue
        point = _point(unit, degrees=crs == "EPSG:4326")
        if point is None:
            dropped += 1
            continue
        names = _texts(unit, "name")
        name = next((names[lang] for lang in _LANGUAGES if names.get(lang)), None)
        register_id = unit.get("id")
        if register_id is None:
            raise DataError(f"unit {position} has no 'id'", dataset=dataset, path=path)
        rows.append(
            {
                "service_id": f"register:{register_id}",
                "service_type": min(types, key=priority.__getitem__),
                "name": name,
                "capacity": pd.NA,
                "source": "register",
                "register_id": str(register_id),
                "name_fi": names.get("fi"),
                "name_sv": names.get("sv"),
                "name_en": names.get("en"),
                "municipality": _municipality(unit),
                "address": _texts(unit, "street_address").get("fi"),
                "postal_code": _text(unit.get("address_zip")),
                "www": next(iter(v for v in _texts(unit, "www").values() if v), None),
                "service_nodes": json.dumps(sorted(unit_nodes)),
            }
        )
        points.append(point)
    frame = gpd.GeoDataFrame(
        pd.DataFrame(rows, columns=list(REGISTER_COLUMNS)),
        geometry=gpd.GeoSeries(points, crs=crs).values,
        crs=crs,
    ).to_crs(TARGET_CRS)
    frame = frame.astype(
        {
            "service_id": "string",
            "service_type": "string",
            "name": "string",
            "capacity": "Int64",
            "source": "string",
            "register_id": "string",
            "name_fi": "string",
            "name_sv": "string",
            "name_en": "string",
            "municipality": "string",
            "address": "string",
            "postal_code": "string",
            "www": "string",
            "service_nodes": "string",
        }
    )
    if frame["service_id"].duplicated().any():
        duplicate = frame.loc[frame["service_id"].duplicated(), "register_id"].iloc[0]
        raise DataError(f"unit id {duplicate!r} occurs twice", dataset=dataset, path=path)
    frame.attrs.update(dropped=dropped, unmatched=unmatched)
    return frame


def merge_services(
    register: gpd.GeoDataFrame,
    osm: gpd.GeoDataFrame,
    *,
    register_municipalities: Iterable[str],
    municipality_areas: gpd.GeoDataFrame | None = None,
    register_types: Iterable[str] | None = None,
) -> gpd.GeoDataFrame:
    """The ``services`` layer from a register and OpenStreetMap, each where it is better.

    A municipality that keeps a register gets its register units of the register's types;
    OSM services are kept everywhere else: in other municipalities, outside every
    municipality, and for the types the register does not cover (parks, groceries...).
    Register units of municipalities not in ``register_municipalities`` are left out (the
    register does not vouch for them). Municipalities compare as text, case-insensitively.

    Parameters
    ----------
    register
        :func:`read_service_register` rows (with ``municipality``).
    osm
        :func:`~dikas.sources.osm_features.read_osm_services` rows; their municipality comes
        from a ``municipality`` column or, when there is none, from ``municipality_areas``.
    register_municipalities
        The municipalities (as the register names them) whose register is used.
    municipality_areas
        Polygons with a ``municipality`` column (same naming) in the services' CRS, to place
        OSM services that have no ``municipality``.
    register_types
        The service types the register covers; by default the types of ``register`` rows.

    Returns
    -------
    geopandas.GeoDataFrame
        Register rows, then OSM rows, with the columns of both (absent ones NA), the
        ``source`` of each row, and ``municipality``.

    Raises
    ------
    ParameterError
        OSM rows have no ``municipality`` and no ``municipality_areas`` is given, or the
        frames' CRSs differ.
    """
    covered = {str(m).lower() for m in register_municipalities}
    types = (
        set(register["service_type"].dropna()) if register_types is None else set(register_types)
    )
    if register.crs is not None and osm.crs is not None and register.crs != osm.crs:
        raise ParameterError(
            f"register and OSM services are in different CRSs "
            f"({register.crs.to_string()} and {osm.crs.to_string()})"
        )
    osm = osm.copy()
    if "municipality" not in osm.columns:
        if municipality_areas is None:
            raise ParameterError("OSM services have no 'municipality': give municipality_areas")
        osm["municipality"] = _municipality_of(osm, municipality_areas)
    register_kept = register[
        register["municipality"].str.lower().isin(covered).fillna(False).astype(bool)
    ]
    replaced = osm["municipality"].str.lower().isin(covered).fillna(False).astype(bool) & osm[
        "service_type"
    ].isin(types).astype(bool)
    merged = pd.concat([register_kept, osm[~replaced.to_numpy()]], ignore_index=True)
    result = gpd.GeoDataFrame(merged, geometry="geometry", crs=register.crs or osm.crs)
    result.attrs.update(
        register=len(register_kept), osm=int((~replaced).sum()), osm_replaced=int(replaced.sum())
    )
    return result


def _municipality_of(points: gpd.GeoDataFrame, areas: gpd.GeoDataFrame) -> pd.Series:
    """The ``municipality`` of the area each point lies in (NA outside every area)."""
    if "municipality" not in areas.columns:
        raise ParameterError("municipality_areas needs a 'municipality' column")
    if areas.crs is not None and points.crs is not None and areas.crs != points.crs:
        areas = areas.to_crs(points.crs)
    joined = gpd.sjoin(
        points[["geometry"]],
        areas[["municipality", "geometry"]],
        how="left",
        predicate="intersects",
    )
    first = joined[~joined.index.duplicated(keep="first")]
    return first["municipality"].reindex(points.index).astype("string")


def _units(path: Path, dataset: str | None) -> list[Any]:
    if not path.is_file():
        raise DataError("service register file does not exist", dataset=dataset, path=path)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise DataError(
            f"not JSON ({error.__class__.__name__})", dataset=dataset, path=path
        ) from None
    if isinstance(document, list):
        return document
    if isinstance(document, Mapping) and isinstance(document.get("results"), list):
        return document["results"]
    raise DataError("expected a 'results' list of units or a JSON list", dataset=dataset, path=path)


def _nodes(unit: Mapping[str, Any]) -> set[int]:
    """The unit's service-tree ids (Service Map ``service_nodes``, TPR ``ontologytree_ids``)."""
    raw = unit.get("service_nodes", unit.get("ontologytree_ids")) or []
    if not isinstance(raw, list):
        raw = [raw]
    nodes = set()
    for item in raw:
        value = item.get("id") if isinstance(item, Mapping) else item
        if value is None:
            continue
        try:
            nodes.add(int(value))
        except (TypeError, ValueError):
            continue
    return nodes


def _mapped(
    node: int, nodes_to_type: Mapping[int, str], tree: Mapping[int, int | None] | None
) -> str | None:
    """The type of ``node`` or of its nearest listed ancestor (at most ``len(tree)`` steps)."""
    steps = len(tree) if tree else 0
    current: int | None = node
    while current is not None:
        if current in nodes_to_type:
            return nodes_to_type[current]
        if not tree or steps == 0:
            return None
        current = tree.get(current)
        steps -= 1
    return None


def _whole(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None
    return number if str(number) == str(value).strip() else None


def _point(unit: Mapping[str, Any], *, degrees: bool = True) -> shapely.Point | None:
    location = unit.get("location")
    if isinstance(location, Mapping):
        coordinates = location.get("coordinates")
        lon, lat = (
            coordinates[:2]
            if isinstance(coordinates, list) and len(coordinates) >= 2
            else (None, None)
        )
    else:
        lon, lat = unit.get("longitude"), unit.get("latitude")
    try:
        lon, lat = float(lon), float(lat)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if not (math.isfinite(lon) and math.isfinite(lat)):
        return None
    if degrees and not (-180 <= lon <= 180 and -90 <= lat <= 90):
        return None
    return shapely.Point(lon, lat)


def _texts(unit: Mapping[str, Any], key: str) -> dict[str, str]:
    """A translated field: Service Map ``{fi, sv, en}`` or TPR ``key_fi``... (or one text)."""
    value = unit.get(key)
    if isinstance(value, Mapping):
        found = {lang: _text(value.get(lang)) for lang in _LANGUAGES}
    elif isinstance(value, str):
        found = {"fi": _text(value)}
    else:
        found = {lang: _text(unit.get(f"{key}_{lang}")) for lang in _LANGUAGES}
    return {lang: text for lang, text in found.items() if text}


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _municipality(unit: Mapping[str, Any]) -> str | None:
    value = unit.get("municipality")
    if isinstance(value, Mapping):
        value = value.get("id")
    if value is None:
        value = unit.get("address_city_fi")
    text = _text(value)
    return text.lower() if text else None
