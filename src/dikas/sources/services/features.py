"""What the WFS and OGC API – Features fetchers share: GeoJSON pages, CRS checks, writing.

A page is accepted only when it is a GeoJSON ``FeatureCollection`` whose features carry
the properties the catalog relies on and whose coordinates are in the CRS that was asked
for (the ``crs`` member, or ``Content-Crs`` header, must agree, and the coordinates must lie
in that CRS's area of use — a server that silently answers in another CRS is caught).
Pages are written as one GeoJSON file with a ``crs`` member, so readers know its CRS.
"""

from __future__ import annotations

import hashlib
import json
import re
import urllib.error
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

from dikas.errors import FetchError
from dikas.sources.http import HttpClient, Response, with_params

if TYPE_CHECKING:
    from dikas.sources.acquire import FetchContext, Part
    from dikas.sources.catalog import Dataset

_EPSG = re.compile(r"EPSG(?::|/0/|::|:\d*:)(\d+)$", re.IGNORECASE)


def epsg_code(name: str | None) -> int | None:
    """The EPSG code of ``EPSG:3067``, ``urn:ogc:def:crs:EPSG::3067``, an OGC URI, or CRS84."""
    if not name:
        return None
    text = str(name).strip().strip("<>")
    if text.upper().endswith("CRS84"):
        return 4326
    match = _EPSG.search(text)
    return int(match.group(1)) if match else None


def crs_uri(epsg: int) -> str:
    """The OGC http URI of an EPSG CRS (what OGC API ``crs``/``bbox-crs`` take)."""
    return f"http://www.opengis.net/def/crs/EPSG/0/{epsg}"


@cache
def _area_bounds(epsg: int) -> tuple[float, float, float, float] | None:
    """The CRS's area of use in its own coordinates (x/y as GeoJSON writes them)."""
    from pyproj import CRS, Transformer

    try:
        crs = CRS.from_epsg(epsg)
    except Exception:  # pyproj raises its own CRSError for unknown codes
        return None
    area = crs.area_of_use
    if area is None:
        return None
    if crs.is_geographic:
        return (area.west, area.south, area.east, area.north)
    transformer = Transformer.from_crs(4326, crs, always_xy=True)
    return transformer.transform_bounds(area.west, area.south, area.east, area.north)


def _coordinates(geometry: Mapping[str, Any] | None) -> Iterable[Sequence[float]]:
    if not geometry:
        return
    if geometry.get("type") == "GeometryCollection":
        for part in geometry.get("geometries") or ():
            yield from _coordinates(part)
        return
    stack = [geometry.get("coordinates")]
    while stack:
        item = stack.pop()
        if isinstance(item, list | tuple) and item and isinstance(item[0], int | float):
            yield item
        elif isinstance(item, list | tuple):
            stack.extend(item)


def page_bounds(features: Sequence[Mapping[str, Any]]) -> tuple[float, float, float, float] | None:
    """The x/y bounds of every coordinate of ``features`` (``None`` when there are none)."""
    xs: list[float] = []
    ys: list[float] = []
    for feature in features:
        for point in _coordinates(feature.get("geometry")):
            xs.append(float(point[0]))
            ys.append(float(point[1]))
    if not xs:
        return None
    return (min(xs), min(ys), max(xs), max(ys))


def check_crs(
    features: Sequence[Mapping[str, Any]],
    *,
    expected: int,
    declared: str | None,
    dataset: str,
    url: str,
) -> None:
    """Raise unless the page is in EPSG ``expected`` (declared CRS and coordinates agree)."""
    stated = epsg_code(declared) if declared else None
    if declared and stated is not None and stated != expected:
        raise FetchError(
            f"the answer is in EPSG:{stated}, not the requested EPSG:{expected} "
            "(the service changed the CRS)",
            dataset=dataset,
            url=url,
        )
    bounds = page_bounds(features)
    area = _area_bounds(expected)
    if bounds is None or area is None:
        return
    minx, miny, maxx, maxy = area
    margin_x, margin_y = 0.5 * (maxx - minx), 0.5 * (maxy - miny)
    if (
        bounds[0] < minx - margin_x
        or bounds[2] > maxx + margin_x
        or bounds[1] < miny - margin_y
        or bounds[3] > maxy + margin_y
    ):
        raise FetchError(
            f"coordinates ({bounds[0]:.6g}, {bounds[1]:.6g}) are not in the "
            f"requested EPSG:{expected} (the service changed the CRS)",
            dataset=dataset,
            url=url,
        )


def exception_text(body: bytes) -> str | None:
    """The message of an OWS ``ExceptionReport`` (or an OGC API JSON error), else ``None``."""
    head = body.lstrip()[:4096]
    if head.startswith(b"<"):
        try:
            root = ElementTree.fromstring(body)
        except ElementTree.ParseError:
            return None
        if not root.tag.endswith(("ExceptionReport", "ServiceExceptionReport")):
            return None
        texts = [
            " ".join((e.text or "").split())
            for e in root.iter()
            if e.tag.endswith(("ExceptionText", "ServiceException"))
        ]
        codes = [
            e.get("exceptionCode") or e.get("code")
            for e in root.iter()
            if e.tag.endswith(("Exception", "ServiceException"))
        ]
        code = next((c for c in codes if c), None)
        text = "; ".join(t for t in texts if t) or "no text"
        return f"{code}: {text}" if code else text
    if head.startswith(b"{") and len(body) < 65536 and b"FeatureCollection" not in head:
        try:
            data = json.loads(body)
        except ValueError:
            return None
        if isinstance(data, dict) and "code" in data and "type" not in data:
            return f"{data.get('code')}: {data.get('description', '')}".strip()
    return None


