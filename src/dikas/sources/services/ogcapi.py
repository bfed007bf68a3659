"""The ``ogcapi`` source kind: OGC API – Features items, following ``next`` links.

``GET {url}/collections/{collection}/items?f=json&limit=N`` (plus ``bbox``, ``crs`` and the
catalog's extra ``params``), then every ``rel=next`` link until there is none. A yearly
``collection`` such as ``pno_tilasto_{year}`` gets its years from ``{url}/collections``.

* ``bbox: city`` is sent in CRS84 (lon/lat), the only bbox CRS that OGC API – Features
  Part 1 (Core) requires; the catalog's EPSG:3067 box is transformed (and so slightly
  enlarged). Servers without Part 2 reject ``bbox-crs`` (MapServer 8.0 does).
* ``crs`` (e.g. ``EPSG:3067``) asks for Part 2 output in that CRS; without it the answer is
  CRS84. A server that ignores ``crs`` and answers in CRS84 anyway (MapServer 8.0) is
  caught by the coordinate check, as is a ``Content-Crs`` header that disagrees.
* A ``next`` link that drops the query's own parameters (MapServer 8.0 leaves out
  ``bbox``) gets them back, so page 2 asks the same question as page 1.

Faults are one-line :class:`~dikas.errors.FetchError`: a JSON error document or
``ExceptionReport``, a body that is not GeoJSON, an empty page that still has a ``next``
link, a ``next`` link that loops, features without geometry, a CRS other than the one asked
for, duplicate features, and a total that disagrees with ``numberMatched``. The part is
written via :meth:`FetchContext.store` (nothing partial is ever left or used);
``--frozen`` uses only locked cached parts.

References: OGC 17-069r4 (API – Features Part 1: ``limit``, ``bbox``, ``next`` links,
``numberMatched``/``numberReturned``), OGC 18-058 (Part 2: ``crs``, ``bbox-crs``,
``Content-Crs``); MapServer's OGC API docs (``/{map}/ogcapi/collections/{id}/items``).
"""

from __future__ import annotations

import json
import sys
import urllib.parse
from collections.abc import Mapping
from typing import Any

from dikas.errors import ConfigError, FetchError
from dikas.sources.acquire import FetchContext, Part
from dikas.sources.catalog import Dataset
from dikas.sources.services import features as gj
from dikas.sources.services.wfs import _frozen_parts, _wanted_years, year_pattern

DEFAULT_LIMIT = 1000
MAX_PAGES = 100_000
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"


def _json(response_body: bytes, *, dataset: str, url: str, what: str) -> dict[str, Any]:
    try:
        data = json.loads(response_body)
    except ValueError:
        start = response_body[:40].decode("utf-8", "replace").split("\n")[0]
        raise FetchError(
            f"{what} is not JSON (starts {start!r})", dataset=dataset, url=url
        ) from None
    if not isinstance(data, dict):
        raise FetchError(f"{what} is not a JSON object", dataset=dataset, url=url)
    return data


def collection_ids(ctx: FetchContext, base: str, *, dataset: str) -> list[str]:
    """The ids listed by ``{base}/collections``."""
    url = f"{base.rstrip('/')}/collections"
    response = gj.get(ctx.client, url, {"f": "json"}, dataset=dataset)
    data = _json(response.body, dataset=dataset, url=response.url, what="the collections list")
    return [str(c.get("id")) for c in data.get("collections") or [] if isinstance(c, dict)]


def _bbox_crs84(bbox: tuple[float, float, float, float]) -> tuple[float, ...]:
    from pyproj import Transformer

    transformer = Transformer.from_crs(3067, 4326, always_xy=True)
    return tuple(round(v, 6) for v in transformer.transform_bounds(*bbox, densify_pts=21))


def _next_link(page: Mapping[str, Any]) -> str | None:
    for link in page.get("links") or []:
        if isinstance(link, dict) and link.get("rel") == "next" and link.get("href"):
            return str(link["href"])
    return None


def _with_missing(url: str, params: Mapping[str, object]) -> str:
    """``url`` plus those of ``params`` its query lacks (a ``next`` link that dropped them)."""
    parts = urllib.parse.urlsplit(url)
    query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    have = {k.lower() for k, _ in query}
    query += [
        (k, str(v))
        for k, v in params.items()
        if k.lower() not in have and k.lower() not in ("limit", "offset")
    ]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def _params(dataset: Dataset, ctx: FetchContext) -> tuple[dict[str, object], int]:
    source = dataset.source
    where = f"dataset {dataset.name!r}"
    limit = source.option("limit", DEFAULT_LIMIT)
    if not isinstance(limit, int) or limit < 1:
        raise ConfigError(f"{where}: limit must be a positive integer")
    params: dict[str, object] = {"f": "json", "limit": limit}
    raw_bbox = source.option("bbox")
    if raw_bbox == "city":
        if ctx.catalog.bbox is None:
            raise ConfigError(f"{where}: bbox 'city' but the catalog has no city.bbox")
        params["bbox"] = ",".join(f"{v:g}" for v in _bbox_crs84(ctx.catalog.bbox))
    elif raw_bbox is not None:
        try:
            values = [float(v) for v in raw_bbox]
        except (TypeError, ValueError):
            values = []
        if len(values) != 4:
            raise ConfigError(f"{where}: bbox must be 'city' or [lon0, lat0, lon1, lat1]")
        params["bbox"] = ",".join(f"{v:g}" for v in values)
    epsg = 4326
    crs = source.option("crs")
    if crs is not None:
        code = gj.epsg_code(str(crs))
        if code is None:
            raise ConfigError(f"{where}: crs {crs!r} is not an EPSG CRS")
        epsg = code
        if code != 4326:
            params["crs"] = gj.crs_uri(code)
    extra = source.option("params") or {}
    if not isinstance(extra, Mapping):
        raise ConfigError(f"{where}: params must be a mapping")
    params.update({str(k): v for k, v in extra.items()})
    return params, epsg


