// Check argnet's Mermaid flowcharts with Mermaid's own parser.
//
// Usage: node check_mermaid.mjs DIR [DIR ...]
//
// Each DIR holds graph.json (argnet-graph/1, the expectation) and graph.mmd.
// Mermaid (in a jsdom window, as in a browser) must parse the flowchart and
// find every node with its exact label (quotes, ampersands, angle brackets,
// line breaks, non-ASCII), and every edge between the right nodes.
// Install with `npm ci` in this folder. Exit codes: 0 good, 1 a check failed.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!DOCTYPE html><html><body></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");
const { version } = JSON.parse(
  readFileSync(new URL("./node_modules/mermaid/package.json", import.meta.url), "utf8"),
);
mermaid.initialize({ startOnLoad: false });

// Mermaid keeps `#name;` codes in placeholders until it renders; this is the
// text a reader sees: placeholders back to entities, entities decoded.
function shown(text) {
  const html = text
    .replaceAll("ﬂ°°", "&#")
    .replaceAll("ﬂ°", "&")
    .replaceAll("¶ß", ";")
    .replaceAll("<br>", "\n");
  const area = document.createElement("textarea");
  area.innerHTML = html;
  return area.value;
}

const failures = [];
const check = (ok, message) => ok || failures.push(message);

console.log(`mermaid ${version}`);
for (const folder of process.argv.slice(2)) {
  const graph = JSON.parse(readFileSync(join(folder, "graph.json"), "utf8"));
  const text = readFileSync(join(folder, "graph.mmd"), "utf8");
  const name = graph.name;
  try {
    const parsed = await mermaid.parse(text);
    check(parsed.diagramType.startsWith("flowchart"), `${name}: diagram type ${parsed.diagramType}`);
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    const vertices = diagram.db.getVertices();
    const edges = diagram.db.getEdges();
    check(vertices.size === graph.nodes.length, `${name}: ${vertices.size} nodes, want ${graph.nodes.length}`);
    check(edges.length === graph.edges.length, `${name}: ${edges.length} edges, want ${graph.edges.length}`);
    const index = new Map(graph.nodes.map((node, i) => [node.id, `n${i}`]));
    graph.nodes.forEach((node, i) => {
      const vertex = vertices.get(`n${i}`);
      check(vertex && shown(vertex.text) === node.label, `${name}: n${i} reads ${JSON.stringify(vertex && shown(vertex.text))}, want ${JSON.stringify(node.label)}`);
    });
    graph.edges.forEach((edge, i) => {
      const got = edges[i];
      const want = [index.get(edge.source), index.get(edge.target)];
      check(got && got.start === want[0] && got.end === want[1], `${name}: edge ${i} is ${got?.start}->${got?.end}, want ${want.join("->")}`);
    });
    console.log(`${name}: mermaid: parsed ${vertices.size} nodes, ${edges.length} edges`);
  } catch (error) {
    failures.push(`${name}: mermaid refused the flowchart: ${error.message}`);
  }
}
for (const failure of failures) console.log(`FAIL ${failure}`);
console.log(failures.length ? `${failures.length} failures` : "all checks passed");
process.exit(failures.length ? 1 : 0);