def get(
    client: HttpClient,
    url: str,
    params: Mapping[str, object] | None,
    *,
    dataset: str,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """``client.get`` whose errors quote the service's exception text when it sent one."""
    try:
        response = client.get(url, params, dataset=dataset, headers=headers)
    except FetchError as exc:
        cause = exc.__cause__
        if isinstance(cause, urllib.error.HTTPError):
            try:
                text = exception_text(cause.read())
            except (OSError, ValueError):
                text = None
            if text:
                raise FetchError(
                    f"HTTP {cause.code}, service exception {text}",
                    dataset=dataset,
                    url=with_params(url, params),
                ) from exc
        raise
    text = exception_text(response.body)
    if text:
        raise FetchError(f"service exception {text}", dataset=dataset, url=response.url)
    return response


def json_page(response: Response, *, dataset: str) -> dict[str, Any]:
    """The response as a GeoJSON FeatureCollection, or a one-line :class:`FetchError`."""
    try:
        data = json.loads(response.body)
    except ValueError:
        kind = response.headers.get("content-type", "no content type")
        start = response.body[:40].decode("utf-8", "replace").split("\n")[0]
        raise FetchError(
            f"the answer is not GeoJSON ({kind}, starts {start!r})",
            dataset=dataset,
            url=response.url,
        ) from None
    if (
        not isinstance(data, dict)
        or data.get("type") != "FeatureCollection"
        or not isinstance(data.get("features"), list)
    ):
        raise FetchError(
            "the answer is JSON but not a GeoJSON FeatureCollection",
            dataset=dataset,
            url=response.url,
        )
    return data


def feature_key(feature: Mapping[str, Any]) -> str:
    """A feature's identity while paging: its ``id``, else a digest of its content."""
    fid = feature.get("id")
    if fid is not None:
        return f"id:{fid}"
    content = json.dumps([feature.get("properties"), feature.get("geometry")], sort_keys=True)
    return hashlib.sha1(content.encode("utf-8"), usedforsecurity=False).hexdigest()


def add_page(
    features: list[dict[str, Any]],
    page: Mapping[str, Any],
    seen: set[str],
    *,
    dataset: str,
    url: str,
    repeated: str,
) -> None:
    """Append a page's features after checking them against the page and earlier pages.

    ``numberReturned`` must equal the features sent, and no feature may come twice
    (``repeated`` says why that would happen with this protocol).
    """
    batch = page["features"]
    returned = page.get("numberReturned")
    if isinstance(returned, int) and returned != len(batch):
        raise FetchError(
            f"numberReturned {returned} but {len(batch)} features in the page",
            dataset=dataset,
            url=url,
        )
    for feature in batch:
        key = feature_key(feature)
        if key in seen:
            raise FetchError(
                f"feature {feature.get('id') or key[:12]!r} came twice while {repeated}",
                dataset=dataset,
                url=url,
            )
        seen.add(key)
    features.extend(batch)


def fetch_parts(
    ctx: FetchContext,
    dataset: Dataset,
    targets: Sequence[tuple[int | None, str]],
    fetch: Callable[[int | None, str, str], Part],
) -> list[Part]:
    """One part per ``(year, layer name)``: the locked cached copy unless ``--refresh``,
    else ``fetch(year, name, progress label)``."""
    parts = []
    for year, name in targets:
        cached = None if ctx.refresh else ctx.cached(dataset, year)
        if cached is None:
            label = dataset.name + (f" {year}" if year is not None else "")
            cached = fetch(year, name, label)
        parts.append(cached)
    return parts


def check_properties(
    features: Sequence[Mapping[str, Any]], required: Sequence[str], *, dataset: str, url: str
) -> None:
    """Raise when a feature lacks its geometry or one of the ``required`` properties."""
    for feature in features:
        props = feature.get("properties") or {}
        missing = [p for p in required if p not in props]
        if missing:
            raise FetchError(
                f"a feature lacks the required property {missing[0]!r} "
                f"(has {', '.join(sorted(props)[:8]) or 'none'})",
                dataset=dataset,
                url=url,
            )
        if not feature.get("geometry"):
            raise FetchError("a feature has no geometry", dataset=dataset, url=url)


def write_feature_collection(
    path: Path, features: Sequence[Mapping[str, Any]], *, epsg: int
) -> None:
    """Write ``features`` as one GeoJSON file whose ``crs`` member names EPSG ``epsg``.

    EPSG:4326 is written as CRS84 (lon/lat), the axis order GeoJSON pages carry.
    """
    name = "urn:ogc:def:crs:OGC:1.3:CRS84" if epsg == 4326 else f"urn:ogc:def:crs:EPSG::{epsg}"
    body = {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": name}},
        "features": [
            {
                "type": "Feature",
                "id": f.get("id"),
                "properties": f.get("properties") or {},
                "geometry": f.get("geometry"),
            }
            for f in features
        ],
    }
    with open(path, "w", encoding="utf-8") as out:
        json.dump(body, out, ensure_ascii=False)
