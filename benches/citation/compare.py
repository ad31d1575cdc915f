#!/usr/bin/env python3
"""argnet against NetworkX, igraph, rustworkx and NetworKit on citation
graphs, in one run, with the ratios the citation issue sets as targets.

For each data file, every tool runs each phase in a process of its own, so
that peak memory can be told apart:

  * argnet: `benches/citation.rs` (phases `main` and `exact`), started
    through `cargo bench --bench citation -- PHASE FILE`;
  * the peers: `../shared/bench/graph_peers.py`, phases `main` (shared
    numpy parse, build, PageRank, WCC, in-degree, Louvain, sampled
    betweenness, k-core) and `betweenness_exact`, through its own driver,
    so their numbers are measured exactly as in `../shared/bench/RESULTS.md`.

Then a generated graph of 16 million edges (seeded copying model, written
once by argnet's `generate` phase, untimed) is loaded and analysed
(PageRank, weak and strong components) by argnet alone.

Prints a Markdown report (and writes it with --md); --json keeps every raw
result. Run it through scripts/bench_citation.sh.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

# (row label, phase, op key, peer the target compares with, allowed ratio)
TARGETS = [
    ("load + build (peers: numpy parse + build)", "main", "load", None, None),
    ("PageRank (0.85, tol 1e-6)", "main", "pagerank", "igraph", 0.5),
    ("weakly connected components", "main", "wcc", "networkit", 1.0),
    ("in-degree (citation counts)", "main", "in_degree", None, None),
    ("Louvain", "main", "community", "networkit", 1.0),
    ("betweenness, sampled k=256", "main", "betweenness_k256", None, None),
    ("k-core", "main", "kcore", "igraph", 1.0),
    ("betweenness, exact", "betweenness_exact", "betweenness_exact", "rustworkx", 0.33),
]


def run_argnet(phase, *args, timeout=3600):
    cmd = ["cargo", "bench", "-q", "--bench", "citation", "--", phase, *map(str, args)]
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=timeout)
    for line in done.stdout.splitlines():
        if line.startswith("@@RESULT@@"):
            result = json.loads(line[len("@@RESULT@@"):])
            result["wall_s"] = time.perf_counter() - started
            return result
    sys.exit("argnet phase %s failed:\n%s" % (phase, done.stderr[-3000:]))


def peers_module(shared):
    sys.path.insert(0, os.path.join(shared, "bench"))
    import graph_peers  # noqa: E402

    return graph_peers


def fmt(seconds):
    if seconds is None:
        return "n/a"
    if seconds < 0.01:
        return "%.4f" % seconds
    if seconds < 1:
        return "%.3f" % seconds
    return "%.2f" % seconds


def op_time(result, op):
    if result is None or "ops" not in result:
        return None
    return (result["ops"].get(op) or {}).get("s")


def report(name, results, libs):
    """Markdown for one data file; results[(lib, phase)] = result."""
    lines = ["### %s" % name, ""]
    argnet_main = results[("argnet", "main")]
    load = argnet_main["ops"]["load"]
    lines.append("%d nodes, %d edges. Times in seconds (median of 3 for operations under 1 s)."
                 % (load["nodes"], load["edges"]))
    lines.append("")
    lines.append("| operation | argnet | " + " | ".join(libs) + " | target | ratio | met |")
    lines.append("|---" * (len(libs) + 5) + "|")
    for label, phase, op, peer, allowed in TARGETS:
        ours = op_time(results.get(("argnet", phase)), op)
        cells = []
        for lib in libs:
            r = results.get((lib, phase))
            if r is not None and "timeout" in r:
                cells.append("> %d (killed)" % r["timeout"])
            elif r is not None and "error" in r:
                cells.append("error")
            elif op == "load":
                # The peers' load is the shared numpy parse, then their build.
                parse, build = op_time(r, "parse"), op_time(r, "build")
                cells.append(fmt(parse + build) if parse is not None and build is not None else "-")
            else:
                cells.append(fmt(op_time(r, op)))
        if op == "load":
            parse = op_time(results.get(("igraph", "main")), "parse")
            build = op_time(results.get(("igraph", "main")), "build")
            target, ratio, met = "≤ 0.1 s", "", "yes" if ours <= 0.1 else "NO"
            if parse is not None and build is not None:
                ratio = "%.2f× igraph parse+build" % (ours / (parse + build))
        elif peer is None:
            target, ratio, met = "", "", ""
        else:
            theirs = op_time(results.get((peer, phase)), op)
            target = "≤ %s× %s" % (("%g" % allowed), peer)
            if theirs:
                ratio = "%.2f×" % (ours / theirs)
                met = "yes" if ours <= allowed * theirs else "NO"
            else:
                ratio, met = "no peer time", "?"
        lines.append("| %s | %s | %s | %s | %s | %s |"
                     % (label, fmt(ours), " | ".join(cells), target, ratio, met))
    peak = argnet_main["peak_rss_mb"]
    exact = results.get(("argnet", "betweenness_exact"), {})
    row = ["%.0f" % peak]
    for lib in libs:
        r = results.get((lib, "main"))
        row.append("%.0f" % r["peak_rss_mb"] if r and "peak_rss_mb" in r else "-")
    igraph = results.get(("igraph", "main"))
    met = ""
    if igraph and "peak_rss_mb" in igraph:
        met = "yes" if peak <= igraph["peak_rss_mb"] else "NO"
    lines.append("| peak RSS MB, main process | %s | ≤ igraph | %.2f× | %s |"
                 % (" | ".join(row), peak / igraph["peak_rss_mb"] if igraph else float("nan"), met))
    if exact:
        row = ["%.0f" % exact["peak_rss_mb"]]
        for lib in libs:
            r = results.get((lib, "betweenness_exact"))
            row.append("%.0f" % r["peak_rss_mb"] if r and "peak_rss_mb" in r else "-")
        lines.append("| peak RSS MB, exact betweenness | %s | | | |" % " | ".join(row))
    lines.append("")
    lines += checks(results, libs)
    return lines


def checks(results, libs):
    """The answers, side by side, so that speed is not bought with errors."""
    lines = ["| check | argnet | " + " | ".join(libs) + " |", "|---" * (len(libs) + 2) + "|"]

    def value(lib, phase, op, show):
        r = results.get((lib, phase))
        o = (r or {}).get("ops", {}).get(op)
        if not o or o.get("s") is None:
            return "-"
        try:
            return show(o)
        except (KeyError, IndexError, TypeError):
            return "-"

    rows = [
        ("PageRank top-10", "main", "pagerank", lambda o: " ".join(str(i) for i, _ in o["top10"])),
        ("PageRank #1 score", "main", "pagerank", lambda o: "%.7f" % o["top10"][0][1]),
        ("WCC count / largest", "main", "wcc", lambda o: "%d / %d" % (o["components"], o["largest"])),
        ("max in-degree (node)", "main", "in_degree",
         lambda o: "%d (%d)" % (o["top5"][0][1], o["top5"][0][0])),
        ("communities / modularity", "main", "community",
         lambda o: "%d / %.4f" % (o["communities"], o["modularity"])),
        ("sampled betweenness top-5", "main", "betweenness_k256",
         lambda o: " ".join(str(i) for i, _ in o["top5"])),
        ("exact betweenness #1 (score)", "betweenness_exact", "betweenness_exact",
         lambda o: "%d (%.0f)" % tuple(o["top5"][0])),
        ("max core / nodes in it", "main", "kcore",
         lambda o: "%d / %d" % (o["max_core"], o["nodes_in_max_core"])),
    ]
    for label, phase, op, show in rows:
        cells = [value(lib, phase, op, show) for lib in ["argnet"] + libs]
        lines.append("| %s | %s |" % (label, " | ".join(cells)))
    lines.append("")
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", help="SNAP edge lists (default: cit-HepPh and cit-HepTh)")
    ap.add_argument("--shared", default=os.path.join(REPO, "..", "shared"))
    ap.add_argument("--libs", default="igraph,rustworkx,networkit",
                    help="peers to run (networkx takes minutes per file)")
    ap.add_argument("--exact-libs", default="rustworkx",
                    help="peers whose exact betweenness is run (each takes 1-3 minutes)")
    ap.add_argument("--bc-timeout", type=int, default=600)
    ap.add_argument("--large-edges", type=int, default=16_000_000,
                    help="edges of the generated graph (0 skips it)")
    ap.add_argument("--md", help="write the report here too")
    ap.add_argument("--json", help="write every raw result here")
    args = ap.parse_args()
    shared = os.path.abspath(args.shared)
    files = args.files or [os.path.join(shared, "data", f)
                           for f in ("cit-HepPh.txt.gz", "cit-HepTh.txt.gz")]
    libs = [l for l in args.libs.split(",") if l]
    exact_libs = [l for l in args.exact_libs.split(",") if l]
    peers = peers_module(shared)

    raw, out = [], ["## Citation benchmark: argnet and its peers in one run", ""]
    out.append("Run on %s, %d cores, by `scripts/bench_citation.sh`. argnet uses %s threads;"
               " igraph one, rustworkx and NetworKit both cores."
               % (time.strftime("%Y-%m-%d"), os.cpu_count(), "all"))
    out.append("")
    for path in files:
        name = os.path.basename(path)
        results = {}
        print("%s: argnet" % name, file=sys.stderr, flush=True)
        results[("argnet", "main")] = run_argnet("main", path)
        results[("argnet", "betweenness_exact")] = run_argnet("exact", path)
        peer_args = argparse.Namespace(edgefile=path, k=256)
        for lib in libs:
            print("%s: %s" % (name, lib), file=sys.stderr, flush=True)
            results[(lib, "main")] = peers.run_phase(lib, "main", peer_args, "", 3600)
            if lib in exact_libs:
                results[(lib, "betweenness_exact")] = peers.run_phase(
                    lib, "betweenness_exact", peer_args, "", args.bc_timeout)
        raw.append({"file": name, "results": [dict(v, lib=k[0], phase=k[1])
                                              for k, v in results.items()]})
        out += report(name, results, libs)

    if args.large_edges:
        edges = args.large_edges
        nodes = edges // 16
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "copying.txt")
            print("generated graph: %d edges" % edges, file=sys.stderr, flush=True)
            run_argnet("generate", path, nodes, edges, 7)
            large = run_argnet("large", path)
        raw.append({"file": "generated", "results": [large]})
        out += ["### Generated copying-model graph", "",
                "%d nodes, %d edges (seed 7), read from a plain edge list." % (large["nodes"], large["edges"]),
                "",
                "| step | seconds |", "|---|---|",
                "| load + build | %.2f |" % large["load_s"],
                "| PageRank (%d iterations) | %.2f |" % (large["pagerank_iterations"], large["pagerank_s"]),
                "| weak + strong components (%d / %d) | %.2f |" % (large["weak"], large["strong"], large["components_s"]),
                "| **total** (target < 30 s) | **%.2f** |" % large["total_s"],
                "| peak RSS MB (target < 2048) | %.0f |" % large["peak_rss_mb"],
                ""]

    text = "\n".join(out)
    print(text)
    if args.md:
        with open(args.md, "w") as f:
            f.write(text + "\n")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(raw, f, indent=1)


if __name__ == "__main__":
    main()
