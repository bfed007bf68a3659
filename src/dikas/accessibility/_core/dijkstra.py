"""Dijkstra kernels on a CSR graph, compiled with numba.

A graph is three arrays: ``indptr`` (``n_nodes + 1``), ``indices`` (head node of each arc) and
``weights`` (non-negative arc costs). Searches start from *seeds*: several nodes per source,
each with an initial cost, which is how a point snapped onto the middle of an edge enters the
graph (it reaches both end nodes of its edge, at different costs). ``limit`` prunes labels
above it; ``np.inf`` means no limit.

The kernels use a binary heap with lazy deletion (Dijkstra 1959; Cormen et al. 2009, ch. 24.3).
Costs are added in path order, so integer-valued costs give results identical to any other
exact shortest-path implementation (tests compare with NetworkX and SciPy).
"""

from __future__ import annotations

import numba
import numpy as np


@numba.njit(cache=True, inline="always")
def _push(heap_cost, heap_node, heap_tag, size, cost, node, tag):
    """Sift a new entry up; the arrays are sized for the worst case, so never grow."""
    i = size
    while i > 0:
        parent = (i - 1) >> 1
        if heap_cost[parent] <= cost:
            break
        heap_cost[i] = heap_cost[parent]
        heap_node[i] = heap_node[parent]
        heap_tag[i] = heap_tag[parent]
        i = parent
    heap_cost[i] = cost
    heap_node[i] = node
    heap_tag[i] = tag
    return size + 1


@numba.njit(cache=True, inline="always")
def _pop_into(heap_cost, heap_node, heap_tag, size):
    """Remove the root (read it before calling) and sift the last entry down."""
    size -= 1
    last_cost, last_node, last_tag = heap_cost[size], heap_node[size], heap_tag[size]
    i = 0
    while True:
        child = 2 * i + 1
        if child >= size:
            break
        if child + 1 < size and heap_cost[child + 1] < heap_cost[child]:
            child += 1
        if heap_cost[child] >= last_cost:
            break
        heap_cost[i] = heap_cost[child]
        heap_node[i] = heap_node[child]
        heap_tag[i] = heap_tag[child]
        i = child
    heap_cost[i] = last_cost
    heap_node[i] = last_node
    heap_tag[i] = last_tag
    return size


@numba.njit(cache=True)
def many_to_many(indptr, indices, weights, seed_ptr, seed_nodes, seed_costs, target_nodes, limit):
    """Shortest-path cost from every source to every target node.

    Source ``s`` owns seeds ``seed_ptr[s]:seed_ptr[s + 1]``. Returns a
    ``(n_sources, len(target_nodes))`` array, ``inf`` where a target is not reached within
    ``limit``. A search stops as soon as every target node is settled.
    """
    n_nodes = indptr.shape[0] - 1
    n_sources = seed_ptr.shape[0] - 1
    n_targets = target_nodes.shape[0]
    out = np.full((n_sources, n_targets), np.inf)
    is_target = np.zeros(n_nodes, np.bool_)
    for t in range(n_targets):
        is_target[target_nodes[t]] = True
    n_target_nodes = 0
    for node in range(n_nodes):
        if is_target[node]:
            n_target_nodes += 1

    dist = np.full(n_nodes, np.inf)
    settled = np.zeros(n_nodes, np.bool_)
    touched = np.empty(n_nodes, np.int64)
    max_seeds = 0
    for s in range(n_sources):
        max_seeds = max(max_seeds, seed_ptr[s + 1] - seed_ptr[s])
    # Lazy deletion: every arc pushes at most once per search (its tail settles once).
    capacity = indices.shape[0] + max_seeds + 1
    heap_cost = np.empty(capacity, np.float64)
    heap_node = np.empty(capacity, np.int64)
    heap_tag = np.zeros(capacity, np.int64)

    for s in range(n_sources):
        n_touched = 0
        size = 0
        for i in range(seed_ptr[s], seed_ptr[s + 1]):
            node = seed_nodes[i]
            cost = seed_costs[i]
            if cost <= limit and cost < dist[node]:
                if dist[node] == np.inf:
                    touched[n_touched] = node
                    n_touched += 1
                dist[node] = cost
                size = _push(heap_cost, heap_node, heap_tag, size, cost, node, 0)
        remaining = n_target_nodes
        while size > 0 and remaining > 0:
            cost = heap_cost[0]
            node = heap_node[0]
            size = _pop_into(heap_cost, heap_node, heap_tag, size)
            if settled[node]:
                continue
            settled[node] = True
            if is_target[node]:
                remaining -= 1
            for arc in range(indptr[node], indptr[node + 1]):
                head = indices[arc]
                new_cost = cost + weights[arc]
                if new_cost < dist[head] and new_cost <= limit:
                    if dist[head] == np.inf:
                        touched[n_touched] = head
                        n_touched += 1
                    dist[head] = new_cost
                    size = _push(heap_cost, heap_node, heap_tag, size, new_cost, head, 0)
        for t in range(n_targets):
            node = target_nodes[t]
            if settled[node]:
                out[s, t] = dist[node]
        for i in range(n_touched):
            dist[touched[i]] = np.inf
            settled[touched[i]] = False
    return out


