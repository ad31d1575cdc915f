// Check argnet's GEXF with graphology-gexf, the GEXF reader behind Gephi Lite.
//
// Usage: node check_gexf.mjs DIR [DIR ...]
//
// Each DIR holds graph.json (argnet-graph/1, the expectation), graph.gexf and
// graph.dynamic.gexf. Both GEXF files must parse into a directed multigraph
// with every node (exact id and label: quotes, ampersands, angle brackets,
// line breaks, non-ASCII) and every edge between the right nodes with its
// relation and weight. Install with `npm ci` in this folder.
// Exit codes: 0 good, 1 a check failed.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import Graph from "graphology";
import gexf from "graphology-gexf";

let failures = 0;
function check(ok, message) {
  if (!ok) {
    failures += 1;
    console.log(`FAIL ${message}`);
  }
}

for (const dir of process.argv.slice(2)) {
  const data = JSON.parse(readFileSync(join(dir, "graph.json"), "utf8"));
  for (const file of ["graph.gexf", "graph.dynamic.gexf"]) {
    const name = `${data.name}: graphology-gexf ${file}`;
    let graph;
    try {
      graph = gexf.parse(Graph, readFileSync(join(dir, file), "utf8"));
    } catch (error) {
      check(false, `${name}: ${error}`);
      continue;
    }
    check(graph.type === "directed", `${name}: type ${graph.type}`);
    check(graph.order === data.nodes.length, `${name}: ${graph.order} nodes`);
    check(graph.size === data.edges.length, `${name}: ${graph.size} edges`);
    for (const node of data.nodes) {
      if (!check(graph.hasNode(node.id), `${name}: node ${node.id} missing`)) continue;
      const attributes = graph.getNodeAttributes(node.id);
      check(attributes.label === node.label, `${name}: label ${JSON.stringify(attributes.label)}`);
      check(attributes.kind === node.kind, `${name}: kind of ${node.id}`);
    }
    const want = new Map();
    for (const e of data.edges) {
      const key = `${e.source}|${e.target}|${e.relation}`;
      want.set(key, (want.get(key) ?? 0) + e.weight);
    }
    const got = new Map();
    graph.forEachEdge((edge, attributes, source, target) => {
      const key = `${source}|${target}|${attributes.relation}`;
      got.set(key, (got.get(key) ?? 0) + attributes.weight);
    });
    check(
      got.size === want.size && [...want].every(([k, w]) => Math.abs((got.get(k) ?? -1) - w) < 1e-9),
      `${name}: edges differ`,
    );
    console.log(`${name}: ok: ${graph.order} nodes, ${graph.size} edges`);
  }
}
console.log(failures === 0 ? "all checks passed" : `${failures} failures`);
process.exit(failures === 0 ? 0 : 1);
