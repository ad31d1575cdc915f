#!/usr/bin/env python3
"""Reference values for argnet's analysis tests, computed with NetworkX.

Writes tests/fixtures/analysis/{karate,seeds,dna}.json. The Rust tests read
these files and never run Python. Rerun after the seeds graph changes (for
example when stance extraction lands):

    cargo run -- build seeds --out /tmp/argnet-seeds --no-svg
    cp /tmp/argnet-seeds/seeds.json tests/fixtures/analysis/seeds-graph.json
    python3 -m venv .venv-analysis            # once
    .venv-analysis/bin/pip install networkx==3.6.1 scipy numpy
    .venv-analysis/bin/python tools/networkx_reference.py

Cases: Zachary's karate club (unweighted, and weighted by its "weight"
attribute) and the seeds graph projected onto layers the way argnet's
`analysis::project` does it (documented below in `project`). The DNA
fixture is a small seeded actor x concept statement table whose one-mode
projections are computed here from the formulas of Leifeld's DNA exporter,
independently of the Rust code.
"""

import json
import math
import random
import sys
from pathlib import Path

import networkx as nx
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "analysis"
TIGHT = dict(tol=1e-13, max_iter=100000)


def project(graph_json, relations, directed):
    """argnet's projection: edges of the given relations, self-loops
    dropped; parallel edges (two relations, or both directions when
    undirected) merged by summing weights; co_occurs goes both ways in a
    directed view; nodes are those with an edge in the layer, in file
    order."""
    order = {n["id"]: i for i, n in enumerate(graph_json["nodes"])}
    weights = {}
    touched = set()
    for e in graph_json["edges"]:
        if e["relation"] not in relations or e["source"] == e["target"]:
            continue
        s, t, w = e["source"], e["target"], float(e["weight"])
        touched.update([s, t])
        pairs = []
        if not directed:
            pairs.append(tuple(sorted((s, t), key=order.get)))
        else:
            pairs.append((s, t))
            if e["relation"] == "co_occurs":
                pairs.append((t, s))
        for p in pairs:
            weights[p] = weights.get(p, 0.0) + w
    nodes = sorted(touched, key=order.get)
    g = nx.DiGraph() if directed else nx.Graph()
    g.add_nodes_from(nodes)
    for (s, t), w in sorted(weights.items(), key=lambda kv: (order[kv[0][0]], order[kv[0][1]])):
        g.add_edge(s, t, weight=w)
    return g


def canonical_partition(nodes, parts):
    """Label parts 0.. by size, largest first, ties by first member in
    node order: argnet's Partition numbering."""
    index = {v: i for i, v in enumerate(nodes)}
    parts = [sorted(p, key=index.get) for p in parts]
    parts.sort(key=lambda p: (-len(p), index[p[0]]))
    label = {}
    for i, p in enumerate(parts):
        for v in p:
            label[v] = i
    return [label[v] for v in nodes]


def participation(g, nodes, labels, weight):
    lab = dict(zip(nodes, labels))
    u = g.to_undirected() if g.is_directed() else g
    values = []
    for v in nodes:
        share = {}
        total = 0.0
        for nbr, data in u[v].items():
            if nbr == v:
                continue
            w = data.get(weight, 1.0) if weight else 1.0
            share[lab[nbr]] = share.get(lab[nbr], 0.0) + w
            total += w
        values.append(0.0 if total <= 0 else 1.0 - sum((s / total) ** 2 for s in share.values()))
    return values


def hits_is_well_defined(g):
    """HITS is unique only when the top singular value is simple."""
    a = nx.to_numpy_array(g, weight="weight")
    s = np.linalg.svd(a, compute_uv=False)
    return len(s) > 1 and s[0] > 0 and (s[0] - s[1]) / s[0] > 1e-3


