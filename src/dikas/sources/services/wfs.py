"""The ``wfs`` source kind: WFS 2.0 GetFeature, paged, filtered, checked and locked.

One part per year for a yearly ``type_name`` such as ``postialue:pno_tilasto_{year}``
(Statistics Finland's Paavo layers on geo.stat.fi), else one part. Per part:

1. ``GetCapabilities`` (once): the feature type names (and so the years on offer), the
   GeoJSON output format the server names (GeoServer ``application/json``, MapServer
   ``application/json; subtype=geojson``) unless the catalog gives ``output_format``.
2. ``RESULTTYPE=hits`` with the same filter: ``numberMatched``, for progress and to check
   completeness at the end.
3. ``GetFeature`` pages: ``TYPENAMES``, ``SRSNAME`` (``srs_name``, default the dataset's
   CRS), ``OUTPUTFORMAT``, a FES 2.0 ``FILTER`` built from ``filter: {property, values}``
   (``values: municipalities`` = the catalog's municipality codes; one value →
   ``PropertyIsEqualTo``, several → ``Or``), ``bbox: city`` (the catalog's EPSG:3067 bbox,
   as ``BBOX`` or, with a filter, inside it since WFS 2.0 forbids both), optional
   ``SORTBY`` (stable paging on GeoServer), and ``COUNT``/``STARTINDEX`` paging. The next
   start index is the number of features received so far, so a server cap smaller than
   ``COUNT`` (MapServer ``wfs_maxfeatures``, GeoServer "maximum features") is followed.
   Paging stops when all hits are in, or — when the server does not count — when a page
   is empty or shorter than the previous one.

Faults are one-line :class:`~dikas.errors.FetchError` naming the dataset and the URL: an
``ExceptionReport``, a body that is not GeoJSON, an empty page before all hits arrived, a
feature without a required property (the filter's and ``sort_by``'s) or geometry, a CRS
other than the requested ``srsName``, duplicate feature ids across pages, and a total that
does not add up to the hits. The part is written through :meth:`FetchContext.store`, so a
failed fetch leaves no file and the previous cached part and its lock entry untouched.
``--frozen`` uses only locked, intact cached parts and never touches the network.

References: OGC 09-025r2 (WFS 2.0: ``resultType``, ``count``, ``startIndex``,
``numberMatched``), OGC 09-026r2 (FES 2.0); Statistics Finland's
``https://geo.stat.fi/geoserver/postialue/wfs`` layers ``postialue:pno_tilasto_YYYY``
(properties ``postinumeroalue``, ``nimi``, ``namn``, ``kunta``, ``vuosi``, Paavo codes) as
queried by public clients (e.g. ``typeName=postialue:pno_tilasto_2024&outputFormat=
application/json``).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree
from xml.sax.saxutils import escape

from dikas.errors import ConfigError, FetchError, MissingDataError
from dikas.sources.acquire import FetchContext, Part
from dikas.sources.catalog import Dataset
from dikas.sources.services import features as gj

DEFAULT_PAGE_SIZE = 1000
MAX_PAGES = 100_000
"""A bound on the paging loop (a server that never stops is an error, not a hang)."""

_FES = "http://www.opengis.net/fes/2.0"
_GML = "http://www.opengis.net/gml/3.2"


@dataclass(frozen=True)
class Capabilities:
    """What a WFS 2.0 GetCapabilities says: feature type names and output formats."""

    type_names: tuple[str, ...]
    output_formats: tuple[str, ...] = ()
    count_default: int | None = None
    formats_by_type: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def parse_capabilities(body: bytes, *, dataset: str, url: str) -> Capabilities:
    """Feature type names, GetFeature output formats and CountDefault of a WFS 2.0 service."""
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError as exc:
        raise FetchError(f"GetCapabilities is not XML ({exc})", dataset=dataset, url=url) from exc
    if _local(root.tag) != "WFS_Capabilities":
        raise FetchError(
            f"GetCapabilities answered <{_local(root.tag)}>, not WFS_Capabilities",
            dataset=dataset,
            url=url,
        )
    names: list[str] = []
    by_type: dict[str, tuple[str, ...]] = {}
    for ftype in root.iter():
        if _local(ftype.tag) != "FeatureType":
            continue
        name = next((c.text.strip() for c in ftype if _local(c.tag) == "Name" and c.text), None)
        if name:
            names.append(name)
            by_type[name] = tuple(
                f.text.strip() for f in ftype.iter() if _local(f.tag) == "Format" and f.text
            )
    formats: list[str] = []
    count_default = None
    for element in root.iter():
        if _local(element.tag) == "Parameter" and element.get("name", "").lower() == "outputformat":
            formats += [
                v.text.strip() for v in element.iter() if _local(v.tag) == "Value" and v.text
            ]
        if _local(element.tag) == "Constraint" and element.get("name") == "CountDefault":
            value = next((v.text for v in element.iter() if _local(v.tag) == "DefaultValue"), None)
            if value and value.strip().isdigit():
                count_default = int(value)
    return Capabilities(tuple(names), tuple(dict.fromkeys(formats)), count_default, by_type)


def choose_output_format(caps: Capabilities, type_name: str) -> str:
    """The GeoJSON output format the server names (``application/json`` preferred)."""
    offered = list(caps.formats_by_type.get(type_name, ())) + list(caps.output_formats)
    if "application/json" in offered:
        return "application/json"
    for fmt in offered:
        if "json" in fmt.lower():
            return fmt
    return "application/json"


def year_pattern(template: str) -> re.Pattern[str]:
    """A regex matching ``template`` with ``{year}`` as a captured 4-digit year."""
    local = template.split(":", 1)[-1]
    return re.compile("^(?:[^:]+:)?" + re.escape(local).replace(r"\{year\}", r"(\d{4})") + "$")


def offered_years(caps: Capabilities, template: str) -> dict[int, str]:
    """Year → feature type name, for every name the server lists matching ``template``."""
    pattern = year_pattern(template)
    found: dict[int, str] = {}
    for name in caps.type_names:
        match = pattern.match(name)
        if match:
            found[int(match.group(1))] = name
    return dict(sorted(found.items()))


def resolve_type_name(caps: Capabilities, wanted: str) -> str | None:
    """The server's name for ``wanted`` (exact, or the same local name under a prefix)."""
    if wanted in caps.type_names:
        return wanted
    local = wanted.split(":", 1)[-1]
    return next((n for n in caps.type_names if n.split(":", 1)[-1] == local), None)


