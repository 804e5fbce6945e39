"""The optimal helper ↔ elder assignment behind the pairing suggestions.

Lexicographic goals: as many elders paired as possible; then as many pairs as possible in the same
党小组; then in the same village; then the helpers' load as even as possible. Capacity and existing
pairs are respected and a rejected (helper, elder) pair is never proposed.

Cost depends only on (党小组, village), so people are folded into classes by that key and a
min-cost max-flow runs on the small class graph: source → elder class (its size) → helper class
(cost: W1 per different 党小组, W2 per different village) → sink through one edge per load level k
(capacity: helpers of the class with a free slot at level k, cost k). Increasing costs per level make
the flow fill helpers evenly. Members in a rejected pair get a class of their own so the one edge
between them can be left out.
"""

from __future__ import annotations

import heapq
from collections.abc import Collection, Mapping, Sequence

from core.pairing.people import Person


class _FlowGraph:
    """A residual graph in flat lists: edge ``i`` and its reverse ``i ^ 1``."""

    def __init__(self) -> None:
        self.adj: list[list[int]] = []
        self.to: list[int] = []
        self.cap: list[int] = []
        self.cost: list[int] = []

    def node(self) -> int:
        self.adj.append([])
        return len(self.adj) - 1

    def add(self, frm: int, to: int, cap: int, cost: int) -> int:
        index = len(self.to)
        self.to += [to, frm]
        self.cap += [cap, 0]
        self.cost += [cost, -cost]
        self.adj[frm].append(index)
        self.adj[to].append(index + 1)
        return index

    def flow(self, edge: int) -> int:
        return self.cap[edge ^ 1]

    def min_cost_max_flow(self, source: int, sink: int) -> None:
        """Primal-dual: Dijkstra on reduced costs for the potentials, then a blocking flow (Dinic)
        on the edges of zero reduced cost. Costs here take few distinct values, so there are few
        phases however many units flow."""
        n = len(self.adj)
        potential = [0] * n
        while True:
            dist = self._distances(source, potential)
            if dist[sink] is None:
                return
            top = max(d for d in dist if d is not None)
            for node in range(n):
                potential[node] += top if dist[node] is None else dist[node]  # type: ignore[operator]
            while self._blocking_flow(source, sink, potential):
                pass

    def _distances(self, source: int, potential: list[int]) -> list[int | None]:
        to, cap, cost, adj = self.to, self.cap, self.cost, self.adj
        dist: list[int | None] = [None] * len(adj)
        dist[source] = 0
        heap = [(0, source)]
        while heap:
            d, node = heapq.heappop(heap)
            if d != dist[node]:
                continue
            base = d + potential[node]
            for edge in adj[node]:
                if cap[edge] > 0:
                    other = to[edge]
                    nd = base + cost[edge] - potential[other]
                    known = dist[other]
                    if known is None or nd < known:
                        dist[other] = nd
                        heapq.heappush(heap, (nd, other))
        return dist

    def _blocking_flow(self, source: int, sink: int, potential: list[int]) -> bool:
        to, cap, cost, adj = self.to, self.cap, self.cost, self.adj

        def admissible(node: int, edge: int) -> bool:
            return cap[edge] > 0 and cost[edge] + potential[node] == potential[to[edge]]

        level = [-1] * len(adj)
        level[source] = 0
        queue = [source]
        for node in queue:
            for edge in adj[node]:
                if level[to[edge]] < 0 and admissible(node, edge):
                    level[to[edge]] = level[node] + 1
                    queue.append(to[edge])
        if level[sink] < 0:
            return False
        cursor = [0] * len(adj)

        def push(node: int, limit: int) -> int:
            if node == sink:
                return limit
            edges = adj[node]
            while cursor[node] < len(edges):
                edge = edges[cursor[node]]
                other = to[edge]
                if level[other] == level[node] + 1 and admissible(node, edge):
                    sent = push(other, min(limit, cap[edge]))
                    if sent:
                        cap[edge] -= sent
                        cap[edge ^ 1] += sent
                        return sent
                cursor[node] += 1
            return 0

        while push(source, 1 << 62):
            pass
        return True


def _key(person: Person, special: Collection[str]) -> tuple[str, ...]:
    if person.id in special:
        return ("#", person.id)
    return (person.group_id or "", person.village)


def same_group(a: Person, b: Person) -> bool:
    return bool(a.group_id) and a.group_id == b.group_id


def same_village(a: Person, b: Person) -> bool:
    return bool(a.village) and a.village == b.village


def _by_need(elder: Person) -> tuple[str, str, str]:
    """Oldest first: when helpers run short, the oldest elders are paired first."""
    return (elder.birth_date or "9999", elder.name_pinyin, elder.id)


_BIG = 1 << 40