def measures(g, weighted):
    nodes = list(g.nodes)
    w = "weight" if weighted else None
    if weighted:
        for _, _, data in g.edges(data=True):
            data["length"] = 1.0 / data["weight"] if data["weight"] > 0 else math.inf
    out = {"nodes": nodes, "directed": g.is_directed(), "weighted": weighted}
    idx = {v: i for i, v in enumerate(nodes)}
    out["edges"] = [[idx[a], idx[b], d.get("weight", 1.0) if weighted else 1.0] for a, b, d in g.edges(data=True)]
    col = lambda d: [float(d[v]) for v in nodes]
    m = {}
    m["degree"] = col(dict(g.degree()))
    m["weighted_degree"] = col(dict(g.degree(weight=w)))
    if g.is_directed():
        m["in_degree"] = col(dict(g.in_degree()))
        m["out_degree"] = col(dict(g.out_degree()))
    m["betweenness"] = col(nx.betweenness_centrality(g, normalized=True))
    m["betweenness_raw"] = col(nx.betweenness_centrality(g, normalized=False))
    m["closeness"] = col(nx.closeness_centrality(g))
    m["harmonic"] = col(nx.harmonic_centrality(g))
    if weighted:
        m["betweenness_inverse_weight"] = col(nx.betweenness_centrality(g, weight="length"))
        m["closeness_inverse_weight"] = col(nx.closeness_centrality(g, distance="length"))
        m["harmonic_inverse_weight"] = col(nx.harmonic_centrality(g, distance="length"))
    try:
        m["eigenvector"] = col(nx.eigenvector_centrality(g, weight=w, **TIGHT))
    except nx.PowerIterationFailedConvergence:
        out["eigenvector_failed"] = True
    m["pagerank"] = col(nx.pagerank(g, alpha=0.85, weight=w, **TIGHT))
    hg = g.copy()
    if not weighted:
        for _, _, d in hg.edges(data=True):
            d["weight"] = 1.0
    if hits_is_well_defined(hg):
        hubs, authorities = nx.hits(hg, tol=1e-14, max_iter=100000)
        m["hub"] = col(hubs)
        m["authority"] = col(authorities)
    simple = g.copy()
    simple.remove_edges_from(nx.selfloop_edges(simple))
    m["core_number"] = col(nx.core_number(simple))
    if g.is_directed():
        m["component"] = canonical_partition(nodes, nx.weakly_connected_components(g))
        m["strong_component"] = canonical_partition(nodes, nx.strongly_connected_components(g))
    else:
        m["component"] = canonical_partition(nodes, nx.connected_components(g))
    constraint = nx.constraint(g, weight=w)
    m["constraint"] = [0.0 if math.isnan(constraint[v]) else constraint[v] for v in nodes]
    ug = g.to_undirected() if g.is_directed() else g
    if g.is_directed():
        # mutual edges add up, as argnet's to_undirected does
        ug = nx.Graph()
        ug.add_nodes_from(nodes)
        for a, b, d in g.edges(data=True):
            wt = d.get("weight", 1.0) if weighted else 1.0
            if ug.has_edge(a, b):
                ug[a][b]["weight"] += wt
            else:
                ug.add_edge(a, b, weight=wt)
    uw = "weight" if (weighted or g.is_directed()) else None
    louvain = nx.community.louvain_communities(ug, weight=uw, seed=42)
    labels = canonical_partition(nodes, louvain)
    m["louvain_nx"] = labels
    out["louvain_nx_modularity"] = nx.community.modularity(ug, louvain, weight=uw)
    out["louvain_nx_modularity_resolution_2"] = nx.community.modularity(ug, louvain, weight=uw, resolution=2.0)
    m["participation_nx_louvain"] = participation(ug, nodes, labels, uw)
    lpa = list(nx.community.asyn_lpa_communities(ug, weight=uw, seed=42))
    m["label_propagation_nx"] = canonical_partition(nodes, lpa)
    out["label_propagation_nx_modularity"] = nx.community.modularity(ug, lpa, weight=uw)
    out["measures"] = m
    # Shortest and k shortest path lengths (hops) for a few pairs.
    rng = random.Random(7)
    pairs = []
    for _ in range(6):
        a, b = rng.sample(range(len(nodes)), 2)
        try:
            gen = nx.shortest_simple_paths(g, nodes[a], nodes[b])
            lengths = [len(p) - 1 for _, p in zip(range(5), gen)]
        except nx.NetworkXNoPath:
            lengths = []
        pairs.append({"from": a, "to": b, "hops": lengths})
    out["paths"] = pairs
    return out


