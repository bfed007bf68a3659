"""The ``rest`` source kind: a JSON API whose pages carry the URL of the next page.

Many registers (a city's service register such as the Service Map API, Django REST framework
APIs in general) answer ``{"count": N, "next": URL | null, "previous": ..., "results": [...]}``.
:func:`fetch_rest` follows ``next`` until it is null, checks that the pages hold ``count``
items in all, and caches the items as one JSON file (or GeoJSON when the items are GeoJSON
features), recorded in the lock file. Anything off — an answer that is not JSON, no
``results`` list, a page served twice, a ``next`` link to another host, a count that does not
match — is a one-line :class:`~dikas.errors.FetchError` naming the dataset and URL, and
nothing is cached.

Source options (catalog ``source:``): ``params`` (query of the first request, e.g.
``page_size``), ``results_key`` (default ``results``; ``null`` when the answer is a bare
JSON list, one page), ``next_key`` (default ``next``), ``count_key`` (default ``count``;
``null`` when the API gives none) and ``filter`` (``{key: value or [values]}``: keep only the
items whose ``key`` is one of the values, compared as text, case-insensitively).
"""

from __future__ import annotations

import hashlib
import json
import urllib.parse
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from dikas.errors import ConfigError, FetchError, MissingDataError
from dikas.sources.acquire import FetchContext, Part
from dikas.sources.catalog import Dataset
from dikas.sources.http import with_params

MAX_PAGES = 10_000
"""Upper bound of pages per fetch, whatever ``count`` says (a service that never ends)."""


def fetch_rest(dataset: Dataset, ctx: FetchContext) -> list[Part]:
    """All items of a paged JSON API as one cached, locked part.

    A locked cached part is reused unless ``--refresh``; ``--frozen`` uses only that.

    Raises
    ------
    FetchError
        HTTP errors (after the client's retries), a non-JSON answer, a page without the
        results list, a repeated page or ``next`` link, a ``next`` link to another host, more
        than :data:`MAX_PAGES` pages, or a total that differs from ``count``.
    MissingDataError
        ``--frozen`` and nothing cached.
    """
    cached = ctx.cached(dataset, None)
    if ctx.frozen:
        if cached is None:
            raise MissingDataError(
                f"dataset {dataset.name!r}: --frozen and no locked copy of "
                "the register in the cache"
            )
        return [cached]
    if cached is not None and not ctx.refresh:
        return [cached]
    url = ctx.base_url(dataset)
    params = dict(dataset.source.option("params") or {})
    items, last = collect_pages(ctx, dataset, url, params)
    items = _filtered(items, dataset)
    geojson = bool(items) and all(
        isinstance(i, Mapping) and i.get("type") == "Feature" for i in items
    )
    body: dict[str, Any] = (
        {"type": "FeatureCollection", "features": items}
        if geojson
        else {"count": len(items), "results": items}
    )

    def write(path: Path) -> None:
        path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")

    part = ctx.store(
        dataset,
        None,
        suffix=".geojson" if geojson else ".json",
        url=url,
        request=params,
        write=write,
        response=last,
        extra={"items": len(items)},
    )
    return [part]


def collect_pages(
    ctx: FetchContext, dataset: Dataset, url: str, params: Mapping[str, Any]
) -> tuple[list[Any], Any]:
    """Follow the ``next`` links from ``url`` + ``params``; the items and the last response."""
    results_key = dataset.source.option("results_key", "results")
    next_key = dataset.source.option("next_key", "next")
    count_key = dataset.source.option("count_key", "count")
    base = urllib.parse.urlsplit(url)
    first = with_params(url, params)
    items: list[Any] = []
    seen_urls: set[str] = set()
    seen_pages: set[str] = set()
    expected: int | None = None
    page_url: str | None = first
    response = None
    pages = 0
    while page_url is not None:
        if page_url in seen_urls:
            raise FetchError(
                f"the next link repeats a page already fetched ({page_url})",
                dataset=dataset.name,
                url=first,
            )
        seen_urls.add(page_url)
        pages += 1
        if pages > MAX_PAGES:
            raise FetchError(f"more than {MAX_PAGES} pages", dataset=dataset.name, url=first)
        response = ctx.client.get(page_url, dataset=dataset.name)
        page = _json(response.body, dataset.name, page_url)
        results = _results(page, results_key, dataset.name, page_url)
        digest = hashlib.sha256(json.dumps(results, sort_keys=True).encode()).hexdigest()
        if results and digest in seen_pages:
            raise FetchError(
                f"page {pages} repeats the items of an earlier page",
                dataset=dataset.name,
                url=page_url,
            )
        seen_pages.add(digest)
        items.extend(results)
        if not isinstance(page, Mapping):
            break
        if count_key and expected is None and page.get(count_key) is not None:
            expected = _count(page[count_key], count_key, dataset.name, page_url)
        link = page.get(next_key) if next_key else None
        if link is None or link == "":
            page_url = None
            continue
        if not isinstance(link, str):
            raise FetchError(
                f"{next_key!r} is not a URL: {link!r}", dataset=dataset.name, url=page_url
            )
        page_url = urllib.parse.urljoin(page_url, link)
        target = urllib.parse.urlsplit(page_url)
        if (target.scheme, target.netloc) != (base.scheme, base.netloc):
            raise FetchError(
                f"the next link leaves the service ({page_url})", dataset=dataset.name, url=first
            )
    if expected is not None and expected != len(items):
        raise FetchError(
            f"the service reports {count_key}={expected} but its {pages} page(s) "
            f"held {len(items)} items",
            dataset=dataset.name,
            url=first,
        )
    return items, response


def _json(body: bytes, dataset: str, url: str) -> Any:
    try:
        return json.loads(body)
    except (UnicodeDecodeError, ValueError):
        start = body[:40].decode("utf-8", "replace").replace("\n", " ")
        raise FetchError(
            f"the answer is not JSON (starts {start!r})", dataset=dataset, url=url
        ) from None


def _results(page: Any, key: str | None, dataset: str, url: str) -> list[Any]:
    if not key:
        if not isinstance(page, list):
            raise FetchError("the answer is not a JSON list", dataset=dataset, url=url)
        return page
    if not isinstance(page, Mapping) or not isinstance(page.get(key), list):
        raise FetchError(f"the answer has no {key!r} list", dataset=dataset, url=url)
    return list(page[key])


def _count(value: Any, key: str, dataset: str, url: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise FetchError(f"{key!r} is not a count: {value!r}", dataset=dataset, url=url)
    return value


def _filtered(items: list[Any], dataset: Dataset) -> list[Any]:
    """The items that pass the source's ``filter`` (all of them when there is none)."""
    rules = dataset.source.option("filter")
    if not rules:
        return items
    if not isinstance(rules, Mapping):
        raise ConfigError(
            f"dataset {dataset.name!r}: source filter must be a mapping "
            "key → value or list of values"
        )
    wanted = {
        str(key): {
            str(v).lower()
            for v in (
                values if isinstance(values, Sequence) and not isinstance(values, str) else [values]
            )
        }
        for key, values in rules.items()
    }

    def keep(item: Any) -> bool:
        if not isinstance(item, Mapping):
            return False
        fields = item.get("properties") if item.get("type") == "Feature" else item
        fields = fields if isinstance(fields, Mapping) else {}
        return all(str(fields.get(key)).lower() in values for key, values in wanted.items())

    return [item for item in items if keep(item)]