class _Network:
    """Source → elder classes → (directly, or through a hub per 党小组, per village and one for
    anyone) → helper classes → sink. A hub route costs what its difference costs; the direct route
    is for the same 党小组 and village. Helpers in a rejected pair are reached only directly."""

    def __init__(self, elders: int, capacity: int) -> None:
        self.graph = _FlowGraph()
        self.source, self.sink = self.graph.node(), self.graph.node()
        self.capacity = capacity
        self.w_village = elders * capacity + 1
        self.w_group = self.w_village * (elders + 1)
        self.elder_nodes: dict[tuple[str, ...], tuple[int, Person]] = {}
        self.helper_nodes: dict[tuple[str, ...], tuple[int, Person, bool]] = {}
        self.hubs: dict[tuple[str, ...], int] = {}
        self.direct: list[tuple[tuple[str, ...], tuple[str, ...], int]] = []
        self.into_hub: list[tuple[tuple[str, ...], tuple[str, ...], int]] = []
        self.out_of_hub: list[tuple[tuple[str, ...], tuple[str, ...], int]] = []

    def cost(self, elder: Person, helper: Person) -> int:
        return (0 if same_group(elder, helper) else self.w_group) + (
            0 if same_village(elder, helper) else self.w_village
        )

    def add_elders(self, key: tuple[str, ...], people: list[Person]) -> None:
        node = self.graph.node()
        self.graph.add(self.source, node, len(people), 0)
        self.elder_nodes[key] = (node, people[0])

    def add_helpers(self, key: tuple[str, ...], people: list[Person], loads: list[int], special: bool) -> None:
        node = self.graph.node()
        for level in range(min(loads), self.capacity):
            self.graph.add(node, self.sink, sum(1 for current in loads if current <= level), level)
        self.helper_nodes[key] = (node, people[0], special)

    def _hub(self, key: tuple[str, ...]) -> int:
        if key not in self.hubs:
            self.hubs[key] = self.graph.node()
        return self.hubs[key]

    def connect(self, banned: set[tuple[str, str]]) -> None:
        for hk, (node, helper, special) in self.helper_nodes.items():
            if special:
                continue
            hub_keys = [("*",)]
            if helper.group_id:
                hub_keys.append(("g", helper.group_id))
            if helper.village:
                hub_keys.append(("v", helper.village))
            for hub_key in hub_keys:
                self.out_of_hub.append((hub_key, hk, self.graph.add(self._hub(hub_key), node, _BIG, 0)))
        for ek, (node, elder) in self.elder_nodes.items():
            routes = [(("*",), self.w_group + self.w_village), (("g", elder.group_id or ""), self.w_village),
                      (("v", elder.village), self.w_group)]
            for hub_key, cost in routes:
                if hub_key in self.hubs:
                    self.into_hub.append((ek, hub_key, self.graph.add(node, self.hubs[hub_key], _BIG, cost)))
            for hk, (h_node, helper, special) in self.helper_nodes.items():
                cost = self.cost(elder, helper)
                if (special and (helper.id, elder.id) not in banned) or (not special and cost == 0):
                    self.direct.append((ek, hk, self.graph.add(node, h_node, _BIG, cost)))

    def elders_per_helper_class(
        self, elder_classes: dict[tuple[str, ...], list[Person]]
    ) -> dict[tuple[str, ...], list[Person]]:
        """Read the flow back as elders per helper class (oldest of each class first)."""
        flows: list[tuple[tuple[str, ...], tuple[str, ...], int]] = [
            (ek, hk, self.graph.flow(edge)) for ek, hk, edge in self.direct
        ]
        for hub_key in self.hubs:
            inflow = [[ek, self.graph.flow(e)] for ek, hk, e in self.into_hub if hk == hub_key]
            outflow = [[hk, self.graph.flow(e)] for hb, hk, e in self.out_of_hub if hb == hub_key]
            inflow = [pair for pair in inflow if pair[1]]
            outflow = [pair for pair in outflow if pair[1]]
            i = j = 0
            while i < len(inflow) and j < len(outflow):
                amount = min(inflow[i][1], outflow[j][1])
                flows.append((inflow[i][0], outflow[j][0], amount))
                inflow[i][1] -= amount
                outflow[j][1] -= amount
                i += inflow[i][1] == 0
                j += outflow[j][1] == 0
        queues = {ek: list(people) for ek, people in elder_classes.items()}
        taken: dict[tuple[str, ...], list[Person]] = {}
        for ek, hk, amount in flows:
            if amount:
                taken.setdefault(hk, []).extend(queues[ek][:amount])
                del queues[ek][:amount]
        return taken



def assign(
    elders: Sequence[Person],
    helpers: Sequence[Person],
    load: Mapping[str, int],
    capacity: int,
    rejected: Collection[tuple[str, str]] = (),
) -> list[tuple[Person, Person]]:
    """The optimal (helper, elder) pairs for unpaired ``elders``; ``load`` is each helper's current
    number of elders. Deterministic for the same input."""
    free = [h for h in helpers if load.get(h.id, 0) < capacity]
    banned = set(rejected) | {(p.id, p.id) for p in elders}
    special = {h for h, _ in banned} | {e for _, e in banned}
    elder_classes: dict[tuple[str, ...], list[Person]] = {}
    for elder in sorted(elders, key=_by_need):
        elder_classes.setdefault(_key(elder, special), []).append(elder)
    helper_classes: dict[tuple[str, ...], list[Person]] = {}
    for helper in free:
        helper_classes.setdefault(_key(helper, special), []).append(helper)
    if not elder_classes or not helper_classes:
        return []
    network = _Network(len(elders), capacity)
    for key, people in elder_classes.items():
        network.add_elders(key, people)
    for key, people in helper_classes.items():
        network.add_helpers(key, people, [load.get(h.id, 0) for h in people], key[0] == "#")
    network.connect(banned)
    network.graph.min_cost_max_flow(network.source, network.sink)

    taken = network.elders_per_helper_class(elder_classes)
    pairs: list[tuple[Person, Person]] = []
    for hk, people in helper_classes.items():
        heap = [(load.get(h.id, 0), h.name_pinyin, h.id, h) for h in people]
        heapq.heapify(heap)
        for elder in taken.get(hk, []):
            current, pinyin, hid, helper = heapq.heappop(heap)
            pairs.append((helper, elder))
            heapq.heappush(heap, (current + 1, pinyin, hid, helper))
    return pairs