def karate_cases():
    base = nx.karate_club_graph()
    unweighted = nx.Graph()
    unweighted.add_nodes_from(base.nodes)
    unweighted.add_edges_from(base.edges)
    weighted = nx.Graph()
    weighted.add_nodes_from(base.nodes)
    for a, b, d in base.edges(data=True):
        weighted.add_edge(a, b, weight=float(d["weight"]))
    return {"unweighted": measures(unweighted, False), "weighted": measures(weighted, True)}


def seeds_cases(path):
    graph_json = json.loads(Path(path).read_text())
    every = ["supports", "critiques", "mentions", "cites", "quotes", "affiliated_with", "co_occurs"]
    cases = {}
    for name, relations, directed in [
        ("all_undirected", every, False),
        ("all_directed", every, True),
        ("co_occurrence", ["co_occurs"], False),
        ("stance", ["supports", "critiques"], False),
    ]:
        g = project(graph_json, relations, directed)
        if g.number_of_edges() == 0:
            continue  # e.g. no stance edges before stance extraction
        case = measures(g, True)
        case["layer"] = "all" if relations == every else ",".join(relations)
        cases[name] = case
    return cases


def dna_case():
    """A seeded table of statements and its one-mode projections after
    DNA's exporter (boolean qualifier: support = 1, critique = 0)."""
    rng = random.Random(11)
    actors, concepts = 7, 5
    statements = []
    for a in range(actors):
        for c in range(concepts):
            if rng.random() < 0.55:
                s = rng.choice([0, 0, 1, 2, 3])
                k = rng.choice([0, 0, 0, 1, 2])
                if s + k:
                    statements.append([a, c, float(s), float(k)])
    x = np.zeros((actors, concepts, 2))
    for a, c, s, k in statements:
        x[a, c, 0], x[a, c, 1] = s, k
    result = {"actors": actors, "concepts": concepts, "statements": statements, "networks": {}}
    for mode, arr in [("actors", x), ("concepts", x.transpose(1, 0, 2))]:
        n = arr.shape[0]
        for norm in ["none", "average", "jaccard", "cosine"]:
            for agg in ["congruence", "conflict", "subtract"]:
                edges = []
                for i in range(n):
                    for j in range(i + 1, n):
                        cong = float((arr[i] * arr[j]).sum())
                        conf = float((arr[i, :, 0] * arr[j, :, 1] + arr[i, :, 1] * arr[j, :, 0]).sum())
                        if cong == 0 and conf == 0:
                            continue  # no shared item: no tie
                        value = {"congruence": cong, "conflict": conf, "subtract": cong - conf}[agg]
                        ai, aj = arr[i].sum(), arr[j].sum()
                        if norm == "none":
                            d = 1.0
                        elif norm == "average":
                            d = (ai + aj) / 2
                        elif norm == "jaccard":
                            both = (arr[i] > 0) & (arr[j] > 0)
                            m10 = arr[i][arr[j] == 0].sum()
                            m01 = arr[j][arr[i] == 0].sum()
                            m11 = (arr[i] * arr[j])[both].sum()
                            d = m10 + m01 + m11
                        else:
                            d = math.sqrt((arr[i] ** 2).sum()) * math.sqrt((arr[j] ** 2).sum())
                        v = value / d if d > 0 else 0.0
                        if v != 0:
                            edges.append([i, j, v])
                result["networks"][f"{mode}/{agg}/{norm}"] = edges
    return result


def write(name, value):
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    path.write_text(json.dumps(value, indent=1, sort_keys=True) + "\n")
    print(f"wrote {path.relative_to(ROOT)}")


def main():
    seeds = sys.argv[1] if len(sys.argv) > 1 else OUT / "seeds-graph.json"
    provenance = {"networkx": nx.__version__, "numpy": np.__version__, "script": "tools/networkx_reference.py"}
    write("karate.json", {"provenance": provenance, "cases": karate_cases()})
    write("seeds.json", {"provenance": provenance, "cases": seeds_cases(seeds)})
    write("dna.json", {"provenance": provenance, **dna_case()})


if __name__ == "__main__":
    main()