def fes_filter(
    property_name: str | None,
    values: Sequence[str],
    bbox: tuple[float, float, float, float] | None,
    bbox_epsg: int = 3067,
) -> str | None:
    """A FES 2.0 filter: ``property = v1 OR property = v2 …`` (and the bbox when given)."""
    clauses = []
    if property_name and values:
        equals = [
            f"<fes:PropertyIsEqualTo><fes:ValueReference>{escape(property_name)}"
            f"</fes:ValueReference><fes:Literal>{escape(str(v))}</fes:Literal>"
            "</fes:PropertyIsEqualTo>"
            for v in values
        ]
        clauses.append(equals[0] if len(equals) == 1 else f"<fes:Or>{''.join(equals)}</fes:Or>")
    if bbox is not None and clauses:
        clauses.append(
            f'<fes:BBOX><gml:Envelope srsName="urn:ogc:def:crs:EPSG::{bbox_epsg}">'
            f"<gml:lowerCorner>{bbox[0]:g} {bbox[1]:g}</gml:lowerCorner>"
            f"<gml:upperCorner>{bbox[2]:g} {bbox[3]:g}</gml:upperCorner>"
            "</gml:Envelope></fes:BBOX>"
        )
    if not clauses:
        return None
    body = clauses[0] if len(clauses) == 1 else f"<fes:And>{''.join(clauses)}</fes:And>"
    return f'<fes:Filter xmlns:fes="{_FES}" xmlns:gml="{_GML}">{body}</fes:Filter>'


@dataclass(frozen=True)
class Query:
    """The catalog's request for one dataset, resolved against the catalog and context."""

    srs_epsg: int
    srs_name: str
    filter_property: str | None
    filter_values: tuple[str, ...]
    bbox: tuple[float, float, float, float] | None
    page_size: int
    sort_by: str | None
    output_format: str | None

    def params(self) -> dict[str, object]:
        """Query parameters shared by the hits request and every page (bar TYPENAMES)."""
        params: dict[str, object] = {
            "SERVICE": "WFS",
            "VERSION": "2.0.0",
            "REQUEST": "GetFeature",
            "SRSNAME": self.srs_name,
        }
        xml = fes_filter(self.filter_property, self.filter_values, self.bbox)
        if xml:
            params["FILTER"] = xml
        elif self.bbox is not None:
            params["BBOX"] = ",".join(f"{v:g}" for v in self.bbox) + ",urn:ogc:def:crs:EPSG::3067"
        if self.sort_by:
            params["SORTBY"] = self.sort_by
        return params

    def required_properties(self) -> list[str]:
        return [p for p in (self.filter_property, (self.sort_by or "").split(" ")[0] or None) if p]


