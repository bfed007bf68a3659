"""Composite indices: one engine for every index built from weighted, normalized indicators.

A configuration (YAML, :mod:`dikas.indices.config`) names the indicators (columns of the
twin's postal areas or grid, as shares or values), their direction, groups and weights, and
the method: normalization (:mod:`dikas.indices.normalize`), aggregation within and across
groups (:mod:`dikas.indices.aggregate`). :func:`dikas.indices.compute.compute_index` runs it
on a twin; :mod:`dikas.indices.robustness` asks how stable ranks and budget shares are under
other defensible weights; :mod:`dikas.indices.allocation` shares a budget by need. Shipped
configurations live in ``configs/`` (``dikas index list``).

Nothing is imported here, so importing a submodule stays cheap.
"""
