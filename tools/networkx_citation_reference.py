#!/usr/bin/env python3
"""Reference values for argnet's citation measures, computed with NetworkX.

Writes tests/fixtures/analysis/citation.json: PageRank (alpha 0.85),
HITS and directed betweenness (exact, normalised and not) on small
directed citation-like graphs. The Rust tests
(tests/integration/citation_measures.rs) read the file and never run
Python. Rerun with:

    python3 -m venv .venv-analysis            # once
    .venv-analysis/bin/pip install networkx==3.6.1 scipy numpy
    .venv-analysis/bin/python tools/networkx_citation_reference.py

Cases (all seeded, so the file is the same on every run):
- dag_with_cycles: 60 works, each citing up to four earlier ones (a
  random DAG, edges citing -> cited), plus a mutual citation, a 3-cycle
  and a long back edge, so PageRank's component-by-component solver
  meets cyclic components of several sizes between acyclic parts;
- dangling_and_loops: 40 works of which a third cite nothing (dangling)
  and some cite themselves, one isolated work, and a cycle;
- weighted_dag: the first case's edges with seeded weights 1..4, for the
  weighted PageRank and HITS;
- mostly_cyclic: 50 works citing three random others (some themselves),
  six dangling, so one strongly connected component holds most of the
  graph: argnet's PageRank then runs power iteration when the parallel
  threshold is reached, and the tests check both solvers.
"""

import json
import random
from pathlib import Path

import networkx as nx
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "analysis"


def dag_with_cycles():
    rng = random.Random(1989)
    g = nx.DiGraph()
    g.add_nodes_from(range(60))
    for citing in range(1, 60):
        for cited in rng.sample(range(citing), min(citing, rng.randint(1, 4))):
            g.add_edge(citing, cited)
    # Cycles: a mutual citation, a 3-cycle, a back edge closing a long one.
    g.add_edges_from([(20, 21), (21, 20), (30, 31), (31, 32), (32, 30), (5, 50)])
    if not g.has_edge(50, 5):
        g.add_edge(50, 5)
    return g


def dangling_and_loops():
    rng = random.Random(2003)
    g = nx.DiGraph()
    g.add_nodes_from(range(40))
    dangling = set(rng.sample(range(39), 13))
    for u in range(39):  # 39 stays isolated
        if u in dangling:
            continue
        for v in rng.sample(range(39), rng.randint(1, 4)):
            g.add_edge(u, v)
    for u in rng.sample(range(39), 6):
        g.add_edge(u, u)
    g.add_edges_from([(1, 2), (2, 3), (3, 1)])
    return g


def mostly_cyclic():
    rng = random.Random(1973)
    g = nx.DiGraph()
    g.add_nodes_from(range(50))
    for u in range(44):  # 44..49 cite nothing: dangling
        for v in rng.sample(range(50), 3):
            g.add_edge(u, v)
    g.add_edges_from([(7, 7), (12, 12)])
    return g


def well_defined_hits(g, weight):
    """HITS is unique only when the top singular value is simple."""
    a = nx.to_numpy_array(g, nodelist=sorted(g.nodes), weight=weight)
    s = np.linalg.svd(a, compute_uv=False)
    return len(s) > 1 and s[0] > 0 and (s[0] - s[1]) / s[0] > 1e-3


def case(g, weighted):
    nodes = sorted(g.nodes)
    col = lambda d: [float(d[v]) for v in nodes]
    w = "weight" if weighted else None
    out = {
        "nodes": nodes,
        "directed": True,
        "weighted": weighted,
        "edges": [[a, b, float(d.get("weight", 1.0))] for a, b, d in sorted(g.edges(data=True))],
    }
    m = {}
    m["pagerank"] = col(nx.pagerank(g, alpha=0.85, weight=w, tol=1e-12, max_iter=100000))
    hg = g.copy()
    if not weighted:
        for _, _, d in hg.edges(data=True):
            d["weight"] = 1.0
    if well_defined_hits(hg, "weight"):
        hubs, authorities = nx.hits(hg, tol=1e-14, max_iter=100000)
        m["hub"] = col(hubs)
        m["authority"] = col(authorities)
    else:
        out["hits_not_unique"] = True
    if not weighted:
        m["betweenness"] = col(nx.betweenness_centrality(g, normalized=True))
        m["betweenness_raw"] = col(nx.betweenness_centrality(g, normalized=False))
    out["measures"] = m
    out["self_loops"] = nx.number_of_selfloops(g)
    out["dangling"] = sum(1 for v in nodes if g.out_degree(v) == 0)
    out["largest_strong_component"] = max(len(c) for c in nx.strongly_connected_components(g))
    return out


def main():
    dag = dag_with_cycles()
    weighted = dag.copy()
    rng = random.Random(4)
    for _, _, d in sorted(weighted.edges(data=True)):
        d["weight"] = float(rng.randint(1, 4))
    value = {
        "provenance": {
            "networkx": nx.__version__,
            "numpy": np.__version__,
            "script": "tools/networkx_citation_reference.py",
        },
        "cases": {
            "dag_with_cycles": case(dag, False),
            "dangling_and_loops": case(dangling_and_loops(), False),
            "weighted_dag": case(weighted, True),
            "mostly_cyclic": case(mostly_cyclic(), False),
        },
    }
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "citation.json"
    path.write_text(json.dumps(value, indent=1, sort_keys=True) + "\n")
    print(f"wrote {path.relative_to(ROOT)}")
    for name, c in value["cases"].items():
        print(name, "edges", len(c["edges"]), "self-loops", c["self_loops"], "dangling", c["dangling"],
              "largest SCC", c["largest_strong_component"], "hits", "hub" in c["measures"])


if __name__ == "__main__":
    main()