def resolve_query(dataset: Dataset, ctx: FetchContext) -> Query:
    """Turn the catalog's ``source:`` options into a :class:`Query` (ConfigError if bad)."""
    source = dataset.source
    where = f"dataset {dataset.name!r}"
    srs_name = str(source.option("srs_name") or dataset.crs)
    epsg = gj.epsg_code(srs_name)
    if epsg is None:
        raise ConfigError(f"{where}: srs_name {srs_name!r} is not an EPSG CRS")
    prop: str | None = None
    values: tuple[str, ...] = ()
    raw = source.option("filter")
    if raw is not None:
        if not isinstance(raw, Mapping) or "property" not in raw or "values" not in raw:
            raise ConfigError(
                f"{where}: source filter must be {{property: NAME, values: "
                "[...] or municipalities}}"
            )
        prop = str(raw["property"])
        if raw["values"] == "municipalities":
            values = ctx.catalog.municipality_codes
            if not values:
                raise ConfigError(
                    f"{where}: filter values 'municipalities' but the catalog "
                    "lists no municipalities"
                )
        elif isinstance(raw["values"], list | tuple) and raw["values"]:
            values = tuple(str(v) for v in raw["values"])
        else:
            raise ConfigError(f"{where}: filter values must be a list or 'municipalities'")
    bbox = None
    raw_bbox = source.option("bbox")
    if raw_bbox == "city":
        if ctx.catalog.bbox is None:
            raise ConfigError(f"{where}: bbox 'city' but the catalog has no city.bbox")
        bbox = ctx.catalog.bbox
    elif raw_bbox is not None:
        try:
            bbox = tuple(float(v) for v in raw_bbox)  # type: ignore[assignment]
        except (TypeError, ValueError):
            bbox = None
        if bbox is None or len(bbox) != 4:
            raise ConfigError(f"{where}: bbox must be 'city' or [minx, miny, maxx, maxy]")
    page_size = source.option("page_size", DEFAULT_PAGE_SIZE)
    if not isinstance(page_size, int) or page_size < 1:
        raise ConfigError(f"{where}: page_size must be a positive integer")
    version = str(source.option("version", "2.0.0"))
    if not version.startswith("2."):
        raise ConfigError(f"{where}: only WFS 2.0 is supported (version {version!r})")
    return Query(
        srs_epsg=epsg,
        srs_name=srs_name,
        filter_property=prop,
        filter_values=values,
        bbox=bbox,
        page_size=page_size,
        sort_by=source.option("sort_by"),
        output_format=source.option("output_format"),
    )


def _wanted_years(dataset: Dataset, ctx: FetchContext) -> tuple[int, ...] | None:
    if ctx.years:
        return tuple(ctx.years)
    listed = dataset.source.option("years") or dataset.years
    return tuple(int(y) for y in listed) if listed else None


def _frozen_parts(dataset: Dataset, ctx: FetchContext, yearly: bool) -> list[Part]:
    if not yearly:
        keys: list[int | None] = [None]
    else:
        wanted = _wanted_years(dataset, ctx)
        years = (
            list(wanted)
            if wanted
            else sorted(int(k) for k in ctx.lock.parts(dataset.name) if k.isdigit())
        )
        keys = list(years)
    parts = []
    for year in keys:
        part = ctx.cached(dataset, year)
        if part is None:
            what = f"year {year} of dataset" if year is not None else "dataset"
            raise MissingDataError(
                f"--frozen and no locked copy of {what} {dataset.name!r}; run dikas data fetch"
            )
        parts.append(part)
    if not parts:
        raise MissingDataError(
            f"--frozen and no locked copy of dataset {dataset.name!r}; run dikas data fetch"
        )
    return parts


def _hits(ctx: FetchContext, url: str, type_name: str, query: Query, dataset: str) -> int | None:
    params = {**query.params(), "TYPENAMES": type_name, "RESULTTYPE": "hits"}
    response = gj.get(ctx.client, url, params, dataset=dataset)
    try:
        root = ElementTree.fromstring(response.body)
    except ElementTree.ParseError as exc:
        raise FetchError("the hits answer is not XML", dataset=dataset, url=response.url) from exc
    value = root.get("numberMatched")
    if value is None or not value.strip().isdigit():
        return None  # "unknown": the server does not count
    return int(value)


@dataclass
class _Fetched:
    features: list[dict[str, Any]]
    pages: int
    hits: int | None
    output_format: str


