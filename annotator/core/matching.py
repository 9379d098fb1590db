"""One-to-one matching of two coders' items (spans, or events by their anchors) that have the
same key (a label, an event type) and overlapping ranges: the lenient match of agreement.

The matching is a *maximum* one (as many pairs as any one-to-one matching can have): matching
the largest overlaps first and stopping there can leave pairs out (A: [5,23) and [5,11); B:
[5,16) and [18,23): greedy pairs [5,23) with [5,16) and stops at 1; the maximum is 2). It starts
from the equal items, then the largest overlaps first, and grows that along augmenting paths
(Hopcroft and Karp's phases), each vertex's edges tried largest overlap first: the result is
deterministic and keeps the equal and large-overlap pairs wherever a maximum matching can.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence

Item = tuple[int, int, str]  # (start, end, key)


def overlap_edges(items_a: Sequence[Item], items_b: Sequence[Item]
                  ) -> Iterator[tuple[int, int, int]]:
    """``(overlap, i, j)`` for every item ``i`` of A and ``j`` of B with the same key and
    overlapping ranges. Only B's items that can overlap are looked at: sorted by start, from
    the reach of the longest."""
    by_key: dict[str, list[tuple[int, int, int]]] = {}
    for j, (sb, eb, kb) in enumerate(items_b):
        by_key.setdefault(kb, []).append((sb, eb, j))
    index = {}
    for key, items in by_key.items():
        items.sort()
        index[key] = ([sb for sb, _, _ in items], max(eb - sb for sb, eb, _ in items), items)
    for i, (sa, ea, ka) in enumerate(items_a):
        found = index.get(ka)
        if found is None:
            continue
        starts, longest, items = found
        # B's item overlaps when sb < ea and eb > sa, so sb > sa - longest.
        for sb, eb, j in items[bisect_right(starts, sa - longest):bisect_left(starts, ea)]:
            overlap = min(ea, eb) - max(sa, sb)
            if overlap > 0:
                yield overlap, i, j


def identical_pairs(items_a: Sequence[Item], items_b: Sequence[Item]) -> list[tuple[int, int]]:
    """One-to-one pairs of equal items (same start, end and key), in A's order: the strict
    match, and where a lenient one starts (an equal pair has the largest overlap either item
    can have)."""
    if len(set(items_a)) == len(items_a) and len(set(items_b)) == len(items_b):
        # No item twice on either side (almost always): one dictionary look-up each.
        where = dict(zip(items_b, range(len(items_b)), strict=True))
        return [(i, j) for i, j in enumerate(map(where.get, items_a)) if j is not None]
    waiting: dict[Item, list[int]] = {}
    for j in range(len(items_b) - 1, -1, -1):  # popped from the end: B's first one first
        waiting.setdefault(items_b[j], []).append(j)
    pairs = []
    for i, item in enumerate(items_a):
        js = waiting.get(item)
        if js:
            pairs.append((i, js.pop()))
    return pairs


def overlap_matching(items_a: Sequence[Item], items_b: Sequence[Item],
                     identical: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """A maximum one-to-one matching ``[(index in A, index in B), ...]`` (sorted) of items with
    the same key and overlapping ranges; see the module's docstring for which one.
    ``identical``: ``identical_pairs(items_a, items_b)``, if the caller has it already."""
    match_a = [-1] * len(items_a)
    match_b = [-1] * len(items_b)
    for i, j in identical_pairs(items_a, items_b) if identical is None else identical:
        match_a[i] = j
        match_b[j] = i
    # The rest, largest overlaps first; most documents leave few items unmatched by now.
    rest_a = [i for i, j in enumerate(match_a) if j < 0]
    if not rest_a or -1 not in match_b:
        return [(i, j) for i, j in enumerate(match_a) if j >= 0]
    edges = sorted((-overlap, rest_a[i], j) for overlap, i, j in overlap_edges(
        [items_a[i] for i in rest_a], items_b))  # with every item of B: see below
    for _, i, j in edges:
        if match_a[i] < 0 and match_b[j] < 0:
            match_a[i] = j
            match_b[j] = i
    # A free item of A with an edge (to an item of B matched or not) may start an augmenting
    # path while an item of B is free: then the whole graph is searched.
    if -1 in match_b and any(match_a[i] < 0 for _, i, _ in edges):
        adjacency: list[list[int]] = [[] for _ in items_a]
        for _, i, j in sorted((-overlap, i, j) for overlap, i, j in overlap_edges(items_a,
                                                                                   items_b)):
            adjacency[i].append(j)  # each vertex's edges, largest overlap first
        _hopcroft_karp(adjacency, match_a, match_b)
    return [(i, j) for i, j in enumerate(match_a) if j >= 0]


def _hopcroft_karp(adjacency: list[list[int]], match_a: list[int], match_b: list[int]) -> None:
    """Grow the matching (in place) to a maximum one: in each phase, a breadth-first search
    layers the vertices of A by their distance from a free one along alternating paths, then a
    depth-first search from each free vertex follows the layers to a free vertex of B and flips
    the path. Stops when no free vertex of B can be reached (Berge: the matching is maximum)."""
    n_a = len(match_a)
    while True:
        dist = [-1] * n_a
        queue = [i for i in range(n_a) if match_a[i] < 0 and adjacency[i]]
        for i in queue:
            dist[i] = 0
        reachable = False
        for i in queue:  # the queue grows while it is walked
            for j in adjacency[i]:
                k = match_b[j]
                if k < 0:
                    reachable = True
                elif dist[k] < 0:
                    dist[k] = dist[i] + 1
                    queue.append(k)
        if not reachable:
            return
        for root in range(n_a):
            if match_a[root] >= 0 or dist[root] != 0:
                continue
            # Frames: (vertex of A, its remaining edges, the vertex of B it was reached by).
            stack: list[tuple[int, Iterator[int], int]] = [(root, iter(adjacency[root]), -1)]
            while stack:
                i, edges, _ = stack[-1]
                for j in edges:
                    k = match_b[j]
                    if k < 0:  # a free vertex of B: flip the path from the root to it
                        for frame_i, _, via in reversed(stack):
                            match_a[frame_i] = j
                            match_b[j] = frame_i
                            j = via
                        stack = []
                        break
                    if dist[k] == dist[i] + 1:
                        stack.append((k, iter(adjacency[k]), j))
                        break
                else:  # a dead end in this phase
                    dist[i] = -1
                    stack.pop()