@numba.njit(cache=True)
def k_nearest_sources(indptr, indices, weights, seed_nodes, seed_costs, seed_source, k, limit):
    """The ``k`` cheapest distinct sources of every node, in one multi-source search.

    Each node keeps up to ``k`` labels (cost, source); a label is final when popped, and a node
    with ``k`` labels is closed, because any source reaching beyond it is beaten by its ``k``
    sources (the k-nearest-facility search of Erwig & Hagen 2000). Run it on the *reversed*
    graph to get, for every node, its ``k`` nearest destinations.

    Returns ``(costs, sources)`` of shape ``(n_nodes, k)``, sorted by cost, padded with ``inf``
    and ``-1``.
    """
    n_nodes = indptr.shape[0] - 1
    costs = np.full((n_nodes, k), np.inf)
    sources = np.full((n_nodes, k), -1, np.int64)
    count = np.zeros(n_nodes, np.int64)
    # Every node settles at most k labels and each settled label pushes along its arcs once.
    capacity = k * indices.shape[0] + seed_nodes.shape[0] + 1
    heap_cost = np.empty(capacity, np.float64)
    heap_node = np.empty(capacity, np.int64)
    heap_tag = np.empty(capacity, np.int64)
    size = 0
    for i in range(seed_nodes.shape[0]):
        if seed_costs[i] <= limit:
            size = _push(
                heap_cost, heap_node, heap_tag, size, seed_costs[i], seed_nodes[i], seed_source[i]
            )
    while size > 0:
        cost = heap_cost[0]
        node = heap_node[0]
        source = heap_tag[0]
        size = _pop_into(heap_cost, heap_node, heap_tag, size)
        n_labels = count[node]
        if n_labels == k:
            continue
        known = False
        for j in range(n_labels):
            if sources[node, j] == source:
                known = True
                break
        if known:
            continue
        costs[node, n_labels] = cost
        sources[node, n_labels] = source
        count[node] = n_labels + 1
        for arc in range(indptr[node], indptr[node + 1]):
            head = indices[arc]
            new_cost = cost + weights[arc]
            if count[head] < k and new_cost <= limit:
                size = _push(heap_cost, heap_node, heap_tag, size, new_cost, head, source)
    return costs, sources


@numba.njit(cache=True)
def merge_k_nearest(
    costs,
    sources,
    seed_ptr,
    seed_nodes,
    seed_costs,
    extra_ptr,
    extra_costs,
    extra_sources,
    k,
    limit,
):
    """Combine node labels into the ``k`` nearest distinct sources of each snapped point.

    Point ``p`` reaches node ``seed_nodes[i]`` at ``seed_costs[i]`` for its seeds
    ``seed_ptr[p]:seed_ptr[p+1]``, and has direct candidates (destinations on its own edge)
    ``extra_ptr[p]:extra_ptr[p+1]``. Returns ``(n_points, k)`` costs and sources.
    """
    n_points = seed_ptr.shape[0] - 1
    out_costs = np.full((n_points, k), np.inf)
    out_sources = np.full((n_points, k), -1, np.int64)
    width = costs.shape[1]
    for p in range(n_points):
        n_seeds = seed_ptr[p + 1] - seed_ptr[p]
        n_extra = extra_ptr[p + 1] - extra_ptr[p]
        cand_cost = np.empty(n_seeds * width + n_extra)
        cand_source = np.empty(n_seeds * width + n_extra, np.int64)
        n = 0
        for i in range(seed_ptr[p], seed_ptr[p + 1]):
            node = seed_nodes[i]
            for j in range(width):
                if sources[node, j] < 0:
                    break
                cand_cost[n] = seed_costs[i] + costs[node, j]
                cand_source[n] = sources[node, j]
                n += 1
        for i in range(extra_ptr[p], extra_ptr[p + 1]):
            cand_cost[n] = extra_costs[i]
            cand_source[n] = extra_sources[i]
            n += 1
        order = np.argsort(cand_cost[:n], kind="mergesort")
        filled = 0
        for o in order:
            if filled == k or cand_cost[o] > limit:
                break
            source = cand_source[o]
            duplicate = False
            for j in range(filled):
                if out_sources[p, j] == source:
                    duplicate = True
                    break
            if not duplicate:
                out_costs[p, filled] = cand_cost[o]
                out_sources[p, filled] = source
                filled += 1
    return out_costs, out_sources