def fetch_items(
    ctx: FetchContext,
    base: str,
    collection: str,
    params: Mapping[str, object],
    *,
    epsg: int,
    dataset: str,
    label: str,
) -> tuple[list[dict[str, Any]], int, int | None]:
    """Every feature of one collection: (features, pages, numberMatched)."""
    url: str | None = f"{base.rstrip('/')}/collections/{urllib.parse.quote(collection)}/items"
    query: Mapping[str, object] | None = params
    features: list[dict[str, Any]] = []
    seen: set[str] = set()
    visited: set[str] = set()
    matched: int | None = None
    pages = 0
    while url is not None:
        if pages >= MAX_PAGES:
            raise FetchError(f"more than {MAX_PAGES} pages", dataset=dataset, url=url)
        response = gj.get(
            ctx.client,
            url,
            query,
            dataset=dataset,
            headers={"Accept": "application/geo+json, application/json"},
        )
        if response.url in visited:
            raise FetchError(
                "the next link leads back to a page already read", dataset=dataset, url=response.url
            )
        visited.add(response.url)
        page = gj.json_page(response, dataset=dataset)
        pages += 1
        batch = page["features"]
        gj.check_crs(
            batch,
            expected=epsg,
            declared=response.headers.get("content-crs"),
            dataset=dataset,
            url=response.url,
        )
        gj.check_properties(batch, (), dataset=dataset, url=response.url)
        if pages == 1 and isinstance(page.get("numberMatched"), int):
            matched = page["numberMatched"]
        gj.add_page(
            features, page, seen, dataset=dataset, url=response.url, repeated="following next links"
        )
        if ctx.show_progress:
            total = f"/{matched}" if matched is not None else ""
            print(f"dikas: {label}: {len(features)}{total} features", file=sys.stderr)
        following = _next_link(page)
        if following is not None and not batch:
            raise FetchError(
                f"empty page with a next link after {len(features)} features",
                dataset=dataset,
                url=response.url,
            )
        url = (
            _with_missing(urllib.parse.urljoin(response.url, following), params)
            if following
            else None
        )
        query = None
    if matched is not None and len(features) != matched:
        raise FetchError(
            f"the pages add up to {len(features)} features but numberMatched is {matched}",
            dataset=dataset,
            url=f"{base.rstrip('/')}/collections/{collection}/items",
        )
    if not features:
        raise FetchError(
            f"collection {collection!r} returned no features for this request",
            dataset=dataset,
            url=f"{base.rstrip('/')}/collections/{collection}",
        )
    return features, pages, matched


def fetch_ogcapi(dataset: Dataset, ctx: FetchContext) -> list[Part]:
    """The ``ogcapi`` source kind: one locked GeoJSON part per year (or one)."""
    template = str(dataset.source.option("collection"))
    yearly = "{year}" in template
    if ctx.frozen:
        return _frozen_parts(dataset, ctx, yearly)
    base = ctx.base_url(dataset)
    params, epsg = _params(dataset, ctx)
    if yearly:
        pattern = year_pattern(template)
        offered = {
            int(m.group(1)): cid
            for cid in collection_ids(ctx, base, dataset=dataset.name)
            if (m := pattern.match(cid))
        }
        wanted = _wanted_years(dataset, ctx) or tuple(sorted(offered))
        span = ", ".join(map(str, sorted(offered))) or "none"
        missing = [y for y in wanted if y not in offered]
        if missing or not wanted:
            name = template.replace("{year}", str(missing[0]) if missing else "YYYY")
            raise FetchError(
                f"the service offers no collection {name!r} (years offered: {span})",
                dataset=dataset.name,
                url=f"{base.rstrip('/')}/collections",
            )
        targets: list[tuple[int | None, str]] = [(y, offered[y]) for y in wanted]
    else:
        targets = [(None, template)]

    def fetch(year: int | None, collection: str, label: str) -> Part:
        features, pages, matched = fetch_items(
            ctx, base, collection, params, epsg=epsg, dataset=dataset.name, label=label
        )
        request = {
            "collection": collection,
            "params": {k: str(v) for k, v in params.items()},
            "crs": f"EPSG:{epsg}",
            "pages": pages,
            "numberMatched": matched,
        }
        return ctx.store(
            dataset,
            year,
            suffix=".geojson",
            url=f"{base.rstrip('/')}/collections/{collection}/items",
            request=request,
            write=lambda path: gj.write_feature_collection(path, features, epsg=epsg),
            extra={"features": len(features)},
        )

    return gj.fetch_parts(ctx, dataset, targets, fetch)