def fetch_features(
    ctx: FetchContext,
    url: str,
    type_name: str,
    query: Query,
    *,
    dataset: str,
    output_format: str,
    label: str,
) -> _Fetched:
    """Every feature of one feature type, paged and checked (see the module doc)."""
    hits = _hits(ctx, url, type_name, query, dataset)
    base = {
        **query.params(),
        "TYPENAMES": type_name,
        "OUTPUTFORMAT": output_format,
        "COUNT": query.page_size,
    }
    features: list[dict[str, Any]] = []
    seen_ids: set[str] = set()
    previous: int | None = None
    pages = 0
    while True:
        if pages >= MAX_PAGES:
            raise FetchError(
                f"more than {MAX_PAGES} pages; the service does not stop paging",
                dataset=dataset,
                url=url,
            )
        start = len(features)
        response = gj.get(ctx.client, url, {**base, "STARTINDEX": start}, dataset=dataset)
        page = gj.json_page(response, dataset=dataset)
        pages += 1
        batch = page["features"]
        declared = (page.get("crs") or {}).get("properties", {}).get("name")
        gj.check_crs(
            batch, expected=query.srs_epsg, declared=declared, dataset=dataset, url=response.url
        )
        gj.check_properties(batch, query.required_properties(), dataset=dataset, url=response.url)
        matched = page.get("numberMatched")
        if hits is not None and isinstance(matched, int) and matched != hits:
            raise FetchError(
                f"numberMatched changed from {hits} to {matched} while paging "
                "(the data changed; fetch again)",
                dataset=dataset,
                url=response.url,
            )
        gj.add_page(
            features,
            page,
            seen_ids,
            dataset=dataset,
            url=response.url,
            repeated="paging (the server's order is not stable; set sort_by)",
        )
        if ctx.show_progress:
            total = f"/{hits}" if hits is not None else ""
            print(f"dikas: {label}: {len(features)}{total} features", file=sys.stderr)
        if not batch:
            if hits is not None and len(features) < hits:
                raise FetchError(
                    f"empty page at startIndex {start} with {len(features)} of "
                    f"{hits} features received",
                    dataset=dataset,
                    url=response.url,
                )
            break
        if hits is not None:
            if len(features) >= hits:
                break
        elif previous is not None and len(batch) < previous:
            break
        previous = len(batch)
    if hits is not None and len(features) != hits:
        raise FetchError(
            f"the pages add up to {len(features)} features but the service matched {hits}",
            dataset=dataset,
            url=url,
        )
    if not features:
        raise FetchError(
            f"no features in {type_name} for this request (check the filter)",
            dataset=dataset,
            url=url,
        )
    return _Fetched(features, pages, hits, output_format)


def fetch_wfs(dataset: Dataset, ctx: FetchContext) -> list[Part]:
    """The ``wfs`` source kind: one locked GeoJSON part per year (or one for the dataset)."""
    source = dataset.source
    template = str(source.option("type_name"))
    yearly = "{year}" in template
    if ctx.frozen:
        return _frozen_parts(dataset, ctx, yearly)
    query = resolve_query(dataset, ctx)
    url = ctx.base_url(dataset)
    caps_params = {"SERVICE": "WFS", "VERSION": "2.0.0", "REQUEST": "GetCapabilities"}
    caps_response = gj.get(ctx.client, url, caps_params, dataset=dataset.name)
    caps = parse_capabilities(caps_response.body, dataset=dataset.name, url=caps_response.url)
    if yearly:
        offered = offered_years(caps, template)
        wanted = _wanted_years(dataset, ctx) or tuple(offered)
        span = ", ".join(map(str, offered)) or "none"
        if not wanted:
            raise FetchError(
                f"the service lists no feature type matching {template!r}",
                dataset=dataset.name,
                url=caps_response.url,
            )
        missing = [y for y in wanted if y not in offered]
        if missing:
            raise FetchError(
                f"the service offers no year {missing[0]} of {template!r} (years offered: {span})",
                dataset=dataset.name,
                url=caps_response.url,
            )
        targets: list[tuple[int | None, str]] = [(y, offered[y]) for y in wanted]
    else:
        name = resolve_type_name(caps, template)
        if name is None:
            listed = ", ".join(caps.type_names[:6]) or "none"
            raise FetchError(
                f"the service has no feature type {template!r} (it lists {listed})",
                dataset=dataset.name,
                url=caps_response.url,
            )
        targets = [(None, name)]

    def fetch(year: int | None, type_name: str, label: str) -> Part:
        output_format = query.output_format or choose_output_format(caps, type_name)
        fetched = fetch_features(
            ctx,
            url,
            type_name,
            query,
            dataset=dataset.name,
            output_format=output_format,
            label=label,
        )
        request = {
            "service": "WFS",
            "version": "2.0.0",
            "typeNames": type_name,
            "srsName": query.srs_name,
            "outputFormat": output_format,
            "filter": fes_filter(query.filter_property, query.filter_values, query.bbox),
            "bbox": list(query.bbox) if query.bbox else None,
            "sortBy": query.sort_by,
            "pageSize": query.page_size,
            "pages": fetched.pages,
            "numberMatched": fetched.hits,
        }
        return ctx.store(
            dataset,
            year,
            suffix=".geojson",
            url=url,
            request=request,
            write=lambda path: gj.write_feature_collection(
                path, fetched.features, epsg=query.srs_epsg
            ),
            extra={"features": len(fetched.features)},
        )

    return gj.fetch_parts(ctx, dataset, targets, fetch)
